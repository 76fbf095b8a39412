import Foundation
import KardesBuild
import KardesContent
import KardesModel
import KardesScaffold
import Testing

@Suite("kardes init")
struct InitTests {
    static let siteFiles = [
        ".gitignore", "content/index.md", "content/models/decentralised-cooperation.md", "content/models/municipal-cooperation.md",
        "content/models/sister-city.md", "content/partnerships/ornek-ortaklik.md", "content/site.yml",
    ]

    @Test("creates site.yml, the home text, the three models, one example partnership, an empty templates/ and a .gitignore")
    func createsSkeleton() throws {
        let parent = try temporaryFolder()
        defer { remove(parent) }
        let root = parent.appendingPathComponent("yeni/site")
        let written = try Scaffold(root: root).initSite(.init(owner: "Üsküdar, TR"), theme: defaultThemeFiles())
        #expect(written == Self.siteFiles)
        #expect(try files(below: root).keys.sorted() == Self.siteFiles)
        #expect(read(".gitignore", in: root) == "public/\n")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path, isDirectory: &isFolder) && isFolder.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("templates").path).isEmpty)
    }

    @Test("site.yml names the municipality and a default title, and reads without problems")
    func siteSettings() throws {
        let root = try newSite(owner: "Üsküdar, TR")
        defer { remove(root.deletingLastPathComponent()) }
        let parsed = SiteFile.parse(try #require(read("content/site.yml", in: root)), path: "content/site.yml")
        #expect(parsed.diagnostics.isEmpty)
        let config = try #require(parsed.entry)
        #expect(config.title == "Üsküdar Kardeş Kentleri")
        #expect(config.owner?.text == "Üsküdar, TR")
        #expect(config.languages == ["tr"])
        #expect(config.legalChecklist)
    }

    @Test("a title and an owner with quotes and backslashes are written as valid YAML")
    func awkwardTitle() throws {
        let parent = try temporaryFolder()
        defer { remove(parent) }
        let root = parent.appendingPathComponent("site")
        _ = try Scaffold(root: root).initSite(.init(owner: "Say \"Hi\", US", title: "Kardeş: \"kentler\" \\ rehberi #1"), theme: [:])
        let parsed = SiteFile.parse(try #require(read("content/site.yml", in: root)), path: "content/site.yml")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entry?.title == "Kardeş: \"kentler\" \\ rehberi #1")
        #expect(parsed.entry?.owner?.text == "Say \"Hi\", US")
        let home = PageFile.parse(try #require(read("content/index.md", in: root)), path: "content/index.md")
        #expect(home.diagnostics.isEmpty)
        let example = PartnershipFile.parse(try #require(read("content/partnerships/ornek-ortaklik.md", in: root)), path: "content/partnerships/ornek-ortaklik.md")
        #expect(example.diagnostics.isEmpty)
        #expect(example.entry?.cities.first?.text == "Say \"Hi\", US")
    }

    @Test("the new site builds at once, with the example partnership and the three models")
    func buildsAtOnce() async throws {
        let root = try newSite()
        let output = root.deletingLastPathComponent().appendingPathComponent("public")
        defer { remove(root.deletingLastPathComponent()) }
        let report = try await buildSite(root, into: output)
        #expect(report.warnings.filter { $0.severity == .error }.isEmpty)
        #expect(exists("index.html", in: output))
        #expect(exists("partnerships/ornek-ortaklik/index.html", in: output))
        for model in ["sister-city", "municipal-cooperation", "decentralised-cooperation"] {
            #expect(exists("models/\(model)/index.html", in: output), "models/\(model)/")
        }
        #expect(exists("data/partnerships.csv", in: output))
    }

    @Test("a site started for a municipality outside Türkiye builds too")
    func foreignOwnerBuilds() async throws {
        let root = try newSite(owner: "Köln, DE")
        defer { remove(root.deletingLastPathComponent()) }
        try await buildSite(root)
    }

    @Test("--with-theme copies every default theme file into templates/, byte for byte")
    func withThemeCopiesTheme() throws {
        let root = try newSite(withTheme: true)
        defer { remove(root.deletingLastPathComponent()) }
        let theme = defaultThemeFiles()
        #expect(!theme.isEmpty)
        let copied = try files(below: root.appendingPathComponent("templates"))
        #expect(copied.keys.sorted() == theme.keys.sorted())
        for (path, text) in theme {
            #expect(copied[path] == Data(text.utf8), "templates/\(path)")
        }
    }

    @Test("a site with the copied theme builds byte-identically to one without it")
    func withThemeBuildsTheSame() async throws {
        let plain = try newSite(withTheme: false)
        let themed = try newSite(withTheme: true)
        defer {
            remove(plain.deletingLastPathComponent())
            remove(themed.deletingLastPathComponent())
        }
        let plainOutput = plain.deletingLastPathComponent().appendingPathComponent("public")
        let themedOutput = themed.deletingLastPathComponent().appendingPathComponent("public")
        try await buildSite(plain, into: plainOutput)
        try await buildSite(themed, into: themedOutput)
        let a = try files(below: plainOutput), b = try files(below: themedOutput)
        #expect(!a.isEmpty)
        #expect(differences(a, b) == [])
    }

    @Test("refuses a folder that holds anything, and leaves what is there untouched", arguments: ["notes.txt", ".git/HEAD", "content/site.yml"])
    func refusesNonEmptyFolder(existing: String) throws {
        let root = try temporaryFolder()
        defer { remove(root) }
        try write("keep me\n", to: existing, in: root)
        let before = try files(below: root)
        #expect {
            try Scaffold(root: root).initSite(.init(owner: "Üsküdar, TR", withTheme: true), theme: defaultThemeFiles())
        } throws: { error in
            let failure = try #require(error as? Scaffold.Failure)
            return failure.problem == "\(root.path) is not empty" && failure.fix.contains("kardes init")
        }
        #expect(try files(below: root) == before)
    }

    @Test("an empty existing folder is accepted")
    func emptyFolder() throws {
        let root = try temporaryFolder()
        defer { remove(root) }
        let written = try Scaffold(root: root).initSite(.init(owner: "Üsküdar, TR"), theme: [:])
        #expect(written == Self.siteFiles)
    }

    @Test("an owner that is not a city reference is refused with the build's words, and nothing is created", arguments: [
        "Üsküdar", "Üsküdar, Turkey", "tr/uskudar",
    ])
    func badOwner(owner: String) throws {
        let parent = try temporaryFolder()
        defer { remove(parent) }
        let root = parent.appendingPathComponent("site")
        #expect(throws: Scaffold.Failure.self) {
            try Scaffold(root: root).initSite(.init(owner: owner), theme: [:])
        }
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }
}
