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
    /// The first language's linked site of the last good build: which partnerships a changed file held before.
    private var linked: LinkedSite?

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
        let loader = ContentLoader(root: request.source, includeDrafts: request.includeDrafts)
        let parsed = try await loader.parse()
        let theme = try Theme(overrides: try themeOverrides(in: request.source))
        return try await finish(parsed: parsed, theme: theme, changed: nil)
    }

    /// Brings the output up to date after the source files in `changed` (paths relative to the site folder:
    /// `content/…`, `templates/…`) were edited, added or removed. Without a previous good build it builds everything.
    /// - Throws: as ``build(_:progress:)``; the session then keeps the last good state, so the next rebuild compares
    ///   against what is on disk.
    public mutating func rebuild(changed: Set<String>) async throws(BuildFailure) -> Report {
        guard let previous = parsed, let oldTheme = theme, !files.isEmpty, !changed.contains("content/site.yml") else { return try await build() }
        let loader = ContentLoader(root: request.source, includeDrafts: request.includeDrafts)
        let contentChanges = changed.filter { $0.hasPrefix("content/") }
        let parsed = contentChanges.isEmpty ? previous : try await loader.reparse(previous, changed: contentChanges)
        let theme = changed.contains { $0.hasPrefix("templates/") } ? try Theme(overrides: try themeOverrides(in: request.source)) : oldTheme
        return try await finish(parsed: parsed, theme: theme, changed: changed)
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
            sites.append(try Linker(language: language, referenceYear: request.referenceYear).link(loaded))
        }
        let warnings = sites.first?.warnings ?? []
        // A partnership added, removed or moved changes the partnership counts of its cities, before and after.
        var changed = changed
        if let files = changed, let new = sites.first {
            changed = files.union(Renderer.changedCounts(from: linked, to: new, files: files))
        }
        for (index, linked) in sites.enumerated() {
            let language = linked.language
            let renderer = Renderer(
                theme: theme, language: language, prefix: index == 0 ? "" : "\(language)/", portable: portable, writesRootFiles: index == 0)
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
        self.linked = sites.first
        self.files = Dictionary(site.files.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        let report = BuildReport(
            pagesByKind: site.countsByKind, files: site.files.count, write: write, warnings: warnings, languages: loaded.config.languages)
        return Report(build: report, rendered: changed == nil ? site.files.count : rendered + rootFiles.count, full: changed == nil)
    }
}

/// The sitemap and robots.txt: they cover every language, so they are made once all pages are known.
func siteRootFiles(pages paths: [String], config: SiteConfig) -> [RenderedFile] {
    guard let baseURL = config.baseURL else { return [] }
    let pages = paths.filter { $0.hasSuffix(".html") && $0 != "404.html" }
    return [
        RenderedFile(path: "sitemap.xml", contents: Array(Discovery.sitemap(pages: pages, baseURL: baseURL).utf8), sources: ["content/site.yml"], kind: "feed"),
        RenderedFile(path: "robots.txt", contents: Array(Discovery.robots(baseURL: baseURL).utf8), sources: ["content/site.yml"], kind: "feed"),
    ]
}
