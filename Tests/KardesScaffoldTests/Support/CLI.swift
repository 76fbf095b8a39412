import Foundation

/// The built `kardes` executable, run as a user runs it (a copy of the helper in KardesCheckTests, which this target cannot import).
enum CLI {
    /// The executable: next to the test bundle (both are products of one `swift build --build-tests`), or the package's
    /// `.build/debug/kardes` found from this file's place in the source tree; nil when neither exists.
    static let binary: URL? = {
        let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            testExecutable.deletingLastPathComponent().appendingPathComponent("kardes"),
            testExecutable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("kardes"),
            Bundle.main.bundleURL.appendingPathComponent("kardes"),
            package.appendingPathComponent(".build/debug/kardes"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var isBuilt: Bool { binary != nil }

    /// What a run printed and its exit status.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `kardes` with `arguments` and waits for it. Output goes through files, so a long report cannot block the pipe.
    static func run(_ arguments: [String]) throws -> Result {
        guard let binary else { throw CocoaError(.fileNoSuchFile) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
