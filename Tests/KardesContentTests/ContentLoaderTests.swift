import Foundation
import KardesContent
import KardesModel
import Testing

/// A site folder in a new temporary directory, holding `files` (path relative to the site root → bytes).
struct TemporarySite: ~Copyable {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-content-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}

@Suite("Content loader")
struct ContentLoaderTests {
    static let base = [
        "content/site.yml": "title: Deneme\n",
        "content/models/sister-city.md": file("---", "title: Kardeş kent", "---"),
        "content/partnerships/a.md": file("---", "cities: [\"Üsküdar, TR\", \"Köln, DE\"]", "model: sister-city", "---"),
    ]

    func errors(of site: borrowing TemporarySite) async -> [Diagnostic] {
        do {
            _ = try await ContentLoader(root: site.root).load()
            Issue.record("loading succeeded")
            return []
        } catch {
            guard case .content(let diagnostics) = error else {
                Issue.record("expected content errors, got \(error)")
                return []
            }
            return diagnostics
        }
    }

    @Test("a site loads every kind of entry")
    func loads() async throws {
        let site = try TemporarySite(
            Self.base.merging([
                "content/cities/tr/uskudar.md": file("---", "name: Üsküdar", "---"),
                "content/networks/nalas.md": file("---", "title: NALAS", "---"),
                "content/pages/hakkinda.md": file("---", "title: Hakkında", "---"),
                "content/index.md": file("---", "title: Giriş", "---", "Merhaba."),
            ]) { $1 })
        let loaded = try await ContentLoader(root: site.root).load()
        #expect(loaded.config.title == "Deneme")
        #expect(loaded.partnerships.map(\.id.slug) == ["a"])
        #expect(loaded.models.map(\.id.slug) == ["sister-city"])
        #expect(loaded.cities.map(\.id.description) == ["tr/uskudar"])
        #expect(loaded.networks.map(\.id.slug) == ["nalas"])
        #expect(loaded.pages.map(\.slug) == ["hakkinda"])
        #expect(loaded.home?.title == "Giriş")
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test("drafts are left out unless asked for")
    func drafts() async throws {
        let site = try TemporarySite(
            Self.base.merging(["content/partnerships/b.md": file("---", "cities: [\"Bursa, TR\", \"Köln, DE\"]", "model: sister-city", "draft: true", "---")]) { $1 })
        #expect(try await ContentLoader(root: site.root).load().partnerships.map(\.id.slug) == ["a"])
        #expect(try await ContentLoader(root: site.root, includeDrafts: true).load().partnerships.map(\.id.slug).sorted() == ["a", "b"])
    }

    @Test("errors of every file are reported together, sorted by file and position")
    func allFiles() async throws {
        let site = try TemporarySite(
            Self.base.merging([
                "content/partnerships/c.md": file("---", "cities: [\"Bursa, TR\"]", "model: sister-city", "---"),
                "content/partnerships/b.md": file("---", "cities: [\"Bursa, TR\", \"Köln, DE\"]", "model: sister-city", "established: 2002-13", "---"),
                "content/cities/tr/bursa.md": "name: Bursa\n",
            ]) { $1 })
        let diagnostics = await errors(of: site)
        #expect(
            diagnostics.map { "\($0.location) \($0.severity)" } == [
                "content/cities/tr/bursa.md:1:1 error", "content/partnerships/b.md:4:14 error", "content/partnerships/c.md:2:9 error",
            ])
    }

    @Test("a file that is not UTF-8 is an error at its first bad byte")
    func notUTF8() async throws {
        let site = try TemporarySite(Self.base)
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0x4B, 0x61, 0x72, 0x64, 0x65, 0xFE, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A])
            .write(to: site.root.appendingPathComponent("content/models/kardes.md"))
        let diagnostics = await errors(of: site)
        #expect(diagnostics.map(\.description) == [
            """
            content/models/kardes.md:2:13: error: the file is not UTF-8 text (byte 0xFE here)
                fix: save the file as UTF-8 in your editor ("Encoding: UTF-8"); Windows-1254 or Latin-5 files show Turkish letters this way
            """
        ])
    }

    @Test("two partnership files with one name in different folders are an error")
    func duplicateSlug() async throws {
        let site = try TemporarySite(
            Self.base.merging(["content/partnerships/eski/a.md": file("---", "cities: [\"Bursa, TR\", \"Köln, DE\"]", "model: sister-city", "---")]) { $1 })
        let diagnostics = await errors(of: site)
        #expect(diagnostics.map { "\($0.location): \($0.problem)" } == [
            "content/partnerships/eski/a.md:1:1: duplicate partnership slug 'a': content/partnerships/a.md has the same file name"
        ])
    }

    @Test("a file name that is not a slug is an error with the slug to rename it to")
    func badFileName() async throws {
        let site = try TemporarySite(
            Self.base.merging(["content/partnerships/Bursa Köln.md": file("---", "cities: [\"Bursa, TR\", \"Köln, DE\"]", "model: sister-city", "---")]) { $1 })
        let diagnostics = await errors(of: site)
        #expect(diagnostics.map(\.problem) == ["the file name 'Bursa Köln.md' is not a valid slug"])
        #expect(diagnostics.first?.fix.hasPrefix("rename it to 'bursa-koln.md'") == true)
    }

    @Test("a page may not take the address of a section of the site")
    func reservedPage() async throws {
        let site = try TemporarySite(Self.base.merging(["content/pages/cities.md": file("---", "title: Kentler", "---")]) { $1 })
        #expect(await errors(of: site).map(\.problem) == ["the page slug 'cities' is taken by a section of the site"])
    }

    @Test("a city file in a folder that is not a lower-case country code is an error")
    func cityFolder() async throws {
        let site = try TemporarySite(Self.base.merging(["content/cities/TR/bursa.md": file("---", "name: Bursa", "---")]) { $1 })
        #expect(await errors(of: site).map(\.problem) == ["'TR' is not a lower-case ISO 3166-1 country code folder"])
    }

    @Test("a missing site.yml is an error")
    func missingSiteFile() async throws {
        var files = Self.base
        files["content/site.yml"] = nil
        let site = try TemporarySite(files)
        #expect(await errors(of: site).map { "\($0.location): \($0.problem)" } == ["content/site.yml:1:1: missing site settings file"])
    }

    @Test("a Markdown file outside the folders kardes reads is a warning")
    func strayFile() async throws {
        let site = try TemporarySite(Self.base.merging(["content/notlar/taslak.md": "not\n"]) { $1 })
        let loaded = try await ContentLoader(root: site.root).load()
        #expect(loaded.diagnostics.map { "\($0.location) \($0.severity): \($0.problem)" } == [
            "content/notlar/taslak.md:1:1 warning: this file is not in a folder kardes reads, so it is ignored"
        ])
    }
}

