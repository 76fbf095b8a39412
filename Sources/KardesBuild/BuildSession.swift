import Foundation
import KardesContent
import KardesLinking
import KardesModel
import KardesOutput
import KardesRendering

/// A build kept in memory between changes, for `kardes serve`: a save re-reads the files that changed, links the site
/// again, renders only the pages whose sources include a changed file (before or after the change), and writes only
/// those, leaving the output folder exactly as a full build of the same content would.
///
/// ```swift
/// var session = BuildSession(request: request)
/// _ = try await session.build()
/// let report = try await session.rebuild(changed: ["content/partnerships/houston-istanbul.md"])
/// ```
public struct BuildSession: Sendable {
    /// What to build; its cache folder is not used, since the session knows what changed.
    public let request: BuildRequest
    private var parsed: ParsedContent?
    private var theme: Theme?
    /// Every file of the last good build, by path.
    private var files: [String: RenderedFile] = [:]
    /// Every language's linked site of the last good build: which partnerships a changed file held before, and what
    /// an edit of a body alone patches.
    private var sites: [LinkedSite] = []
    /// How many files of each kind the last good build has, for the report.
    private var kinds: [String: Int] = [:]
    /// Source files changed since the last good build: those of rebuilds that failed.
    private var unbuilt: Set<String> = []

    public init(request: BuildRequest) {
        var request = request
        request.cacheFolder = nil
        self.request = request
    }

    /// What one build or rebuild did.
    public struct Report: Sendable {
        public let build: BuildReport
        /// Files made again (rendered): every file for a full build.
        public let rendered: Int
        /// Whether everything was read and rendered.
        public let full: Bool
    }

    /// Reads, links, renders and writes everything, and keeps it for later rebuilds.
    /// - Throws: as ``build(_:progress:)``; the session then keeps its previous state.
    public mutating func build() async throws(BuildFailure) -> Report {
        let loader = request.loader
        let parsed = try await loader.parse()
        let theme = try Theme(overrides: try themeOverrides(in: request.source))
        return try await finish(parsed: parsed, theme: theme, changed: nil)
    }

    /// Brings the output up to date after the source files in `changed` (paths relative to the site folder:
    /// `content/…`, `templates/…`) were edited, added or removed. Without a previous good build it builds everything.
    /// - Throws: as ``build(_:progress:)``; the session then keeps the last good state, so the next rebuild compares
    ///   against what is on disk, and remembers `changed`, so the next rebuild reads those files again too.
    public mutating func rebuild(changed: Set<String>) async throws(BuildFailure) -> Report {
        // The files of a failed rebuild are read again with the next change, whichever file that is.
        let changed = changed.union(unbuilt)
        unbuilt = changed
        let report = try await update(changed: changed)
        unbuilt = []
        return report
    }

