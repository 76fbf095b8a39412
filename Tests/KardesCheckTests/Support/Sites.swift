import Foundation
import KardesCheck
import KardesContent
import KardesLinking
import KardesModel
import Testing

/// The day the checks are run against in these tests.
let today = PartialDate(year: 2026, month: 6, day: 1)!

/// A site in a new temporary folder: `content/site.yml` and the sister-city and municipal-cooperation models, plus the
/// given files (path relative to the site root → text), which may replace them.
struct TestSite {
    let root: URL

    static let defaults: [String: String] = [
        "content/site.yml": "title: Deneme\nbase_url: https://example.org/\n",
        "content/models/sister-city.md": "---\ntitle: Kardeş kent ilişkisi\norder: 1\n---\n",
        "content/models/municipal-cooperation.md": "---\ntitle: Belediyeler arası iş birliği\norder: 2\n---\n",
    ]

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-check-\(UUID().uuidString)")
        for (path, text) in Self.defaults.merging(files, uniquingKeysWith: { $1 }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Loads and links the site as a build does, then runs the checks of `kardes check`.
    func check(on day: PartialDate = today) async throws -> [Diagnostic] {
        let loaded = try await ContentLoader(root: root).load()
        let linked = try Linker(language: loaded.config.defaultLanguage, referenceYear: day.year).link(loaded)
        return ContentChecker(today: day).check(loaded, linked)
    }
}

/// Loads, links and checks `files` in a temporary site, then removes it.
func check(_ files: [String: String], on day: PartialDate = today) async throws -> [Diagnostic] {
    let site = try TestSite(files)
    defer { site.remove() }
    return try await site.check(on: day)
}

/// A partnership file from front-matter lines.
func entry(_ lines: String...) -> String { "---\n" + lines.joined(separator: "\n") + "\n---\n" }

/// A city file with a name and, optionally, coordinates.
func cityFile(_ name: String, _ coordinates: (Double, Double)? = nil) -> String {
    "---\nname: \(name)\n" + (coordinates.map { "coordinates: [\($0.0), \($0.1)]\n" } ?? "") + "---\n"
}

/// "file:line:column severity code" of a diagnostic.
func position(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.location) \(diagnostic.severity.rawValue) \(diagnostic.code)"
}

extension Array where Element == Diagnostic {
    /// Only the diagnostics with this code.
    func with(code: String) -> [Diagnostic] { filter { $0.code == code } }
}
