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
struct BuildState: Codable, Equatable, Sendable {
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
        return cacheFolder.appendingPathComponent("builds").appendingPathComponent(Fingerprint.hex(of: Array(output.utf8)) + ".json")
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
            for (path, stamp) in Self.walk(root, relative: folder) {
                fingerprint.add("\(path) \(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.inode)")
            }
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
        closedir(directory)
        // The status of every entry, on all cores for a large folder (a site's partnerships are 10,000 files in one
        // folder, and this runs before anything else can); then the folders are walked in name order.
        enum Entry: Sendable { case file(FileStamp), folder, missing }
        let sorted = names.sorted()
        let entries = Parallel.map(sorted) { name -> Entry in
            let path = root + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { return .missing }
            if (info.st_mode & S_IFMT) == S_IFDIR { return .folder }
            // Not a link, so `lstat` said what `stat` would.
            if (info.st_mode & S_IFMT) != S_IFLNK { return .file(FileStamp(info)) }
            return FileStamp(path: path).map(Entry.file) ?? .missing
        }
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
    static func outputs(_ files: [(path: String, stamp: FileStamp?)], in output: URL) -> [String: FileStamp] {
        let root = output.standardizedFileURL.path
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(files.count + 1)
        for (path, stamp) in files + [(PublicWriter.manifestName, nil)] {
            if let stamp = stamp ?? FileStamp(path: root + "/" + path) { stamps[path] = stamp }
        }
        return stamps
    }

    /// Whether every output file is still exactly as the build left it.
    func outputsIntact(in output: URL) -> Bool {
        let root = output.standardizedFileURL.path
        return outputs.allSatisfy { FileStamp(path: root + "/" + $0.key) == $0.value }
    }

    // `writtenFiles` rather than the earlier `outputs`, whose lines had no digest: a state from before digests were
    // kept fails to decode and only costs one build its shortcuts.
    enum CodingKeys: String, CodingKey { case inputs, writtenFiles, pagesByKind, files, warnings, languages }

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

    // The output stamps are one text of lines, "size modified changed inode path", rather than a JSON object per file:
    // encoding 150,000 objects built a tree of them in memory several times the size of the file.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try container.decode(String.self, forKey: .inputs)
        pagesByKind = try container.decode([String: Int].self, forKey: .pagesByKind)
        files = try container.decode(Int.self, forKey: .files)
        warnings = try container.decode([Diagnostic].self, forKey: .warnings)
        languages = try container.decode([String].self, forKey: .languages)
        var outputs: [String: FileStamp] = [:]
        var digests: [String: ContentDigest] = [:]
        // One line per file: size, modification and change times, inode, digest (`-` when none) and path.
        for line in try container.decode(String.self, forKey: .writtenFiles).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5)
            guard fields.count == 6, let size = Int64(fields[0]), let modified = Int64(fields[1]), let changed = Int64(fields[2]),
                let inode = UInt64(fields[3])
            else { throw DecodingError.dataCorruptedError(forKey: .writtenFiles, in: container, debugDescription: "bad output line") }
            let path = String(fields[5])
            outputs[path] = FileStamp(size: size, modified: modified, changed: changed, inode: inode)
            if fields[4] != "-" {
                guard let digest = ContentDigest(fields[4]) else {
                    throw DecodingError.dataCorruptedError(forKey: .writtenFiles, in: container, debugDescription: "bad digest")
                }
                digests[path] = digest
            }
        }
        self.outputs = outputs
        self.digests = digests
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(pagesByKind, forKey: .pagesByKind)
        try container.encode(files, forKey: .files)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(languages, forKey: .languages)
        var lines = ""
        for (path, stamp) in outputs.sorted(by: { $0.key < $1.key }) {
            lines += "\(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.inode) \(digests[path]?.description ?? "-") \(path)\n"
        }
        try container.encode(lines, forKey: .writtenFiles)
    }

    /// The state kept at `url`, if any and readable.
    static func load(from url: URL) -> BuildState? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(BuildState.self, from: data)
    }

    /// Keeps the state at `url`; a state that cannot be saved only costs the next build its shortcut.
    func save(to url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let data = try? JSONEncoder().encode(self) else { return }
        try? data.write(to: url, options: .atomic)
    }
}

/// A 64-bit FNV-1a hash: stable across runs and machines, unlike `Hasher`, which is seeded per process.
struct Fingerprint {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ line: String) {
        for byte in line.utf8 { mix(byte) }
        mix(0x0A)
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
