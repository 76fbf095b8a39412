import Foundation
import KardesBuild
import KardesModel
import KardesScaffold
import Testing

/// A new empty folder in the temporary directory; the caller removes it with `remove`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-scaffold-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

/// Writes `text` to `path` below `root`, creating folders.
func write(_ text: String, to path: String, in root: URL) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// The text of `path` below `root`, or nil when there is no such file.
func read(_ path: String, in root: URL) -> String? {
    FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
}

func exists(_ path: String, in root: URL) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

/// A new site made by `kardes init` in a new temporary folder (owner Üsküdar, TR).
func newSite(owner: String = "Üsküdar, TR", withTheme: Bool = false) throws -> URL {
    let root = try temporaryFolder().appendingPathComponent("site")
    _ = try Scaffold(root: root).initSite(.init(owner: owner, withTheme: withTheme), theme: defaultThemeFiles())
    return root
}

/// Builds `site` into `output` (default: a `public` folder next to the site), against 2026.
@discardableResult
func buildSite(_ site: URL, into output: URL? = nil) async throws(BuildFailure) -> BuildReport {
    try await build(BuildRequest(source: site, output: output ?? site.deletingLastPathComponent().appendingPathComponent("public"), referenceYear: 2026))
}

/// The content diagnostics a failing build of `site` reports; records an issue when it builds.
func buildErrors(_ site: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) async -> [Diagnostic] {
    do {
        try await buildSite(site)
        Issue.record("the build succeeded", sourceLocation: sourceLocation)
        return []
    } catch {
        guard case .content(let diagnostics) = error else {
            Issue.record("expected content errors, got \(error)", sourceLocation: sourceLocation)
            return []
        }
        return diagnostics.filter { $0.severity == .error }
    }
}

/// Every file below a folder by relative path, with its bytes.
func files(below root: URL) throws -> [String: Data] {
    let base = root.standardizedFileURL.path
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
    while let relative = enumerator.nextObject() as? String {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder)
        if !isFolder.boolValue { result[relative] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative)) }
    }
    return result
}

/// The paths below `root` whose bytes differ between two snapshots, or that only one of them has.
func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
    Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
}