    private mutating func update(changed: Set<String>) async throws(BuildFailure) -> Report {
        guard let previous = parsed, let oldTheme = theme, !files.isEmpty, !changed.contains("content/site.yml") else { return try await build() }
        // Editors and tools leave temporary files next to the one they save (`sed -i`, vim's probe file `4913`);
        // only Markdown, YAML and folders are content, so the rest does not turn an edit of a text into a rebuild.
        let changed = changed.filter { path in
            guard path.hasPrefix("content/"), !path.hasSuffix(".md"), !path.hasSuffix(".yml") else { return true }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: request.source.appendingPathComponent(path).path, isDirectory: &isFolder) {
                return isFolder.boolValue
            }
            return previous.holdsFiles(under: path)
        }
        guard !changed.isEmpty else { return unchangedReport() }
        let loader = request.loader
        let contentChanges = changed.filter { $0.hasPrefix("content/") }
        let parsed = contentChanges.isEmpty ? previous : try await loader.reparse(previous, changed: contentChanges)
        if contentChanges == changed, let edited = parsed.partnershipsWithNewBodies(since: previous, paths: changed) {
            return try rebuildPages(of: edited, parsed: parsed, theme: oldTheme)
        }
        let theme = changed.contains { $0.hasPrefix("templates/") } ? try Theme(overrides: try themeOverrides(in: request.source)) : oldTheme
        return try await finish(parsed: parsed, theme: theme, changed: changed)
    }

    /// After edits of partnerships' Markdown bodies alone: patches each language's linked site, renders those
    /// partnerships' pages (no other file shows a body) and writes the ones whose bytes changed. No path is added
    /// or removed, so the manifest stays as it is.
    private mutating func rebuildPages(of edited: [Partnership], parsed: ParsedContent, theme: Theme) throws(BuildFailure) -> Report {
        // Patched in place: taken out of the session so each site is held once and not copied.
        var sites = self.sites
        self.sites = []
        for index in sites.indices {
            do {
                try sites[index].replaceBodies(of: edited)
            } catch {
                // Those patched already are put back as they were: the session keeps the last good build.
                for patched in sites.indices where patched < index {
                    try? sites[patched].replaceBodies(of: edited.compactMap { self.parsed?.partnership(in: $0.source.file) })
                }
                self.sites = sites
                throw error
            }
        }
        // Put back before anything is written, so a failed write leaves the session whole (the bodies are then
        // those on disk, and the changed files are read again with the next change).
        self.sites = sites
        let portable = request.portable ?? parsed.config.portable
        var made: [RenderedFile] = []
        for (index, site) in sites.enumerated() {
            made += renderer(for: site.language, index: index, theme: theme, portable: portable).partnershipPages(site, edited.map(\.id))
        }
        let writer = PublicWriter(output: request.output)
        var write = PublicWriter.Report()
        for file in made {
            if file.problem != nil || files[file.path]?.contents != file.contents, try writer.write(file) { write.changedPaths.append(file.path) }
            files[file.path] = file
        }
        write.changedPaths.sort()
        write.written = write.changedPaths.count
        write.unchanged = files.count - write.written
        self.parsed = parsed
        let report = BuildReport(
            pagesByKind: kinds, files: files.count, write: write, warnings: sites.first?.warnings ?? [], languages: parsed.config.languages)
        return Report(build: report, rendered: made.count, full: false)
    }

    /// What a rebuild that changed nothing reports.
    private func unchangedReport() -> Report {
        var write = PublicWriter.Report()
        write.unchanged = files.count
        let report = BuildReport(
            pagesByKind: kinds, files: files.count, write: write, warnings: sites.first?.warnings ?? [], languages: parsed?.config.languages ?? [])
        return Report(build: report, rendered: 0, full: false)
    }

    /// The renderer of the language at `index` of the site's languages: the first at the root, the others below
    /// their code.
    private func renderer(for language: String, index: Int, theme: Theme, portable: Bool) -> Renderer {
        Renderer(theme: theme, language: language, prefix: index == 0 ? "" : "\(language)/", portable: portable, writesRootFiles: index == 0)
    }

    /// Links and renders every language (all pages, or those `changed` touches), writes, and keeps the result.
    private mutating func finish(parsed: ParsedContent, theme: Theme, changed: Set<String>?) async throws(BuildFailure) -> Report {
        let loaded = parsed.assembled(includeDrafts: request.includeDrafts)
        let portable = request.portable ?? loaded.config.portable
        var made: [RenderedFile] = []
        var all: [RenderedFile] = []
        var rendered = 0
        // Every language is linked before anything is rendered or written, so errors leave the folder untouched.
        var sites: [LinkedSite] = []
        for language in loaded.config.languages {
            let before = self.sites.first { $0.language == language }
            sites.append(try Linker(language: language, referenceYear: request.referenceYear).link(loaded, previous: before))
        }
        let warnings = sites.first?.warnings ?? []
        // A partnership added, removed or moved changes the partnership counts of its cities, before and after.
        var changed = changed
        if let files = changed, let new = sites.first {
            changed = files.union(Renderer.changedCounts(from: self.sites.first, to: new, files: files))
        }
        for (index, linked) in sites.enumerated() {
            let renderer = renderer(for: linked.language, index: index, theme: theme, portable: portable)
            if let changed {
                let result = await renderer.render(linked, previous: files, changed: changed)
                all += result.site.files
                rendered += result.rendered
                let fresh = Set(result.site.files.map(\.path)).subtracting(files.keys)
                made += result.site.files.filter { fresh.contains($0.path) || files[$0.path]?.contents != $0.contents }
            } else {
                let site = await renderer.render(linked)
                all += site.files
                rendered += site.files.count
            }
        }
        let rootFiles = siteRootFiles(pages: all.map(\.path), config: loaded.config)
        all += rootFiles
        if changed != nil { made += rootFiles.filter { files[$0.path]?.contents != $0.contents } }
        let site = RenderedSite(files: all)
        let write = try await PublicWriter(output: request.output).write(site, candidates: changed == nil ? nil : Set(made.map(\.path)))
        self.parsed = parsed
        self.theme = theme
        self.sites = sites
        self.files = Dictionary(site.files.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        self.kinds = site.countsByKind
        let report = BuildReport(
            pagesByKind: kinds, files: site.files.count, write: write, warnings: warnings, languages: loaded.config.languages)
        return Report(build: report, rendered: changed == nil ? site.files.count : rendered + rootFiles.count, full: changed == nil)
    }
}

/// The sitemap and robots.txt: they cover every language, so they are made once all pages are known.
func siteRootFiles(pages paths: [String], config: SiteConfig) -> [RenderedFile] {
    guard let baseURL = config.baseURL else { return [] }
    let pages = paths.filter { $0.hasSuffix(".html") && $0 != "404.html" }
    return [
        RenderedFile(path: "sitemap.xml", contents: Discovery.sitemapBytes(pages: pages, baseURL: baseURL), sources: ["content/site.yml"], kind: "feed"),
        RenderedFile(path: "robots.txt", contents: Array(Discovery.robots(baseURL: baseURL).utf8), sources: ["content/site.yml"], kind: "feed"),
    ]
}
