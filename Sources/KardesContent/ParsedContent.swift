import KardesModel

/// Every content file parsed on its own, before the files are put together: what `kardes serve` keeps between
/// rebuilds, so that a save re-reads one file instead of the whole folder.
public struct ParsedContent: Sendable {
    /// What one file turned into, with its own problems.
    ///
    /// A class: a rebuild copies the table of every file to replace a few, and a reference copies in one retain
    /// where an entry's many fields took one each.
    public final class File: Sendable {
        let item: ContentLoader.Item
        let diagnostics: [Diagnostic]

        init(item: ContentLoader.Item, diagnostics: [Diagnostic]) {
            self.item = item
            self.diagnostics = diagnostics
        }
    }

    public let config: SiteConfig
    let configDiagnostics: [Diagnostic]
    /// By path relative to the site root.
    let files: [String: File]
    /// The paths of `files`, sorted (as the loader listed them), so that assembling them sorts nothing.
    let order: [String]
    /// Renders the partnership bodies that were loaded deferred (nil when none were).
    let bodies: BodyReader?

    /// The content as `ContentLoader.loadCollecting()` gives it: entries in path order, duplicate slugs reported,
    /// drafts left out unless asked for.
    public func assembled(includeDrafts: Bool) -> LoadedContent {
        var log = DiagnosticLog()
        log.append(contentsOf: configDiagnostics)
        var loaded = LoadedContent(config: config)
        loaded.bodies = bodies
        // Room for every file's entry at once: grown step by step, the arrays were copied into fresh memory at each
        // step (100,000 partnerships are about 50 MB). Room never written to costs no memory.
        loaded.partnerships.reserveCapacity(files.count)
        loaded.cities.reserveCapacity(files.count)
        var siteAreas: [Area] = []
        var partnershipFiles: [String: String] = [:]
        // In path order, so entries and diagnostics come out the same on every run.
        for path in order {
            guard let file = files[path] else { continue }
            log.append(contentsOf: file.diagnostics)
            switch file.item {
            case .partnership(let partnership):
                if let other = partnershipFiles[partnership.id.slug] {
                    log.append(
                        .error(
                            "duplicate-slug", at: SourceLocation(file: path), "duplicate partnership slug '\(partnership.id.slug)': \(other) has the same file name",
                            fix: "rename one of the two files; the file name is the partnership's address"))
                    continue
                }
                partnershipFiles[partnership.id.slug] = path
                if !partnership.draft || includeDrafts { loaded.partnerships.append(partnership) }
            case .city(let city): loaded.cities.append(city)
            case .model(let model): loaded.models.append(model)
            case .network(let network): loaded.networks.append(network)
            case .page(let page): loaded.pages.append(page)
            case .home(let page): loaded.home = page
            case .note(let note): loaded.countryNotes.append(note)
            case .areas(let areas): siteAreas = areas
            case .none: break
            }
        }
        loaded.areas = AreaVocabulary.merged(siteAreas)
        // Each file's problems come sorted from the task that read it, so in path order they are usually sorted
        // already: checking that is one pass, where sorting them again was the longest step between loading and
        // linking, on one core. (Sorting is stable, so skipping it changes no order.)
        let diagnostics = log.diagnostics
        loaded.diagnostics = zip(diagnostics, diagnostics.dropFirst()).allSatisfy({ !($1 < $0) }) ? diagnostics : diagnostics.sorted()
        return loaded
    }

    /// Whether any file read lies in the folder `path` (a folder removed or renamed takes its files with it).
    public func holdsFiles(under path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    /// The partnership the file at `path` holds, if it holds one.
    public func partnership(in path: String) -> Partnership? {
        guard case .partnership(let partnership) = files[path]?.item else { return nil }
        return partnership
    }

    /// The partnerships of `paths` when every one of those files changed since `older` in its Markdown body alone:
    /// each was a partnership file without problems before and still is one, and its front matter says exactly what
    /// it said. Nil for any other change, which needs the site linked again.
    ///
    /// Only a partnership's own page shows its body, so such an edit leaves every other page as it was.
    public func partnershipsWithNewBodies(since older: ParsedContent, paths: Set<String>) -> [Partnership]? {
        guard !paths.isEmpty, config == older.config else { return nil }
        var edited: [Partnership] = []
        for path in paths.sorted() {
            guard let new = files[path], let old = older.files[path], new.diagnostics.isEmpty, old.diagnostics.isEmpty,
                case .partnership(let partnership) = new.item, case .partnership(let before) = old.item,
                partnership.replacingBody(before.body) == before
            else { return nil }
            edited.append(partnership)
        }
        return edited
    }
}
