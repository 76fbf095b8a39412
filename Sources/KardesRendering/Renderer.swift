import Foundation
import KardesLinking
import KardesModel

/// Renders one site language into finished pages, in memory. Pure: no file system, clock or environment.
public struct Renderer: Sendable {
    public let theme: Theme
    public let language: String
    /// Where this language's pages live below the output folder: "" for the default language, "en/" for others.
    public let prefix: String
    /// Whether links name `index.html` so the site works opened from disk.
    public let portable: Bool
    /// Whether this language's pass also writes the root files (404 page, stylesheet).
    public let writesRootFiles: Bool
    /// Whether each file lists the sources it was made from (``RenderedFile/sources``), which an incremental rebuild
    /// compares with what changed. A build that only writes its files can leave them out: they are then empty.
    public var recordsSources = true

    public init(theme: Theme, language: String, prefix: String = "", portable: Bool = false, writesRootFiles: Bool = true) {
        self.theme = theme
        self.language = language
        self.prefix = prefix
        self.portable = portable
        self.writesRootFiles = writesRootFiles
    }

    /// Every page a site has, in one language.
    ///
    /// The cases that carry a whole entry are indirect, so a job is a few words: a site has a job per partnership and
    /// city, and inline entries made the list of 150,000 jobs tens of megabytes.
    enum Job: Sendable {
        case home, partnerships, partnership(Partnership.ID), cities, city(City.ID), countries, country(CountryCode)
        case models, networks, areas, area(String), years, year(Int)
        indirect case model(CooperationModel), network(Network), region(Region), page(Page)
        case regions, notFound, stats, map, search
    }

