import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KardesModel
import KardesOutput

/// What the last build of a site read and wrote, kept outside the output folder so that a build with nothing to do
/// can tell at once: same inputs, same kardes, same options, and every file it wrote still as it left it.
///
/// Inputs are judged like `make` judges them, by each file's size, modification and change times and inode, not by
/// its bytes: reading 10,000 files to hash them costs more than the whole answer is worth, and an editor's save, a
/// `git checkout` or a `touch` all change a file's change time. The state is removed before a build starts writing,
/// so an interrupted build is never taken for a finished one.
struct BuildState: Equatable, Sendable {
    /// Hash of the inputs' stamps, the kardes executable and the request.
    var inputs: String
    /// Every file of the output folder kardes wrote, with its stamp right after writing, the manifest included.
    var outputs: [String: FileStamp]
    /// What the build reported, to report it again.
    var pagesByKind: [String: Int]
    var files: Int
    var warnings: [Diagnostic]
    var languages: [String]

    /// A file's stamp (see ``KardesOutput/FileStamp``).
    typealias FileStamp = KardesOutput.FileStamp

    /// The digest of each written file's bytes, by path (files the build did not digest have none): the next build
    /// leaves a file whose stamp is as kept here and whose new bytes have this digest without reading it.
    var digests: [String: ContentDigest] = [:]

    /// The file the state of a build into `output` is kept in: below the user's cache folder, named after the output
    /// folder's absolute path, so two sites never share one.
    static func location(for request: BuildRequest, cacheFolder: URL) -> URL {
        let output = request.output.standardizedFileURL.path
        return cacheFolder.appendingPathComponent("builds").appendingPathComponent(Fingerprint.hex(of: Array(output.utf8)) + ".state")
    }

