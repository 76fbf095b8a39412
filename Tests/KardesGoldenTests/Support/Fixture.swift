import Foundation
import KardesBuild
import KardesModel
import Testing

/// A site under `Tests/KardesGoldenTests/Fixtures/`: `site/` is built, `expected/` holds what it must give.
struct Fixture: CustomTestStringConvertible, Sendable {
    /// The fixture's name relative to `Fixtures/` (`twinning`, `invalid/unknown-model`).
    let name: String
    let folder: URL

    var site: URL { folder.appendingPathComponent("site") }
    var expected: URL { folder.appendingPathComponent("expected") }
    var testDescription: String { name }

    /// The `Fixtures/` folder in the source tree, so recording writes there.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Whether tests (re)write their expected files instead of comparing (`KARDES_RECORD=1`).
    static let recording = ProcessInfo.processInfo.environment["KARDES_RECORD"] == "1"

    /// The fixture folders directly below `folder` that hold a `site/`, by name.
    static func fixtures(in folder: String) -> [Fixture] {
        let base = folder.isEmpty ? root : root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.sorted().compactMap { name in
            let url = base.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("site").path) else { return nil }
            return Fixture(name: folder.isEmpty ? name : "\(folder)/\(name)", folder: url)
        }
    }

    /// Sites that build: every fixture but the invalid ones.
    static let all = fixtures(in: "")
    /// Sites that must fail with the diagnostics in `expected/diagnostics.txt`.
    static let invalid = fixtures(in: "invalid")
    /// The good site every invalid build is written over.
    static let twinning = Fixture(name: "twinning", folder: root.appendingPathComponent("twinning"))
}

/// Builds `site` into `output` the way the golden tests do (reference year 2026).
@discardableResult
func buildSite(_ site: URL, into output: URL) async throws(BuildFailure) -> BuildReport {
    try await build(BuildRequest(source: site, output: output, referenceYear: 2026))
}

/// A new empty folder, removed by the caller with `remove`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-golden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

/// Every file and folder below a folder, by path relative to it, with its bytes and modification time.
struct Tree: Equatable {
    struct File: Equatable {
        let bytes: Data
        let modified: Date
    }

    var files: [String: File] = [:]
    var folders: Set<String> = []

    init(_ root: URL) throws {
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return }
        while let relative = enumerator.nextObject() as? String {
            let path = base + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                folders.insert(relative)
            } else {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                files[relative] = File(bytes: data, modified: attributes[.modificationDate] as? Date ?? .distantPast)
            }
        }
    }

    var paths: [String] { files.keys.sorted() }

    /// Sets every file's modification time to `date`, so a rewrite shows even on file systems with coarse times.
    static func backdate(_ root: URL, to date: Date = Date(timeIntervalSince1970: 981_158_400)) throws {
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return }
        while let relative = enumerator.nextObject() as? String {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: base + "/" + relative)
        }
    }

    /// What differs from `expected`, in words, or nil when the files and their bytes are equal (times are ignored).
    func contentDifference(from expected: Tree) -> String? {
        let missing = Set(expected.files.keys).subtracting(files.keys).sorted()
        let extra = Set(files.keys).subtracting(expected.files.keys).sorted()
        var problems: [String] = []
        if !missing.isEmpty { problems.append("missing files: \(missing.joined(separator: ", "))") }
        if !extra.isEmpty { problems.append("unexpected files: \(extra.joined(separator: ", "))") }
        if let first = paths.first(where: { expected.files[$0] != nil && expected.files[$0]!.bytes != files[$0]!.bytes }) {
            problems.append("first differing file: \(first)\n\(firstDifference(files[first]!.bytes, expected.files[first]!.bytes))")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "\n")
    }
}

/// The first line where two texts differ, both versions.
func firstDifference(_ actual: Data, _ expected: Data) -> String {
    let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let b = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
        let left = index < a.count ? String(a[index]) : "<end of file>"
        let right = index < b.count ? String(b[index]) : "<end of file>"
        if left != right { return "line \(index + 1):\n  built:    \(left)\n  expected: \(right)" }
    }
    return "(\(actual.count) bytes built, \(expected.count) expected)"
}

/// Replaces `destination` with a copy of `source`.
func replace(_ destination: URL, with source: URL) throws {
    remove(destination)
    try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: source, to: destination)
}
