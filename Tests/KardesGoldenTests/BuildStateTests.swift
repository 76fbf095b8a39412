import Foundation
import KardesOutput
import Testing

@testable import KardesBuild

@Suite("The kept build state")
struct BuildStateTests {
    @Test("written files read back as they were: stamps, digests or none, negative times, paths with spaces")
    func roundTrip() throws {
        let outputs: [String: FileStamp] = [
            "index.html": FileStamp(size: 1234, modified: 1_764_000_000_123_456_789, changed: 1_764_000_000_987_654_321, inode: 42),
            "cities/tr/İstanbul şehri/index.html": FileStamp(size: 0, modified: -5, changed: 0, inode: UInt64.max),
            ".kardes-manifest": FileStamp(size: Int64.max, modified: Int64.min + 1, changed: 7, inode: 0),
        ]
        let digests = [
            "index.html": ContentDigest(of: Array("<!doctype html>".utf8)),
            "cities/tr/İstanbul şehri/index.html": ContentDigest(high: 0, low: 0xF),
        ]
        let state = BuildState(
            inputs: "abc", outputs: outputs, digests: digests, pagesByKind: ["page": 2], files: 3, warnings: [], languages: ["tr"])
        let bytes = try #require(state.encoded())
        let decoded = try #require(bytes.withUnsafeBufferPointer { BuildState(decoding: $0) })
        #expect(decoded == state)
        #expect(decoded.digests == digests)
        // The same lines string interpolation wrote before the text was made byte by byte.
        var expected = ""
        for (path, stamp) in outputs.sorted(by: { $0.key < $1.key }) {
            expected += "\(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.inode) \(digests[path]?.description ?? "-") \(path)\n"
        }
        #expect(String(decoding: state.writtenFilesBytes(), as: UTF8.self) == expected)
    }

    @Test(
        "a state saved with one file's line added last has the bytes of the state that had the file all along",
        arguments: [".kardes-manifest", "a", "cities/tr/x", "zz", "index.html"])
    func pendingSave(path: String) throws {
        let outputs: [String: FileStamp] = [
            "index.html": FileStamp(size: 1, modified: 2, changed: 3, inode: 4), "cities/tr/istanbul/index.html": FileStamp(size: 5, modified: -6, changed: 7, inode: 8),
            "b": FileStamp(size: 9, modified: 10, changed: 11, inode: 12),
        ].filter { $0.key != path }
        let state = BuildState(
            inputs: "abc", outputs: outputs, digests: ["b": ContentDigest(high: 1, low: 2)], pagesByKind: ["page": 3], files: 3, warnings: [],
            languages: ["tr"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-pending-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stamp = FileStamp(size: 13, modified: 14, changed: 15, inode: 16)
        var whole = state
        whole.outputs[path] = stamp
        for (added, expected) in [(stamp, whole), (nil, state)] {
            let pending = try #require(state.pendingSave(sortedPaths: outputs.keys.sorted(), adding: path))
            let url = folder.appendingPathComponent("pending.state")
            BuildState.save(pending, stamp: added, to: url)
            let saved = Array(try Data(contentsOf: url))
            // The summary line is JSON whose keys JSONEncoder writes in no fixed order; the lines after it are compared
            // byte for byte, and the whole as a state.
            func lines(_ bytes: [UInt8]) -> ArraySlice<UInt8> { bytes.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false).last ?? [] }
            #expect(lines(saved) == lines(try #require(expected.encoded())), "\(path), \(added == nil ? "without" : "with") the line")
            #expect(saved.withUnsafeBufferPointer { BuildState(decoding: $0) } == expected)
            // Made straight from the sorted list of written files, as a build makes it: the same state.
            let written = outputs.keys.sorted().map { BuildState.WrittenFile(path: $0, stamp: outputs[$0]!, digest: state.digests[$0]) }
            let listed = try #require(
                BuildState.pendingSave(
                    inputs: "abc", written: written, pagesByKind: ["page": 3], files: 3, warnings: [], languages: ["tr"], adding: path))
            BuildState.save(listed, stamp: added, to: url)
            let savedFromList = Array(try Data(contentsOf: url))
            #expect(lines(savedFromList) == lines(saved), "\(path), \(added == nil ? "without" : "with") the line, from the list")
            #expect(savedFromList.withUnsafeBufferPointer { BuildState(decoding: $0) } == expected)
        }
    }

    @Test("a file of another format, or cut short, is not taken for a state")
    func otherFormats() throws {
        let state = BuildState(
            inputs: "abc", outputs: ["a": FileStamp(size: 1, modified: 2, changed: 3, inode: 4)], pagesByKind: ["page": 1], files: 1,
            warnings: [], languages: ["en"])
        let bytes = try #require(state.encoded())
        let broken: [[UInt8]] = [
            [], Array("{\"inputs\":\"abc\",\"files\":1}".utf8), Array(bytes.dropFirst()), Array(bytes.prefix(BuildState.formatLine.count + 5)),
            Array("kardes-build-state 2\n".utf8) + bytes.dropFirst(BuildState.formatLine.count),
        ]
        for candidate in broken {
            #expect(candidate.withUnsafeBufferPointer { BuildState(decoding: $0) } == nil, "\(String(decoding: candidate.prefix(40), as: UTF8.self))")
        }
    }

    @Test("malformed lines are refused, so a damaged state only costs a build its shortcuts")
    func malformed() {
        for text in [
            "1 2 3 4 - \n", "1 2 3 - a\n", "x 2 3 4 - a\n", "1 2 3 4 0123 a\n", "1 2 3 4 \(String(repeating: "g", count: 32)) a\n",
            "99999999999999999999 2 3 4 - a\n", "1 2 3 4 -a\n",
        ] {
            var text = text
            #expect(text.withUTF8(BuildState.parseWrittenFiles) == nil, "\(text)")
        }
        var good = "1 2 3 4 - a b\n5 6 7 8 \(String(repeating: "0", count: 31))1 c\n"
        let parsed = good.withUTF8(BuildState.parseWrittenFiles)
        #expect(parsed?.outputs["a b"] == FileStamp(size: 1, modified: 2, changed: 3, inode: 4))
        #expect(parsed?.digests["c"] == ContentDigest(high: 0, low: 1))
        #expect(parsed?.digests["a b"] == nil)
    }

    @Test("an input's stamp is hashed as the text of its line, without making the text")
    func stampLines() {
        let stamps = [
            FileStamp(size: 0, modified: 0, changed: 0, inode: 0), FileStamp(size: 9, modified: 10, changed: 99, inode: 100),
            FileStamp(size: 1234, modified: 1_764_000_000_123_456_789, changed: -5, inode: 42),
            FileStamp(size: Int64.max, modified: Int64.min, changed: Int64.min + 1, inode: UInt64.max),
        ]
        for path in ["content/", "content/cities/tr/İstanbul şehri.md", ""] {
            for stamp in stamps {
                var text = Fingerprint(), bytes = Fingerprint()
                text.add("\(path) \(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.inode)")
                bytes.add(path, stamp)
                #expect(bytes.hex == text.hex, "\(path) \(stamp)")
            }
        }
    }
}
