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

    @Test("each part of a path is checked: empty parts, . and .. are refused wherever they are")
    func safePaths() async throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        for path in ["", "/", "/abs.html", "a//b.html", "a/", "./a.html", "a/./b.html", "a/..", "../a.html", "a/../b.html", ".."] {
            await #expect(throws: BuildFailure.self, "\(path)") { try await PublicWriter(output: output).write(site([path: "x"])) }
        }
        let fine = ["a.html", ".well-known/x.txt", "a/..b/c.html", "a/b../c.html", "...", "ç/ş.html", "a/.b"]
        let report = try await PublicWriter(output: output).write(site(Dictionary(uniqueKeysWithValues: fine.map { ($0, "x") })))
        #expect(report.written == fine.count)
    }

    @Test("the status a write reports is the file's stat, whether it was written or already right")
    func status() async throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        let writer = PublicWriter(output: output)
        _ = try writer.begin()
        let file = RenderedFile(path: "cities/x/index.html", contents: Array("bir".utf8), sources: [], kind: "page")
        func stamp(_ info: stat) -> [Int] {
            #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
            #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
            #endif
            return [Int(info.st_size), Int(info.st_ino), modified.tv_sec, modified.tv_nsec, changed.tv_sec, changed.tv_nsec]
        }
        func onDisk() throws -> stat {
            var info = stat()
            try #require(stat(output.appendingPathComponent(file.path).path, &info) == 0)
            return info
        }
        var status: stat?
        #expect(try writer.write(file, status: &status))
        #expect(try status.map(stamp) == stamp(onDisk()))
        status = nil
        #expect(try !writer.write(file, status: &status))
        #expect(try status.map(stamp) == stamp(onDisk()))
        status = nil
        let changed = RenderedFile(path: file.path, contents: Array("iki".utf8), sources: [], kind: "page")
        #expect(try writer.write(changed, status: &status))
        #expect(try status.map(stamp) == stamp(onDisk()))
    }

    @Test("a file whose stamp is the one vouched for is left unread; one written since is compared and rewritten")
    func vouchedStamp() async throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        let writer = PublicWriter(output: output)
        _ = try writer.begin()
        let file = RenderedFile(path: "cities/x/index.html", contents: Array("bir".utf8), sources: [], kind: "page")
        let url = output.appendingPathComponent(file.path)
        var status: stat?
        #expect(try writer.write(file, status: &status))
        let written = try #require(status.map(FileStamp.init))
        status = nil
        #expect(try !writer.write(file, sameBytesIfStamped: written, status: &status))
        #expect(status.map(FileStamp.init) == written)
        // Written behind kardes' back: the stamp moved, so the old one vouches for nothing and the bytes are compared.
        try Data("iki".utf8).write(to: url)
        status = nil
        #expect(try writer.write(file, sameBytesIfStamped: written, status: &status))
        #expect(FileManager.default.contents(atPath: url.path) == Data("bir".utf8))
        // The writer trusts a stamp that matches and does not read the file: given the stamp of other bytes (which
        // a build never passes, its digests differing), it leaves them.
        try Data("üç".utf8).write(to: url)
        let other = try #require(FileStamp(path: url.path))
        #expect(try !writer.write(file, sameBytesIfStamped: other, status: &status))
        #expect(FileManager.default.contents(atPath: url.path) == Data("üç".utf8))
    }

    @Test("digests are the same for the same bytes, differ for others, and read back from their text")
    func digests() {
        let texts = ["", "a", "b", "bir", String(repeating: "x", count: 100_000), String(repeating: "x", count: 99_999) + "y"]
        let digests = texts.map { ContentDigest(of: Array($0.utf8)) }
        #expect(Set(digests).count == texts.count)
        #expect(digests == texts.map { ContentDigest(of: Array($0.utf8)) })
        for digest in digests {
            #expect(digest.description.count == 32)
            #expect(ContentDigest(digest.description) == digest)
        }
        #expect(ContentDigest("xyz") == nil)
        #expect(ContentDigest(String(repeating: "g", count: 32)) == nil)
    }

    @Test("the manifest lists every file once, sorted, however the build listed them")
    func manifest() async throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        let writer = PublicWriter(output: output)
        let previous = try writer.begin()
        let paths = ["b/index.html", "a/index.html", "sitemap.xml", "a/index.html", "robots.txt", "c.json"]
        _ = try writer.finish(previous: previous, paths: paths, written: [])
        let text = try #require(FileManager.default.contents(atPath: output.appendingPathComponent(PublicWriter.manifestName).path))
        #expect(String(decoding: text, as: UTF8.self) == Set(paths).sorted().joined(separator: "\n") + "\n")
    }
}
