import Foundation
import KardesContent
import KardesLinking
import KardesModel
import KardesOutput
import KardesRendering

/// What to build.
public struct BuildRequest: Sendable {
    /// The site folder, holding `content/` and optionally `templates/`.
    public var source: URL
    /// The output folder (default `<source>/public`).
    public var output: URL
    public var includeDrafts: Bool
    /// Overrides `portable` of `site.yml` when set.
    public var portable: Bool?
    /// The year against which "no activity for N years" is judged.
    public var referenceYear: Int
    /// Where the state of the last build is kept, so that a build with nothing changed finishes at once; `nil` builds
    /// everything every time. `kardes build` passes the user's cache folder (see ``defaultCacheFolder()``).
    public var cacheFolder: URL?
    /// Whether a build whose inputs and outputs are as the last build left them skips rendering (with a
    /// ``cacheFolder``); `false` renders and compares every file, and still keeps the state for the next build.
    public var skipsWhenUnchanged = true
    /// Above this many partnerships, their bodies are rendered from their files again when their pages are made
    /// rather than held from loading (``ContentLoader/deferBodiesAbove``); the output is the same.
    public var deferBodiesAbove = ContentLoader.defaultDeferBodiesAbove
    /// Whether the build frees what it linked once it no longer needs it. A process that ends with the build
    /// (`kardes build`) passes `false`: freeing a linked site is hundreds of thousands of releases (a core's work for
    /// some 70 ms at 10,000 partnerships, while the build finishes on the others), and the system takes the memory
    /// back at exit anyway.
    public var freesLinkedSites = true

    public init(
        source: URL, output: URL? = nil, includeDrafts: Bool = false, portable: Bool? = nil, referenceYear: Int, cacheFolder: URL? = nil
    ) {
        self.source = source
        self.output = output ?? source.appendingPathComponent("public")
        self.includeDrafts = includeDrafts
        self.portable = portable
        self.referenceYear = referenceYear
        self.cacheFolder = cacheFolder
    }
}

/// glibc's `malloc_trim(0)`: returns the free pages of every allocator arena to the system. Looked up at run time,
/// as the Glibc module does not export `malloc.h`; does nothing where it is missing.
func trimMemory() {
    #if canImport(Glibc)
    typealias Trim = @convention(c) (Int) -> Int32
    if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
    #endif
}

extension BuildRequest {
    /// The loader of this request's content.
    var loader: ContentLoader {
        var loader = ContentLoader(root: source, includeDrafts: includeDrafts)
        loader.deferBodiesAbove = deferBodiesAbove
        return loader
    }
}

/// `$XDG_CACHE_HOME/kardes`, or `~/.cache/kardes`: where `kardes build` keeps what it needs to skip a build with
/// nothing to do. Deleting it is always safe.
public func defaultCacheFolder() -> URL {
    let environment = ProcessInfo.processInfo.environment
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return URL(fileURLWithPath: cache).appendingPathComponent("kardes") }
    return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/kardes")
}

/// What a build did.
public struct BuildReport: Sendable {
    public let pagesByKind: [String: Int]
    public let files: Int
    public let write: PublicWriter.Report
    public let warnings: [Diagnostic]
    /// The languages the site was built in.
    public let languages: [String]
    /// Whether nothing had changed since the last build, so nothing was read beyond file times or written.
    public var upToDate = false
}

/// The stages a build goes through, reported to a progress display.
public enum BuildStage: String, Sendable { case loading, linking, rendering, writing }

/// Where a build is: its stage, and for rendering how many pages of how many are done.
public struct BuildProgress: Sendable {
    public let stage: BuildStage
    public let done: Int
    public let total: Int
}