/// Partnership bodies are kept as their entry links and a fingerprint, and rendered again from the file for their
/// page (`BodyReader`), which must give exactly what rendering at load time gave.
@Suite("Deferred bodies")
struct DeferredBodyTests {
    static let text = file(
        "---", "cities: [\"Üsküdar, TR\", \"Köln, DE\"]", "model: sister-city", "---", "", "İlk paragraf \"tırnaklı\" -- uzun.", "",
        "Bkz. [Köln](city:de/koln#ortaklar) ve [model](model:sister-city).")
    static let path = "content/partnerships/koln-uskudar.md"

    func load(_ site: borrowing TemporarySite, deferBodiesAbove: Int = 0) async throws -> (LoadedContent, Partnership) {
        var loader = ContentLoader(root: site.root)
        loader.deferBodiesAbove = deferBodiesAbove
        let loaded = try await loader.load()
        return (loaded, try #require(loaded.partnerships.first { $0.id.slug == "koln-uskudar" }))
    }

    @Test("the loader keeps links and a fingerprint; reading the body again gives the HTML rendering at once gives")
    func sameBody() async throws {
        let site = try TemporarySite(ContentLoaderTests.base.merging([Self.path: Self.text]) { _, new in new })
        let (loaded, partnership) = try await load(site)
        let deferred = try #require(partnership.body.deferred)
        #expect(deferred.file == Self.path && !deferred.isEmpty && partnership.body.segments.isEmpty)
        let direct = try #require(PartnershipFile.parse(Self.text, path: Self.path).entry).body
        #expect(partnership.body.links == direct.links && partnership.body.links.count == 2)
        let reader = try #require(loaded.bodies)
        #expect(try reader.html(of: partnership.body).get() == direct)
        // A body that is not deferred passes through.
        #expect(try reader.html(of: direct).get() == direct)
    }

    @Test("a site with no more partnerships than the limit keeps the HTML made while loading; one above it defers")
    func limit() async throws {
        let site = try TemporarySite(ContentLoaderTests.base.merging([Self.path: Self.text]) { _, new in new })
        let direct = try #require(PartnershipFile.parse(Self.text, path: Self.path).entry).body
        let count = try await ContentLoader(root: site.root).load().partnerships.count
        for (limit, defers) in [(ContentLoader.defaultDeferBodiesAbove, false), (count, false), (count - 1, true)] {
            let (_, partnership) = try await load(site, deferBodiesAbove: limit)
            #expect((partnership.body.deferred != nil) == defers, "limit \(limit), \(count) partnerships")
            if !defers { #expect(partnership.body == direct) }
        }
    }

    @Test("a file changed after loading is reported at the file, not shown", arguments: [
        "Başka bir metin.\n", "İlk paragraf \"tırnaklı\" -- uzun.\n",
    ])
    func changedFile(newBody: String) async throws {
        let site = try TemporarySite(ContentLoaderTests.base.merging([Self.path: Self.text]) { _, new in new })
        let (loaded, partnership) = try await load(site)
        let edited = Self.text.components(separatedBy: "---\n")[0...1].joined(separator: "---\n") + "---\n" + newBody
        try Data(edited.utf8).write(to: site.root.appendingPathComponent(Self.path))
        let result = try #require(loaded.bodies).html(of: partnership.body)
        guard case .failure(let problem) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(problem.code == "changed-during-build" && problem.location.file == Self.path && problem.severity == .error)
        #expect(problem.problem.contains("changed while the site was being built"))
    }

    @Test("front matter that grows moves the body's links, which counts as a change")
    func movedBody() async throws {
        let site = try TemporarySite(ContentLoaderTests.base.merging([Self.path: Self.text]) { _, new in new })
        let (loaded, partnership) = try await load(site)
        let moved = Self.text.replacingOccurrences(of: "model: sister-city\n", with: "model: sister-city\nstatus: active\n")
        try Data(moved.utf8).write(to: site.root.appendingPathComponent(Self.path))
        #expect(throws: Diagnostic.self) { try loaded.bodies?.html(of: partnership.body).get() }
    }

    @Test("a deleted file is reported too")
    func deletedFile() async throws {
        let site = try TemporarySite(ContentLoaderTests.base.merging([Self.path: Self.text]) { _, new in new })
        let (loaded, partnership) = try await load(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(Self.path))
        #expect(throws: Diagnostic.self) { try loaded.bodies?.html(of: partnership.body).get() }
    }
}
