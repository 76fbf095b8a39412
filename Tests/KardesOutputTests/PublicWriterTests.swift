import Foundation
import KardesModel
import KardesOutput
import KardesRendering
import Testing

@Suite("Writing the site")
struct PublicWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func site(_ files: [String: String]) -> RenderedSite {
        RenderedSite(files: files.map { RenderedFile(path: $0.key, contents: Array($0.value.utf8), sources: [], kind: "page") })
    }

    func modified(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test("unchanged files are not rewritten, changed ones are, stale ones are removed, foreign ones stay")
    func incremental() async throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        let writer = PublicWriter(output: output)
        var report = try await writer.write(site(["index.html": "a", "cities/x/index.html": "b", "old/index.html": "c"]))
        #expect(report.written == 3)
        try Data("mine".utf8).write(to: output.appendingPathComponent("CNAME"))
        let before = try modified(output.appendingPathComponent("index.html"))
        try await Task.sleep(for: .milliseconds(20))
        report = try await writer.write(site(["index.html": "a", "cities/x/index.html": "B"]))
        #expect(report.written == 1 && report.unchanged == 1 && report.removed == 1)
        #expect(try modified(output.appendingPathComponent("index.html")) == before)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old").path))
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("CNAME").path) == Data("mine".utf8))
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("cities/x/index.html").path) == Data("B".utf8))
    }

    @Test("a non-empty folder kardes did not write is refused and left as it is")
    func foreignFolder() async throws {
        let output = try temporaryFolder()
        try Data("keep".utf8).write(to: output.appendingPathComponent("notes.txt"))
        await #expect(throws: BuildFailure.self) { try await PublicWriter(output: output).write(site(["index.html": "a"])) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["notes.txt"])
    }

    @Test("paths that would leave the output folder are refused")
    func escape() async throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        await #expect(throws: BuildFailure.self) { try await PublicWriter(output: output).write(site(["../evil.html": "x"])) }
        #expect(!FileManager.default.fileExists(atPath: output.deletingLastPathComponent().appendingPathComponent("evil.html").path))
    }
}