/// Runs load → link → render → write. The only place that knows the order of the stages.
public func build(_ request: BuildRequest, progress: @Sendable (BuildProgress) -> Void = { _ in }) async throws(BuildFailure) -> BuildReport {
    progress(BuildProgress(stage: .loading, done: 0, total: 0))
    let stateFile = request.cacheFolder.map { BuildState.location(for: request, cacheFolder: $0) }
    let inputs = stateFile.map { _ in BuildState.inputs(of: request) }
    // What the previous build into this folder wrote: for the shortcut below, and for the digests that let this build
    // leave files it would write again unread. A build that takes no shortcut reads it while the content loads.
    var previousState = request.skipsWhenUnchanged ? stateFile.flatMap(BuildState.load(from:)) : nil
    let stateLoading = request.skipsWhenUnchanged ? nil : stateFile.map { file in Task.detached { BuildState.load(from: file) } }
    if request.skipsWhenUnchanged, let inputs, let state = previousState, state.inputs == inputs, state.outputsIntact(in: request.output) {
        var write = PublicWriter.Report()
        write.unchanged = state.files
        var report = BuildReport(pagesByKind: state.pagesByKind, files: state.files, write: write, warnings: state.warnings, languages: state.languages)
        report.upToDate = true
        return report
    }
    let writer = PublicWriter(output: request.output)
    // What the output folder held is read while the content loads; the folder is checked and made only once the
    // content has no errors.
    let previousReading = Task.detached { writer.previousPaths() }
    // Every language is linked before anything is written, so content errors leave the output folder untouched. The
    // loaded content is let go once linked: the linked sites hold what rendering needs.
    var (config, sites) = try await loadAndLink(request, progress: progress)
    // The loaded content is gone, but the allocator keeps its pages for reuse and counts them as in use; handing
    // them back before rendering keeps a 100,000-partnership build's peak memory down by the size of what was loaded.
    trimMemory()
    let theme = try Theme(overrides: try themeOverrides(in: request.source))
    let portable = request.portable ?? config.portable
    if let stateLoading { previousState = await stateLoading.value }
    let knownState = previousState
    // Forgotten before writing: a build cut off while writing must not pass for a finished one.
    if let stateFile { try? FileManager.default.removeItem(at: stateFile) }
    let previous = try writer.begin(previous: await previousReading.value)

    /// What is kept of a file once it is on disk: its path and kind, not its bytes.
    struct Written: Sendable, HasPath {
        let path: String
        let kind: String
        let result: Result<Bool, BuildFailure>
        /// The file's stamp once written, by the task that wrote it (spread over the cores rather than tens of
        /// thousands of `stat` calls one after another at the end), from the status the writer saw.
        let stamp: BuildState.FileStamp?
        /// The digest of the file's bytes, for the build state.
        let digest: ContentDigest?

        /// - Parameters:
        ///   - keepsStamp: whether the build state wants the file's stamp and digest.
        ///   - previous: the build state of the previous build, if any.
        init(_ file: RenderedFile, writer: PublicWriter, keepsStamp: Bool, previous: BuildState?) {
            path = file.path
            kind = file.kind
            var status: stat?
            let digest = keepsStamp && file.problem == nil ? ContentDigest(of: file.contents) : nil
            // The same bytes as the previous build left here: the writer need not read the file if it is untouched.
            let known = digest.flatMap { digest in previous?.digests[file.path] == digest ? previous?.outputs[file.path] : nil }
            result = Result { () throws(BuildFailure) -> Bool in try writer.write(file, sameBytesIfStamped: known, status: &status) }
            stamp = keepsStamp ? status.map(BuildState.FileStamp.init) : nil
            self.digest = stamp == nil ? nil : digest
        }
    }
    let keepsStamps = stateFile != nil
    // Each page is written by the task that rendered it, as soon as it is made.
    var files: [Written] = []
    for (index, site) in sites.enumerated() {
        progress(BuildProgress(stage: .rendering, done: 0, total: 0))
        var renderer = Renderer(
            theme: theme, language: site.language, prefix: index == 0 ? "" : "\(site.language)/", portable: portable, writesRootFiles: index == 0)
        // Written and forgotten: no later rebuild asks which sources fed these files.
        renderer.recordsSources = false
        let language = await renderer.render(site, progress: { done, total in progress(BuildProgress(stage: .rendering, done: done, total: total)) }) {
            file in Written(file, writer: writer, keepsStamp: keepsStamps, previous: knownState)
        }
        // In the order they were made; put in path order below, once for every language.
        files += language
    }
    let warnings = sites.first?.warnings ?? []
    // Nothing below reads the linked sites; they are freed while the build finishes, or left to the system at exit.
    if request.freesLinkedSites { Parallel.release(sites) } else { Parallel.keep(sites) }
    sites = []
    // The files in path order (positions in `files`), for the sitemap, the manifest and the build state; the site's
    // root files, made from the pages, are merged in after them.
    var ordered = pathOrder(files)
    for file in siteRootFiles(pages: ordered.map { files[$0].path }, config: config) {
        // After any file of the same path, as in a stable sort of them all.
        let path = file.path
        var (low, high) = (0, ordered.count)
        while low < high {
            let middle = (low + high) / 2
            if path < files[ordered[middle]].path { high = middle } else { low = middle + 1 }
        }
        ordered.insert(files.count, at: low)
        files.append(Written(file, writer: writer, keepsStamp: keepsStamps, previous: knownState))
    }
    progress(BuildProgress(stage: .writing, done: 0, total: 0))
    // The first failure in path order, as a build that writes one file after another would meet it.
    if let failed = files.filter({ if case .failure = $0.result { true } else { false } }).min(by: { $0.path < $1.path }) {
        _ = try failed.result.get()
    }
    let paths = files.map(\.path)
    let written = files.filter { (try? $0.result.get()) == true }.map(\.path)
    let pagesByKind = files.reduce(into: [String: Int]()) { $0[$1.kind, default: 0] += 1 }
    // The build state of every file but the manifest is put together while the writer finishes (and writes the
    // manifest); the manifest's stamp is added once it is written.
    let (finalFiles, languages) = (files, config.languages)
    let manifest = PublicWriter.manifestName
    /// The build state to save: its file's bytes but for the manifest's line, or (when the manifest is among the
    /// files already) the whole state.
    enum PreparedState: Sendable {
        case withoutManifest(BuildState.PendingSave)
        case whole(BuildState, sortedPaths: [String])
    }
    let order = ordered
    let sortedPaths = order.map { finalFiles[$0].path }
    let (finished, prepared) = Parallel.both(
        { Result { () throws(BuildFailure) in try writer.finish(previous: previous, paths: paths, written: written, sortedPaths: sortedPaths) } },
        { () -> PreparedState? in
            guard let inputs else { return nil }
            if zip(sortedPaths, sortedPaths.dropFirst()).allSatisfy({ $0 != $1 }), !sortedPaths.contains(manifest) {
                // Each file once, and not the manifest, as always: the state's lines are written straight from the list.
                let root = request.output.standardizedFileURL.path
                let written = order.compactMap { index -> BuildState.WrittenFile? in
                    let file = finalFiles[index]
                    guard let stamp = file.stamp ?? FileStamp(path: root + "/" + file.path) else { return nil }
                    return BuildState.WrittenFile(path: file.path, stamp: stamp, digest: file.digest)
                }
                return BuildState.pendingSave(
                    inputs: inputs, written: written, pagesByKind: pagesByKind, files: paths.count, warnings: warnings, languages: languages,
                    adding: manifest
                ).map { .withoutManifest($0) }
            }
            let state = BuildState(
                inputs: inputs, outputs: BuildState.outputs(finalFiles.map { ($0.path, $0.stamp) }, in: request.output, withManifest: false),
                digests: Dictionary(finalFiles.compactMap { file in file.digest.map { (file.path, $0) } }) { first, _ in first },
                pagesByKind: pagesByKind, files: paths.count,
                warnings: warnings, languages: languages)
            // The files are in path order but for the site's root files at the end, which one pass of the sort merges.
            let sortedPaths = (state.outputs.count == paths.count ? paths : Array(state.outputs.keys)).sorted()
            guard state.outputs[manifest] == nil else { return .whole(state, sortedPaths: sortedPaths) }
            // Every line but the manifest's is written out while the writer finishes.
            return state.pendingSave(sortedPaths: sortedPaths, adding: manifest).map { .withoutManifest($0) }
        })
    let report = try finished.get()
    if let stateFile, let prepared {
        switch prepared {
        case .withoutManifest(let pending):
            BuildState.save(pending, stamp: BuildState.outputs([(manifest, nil)], in: request.output, withManifest: false)[manifest], to: stateFile)
        case .whole(let state, let sortedPaths):
            state.save(to: stateFile, sortedPaths: sortedPaths)
        }
    }
    return BuildReport(pagesByKind: pagesByKind, files: paths.count, write: report, warnings: warnings, languages: config.languages)
}

