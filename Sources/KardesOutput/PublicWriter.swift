import Foundation
import KardesModel
import KardesRendering

/// Writes a rendered site into the output folder.
///
/// Each file is replaced atomically; a file whose bytes are unchanged is left alone (its mtime stays); files kardes
/// wrote before and no longer produces are removed; files kardes did not write are never touched. What kardes wrote
/// is listed in `.kardes-manifest` in the output folder.
public struct PublicWriter: Sendable {
    public let output: URL
    public static let manifestName = ".kardes-manifest"

    public init(output: URL) { self.output = output }

    /// What a write did.
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        public init() {}
    }

    /// Writes `site`.
    /// - Throws: `BuildFailure.environment` when the folder holds files but no manifest (kardes did not make it), or
    ///   when a file cannot be written.
    public func write(_ site: RenderedSite) async throws(BuildFailure) -> Report {
        let fileManager = FileManager.default
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        var previous: Set<String> = []
        if let data = fileManager.contents(atPath: manifestURL.path), let text = String(data: data, encoding: .utf8) {
            previous = Set(text.split(separator: "\n").map(String.init))
        } else if let entries = try? fileManager.contentsOfDirectory(atPath: output.path), !entries.isEmpty {
            throw .environment(
                problem: "the output folder \(output.path) is not empty and was not written by kardes",
                fix: "choose an empty or new folder with --output, or empty this one yourself; kardes never deletes files it did not write")
        }
        for file in site.files where !Self.isSafe(file.path) {
            throw .environment(problem: "refusing to write outside the output folder: \(file.path)", fix: "report this as a bug in kardes")
        }
        do {
            try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .environment(problem: "cannot create the output folder \(output.path): \(error.localizedDescription)", fix: "check the path and its permissions")
        }

        // Files are independent: write them in batches on all cores.
        let files = site.files
        let batchSize = max(64, files.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        let output = self.output
        let results = await withTaskGroup(of: Result<Int, WriteError>.self) { group in
            for start in stride(from: 0, to: files.count, by: batchSize) {
                let batch = files[start..<min(start + batchSize, files.count)]
                group.addTask {
                    var written = 0
                    for file in batch {
                        switch Result(catching: { () throws(WriteError) -> Bool in try Self.writeIfChanged(file, in: output) }) {
                        case .success(let changed): if changed { written += 1 }
                        case .failure(let error): return .failure(error)
                        }
                    }
                    return .success(written)
                }
            }
            var all: [Result<Int, WriteError>] = []
            for await result in group { all.append(result) }
            return all
        }
        var report = Report()
        for result in results {
            switch result {
            case .success(let count): report.written += count
            case .failure(let error):
                throw .environment(problem: "cannot write \(error.path): \(error.reason)", fix: "check free disk space and the folder's permissions")
            }
        }
        report.unchanged = files.count - report.written

        let current = Set(files.map(\.path))
        for stale in previous.subtracting(current).sorted() where Self.isSafe(stale) {
            let url = output.appendingPathComponent(stale)
            if (try? fileManager.removeItem(at: url)) != nil { report.removed += 1 }
            Self.removeEmptyParents(of: url, below: output)
        }
        let manifest = current.sorted().joined(separator: "\n") + "\n"
        if manifest != (fileManager.contents(atPath: manifestURL.path).flatMap { String(data: $0, encoding: .utf8) }) {
            do {
                try Data(manifest.utf8).write(to: manifestURL, options: .atomic)
            } catch {
                throw .environment(problem: "cannot write \(manifestURL.path): \(error.localizedDescription)", fix: "check the folder's permissions")
            }
        }
        return report
    }

    struct WriteError: Error {
        let path: String
        let reason: String
    }

    /// A relative path with no `..`, no absolute start and no empty parts.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.isEmpty && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// Writes through a temporary file and a rename, unless the bytes on disk are already these.
    static func writeIfChanged(_ file: RenderedFile, in output: URL) throws(WriteError) -> Bool {
        let url = output.appendingPathComponent(file.path)
        let fileManager = FileManager.default
        if let existing = fileManager.contents(atPath: url.path), existing.count == file.contents.count, existing.elementsEqual(file.contents) {
            return false
        }
        do {
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents).write(to: url, options: .atomic)
        } catch {
            throw WriteError(path: url.path, reason: error.localizedDescription)
        }
        return true
    }

    static func removeEmptyParents(of url: URL, below root: URL) {
        var folder = url.deletingLastPathComponent().standardizedFileURL
        let rootPath = root.standardizedFileURL.path
        while folder.path.hasPrefix(rootPath + "/"), (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
