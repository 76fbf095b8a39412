import Foundation
import KardesBuild
import KardesContent
import KardesModel
import KardesOutput
import Testing

/// What kardes does to an output folder across builds: it refuses folders it did not make, leaves unchanged files
/// alone, removes what it no longer produces and never deletes what it did not write.
@Suite("Output folder")
struct OutputFolderTests {
    @Test("a non-empty output folder without a manifest is refused and left untouched")
    func foreignFolder() async throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        let output = folder.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try Data("<p>my own page</p>\n".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data([0xFF, 0xD8, 0xFF]).write(to: output.appendingPathComponent("photos/uskudar.jpg"))
        try Tree.backdate(output)
        let before = try Tree(output)

        await #expect {
            try await buildSite(Fixture.twinning.site, into: output)
        } throws: { error in
            guard let failure = error as? BuildFailure, case .environment(let problem, let fix) = failure else { return false }
            return problem.contains("is not empty and was not written by kardes") && !fix.isEmpty
        }
        let after = try Tree(output)
        #expect(after == before)
        #expect(after.paths == ["index.html", "photos/uskudar.jpg"])
    }

    @Test("an empty existing output folder is used")
    func emptyFolder() async throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        try await buildSite(Fixture.twinning.site, into: folder)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".kardes-manifest").path))
    }

    @Test("a second build of the same site rewrites nothing and gives the same bytes")
    func secondBuild() async throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        let output = folder.appendingPathComponent("public")
        let first = try await buildSite(Fixture.twinning.site, into: output)
        #expect(first.write.written == first.files)
        try Tree.backdate(output)
        let before = try Tree(output)

        let second = try await buildSite(Fixture.twinning.site, into: output)
        #expect(second.write.written == 0)
        #expect(second.write.unchanged == second.files)
        #expect(second.write.removed == 0)
        let after = try Tree(output)
        #expect(after == before, "a build of unchanged content touched files: \(after.paths.filter { after.files[$0] != before.files[$0] })")
    }

    @Test("two builds into different folders give identical bytes")
    func deterministic() async throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        try await buildSite(Fixture.twinning.site, into: folder.appendingPathComponent("a"))
        try await buildSite(Fixture.twinning.site, into: folder.appendingPathComponent("b"))
        let a = try Tree(folder.appendingPathComponent("a")), b = try Tree(folder.appendingPathComponent("b"))
        #expect(a.contentDifference(from: b) == nil)
    }

    @Test("a page kardes no longer produces is removed, and a file the user put in the output folder stays")
    func staleAndForeignFiles() async throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Fixture.twinning.site, to: site)
        let output = folder.appendingPathComponent("public")
        try await buildSite(site, into: output)
        try Tree.backdate(output)

        // The user adds files of their own; the site loses a partnership.
        try Data("google-site-verification: abc\n".utf8).write(to: output.appendingPathComponent("google123.html"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("partnerships/izmir-koln/ek"), withIntermediateDirectories: true)
        try Data("%PDF-1.4\n".utf8).write(to: output.appendingPathComponent("partnerships/izmir-koln/ek/protokol.pdf"))
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/partnerships/izmir-koln.md"))
        let about = site.appendingPathComponent("content/pages/hakkinda.md")
        let aboutText = try String(contentsOf: about, encoding: .utf8)
        try Data(aboutText.replacingOccurrences(of: "- [Köln](city:de/koln), önerilen bir ortak\n", with: "").utf8).write(to: about)
        let before = try Tree(output)

        let report = try await buildSite(site, into: output)
        let after = try Tree(output)
        for gone in ["partnerships/izmir-koln/index.html", "en/partnerships/izmir-koln/index.html", "cities/de/koln/index.html", "cities/tr/izmir/index.html", "countries/de/index.html", "areas/economy/index.html"] {
            #expect(before.files[gone] != nil)
            #expect(after.files[gone] == nil, "\(gone) is still there")
        }
        #expect(report.write.removed > 0)
        // Folders emptied by the removal go too, but not the one holding the user's file.
        #expect(!after.folders.contains("cities/de/koln"))
        #expect(!after.folders.contains("cities/de"))
        #expect(after.files["google123.html"] == before.files["google123.html"])
        #expect(after.files["partnerships/izmir-koln/ek/protokol.pdf"] == before.files["partnerships/izmir-koln/ek/protokol.pdf"])
        // The manifest lists what kardes wrote, never the user's files.
        let manifest = String(decoding: try #require(after.files[".kardes-manifest"]).bytes, as: UTF8.self)
        #expect(!manifest.contains("google123.html") && !manifest.contains("protokol.pdf"))
        #expect(manifest.split(separator: "\n").map(String.init) == after.paths.filter { $0 != ".kardes-manifest" && $0 != "google123.html" && !$0.hasSuffix("protokol.pdf") })
        // Pages that did not change were not rewritten.
        #expect(after.files["style.css"]?.modified == before.files["style.css"]?.modified)
        #expect(after.files["networks/balkan-kentleri/index.html"]?.modified == before.files["networks/balkan-kentleri/index.html"]?.modified)
        #expect(after.files["hakkinda/index.html"]?.modified != before.files["hakkinda/index.html"]?.modified)
    }
}

/// A partnership's text is read again when its page is rendered; a file edited between loading and rendering fails
/// the build at that file instead of publishing a page that the checks did not see.
@Suite("Bodies read again while rendering")
struct BodyRereadTests {
    @Test("a partnership file edited during the build fails it, naming the file, and nothing of it is written")
    func editedDuringBuild() async throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Fixture.twinning.site, to: site)
        let request = BuildRequest(source: site, output: folder.appendingPathComponent("public"), referenceYear: 2026)
        var loader = ContentLoader(root: site)
        loader.deferBodiesAbove = 0  // as for a large site
        let loaded = try await loader.load()
        let partnership = try #require(loaded.partnerships.first { !$0.body.isEmpty })
        let url = site.appendingPathComponent(partnership.source.file)
        try Data((String(decoding: try Data(contentsOf: url), as: UTF8.self) + "\nSonradan eklenen satır.\n").utf8).write(to: url)

        let (rendered, _) = try await render(loaded, request: request)
        let failed = rendered.files.filter { $0.problem != nil }
        // The page in every language, and nothing else.
        let page = "partnerships/\(partnership.id.slug)/index.html"
        #expect(Set(failed.map(\.path)) == Set(loaded.config.languages.enumerated().map { $0.offset == 0 ? page : "\($0.element)/\(page)" }))
        let problem = try #require(failed.first?.problem)
        #expect(problem.code == "changed-during-build" && problem.location.file == partnership.source.file)
        let writer = PublicWriter(output: request.output)
        _ = try writer.begin()
        #expect {
            _ = try writer.write(try #require(failed.first))
        } throws: { error in
            guard let failure = error as? BuildFailure, case .content(let diagnostics) = failure else { return false }
            return diagnostics == [problem]
        }
        #expect(!FileManager.default.fileExists(atPath: request.output.appendingPathComponent(failed[0].path).path))
    }
}