/// Loads the content and links it in every language.
func loadAndLink(
    _ request: BuildRequest, progress: @Sendable (BuildProgress) -> Void
) async throws(BuildFailure) -> (config: SiteConfig, sites: [LinkedSite]) {
    let loaded = try await request.loader.loadCollecting()
    var sites: [LinkedSite] = []
    for language in loaded.config.languages {
        progress(BuildProgress(stage: .linking, done: 0, total: 0))
        sites.append(try Linker(language: language, referenceYear: request.referenceYear).link(loaded))
    }
    return (loaded.config, sites)
}

/// Links and renders every language of `loaded` without writing anything: what `build` and `check` share.
public func render(
    _ loaded: LoadedContent, request: BuildRequest, progress: @Sendable (BuildProgress) -> Void = { _ in }
) async throws(BuildFailure) -> (site: RenderedSite, warnings: [Diagnostic]) {
    let theme = try Theme(overrides: try themeOverrides(in: request.source))
    let portable = request.portable ?? loaded.config.portable
    var files: [RenderedFile] = []
    var warnings: [Diagnostic] = []
    for (index, language) in loaded.config.languages.enumerated() {
        progress(BuildProgress(stage: .linking, done: 0, total: 0))
        let linked = try Linker(language: language, referenceYear: request.referenceYear).link(loaded)
        if index == 0 { warnings = linked.warnings }
        progress(BuildProgress(stage: .rendering, done: 0, total: 0))
        let renderer = Renderer(theme: theme, language: language, prefix: index == 0 ? "" : "\(language)/", portable: portable, writesRootFiles: index == 0)
        files += await renderer.render(linked) { done, total in progress(BuildProgress(stage: .rendering, done: done, total: total)) }.files
    }
    files += siteRootFiles(pages: files.map(\.path), config: loaded.config)
    return (RenderedSite(files: files), warnings)
}

