import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
        /// The paths written or removed, sorted: what a page showing them must reload for.
        public var changedPaths: [String] = []
        public init() {}
    }

    /// Writes `site`.
    /// - Throws: `BuildFailure.environment` when the folder holds files but no manifest (kardes did not make it), or
    ///   when a file cannot be written.
    /// - Parameter candidates: when given, only these paths may differ from the folder (an incremental rebuild knows
    ///   which files it made again); every other file of `site` is taken to be on disk already and is not read.
    public func write(_ site: RenderedSite, candidates: Set<String>? = nil) async throws(BuildFailure) -> Report {
        let previous = try begin()
        for file in site.files where !Self.isSafe(file.path) {
            throw .environment(problem: "refusing to write outside the output folder: \(file.path)", fix: "report this as a bug in kardes")
        }
        // Files are independent: write them in batches on all cores.
        let files = candidates.map { candidates in site.files.filter { candidates.contains($0.path) } } ?? site.files
        let batchSize = max(64, files.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        let writer = self
        let results = await withTaskGroup(of: Result<[String], BuildFailure>.self) { group in
            for start in stride(from: 0, to: files.count, by: batchSize) {
                let batch = files[start..<min(start + batchSize, files.count)]
                group.addTask {
                    var written: [String] = []
                    for file in batch {
                        switch Result(catching: { () throws(BuildFailure) -> Bool in try writer.write(file) }) {
                        case .success(let changed): if changed { written.append(file.path) }
                        case .failure(let error): return .failure(error)
                        }
                    }
                    return .success(written)
                }
            }
            var all: [Result<[String], BuildFailure>] = []
            for await result in group { all.append(result) }
            return all
        }
        var written: [String] = []
        for result in results { written += try result.get() }
        return try finish(previous: previous, paths: site.files.map(\.path), written: written)
    }

    /// Checks the output folder before anything is written and creates it: what a write starts with.
    /// - Returns: the paths the previous build wrote (from the manifest), for ``finish(previous:paths:written:)``.
    /// - Throws: `BuildFailure.environment` when the folder holds files but no manifest (kardes did not make it), or
    ///   cannot be created.
    public func begin() throws(BuildFailure) -> Set<String> {
        try begin(previous: previousPaths())
    }

    /// ``begin()`` with the folder's manifest already read by ``previousPaths()``, which changes nothing and so may run
    /// while the content is still being read and checked.
    public func begin(previous: Set<String>?) throws(BuildFailure) -> Set<String> {
        let fileManager = FileManager.default
        if previous == nil, let entries = try? fileManager.contentsOfDirectory(atPath: output.path), !entries.isEmpty {
            throw .environment(
                problem: "the output folder \(output.path) is not empty and was not written by kardes",
                fix: "choose an empty or new folder with --output, or empty this one yourself; kardes never deletes files it did not write")
        }
        do {
            try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .environment(problem: "cannot create the output folder \(output.path): \(error.localizedDescription)", fix: "check the path and its permissions")
        }
        return previous ?? []
    }

    /// The paths the previous build wrote, from the folder's manifest; `nil` when there is none.
    public func previousPaths() -> Set<String>? {
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        guard let data = FileManager.default.contents(atPath: manifestURL.path), let text = String(data: data, encoding: .utf8) else { return nil }
        return Set(text.split(separator: "\n").map(String.init))
    }

    /// Writes one file unless the same bytes are already there; safe to call from many tasks at once, each with
    /// another path.
    /// - Returns: whether the file was written.
    /// - Throws: `BuildFailure.content` with the file's ``RenderedFile/problem`` when it could not be made;
    ///   `.environment` when the path leaves the folder or the file cannot be written.
    public func write(_ file: RenderedFile) throws(BuildFailure) -> Bool {
        var status: stat?
        return try write(file, status: &status)
    }

    /// ``write(_:)``, also giving the file's status (`stat`) once it is as this build wants it: taken from the open file
    /// when its bytes were already right, read after the rename when it was written; nil when it could not be read.
    /// A build that keeps the stamps of its files gets them without another look-up of each path.
    ///
    /// - Parameter sameBytesIfStamped: the stamp the file had when a previous build left exactly `file`'s bytes there
    ///   (its caller compared their digests). When the file still has that stamp it is left alone without being read.
    public func write(_ file: RenderedFile, sameBytesIfStamped stamp: FileStamp? = nil, status: inout stat?) throws(BuildFailure) -> Bool {
        if let problem = file.problem { throw .content([problem]) }
        guard Self.isSafe(file.path) else {
            throw .environment(problem: "refusing to write outside the output folder: \(file.path)", fix: "report this as a bug in kardes")
        }
        do {
            return try Self.writeIfChanged(file, in: output, sameBytesIfStamped: stamp, status: &status)
        } catch {
            throw .environment(problem: "cannot write \(error.path): \(error.reason)", fix: "check free disk space and the folder's permissions")
        }
    }

    /// Removes what the previous build wrote and this one did not, and writes the manifest: what a write ends with.
    /// - Parameters:
    ///   - previous: what ``begin()`` returned.
    ///   - paths: every file of this build.
    ///   - written: the files that were written (their bytes changed).
    ///   - sortedPaths: `paths` sorted, when the caller has them.
    public func finish(previous: Set<String>, paths: [String], written: [String], sortedPaths: [String]? = nil) throws(BuildFailure) -> Report {
        let fileManager = FileManager.default
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        var report = Report()
        report.written = written.count
        report.changedPaths = written
        report.unchanged = paths.count - report.written

        let current = Set(paths)
        let root = output.standardizedFileURL.path
        for stale in previous.subtracting(current).sorted() where Self.isSafe(stale) {
            let path = root + "/" + stale
            if unlink(path) == 0 || (try? fileManager.removeItem(atPath: path)) != nil {
                report.removed += 1
                report.changedPaths.append(stale)
            }
            Self.removeEmptyParents(of: stale, below: root)
        }
        report.changedPaths.sort()
        // A build lists its files nearly in path order, and sorting finds the runs that already are (a set would
        // have to be sorted from scratch).
        var listed: [String] = []
        listed.reserveCapacity(current.count)
        for path in sortedPaths ?? paths.sorted() where path != listed.last { listed.append(path) }
        let manifest = listed.joined(separator: "\n") + "\n"
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
        // Read as bytes, split at every `/` byte: a part is unsafe when it is empty, `.` or `..`.
        var path = path
        return path.withUTF8 { isSafe(bytes: $0) }
    }

    private static func isSafe(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var partStart = 0
        for index in 0...bytes.count {
            guard index == bytes.count || bytes[index] == slash else { continue }
            switch index - partStart {
            case 0: return false
            case 1 where bytes[partStart] == dot: return false
            case 2 where bytes[partStart] == dot && bytes[partStart + 1] == dot: return false
            default: break
            }
            partStart = index + 1
        }
        return true
    }

    /// Writes through a temporary file and a rename, unless the bytes on disk are already these.
    ///
    /// Plain POSIX calls: Foundation's atomic write costs several extra system calls per file, which dominate a
    /// build of many small pages.
    static func writeIfChanged(
        _ file: RenderedFile, in output: URL, sameBytesIfStamped stamp: FileStamp? = nil, status: inout stat?
    ) throws(WriteError) -> Bool {
        let root = output.path
        let path = root.hasSuffix("/") ? root + file.path : root + "/" + file.path
        if let stamp {
            // A stamp moves whenever anything writes, replaces or touches the file (its change time cannot be set
            // back), so an unmoved one vouches for the bytes the previous build left.
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, FileStamp(info) == stamp {
                status = info
                return false
            }
        }
        if isUnchanged(path, file.contents, status: &status) { return false }
        let folder = (path as NSString).deletingLastPathComponent
        if access(folder, F_OK) != 0, let reason = makeFolder(folder) { throw WriteError(path: folder, reason: reason) }
        let temporary = folder + "/.kardes-\(getpid())-" + (path as NSString).lastPathComponent
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let complete = file.contents.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard complete, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
        var info = stat()
        status = stat(path, &info) == 0 ? info : nil
        return true
    }

    /// Creates `folder` and any missing parents with `mkdir`, as `mkdir -p` does; the reason when it cannot.
    ///
    /// Most pages sit in a folder of their own, and Foundation's `createDirectory` costs several system calls and
    /// path conversions per folder; this is one `mkdir` when the parent exists.
    static func makeFolder(_ folder: String) -> String? {
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT else { return String(cString: strerror(errno)) }
        let parent = (folder as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != folder else { return String(cString: strerror(ENOENT)) }
        if let reason = makeFolder(parent) { return reason }
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return nil }
        return String(cString: strerror(errno))
    }

    /// Whether the file at `path` holds exactly `contents` (sizes are compared before any byte is read).
    /// Whether the file at `path` holds exactly `contents`; then `status` is its `fstat`.
    static func isUnchanged(_ path: String, _ contents: [UInt8], status: inout stat?) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == contents.count else { return false }
        // Compared a block at a time, so a large page is not read into memory whole.
        let blockSize = 1 << 16
        let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { block.deallocate() }
        let same = contents.withUnsafeBytes { new -> Bool in
            var offset = 0
            while offset < new.count {
                let read = Glibc.read(descriptor, block, min(blockSize, new.count - offset))
                if read < 0, errno == EINTR { continue }
                guard read > 0, memcmp(block, new.baseAddress! + offset, read) == 0 else { return false }
                offset += read
            }
            // Nothing more: the file did not grow since fstat.
            return Glibc.read(descriptor, block, 1) == 0
        }
        if same { status = info }
        return same
    }

    /// Removes the folders of `path` (relative to `root`) that are left empty, innermost first.
    ///
    /// `rmdir` refuses a folder that holds anything, so no folder is listed: listing the parent of each stale file
    /// made removing the 100,000 stale pages of another site from a folder of 100,000 others take over ten minutes.
    static func removeEmptyParents(of path: String, below root: String) {
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty, rmdir(root + "/" + parts.joined(separator: "/")) == 0 {
            parts.removeLast()
        }
    }
}
