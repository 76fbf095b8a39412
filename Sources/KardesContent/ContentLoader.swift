import Foundation
import KardesMarkdown
import KardesModel

/// Reads a site's `content/` folder into `LoadedContent`, every file in parallel.
public struct ContentLoader: Sendable {
    /// The site folder (holding `content/`).
    public let root: URL
    /// Whether entries with `draft: true` are kept.
    public let includeDrafts: Bool

    /// Above this many partnership files, a partnership's body is kept only as its entry links and a fingerprint,
    /// and its HTML is made again from the file when its page is rendered (``BodyReader``): held for every
    /// partnership, the HTML was most of the memory of a 100,000-partnership build. Below it, the HTML made while
    /// loading is kept, which spares reading and rendering each body twice. The output is the same either way.
    public var deferBodiesAbove = ContentLoader.defaultDeferBodiesAbove
    public static let defaultDeferBodiesAbove = 20_000

    /// `root` as a file system path.
    let rootPath: String

    public init(root: URL, includeDrafts: Bool = false) {
        self.root = root
        self.includeDrafts = includeDrafts
        self.rootPath = root.path
    }

    /// Top-level folders of the output that a page slug must not take.
    public static let reservedSlugs: Set<String> = [
        "partnerships", "cities", "countries", "models", "networks", "areas", "years", "regions", "search", "map", "stats", "data",
        "seeking", "en", "tr", "de", "fr", "style", "assets",
    ]

    /// What one file turned into.
    enum Item: Sendable {
        case partnership(Partnership), city(City), model(CooperationModel), network(Network), page(Page), home(Page), note(CountryNote)
        case areas([Area])
        case none
    }

    /// Loads every file.
    /// - Throws: `BuildFailure.content` with every error of every file (malformed YAML, missing keys, wrong types,
    ///   bad dates and references, duplicate slugs, files that are not UTF-8); `.environment` when `content/` is missing.
    public func load() async throws(BuildFailure) -> LoadedContent {
        let content = try await loadCollecting()
        if content.diagnostics.contains(where: { $0.severity == .error }) { throw .content(content.diagnostics.sorted()) }
        return content
    }

    /// Loads every file like `load`, but keeps content errors in `diagnostics` instead of throwing, with every entry that
    /// could still be read, so linking can add its own problems and a build reports all of them at once.
    /// - Throws: `.environment` when `content/` is missing.
    public func loadCollecting() async throws(BuildFailure) -> LoadedContent {
        try await parse().assembled(includeDrafts: includeDrafts)
    }