/// The site's own `templates/` files by relative path.
func themeOverrides(in source: URL) throws(BuildFailure) -> [String: String] {
    let folder = source.appendingPathComponent("templates").standardizedFileURL
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [:] }
    var files: [String: String] = [:]
    for case let url as URL in enumerator where !url.hasDirectoryPath && !url.lastPathComponent.hasPrefix(".") {
        let relative = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
        guard let data = FileManager.default.contents(atPath: url.path) else { continue }
        switch ContentLoader.decode(data, path: "templates/\(relative)") {
        case .success(let text): files[relative] = text
        case .failure(let diagnostic): throw .content([diagnostic])
        }
    }
    return files
}

/// The default theme's files by path relative to `templates/`, for `kardes init --with-theme`.
public func defaultThemeFiles() -> [String: String] { Theme.defaultFiles }

/// The positions of `files` in path order: `files.indices.sorted { files[$0].path < files[$1].path }` (a stable
/// sort), each half sorted on its own core and then merged. Paths and positions are sorted together, so each step
/// compares two strings in hand rather than reading them out of the files.
func pathOrder<File: Sendable & HasPath>(_ files: [File]) -> [Int] {
    let keyed = files.enumerated().map { (path: $1.path, index: $0) }
    // A tie keeps the earlier file first, as a stable sort does.
    @Sendable func less(_ a: (path: String, index: Int), _ b: (path: String, index: Int)) -> Bool { a.path < b.path || (a.path == b.path && a.index < b.index) }
    guard keyed.count > 4096 else { return keyed.sorted(by: less).map(\.index) }
    let middle = keyed.count / 2
    let (low, high) = Parallel.both({ keyed[..<middle].sorted(by: less) }, { keyed[middle...].sorted(by: less) })
    var merged: [Int] = []
    merged.reserveCapacity(keyed.count)
    var (i, j) = (0, 0)
    while i < low.count && j < high.count {
        // On a tie the first half's file comes first, as in a stable sort of the whole.
        if high[j].path < low[i].path {
            merged.append(high[j].index)
            j += 1
        } else {
            merged.append(low[i].index)
            i += 1
        }
    }
    merged += low[i...].map(\.index)
    merged += high[j...].map(\.index)
    return merged
}

/// Something with a path in the output folder.
protocol HasPath {
    var path: String { get }
}

/// Where `value` goes in the sorted `sorted`: the index of its first element not below it.
func firstIndex(notBelow value: String, in sorted: [String]) -> Int {
    var (low, high) = (0, sorted.count)
    while low < high {
        let middle = (low + high) / 2
        if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
}
