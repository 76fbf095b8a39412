import Foundation
import Testing

@testable import KardesContent

@Suite("Listing the content folder")
struct MarkdownFilesTests {
    /// What the loader listed before it used `readdir`: `FileManager`'s enumerator, filtered by name.
    func reference(root: URL) -> [String] {
        let content = root.appendingPathComponent("content")
        guard let enumerator = FileManager.default.enumerator(at: content, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = root.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            guard name.hasSuffix(".md") || name == "areas.yml", !name.hasPrefix(".") else { continue }
            var path = url.standardizedFileURL.path
            if path.hasPrefix(base) { path = String(path.dropFirst(base.count)) }
            while path.hasPrefix("/") { path.removeFirst() }
            paths.append(path)
        }
        return paths.sorted()
    }

    @Test("the same paths as FileManager's enumerator: hidden folders, links, odd names and folders named like files")
    func sameAsEnumerator() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-list-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        let content = root.appendingPathComponent("content")
        let outside = root.appendingPathComponent("elsewhere")
        for folder in ["partnerships", "cities/tr", "cities/de/alt", ".hidden", "models", "notes.md", "İzmir şehri"] {
            try manager.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        let files = [
            "site.yml", "partnerships/a.md", "partnerships/b.md", "partnerships/.draft.md", "partnerships/c.markdown",
            "partnerships/d.MD", "cities/tr/istanbul.md", "cities/de/alt/köln.md", "cities/areas.yml", "areas.yml",
            ".hidden/x.md", "models/twinning.md", "notes.md/inner.md", "İzmir şehri/ç.md", "page.md",
        ]
        for file in files { try Data("x".utf8).write(to: content.appendingPathComponent(file)) }
        try Data("x".utf8).write(to: outside.appendingPathComponent("linked.md"))
        // A link to a file is listed; a link to a folder is listed by its name but not entered.
        try manager.createSymbolicLink(at: content.appendingPathComponent("partnerships/link.md"), withDestinationURL: outside.appendingPathComponent("linked.md"))
        try manager.createSymbolicLink(at: content.appendingPathComponent("folder-link"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: content.appendingPathComponent("folder-link.md"), withDestinationURL: outside)

        let listed = ContentLoader(root: root).markdownFiles(in: content)
        #expect(listed == reference(root: root))
        #expect(listed.contains("content/partnerships/link.md") && !listed.contains { $0.hasPrefix("content/folder-link/") })
        #expect(listed.contains("content/.hidden/x.md") && !listed.contains("content/partnerships/.draft.md"))
    }
}