    /// The hash of everything a build reads: every file below `content/` and `templates/` (by stamp), the running
    /// executable and the request's options.
    static func inputs(of request: BuildRequest) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add("kardes-build-state 2")
        fingerprint.add("source \(request.source.standardizedFileURL.path)")
        fingerprint.add("output \(request.output.standardizedFileURL.path)")
        fingerprint.add("drafts \(request.includeDrafts) portable \(String(describing: request.portable)) year \(request.referenceYear)")
        // A rebuilt kardes may render differently, so it invalidates the state.
        if let executable = Bundle.main.executablePath, let stamp = FileStamp(path: executable) {
            fingerprint.add("executable \(executable) \(stamp.size) \(stamp.modified) \(stamp.inode)")
        }
        for folder in ["content", "templates"] {
            let root = request.source.appendingPathComponent(folder).standardizedFileURL.path
            for (path, stamp) in Self.walk(root, relative: folder) { fingerprint.add(path, stamp) }
        }
        return fingerprint.hex
    }

    /// Every file below `root` with its stamp, sorted by path; folders are listed too, as a file added or removed
    /// changes its folder's times.
    static func walk(_ root: String, relative: String) -> [(String, FileStamp)] {
        var result: [(String, FileStamp)] = []
        guard let folderStamp = FileStamp(path: root) else { return [] }
        result.append((relative + "/", folderStamp))
        guard let directory = opendir(root) else { return result }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        // The status of every entry, on all cores for a large folder (a site's partnerships are 10,000 files in one
        // folder, and this runs before anything else can); then the folders are walked in name order. Each entry is
        // looked up in the open folder by its name alone: a whole path made the kernel walk every folder above it
        // again, for each of tens of thousands of files.
        enum Entry: Sendable { case file(FileStamp), folder, missing }
        let sorted = names.sorted()
        let folder = dirfd(directory)
        let entries = Parallel.map(sorted) { name -> Entry in
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
            if (info.st_mode & S_IFMT) == S_IFDIR { return .folder }
            // Not a link, so `lstat` said what `stat` would.
            if (info.st_mode & S_IFMT) != S_IFLNK { return .file(FileStamp(info)) }
            // A link: the status of what it leads to, as `stat` gives it.
            guard fstatat(folder, name, &info, 0) == 0 else { return .missing }
            return .file(FileStamp(info))
        }
        closedir(directory)
        for (name, entry) in zip(sorted, entries) {
            switch entry {
            case .folder: result += walk(root + "/" + name, relative: relative + "/" + name)
            case .file(let stamp): result.append((relative + "/" + name, stamp))
            case .missing: continue
            }
        }
        return result
    }

    /// The stamps of the files a build wrote into `output`, read right after writing.
    /// A stamp given with a path was read when the file was written; the others are read now.
    /// - Parameter withManifest: whether the output folder's manifest is one of them (it is written last).
    static func outputs(_ files: [(path: String, stamp: FileStamp?)], in output: URL, withManifest: Bool = true) -> [String: FileStamp] {
        let root = output.standardizedFileURL.path
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(files.count + 1)
        for (path, stamp) in files + (withManifest ? [(PublicWriter.manifestName, nil)] : []) {
            if let stamp = stamp ?? FileStamp(path: root + "/" + path) { stamps[path] = stamp }
        }
        return stamps
    }

    /// Whether every output file is still exactly as the build left it.
    func outputsIntact(in output: URL) -> Bool {
        let root = output.standardizedFileURL.path
        return outputs.allSatisfy { FileStamp(path: root + "/" + $0.key) == $0.value }
    }

    init(
        inputs: String, outputs: [String: FileStamp], digests: [String: ContentDigest] = [:], pagesByKind: [String: Int], files: Int,
        warnings: [Diagnostic], languages: [String]
    ) {
        self.inputs = inputs
        self.outputs = outputs
        self.digests = digests
        self.pagesByKind = pagesByKind
        self.files = files
        self.warnings = warnings
        self.languages = languages
    }

    /// The first line of a state file, naming its format; a file without it (such as a state of an earlier kardes)
    /// is not read, which only costs one build its shortcuts.
    static let formatLine = Array("kardes-build-state 3\n".utf8)

    /// What the state holds besides the written files, as one line of JSON.
    private struct Summary: Codable {
        var inputs: String
        var pagesByKind: [String: Int]
        var files: Int
        var warnings: [Diagnostic]
        var languages: [String]
    }

    /// The state as the bytes of its file: the format line, the rest as one line of JSON, then one line per written
    /// file (``writtenFilesBytes()``). The written files are lines of text rather than JSON: encoding 150,000 objects
    /// built a tree of them in memory several times the size of the file, and one JSON string of all the lines was
    /// escaped byte by byte when written and again when read.
    ///
    /// - Parameter sortedPaths: the keys of ``outputs``, sorted, when the caller has them (see ``writtenFilesBytes(sortedPaths:)``).
    func encoded(sortedPaths: [String]? = nil) -> [UInt8]? {
        Self.encoded(summary: Summary(inputs: inputs, pagesByKind: pagesByKind, files: files, warnings: warnings, languages: languages)) {
            writtenFilesBytes(sortedPaths: sortedPaths)
        }
    }

    /// The bytes of a state file with `summary` and the lines `lines()` writes.
    private static func encoded(summary: Summary, lines: () -> [UInt8]) -> [UInt8]? {
        guard let json = try? JSONEncoder().encode(summary), !json.contains(0x0A) else { return nil }
        return formatLine + json + [0x0A] + lines()
    }

    /// The state in `bytes` (as ``encoded()`` writes them), or nil when they are not a state of this format.
    init?(decoding bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count > Self.formatLine.count, bytes.starts(with: Self.formatLine) else { return nil }
        let rest = UnsafeBufferPointer(rebasing: bytes[Self.formatLine.count...])
        guard let newline = rest.firstIndex(of: 0x0A),
            let summary = try? JSONDecoder().decode(Summary.self, from: Data(UnsafeBufferPointer(rebasing: rest[..<newline]))),
            let (outputs, digests) = Self.parseWrittenFiles(UnsafeBufferPointer(rebasing: rest[(newline + 1)...]))
        else { return nil }
        self.init(
            inputs: summary.inputs, outputs: outputs, digests: digests, pagesByKind: summary.pagesByKind, files: summary.files,
            warnings: summary.warnings, languages: summary.languages)
    }

    /// Reads the lines of written files: size, modification and change times, inode, digest (`-` when none) and path,
    /// separated by single spaces. Byte by byte: splitting the text into substrings and parsing each field as one
    /// took a quarter of a second for 28,000 lines, before anything else of a build could start.
    /// - Returns: nil when a line is malformed.
    static func parseWrittenFiles(_ bytes: UnsafeBufferPointer<UInt8>) -> (outputs: [String: FileStamp], digests: [String: ContentDigest])? {
        var outputs: [String: FileStamp] = [:], digests: [String: ContentDigest] = [:]
        var lineCount = 0
        for byte in bytes where byte == UInt8(ascii: "\n") { lineCount += 1 }
        outputs.reserveCapacity(lineCount)
        digests.reserveCapacity(lineCount)
        var index = 0
        let end = bytes.count
        func number() -> UInt64? {
            var value: UInt64 = 0
            let start = index
            while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) = times.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                guard !overflowTimes, !overflowSum else { return nil }
                value = sum
                index += 1
            }
            guard index > start, index < end, bytes[index] == UInt8(ascii: " ") else { return nil }
            index += 1
            return value
        }
        func signed() -> Int64? {
            let negative = index < end && bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            guard let magnitude = number(), magnitude <= UInt64(Int64.max) else { return nil }
            return negative ? -Int64(magnitude) : Int64(magnitude)
        }
        func hex() -> UInt64? {
            guard index + 16 <= end else { return nil }
            var value: UInt64 = 0
            for _ in 0..<16 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                default: return nil
                }
                value = value << 4 | UInt64(digit)
                index += 1
            }
            return value
        }
        while index < end {
            guard let size = signed(), let modified = signed(), let changed = signed(), let inode = number() else { return nil }
            var digest: ContentDigest?
            if index + 1 < end, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: " ") {
                index += 2
            } else {
                guard let high = hex(), let low = hex(), index < end, bytes[index] == UInt8(ascii: " ") else { return nil }
                index += 1
                digest = ContentDigest(high: high, low: low)
            }
            let start = index
            while index < end, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            guard index > start else { return nil }
            let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            index += 1
            outputs[path] = FileStamp(size: size, modified: modified, changed: changed, inode: inode)
            if let digest { digests[path] = digest }
        }
        return (outputs, digests)
    }

    /// The lines ``parseWrittenFiles(_:)`` reads, sorted by path, written as bytes (string interpolation of five
    /// fields per file was most of the time a build spent saving its state).
    ///
    /// - Parameter sortedPaths: the keys of ``outputs``, sorted, when the caller has them: a build lists its files
    ///   nearly in order, which a sort finds in one pass, where the keys of a dictionary come in no order at all.
    func writtenFilesBytes(sortedPaths: [String]? = nil) -> [UInt8] {
        assert(sortedPaths.map { $0 == outputs.keys.sorted() } ?? true, "sortedPaths are not the sorted keys of outputs")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(outputs.count * 96)
        for path in sortedPaths ?? outputs.keys.sorted() {
            guard let stamp = outputs[path] else { continue }
            Self.appendLine(path: path, stamp: stamp, digest: digests[path], to: &bytes)
        }
        return bytes
    }

    /// A file a build wrote, as its state keeps it.
    struct WrittenFile: Sendable {
        let path: String
        let stamp: FileStamp
        let digest: ContentDigest?
    }

    /// ``pendingSave(sortedPaths:adding:)`` of the state with these fields whose outputs and digests are `written`,
    /// sorted by path with no path twice, made straight from that list: a build has its files in order already, and
    /// putting them into the state's dictionaries only to look each one up again to write its line was half of the
    /// time it spent saving its state.
    static func pendingSave(
        inputs: String, written: [WrittenFile], pagesByKind: [String: Int], files: Int, warnings: [Diagnostic], languages: [String],
        adding path: String
    ) -> PendingSave? {
        assert(zip(written, written.dropFirst()).allSatisfy { $0.path < $1.path }, "the written files are not sorted by path, each once")
        let summary = Summary(inputs: inputs, pagesByKind: pagesByKind, files: files, warnings: warnings, languages: languages)
        guard
            let bytes = encoded(summary: summary, lines: {
                var bytes: [UInt8] = []
                bytes.reserveCapacity(written.count * 96)
                for file in written { appendLine(path: file.path, stamp: file.stamp, digest: file.digest, to: &bytes) }
                return bytes
            })
        else { return nil }
        // The lines before the missing one are those of the paths sorting below it.
        var (low, high) = (0, written.count)
        while low < high {
            let middle = (low + high) / 2
            if written[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return pendingSave(bytes, linesBefore: low, adding: path)
    }

    /// Appends the line ``parseWrittenFiles(_:)`` reads for one written file.
    static func appendLine(path: String, stamp: FileStamp, digest: ContentDigest?, to bytes: inout [UInt8]) {
        func append(_ value: UInt64) {
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = value
            withUnsafeMutableBytes(of: &digits) { room in
                repeat {
                    room[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    count += 1
                } while rest > 0
                for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(room[index]) }
            }
        }
        func append(_ value: Int64) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            append(value.magnitude)
        }
        append(stamp.size)
        bytes.append(UInt8(ascii: " "))
        append(stamp.modified)
        bytes.append(UInt8(ascii: " "))
        append(stamp.changed)
        bytes.append(UInt8(ascii: " "))
        append(stamp.inode)
        bytes.append(UInt8(ascii: " "))
        if let digest {
            digest.appendHex(to: &bytes)
        } else {
            bytes.append(UInt8(ascii: "-"))
        }
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: path.utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The state's file without the line of one file written last (the output folder's manifest, whose stamp is
    /// known only once it is written), and where that line goes: put together while the last file is written.
    struct PendingSave {
        fileprivate var bytes: [UInt8]
        /// The byte offset of the line that comes after the missing one.
        fileprivate let offset: Int
        fileprivate let path: String
    }

    /// ``encoded(sortedPaths:)`` of this state, which has no line for `path` yet, with a place kept for that line.
    func pendingSave(sortedPaths: [String], adding path: String) -> PendingSave? {
        assert(outputs[path] == nil, "\(path) is already among the outputs")
        guard let bytes = encoded(sortedPaths: sortedPaths) else { return nil }
        // The lines before the missing one are those of the paths sorting below it.
        return Self.pendingSave(bytes, linesBefore: firstIndex(notBelow: path, in: sortedPaths), adding: path)
    }

    /// The state file `bytes` with a place kept for the line of `path` after its first `linesBefore` lines of written
    /// files, each of which ends in a line feed.
    private static func pendingSave(_ bytes: [UInt8], linesBefore: Int, adding path: String) -> PendingSave {
        var bytes = bytes, lines = linesBefore
        var offset = bytes.firstIndex(of: 0x0A).map { bytes.index(after: $0) } ?? bytes.count  // after the format line
        offset = bytes[offset...].firstIndex(of: 0x0A).map { bytes.index(after: $0) } ?? bytes.count  // after the summary
        while lines > 0, let end = bytes[offset...].firstIndex(of: 0x0A) {
            offset = end + 1
            lines -= 1
        }
        bytes.reserveCapacity(bytes.count + path.utf8.count + 64)
        return PendingSave(bytes: bytes, offset: offset, path: path)
    }

    /// Saves a ``PendingSave`` at `url` with its missing line, for a file of `stamp` and no digest; or without that line
    /// when `stamp` is nil, as ``save(to:sortedPaths:)`` of the state without that file would.
    static func save(_ pending: PendingSave, stamp: FileStamp?, to url: URL) {
        var bytes = pending.bytes
        if let stamp {
            var line: [UInt8] = []
            appendLine(path: pending.path, stamp: stamp, digest: nil, to: &line)
            bytes.insert(contentsOf: line, at: pending.offset)
        }
        write(bytes, to: url)
    }

    /// The state kept at `url`, if any and readable.
    static func load(from url: URL) -> BuildState? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return data.withUnsafeBytes { BuildState(decoding: $0.bindMemory(to: UInt8.self)) }
    }

    /// Keeps the state at `url`; a state that cannot be saved only costs the next build its shortcut.
    func save(to url: URL, sortedPaths: [String]? = nil) {
        guard let bytes = encoded(sortedPaths: sortedPaths) else { return }
        Self.write(bytes, to: url)
    }

    private static func write(_ bytes: [UInt8], to url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(bytes).write(to: url, options: .atomic)
    }
}

/// A 64-bit FNV-1a hash: stable across runs and machines, unlike `Hasher`, which is seeded per process.
struct Fingerprint {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ line: String) {
        for byte in line.utf8 { mix(byte) }
        mix(0x0A)
    }

    /// ``add(_:)`` of the line `"<path> <size> <modified> <changed> <inode>"`, without making the line: the inputs
    /// of a large site are tens of thousands of them, hashed before anything else of a build can start.
    mutating func add(_ path: String, _ stamp: FileStamp) {
        for byte in path.utf8 { mix(byte) }
        for number in [stamp.size, stamp.modified, stamp.changed] {
            mix(UInt8(ascii: " "))
            if number < 0 { mix(UInt8(ascii: "-")) }
            mix(decimal: number.magnitude)
        }
        mix(UInt8(ascii: " "))
        mix(decimal: stamp.inode)
        mix(0x0A)
    }

    private mutating func mix(decimal value: UInt64) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        repeat {
            mix(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    private mutating func mix(_ byte: UInt8) {
        state ^= UInt64(byte)
        state = state &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex(of bytes: [UInt8]) -> String {
        var fingerprint = Fingerprint()
        for byte in bytes { fingerprint.mix(byte) }
        return fingerprint.hex
    }
}