    /// Renders every page of `site`, in parallel, sorted by path.
    /// - Parameter progress: called with (pages done, pages in all) as batches finish, for a progress bar.
    public func render(_ site: LinkedSite, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async -> RenderedSite {
        RenderedSite(files: await render(site, progress: progress, each: { $0 }))
    }

    /// Renders every page of `site` and hands each file to `each` as soon as it is made, on the task that made it,
    /// keeping only what `each` returns: a build writes pages as they come and keeps their paths, not their bytes,
    /// so memory does not grow with the size of the site.
    /// - Returns: what `each` returned for every file, in no particular order.
    public func render<Summary: Sendable>(
        _ site: LinkedSite, progress: @Sendable (Int, Int) -> Void = { _, _ in }, each: @escaping @Sendable (RenderedFile) -> Summary
    ) async -> [Summary] {
        let jobs = jobs(for: site)
        var context = RenderContext(site: site, theme: theme, language: language, prefix: prefix, portable: portable)
        context.recordsSources = recordsSources
        context.rowCores = RowCores(context)
        // Pages are independent: render them in batches across all cores. The site-wide files (search index, data
        // exports, feed) go into the same group: each is one long task, and made one after another after the pages
        // they kept a core idle for seconds.
        let extras = siteFileTasks(site, context: context, cities: site.cityOrder)
        return await Self.run(jobs, context: context, extras: extras, progress: progress, each: each)
    }

    /// Renders only what a change of the `changed` source files touches, taking every other file from `previous`.
    ///
    /// A page is rendered again when it is new, or when a changed file is among its sources in the previous build or
    /// in this one (a partnership moved to another city is a source of both cities' pages: the old one through the
    /// previous build, the new one through this). Sources of this build's pages are found without rendering them.
    /// The site-wide files (search index, data exports, feed, stylesheet) are made again whenever anything changed.
    /// - Parameters:
    ///   - site: the site linked after the change.
    ///   - previous: this language's files of the previous build, by path.
    ///   - changed: source paths relative to the site root (`content/…`, `templates/…`).
    /// - Returns: every file of this language, and how many pages and files were made again.
    public func render(
        _ site: LinkedSite, previous: [String: RenderedFile], changed: Set<String>
    ) async -> (site: RenderedSite, rendered: Int) {
        let jobs = jobs(for: site)
        let context = RenderContext(site: site, theme: theme, language: language, prefix: prefix, portable: portable)
        var outline = context
        outline.sourcesOnly = true
        let skeletons = await Self.outline(jobs, context: outline)
        func touched(_ file: RenderedFile?) -> Bool { file.map { !$0.sources.isDisjoint(with: changed) } ?? true }
        var again: [Job] = []
        var kept: [RenderedFile] = []
        for (job, skeleton) in zip(jobs, skeletons) {
            let old = previous[skeleton.path]
            if old == nil || touched(old) || touched(skeleton) { again.append(job) } else if let old { kept.append(old) }
        }
        // Each city's partners.json, likewise.
        let cities = site.cityOrder.filter { id in
            let path = prefix + Route.city(id) + "partners.json"
            let sources = context.sources(of: site.partnerships(of: id)).union([site.cities[id]?.source?.file].compactMap { $0 })
            if previous[path] == nil || touched(previous[path]) || !sources.isDisjoint(with: changed) { return true }
            if let old = previous[path] { kept.append(old) }
            return false
        }
        let made = await Self.run(again, context: context, extras: siteFileTasks(site, context: context, cities: cities), progress: { _, _ in }, each: { $0 })
        return (RenderedSite(files: kept + made), made.count)
    }

    /// The pages of `partnerships` in this language, and nothing else: after an edit of their Markdown bodies alone
    /// (front matter unchanged), the only files that change, as no other page, data file or index shows a body.
    public func partnershipPages(_ site: LinkedSite, _ partnerships: [Partnership.ID]) -> [RenderedFile] {
        let context = RenderContext(site: site, theme: theme, language: language, prefix: prefix, portable: portable)
        return partnerships.filter { site.partnerships[$0] != nil }.map { context.render(.partnership($0)) }
    }

    /// A source that is not a file: the number of partnerships of `city`, which pages showing it depend on. An
    /// incremental rebuild counts it as changed when a changed file held a partnership of the city before or after.
    public static func countSource(of city: City.ID) -> String { "count:\(city)" }

    /// The count sources (``countSource(of:)``) that changed between two builds for a change of `files`: the cities
    /// that gained or lost a partnership from one of those files. An edit that keeps a partnership's cities changes none.
    public static func changedCounts(from old: LinkedSite?, to new: LinkedSite, files: Set<String>) -> Set<String> {
        func memberships(_ site: LinkedSite?) -> Set<String> {
            guard let site else { return [] }
            var pairs: Set<String> = []
            for (id, partnership) in site.partnerships where files.contains(partnership.source.file) {
                for city in site.partnershipCities[id] ?? [] { pairs.insert("\(id)\u{0}\(city)") }
            }
            return pairs
        }
        // Pairs of partnership and city, as text: "id\0cc/slug"; the city part makes the count source's name.
        let differing = memberships(old).symmetricDifference(memberships(new))
        return Set(differing.map { pair in "count:" + pair.split(separator: "\u{0}", maxSplits: 1)[1] })
    }

    /// The path and sources of each job, in the order of `jobs` (worked out in parallel, put back in order).
    static func outline(_ jobs: [Job], context: RenderContext) async -> [RenderedFile] {
        // Dealt out like cards (job i to batch i mod n) rather than cut in runs: the costly outlines (a country's or a
        // model's thousands of partnerships) sit together at the end of the list and would leave one core at work.
        let count = min(jobs.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard count > 0 else { return [] }
        let batches = await withTaskGroup(of: (Int, [RenderedFile]).self) { group in
            for first in 0..<count {
                group.addTask { (first, stride(from: first, to: jobs.count, by: count).map { context.render(jobs[$0]) }) }
            }
            var all: [(Int, [RenderedFile])] = []
            for await batch in group { all.append(batch) }
            return all
        }
        var files = [RenderedFile?](repeating: nil, count: jobs.count)
        for (first, batch) in batches {
            for (offset, file) in batch.enumerated() { files[first + offset * count] = file }
        }
        return files.map { $0! }
    }

    /// Every page of `site` in this language.
    func jobs(for site: LinkedSite) -> [Job] {
        var jobs: [Job] = [.home, .partnerships, .cities, .countries, .models, .networks, .areas, .years, .regions, .stats, .map, .search]
        jobs += site.partnershipOrder.map(Job.partnership)
        jobs += site.cityOrder.map(Job.city)
        jobs += site.countryOrder.map(Job.country)
        jobs += site.models.map(Job.model)
        jobs += site.networks.map(Job.network)
        jobs += usedAreas(site).map(Job.area)
        jobs += site.partnershipsByYear.keys.sorted().map(Job.year)
        jobs += site.regions.map(Job.region)
        jobs += site.pages.map(Job.page)
        if writesRootFiles { jobs.append(.notFound) }
        return jobs
    }

    /// Renders `jobs` in batches across all cores, with the `extras` in the same group, passing each file through
    /// `each`; unsorted.
    static func run<Summary: Sendable>(
        _ jobs: [Job], context: RenderContext, extras: [@Sendable () -> [RenderedFile]], progress: @Sendable (Int, Int) -> Void,
        each: @escaping @Sendable (RenderedFile) -> Summary
    ) async -> [Summary] {
        let batches = schedule(jobs, site: context.site, cores: ProcessInfo.processInfo.activeProcessorCount)
        return await withTaskGroup(of: (pages: Int, files: [Summary]).self) { group in
            for extra in extras { group.addTask { (0, extra().map(each)) } }
            for batch in batches {
                group.addTask { (batch.count, batch.map { each(context.render($0)) }) }
            }
            var all: [Summary] = []
            var done = 0
            for await result in group {
                all += result.files
                done += result.pages
                if result.pages > 0 { progress(done, jobs.count) }
            }
            return all
        }
    }

    /// `jobs` cut into batches for `cores` cores, costliest first.
    ///
    /// Tasks start roughly in the order they are added, so a costly page added last (a list of every partnership of
    /// a model, a country or a year) runs alone on one core while the others wait for it: such pages kept one core
    /// busy for the last two seconds of a 10,000-partnership build. Sorted by ``cost(of:in:)``, the longest pages
    /// start first, and the small ones fill in around them; batches of cheap pages keep the number of tasks low.
    static func schedule(_ jobs: [Job], site: LinkedSite, cores: Int) -> [[Job]] {
        let costs = jobs.map { cost(of: $0, in: site) }
        let order = costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        // About 32 batches per core leaves room to even out the end.
        let share = max(1, costs.reduce(0, +) / max(1, cores * 32))
        var batches: [[Job]] = []
        var batch: [Job] = []
        var weight = 0
        for index in order {
            if !batch.isEmpty && weight + costs[index] > share {
                batches.append(batch)
                batch = []
                weight = 0
            }
            batch.append(jobs[index])
            weight += costs[index]
        }
        if !batch.isEmpty { batches.append(batch) }
        return batches
    }

    /// A rough cost of rendering `job`: the rows it lists, plus a little for the page around them. It only orders the
    /// work; the output does not depend on it.
    static func cost(of job: Job, in site: LinkedSite) -> Int {
        let page = 4
        switch job {
        case .partnership: return page + 2
        case .city(let id): return page + 4 + site.partnerships(of: id).count
        case .country(let code): return page + (site.partnershipsByCountry[code]?.count ?? 0) + (site.citiesByCountry[code]?.count ?? 0)
        case .model(let model): return page + (site.partnershipsByModel[model.id]?.count ?? 0)
        case .network(let network): return page + (site.networkMembers[network.id]?.count ?? 0)
        case .area(let slug): return page + (site.partnershipsByArea[slug]?.count ?? 0)
        case .year(let year): return page + (site.partnershipsByYear[year]?.count ?? 0)
        case .region(let region): return page + (site.partnershipsByRegion[region.id]?.count ?? 0)
        case .partnerships, .home, .stats: return page + site.partnershipOrder.count
        case .cities, .map: return page + site.cityOrder.count
        case .countries, .models, .networks, .areas, .years, .regions, .notFound, .search, .page: return page
        }
    }

    func usedAreas(_ site: LinkedSite) -> [String] { site.partnershipsByArea.keys.sorted() }

    /// The files made from the whole site rather than one page, as independent pieces of work.
    /// - Parameter cities: the cities whose `partners.json` to make.
    func siteFileTasks(_ site: LinkedSite, context: RenderContext, cities: [City.ID]) -> [@Sendable () -> [RenderedFile]] {
        let prefix = prefix, theme = theme, language = language
        // Sources are worked out only for a renderer that records them (see `recordsSources`).
        let records = context.recordsSources
        // Each partnership's record, for partnerships.json and the partners.json of its cities, made once.
        let made = DataExports.Records.areWorthHolding(for: site) ? DataExports.Records(site) : nil
        var tasks: [@Sendable () -> [RenderedFile]] = []
        // The search index of this language, read by search.js.
        tasks.append {
            [SearchIndex.build(from: site, strings: theme.strings(for: language)).file(prefix: prefix, sources: records ? SearchIndex.sources(of: site) : [])]
        }
        // Each city's partners as JSON, next to its page, in a few batches.
        let cityBatch = max(1, cities.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        for start in stride(from: 0, to: cities.count, by: cityBatch) {
            let batch = cities[start..<min(start + cityBatch, cities.count)]
            tasks.append {
                batch.map { id in
                    RenderedFile(
                        path: prefix + Route.city(id) + "partners.json", contents: DataExports.cityJSON(id, site, records: made),
                        sources: records
                            ? context.sources(of: site.partnerships(of: id)).union([site.cities[id]?.source?.file].compactMap { $0 }) : [],
                        kind: "data")
                }
            }
        }
        if let baseURL = site.config.baseURL {
            tasks.append {
                let feedSources = records ? Set(site.partnerships.values.map(\.source.file)).union(["content/site.yml"]) : []
                return [
                    RenderedFile(path: prefix + "feed.xml", contents: Array(Discovery.atomFeed(site, baseURL: baseURL + prefix).utf8), sources: feedSources, kind: "feed")
                ]
            }
        }
        if writesRootFiles {
            let everything = records ? Set(site.partnerships.values.map(\.source.file)).union(site.cities.values.compactMap { $0.source?.file }) : []
            tasks.append { [RenderedFile(path: "data/partnerships.json", contents: DataExports.partnershipsJSON(site, records: made), sources: everything, kind: "data")] }
            tasks.append { [RenderedFile(path: "data/cities.geojson", contents: DataExports.citiesGeoJSON(site), sources: everything, kind: "data")] }
            // Open data: the table `kardes import` reads back (docs/data.md).
            tasks.append {
                [
                    RenderedFile(
                        path: "data/partnerships.csv", contents: Array(PartnershipExport.csv(site, baseURL: site.config.baseURL).utf8), sources: everything,
                        kind: "data")
                ]
            }
            tasks.append {
                theme.assets.map { RenderedFile(path: $0.path, contents: Array($0.contents.utf8), sources: records ? ["templates/\($0.path)"] : [], kind: "asset") }
            }
        }
        return tasks
    }
}