    /// Reads and parses every file, keeping each file's result, so that a later change re-reads only the files that
    /// changed (``reparse(_:changed:)``).
    /// - Throws: `.environment` when `content/` is missing.
    public func parse() async throws(BuildFailure) -> ParsedContent {
        let content = root.appendingPathComponent("content")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .environment(
                problem: "no content folder at \(content.path)",
                fix: "run kardes in a site folder (one holding content/), pass --source DIR, or start a site with 'kardes init'")
        }
        let (config, configDiagnostics) = readConfig()
        let markdown = MarkdownRenderer(unsafeHTML: config.unsafeHTML, smartPunctuation: config.smartPunctuation)
        let paths = markdownFiles(in: content)
        let files = await parseFiles(paths, markdown: markdown, defersBodies: defersBodies(paths))
        return ParsedContent(
            config: config, configDiagnostics: configDiagnostics, files: files, order: paths, bodies: BodyReader(root: root, markdown: markdown))
    }

    /// `previous` with the files in `changed` (paths relative to the site root) read again, added or dropped.
    ///
    /// A change to `content/site.yml` can change how every file is rendered (Markdown options), so it reads everything.
    /// - Throws: `.environment` when `content/` is missing.
    public func reparse(_ previous: ParsedContent, changed: Set<String>) async throws(BuildFailure) -> ParsedContent {
        if changed.contains("content/site.yml") { return try await parse() }
        let content = root.appendingPathComponent("content")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isFolder), isFolder.boolValue else { return try await parse() }
        // Edits of files already known need no new listing; anything else (a file or folder added, removed or
        // renamed) may hold many files, so the folder is listed again.
        let onlyEdits = changed.allSatisfy { path in
            previous.files[path] != nil && FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        }
        let present = onlyEdits ? Set(previous.files.keys) : Set(markdownFiles(in: content))
        var files = onlyEdits ? previous.files : previous.files.filter { present.contains($0.key) }
        let reread = present.filter { changed.contains($0) || previous.files[$0] == nil }
        let markdown = MarkdownRenderer(unsafeHTML: previous.config.unsafeHTML, smartPunctuation: previous.config.smartPunctuation)
        for (path, file) in await parseFiles(reread.sorted(), markdown: markdown, defersBodies: defersBodies(Array(present))) { files[path] = file }
        return ParsedContent(
            config: previous.config, configDiagnostics: previous.configDiagnostics, files: files, order: onlyEdits ? previous.order : present.sorted(),
            bodies: BodyReader(root: root, markdown: markdown))
    }

    func readConfig() -> (SiteConfig, [Diagnostic]) {
        var log = DiagnosticLog()
        let sitePath = "content/site.yml"
        var config = SiteConfig(title: "kardes")
        if let text = readText(sitePath, log: &log) {
            let parsed = SiteFile.parse(text, path: sitePath)
            log.append(contentsOf: parsed.diagnostics)
            if let entry = parsed.entry { config = entry }
        } else if !FileManager.default.fileExists(atPath: root.appendingPathComponent(sitePath).path) {
            log.append(.error("missing-site-file", at: SourceLocation(file: sitePath), "missing site settings file", fix: "create content/site.yml with at least 'title: …'"))
        }
        return (config, log.diagnostics)
    }

    /// Whether a site of these files keeps its partnerships' bodies deferred (``deferBodiesAbove``).
    func defersBodies(_ paths: [String]) -> Bool {
        paths.lazy.filter { $0.hasPrefix("content/partnerships/") }.count > deferBodiesAbove
    }

    /// Parses files in parallel; the result is keyed by path, so the order of finishing does not matter.
    func parseFiles(_ paths: [String], markdown: MarkdownRenderer, defersBodies: Bool) async -> [String: ParsedContent.File] {
        await withTaskGroup(of: (String, Item, [Diagnostic]).self) { group in
            for path in paths {
                group.addTask {
                    // A file's problems sorted here, on every core, so that the whole list rarely needs sorting.
                    let (path, item, diagnostics) = self.loadFile(path, markdown: markdown, defersBodies: defersBodies)
                    return (path, item, diagnostics.count > 1 ? diagnostics.sorted() : diagnostics)
                }
            }
            var all: [String: ParsedContent.File] = [:]
            // Room for every file at once: grown step by step, the table was rehashed a dozen times while the last
            // files were read.
            all.reserveCapacity(paths.count)
            for await (path, item, diagnostics) in group { all[path] = ParsedContent.File(item: item, diagnostics: diagnostics) }
            return all
        }
    }

    /// Every `.md` and `areas.yml` below `content/`, as paths relative to the site root, sorted.
    ///
    /// Listed with `readdir` as `FileManager`'s enumerator lists them (every entry with such a name, folders and links
    /// included; into every folder, hidden ones too, but not through links to folders), without making a URL of
    /// each and standardising it: that took a tenth of a second at 10,000 partnerships, on one core, before any file
    /// was read.
    func markdownFiles(in content: URL) -> [String] {
        let base = root.standardizedFileURL.path
        let start = content.standardizedFileURL.path
        var prefix = start.hasPrefix(base) ? String(start.dropFirst(base.count)) : start
        while prefix.hasPrefix("/") { prefix.removeFirst() }
        var paths: [String] = []
        func visit(_ folder: String, _ relative: String) {
            guard let directory = opendir(folder) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                let path = folder + "/" + name
                let listed = relative.isEmpty ? name : relative + "/" + name
                if (name.hasSuffix(".md") || name == "areas.yml") && !name.hasPrefix(".") { paths.append(listed) }
                var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder { visit(path, listed) }
            }
        }
        visit(start, prefix)
        return paths.sorted()
    }

    /// Reads a file as UTF-8; logs and returns nil when it is not.
    func readText(_ path: String, log: inout DiagnosticLog) -> String? {
        guard let bytes = FileBytes.read(FileBytes.path(rootPath, path)) else { return nil }
        switch Self.decode(bytes: bytes, path: path) {
        case .success(let text): return text
        case .failure(let diagnostic):
            log.append(diagnostic)
            return nil
        }
    }

    /// The text of `data`, or an error at the first byte that is not UTF-8.
    public static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        decode(bytes: [UInt8](data), path: path)
    }

    /// ``decode(_:path:)`` of bytes already read.
    static func decode(bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        if let text = String(validating: bytes, as: UTF8.self) {
            // Pages are published in Unicode Normalization Form C, as HTML checkers expect, whatever the editor wrote.
            // Text whose characters all lie below U+0300 (ASCII, Latin-1, Turkish and the other Latin letters of
            // Latin Extended-A and -B) is already in that form: it has no combining marks and nothing that composes.
            // In UTF-8 such text has no byte from 0xCC up, and checking that is far cheaper than normalising.
            // Text in other scripts is mostly NFC too; a quick check of its scalars spares most of it the normalising.
            let belowCombiningMarks = bytes.withUnsafeBufferPointer { buffer in buffer.allSatisfy { $0 < 0xCC } }
            if belowCombiningMarks || bytes.withUnsafeBufferPointer(NFCCheck.isCertainlyNFC(utf8:)) { return .success(text) }
            return .success(text.precomposedStringWithCanonicalMapping)
        }
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let valid = length > 0 && index + length <= bytes.count
                && String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            if !valid { break }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return .failure(
            .error(
                "not-utf8", at: SourceLocation(file: path, line: line, column: column),
                "the file is not UTF-8 text (byte 0x\(String(bytes[min(index, bytes.count - 1)], radix: 16, uppercase: true)) here)",
                fix: "save the file as UTF-8 in your editor (\"Encoding: UTF-8\"); Windows-1254 or Latin-5 files show Turkish letters this way"))
    }

    func loadFile(_ path: String, markdown: MarkdownRenderer, defersBodies: Bool) -> (String, Item, [Diagnostic]) {
        var log = DiagnosticLog()
        guard let text = readText(path, log: &log) else { return (path, .none, log.diagnostics) }
        let parts = path.split(separator: "/")  // content/<section>/…, as slices: no string is made of each part
        let section = parts.count > 2 ? parts[1] : ""
        let name = parts.last ?? ""
        let slug = slugOf(path)

        func checkSlug() -> Bool {
            guard Slug.isValid(slug) else {
                log.append(
                    .error(
                        "bad-file-name", at: SourceLocation(file: path), "the file name '\(name)' is not a valid slug",
                        fix: "rename it to '\(Slug.make(from: slug).isEmpty ? "name" : Slug.make(from: slug)).md' (lower-case ASCII letters, digits and '-')"))
                return false
            }
            return true
        }
        func take<T>(_ parsed: Parsed<T>, _ wrap: (T) -> Item) -> (String, Item, [Diagnostic]) {
            log.append(contentsOf: parsed.diagnostics)
            return (path, parsed.entry.map(wrap) ?? .none, log.diagnostics)
        }

        switch (section, parts.count) {
        case ("", 2) where name == "index.md":
            return take(PageFile.parse(text, path: path, markdown: markdown), Item.home)
        case ("", 2) where name == "areas.yml":
            return take(AreaVocabulary.parse(text, path: path), Item.areas)
        case ("partnerships", _) where name.hasSuffix(".md"):
            guard checkSlug() else { return (path, .none, log.diagnostics) }
            return take(PartnershipFile.parse(text, path: path, markdown: markdown, defersBody: defersBodies), Item.partnership)
        case ("cities", 4):
            guard let country = CountryCode(String(parts[2])), parts[2] == parts[2].lowercased() else {
                log.append(
                    .error(
                        "bad-country-folder", at: SourceLocation(file: path), "'\(parts[2])' is not a lower-case ISO 3166-1 country code folder",
                        fix: "put city files in content/cities/<cc>/ with a lower-case two-letter code, such as content/cities/tr/"))
                return (path, .none, log.diagnostics)
            }
            guard checkSlug() else { return (path, .none, log.diagnostics) }
            return take(CityFile.parse(text, path: path, country: country, markdown: markdown), Item.city)
        case ("models", 3):
            guard checkSlug() else { return (path, .none, log.diagnostics) }
            return take(ModelFile.parse(text, path: path, markdown: markdown), Item.model)
        case ("networks", 3):
            guard checkSlug() else { return (path, .none, log.diagnostics) }
            return take(NetworkFile.parse(text, path: path, markdown: markdown), Item.network)
        case ("pages", 3):
            guard checkSlug() else { return (path, .none, log.diagnostics) }
            if Self.reservedSlugs.contains(slug) {
                log.append(
                    .error(
                        "reserved-page-slug", at: SourceLocation(file: path), "the page slug '\(slug)' is taken by a section of the site",
                        fix: "rename the file, for example to '\(slug)-page.md'"))
                return (path, .none, log.diagnostics)
            }
            return take(PageFile.parse(text, path: path, markdown: markdown), Item.page)
        case ("countries", 3):
            guard let country = CountryCode(slug), slug == slug.lowercased() else {
                log.append(
                    .error(
                        "bad-country-note", at: SourceLocation(file: path), "'\(slug)' is not a lower-case ISO 3166-1 country code",
                        fix: "name country notes after the country's code, such as content/countries/tr.md"))
                return (path, .none, log.diagnostics)
            }
            return take(CountryNoteFile.parse(text, path: path, country: country, markdown: markdown), Item.note)
        case ("seeking", _):
            return (path, .none, [])  // The seeking board is read by a later stage of the project.
        default:
            log.append(
                .warning(
                    "ignored-file", at: SourceLocation(file: path), "this file is not in a folder kardes reads, so it is ignored",
                    fix: "move it into content/partnerships/, cities/<cc>/, models/, networks/, pages/ or countries/"))
            return (path, .none, log.diagnostics)
        }
    }
}
