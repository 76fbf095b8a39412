import Foundation
import KardesBuild
import KardesModel
import Testing

/// A build with nothing changed since the last one finishes from the kept build state without rendering; any change
/// to the content, the theme, the options or the written files makes it build again.
@Suite("Builds with nothing to do")
struct UpToDateTests {
    /// A copy of the golden site to edit, an output folder and a cache folder, all below one temporary folder.
    struct Scratch {
        let root: URL
        var site: URL { root.appendingPathComponent("site") }
        var output: URL { root.appendingPathComponent("public") }
        var cache: URL { root.appendingPathComponent("cache") }

        init() throws {
            root = try temporaryFolder()
            try FileManager.default.copyItem(at: Fixture.twinning.site, to: site)
        }

        func request(year: Int = 2026) -> BuildRequest {
            BuildRequest(source: site, output: output, referenceYear: year, cacheFolder: cache)
        }

        func build(year: Int = 2026) async throws -> BuildReport { try await KardesBuild.build(request(year: year)) }
    }

    @Test("a second build with nothing changed is up to date, reports the same files and warnings, and touches nothing")
    func nothingChanged() async throws {
        let scratch = try Scratch()
        defer { remove(scratch.root) }
        let first = try await scratch.build()
        #expect(!first.upToDate)
        let before = try Tree(scratch.output)
        let second = try await scratch.build()
        #expect(second.upToDate)
        #expect(second.files == first.files)
        #expect(second.pagesByKind == first.pagesByKind)
        #expect(second.warnings == first.warnings)
        #expect(second.write.written == 0 && second.write.unchanged == first.files)
        #expect(try Tree(scratch.output) == before)
    }

    @Test("editing a content file builds again and writes the change")
    func contentEdited() async throws {
        let scratch = try Scratch()
        defer { remove(scratch.root) }
        _ = try await scratch.build()
        let siteFile = scratch.site.appendingPathComponent("content/site.yml")
        let text = try String(contentsOf: siteFile, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: ", with: "title: Yeni ").utf8).write(to: siteFile)
        let second = try await scratch.build()
        #expect(!second.upToDate)
        #expect(second.write.written > 0)
        let home = try String(contentsOf: scratch.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("Yeni "))
    }

    @Test("a file added to templates/ builds again")
    func templateAdded() async throws {
        let scratch = try Scratch()
        defer { remove(scratch.root) }
        _ = try await scratch.build()
        let templates = scratch.site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("body { color: black; }\n".utf8).write(to: templates.appendingPathComponent("style.css"))
        let second = try await scratch.build()
        #expect(!second.upToDate)
        #expect(try String(contentsOf: scratch.output.appendingPathComponent("style.css"), encoding: .utf8) == "body { color: black; }\n")
    }

    @Test("a deleted or edited output file is written again")
    func outputTampered() async throws {
        let scratch = try Scratch()
        defer { remove(scratch.root) }
        _ = try await scratch.build()
        let expected = try Tree(scratch.output)
        try FileManager.default.removeItem(at: scratch.output.appendingPathComponent("index.html"))
        try Data("changed by hand\n".utf8).write(to: scratch.output.appendingPathComponent("404.html"))
        let second = try await scratch.build()
        #expect(!second.upToDate)
        #expect(second.write.written == 2)
        #expect(try Tree(scratch.output).contentDifference(from: expected) == nil)
    }

    @Test("a forced build rewrites nothing it left as it is, and restores a file edited by hand to the same length")
    func forcedKeepsAndRestores() async throws {
        let scratch = try Scratch()
        defer { remove(scratch.root) }
        var request = scratch.request()
        request.skipsWhenUnchanged = false
        let first = try await build(request)
        let expected = try Tree(scratch.output)
        // Digests and stamps of the first build let the second leave every file unread and unwritten.
        let second = try await build(request)
        #expect(second.write.written == 0 && second.write.unchanged == first.files)
        #expect(try Tree(scratch.output) == expected)
        // Same length, other bytes: the file's stamp moved, so it is compared and written again.
        let home = scratch.output.appendingPathComponent("index.html")
        var bytes = try Data(contentsOf: home)
        bytes[bytes.count / 2] = bytes[bytes.count / 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try bytes.write(to: home)
        let third = try await build(request)
        #expect(third.write.written == 1)
        #expect(try Tree(scratch.output).contentDifference(from: expected) == nil)
    }

    @Test("other options build again")
    func optionsChanged() async throws {
        let scratch = try Scratch()
        defer { remove(scratch.root) }
        _ = try await scratch.build(year: 2026)
        #expect(try await !scratch.build(year: 2030).upToDate)
        #expect(try await scratch.build(year: 2030).upToDate)
    }

    @Test("without a cache folder every build renders")
    func noCache() async throws {
        let scratch = try Scratch()
        defer { remove(scratch.root) }
        _ = try await buildSite(scratch.site, into: scratch.output)
        let second = try await buildSite(scratch.site, into: scratch.output)
        #expect(!second.upToDate)
        #expect(second.write.unchanged == second.files)
    }

    @Test("skipsWhenUnchanged false renders everything and keeps the state for the next build")
    func forced() async throws {
        let scratch = try Scratch()
        defer { remove(scratch.root) }
        _ = try await scratch.build()
        var request = scratch.request()
        request.skipsWhenUnchanged = false
        #expect(try await !build(request).upToDate)
        #expect(try await scratch.build().upToDate)
    }
}
