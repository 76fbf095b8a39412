import Foundation

/// A real temporary folder holding a built site in `public/`, and a secret file next to it, outside the root.
struct TestSite {
    /// The temporary folder; removed by ``remove()``.
    let folder: URL
    /// The site root the server serves.
    var root: URL { folder.appendingPathComponent("public") }
    /// A file outside the root that must never be served.
    var secret: URL { folder.appendingPathComponent("secret.txt") }
    static let secretText = "the secret outside the root"

    /// Creates the folder with the files given by path relative to the root.
    init(files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("public"), withIntermediateDirectories: true)
        try Self.secretText.write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        for (path, text) in files { try write(text, to: path) }
    }

    /// Writes a file below the root, creating its folders.
    func write(_ text: String, to path: String) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Makes a symbolic link below the root pointing at an absolute path.
    func link(_ path: String, to destination: URL) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: destination.path)
    }

    /// The bytes of a file below the root, as it is on disk.
    func contents(of path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
