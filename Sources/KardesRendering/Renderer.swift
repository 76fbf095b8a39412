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

    public init(theme: Theme, language: String, prefix: String = "", portable: Bool = false, writesRootFiles: Bool = true) {
        self.theme = theme
        self.language = language
        self.prefix = prefix
        self.portable = portable
        self.writesRootFiles = writesRootFiles
    }

    /// Every page a site has, in one language.
    enum Job: Sendable {
        case home, partnerships, partnership(Partnership.ID), cities, city(City.ID), countries, country(CountryCode)
        case models, model(CooperationModel), networks, network(Network), areas, area(String), years, year(Int)
        case regions, region(Region), page(Page), notFound, stats, map, search
    }

    /// Renders every page of `site`, in parallel, sorted by path.
    /// - Parameter progress: called with (pages done, pages in all) as batches finish, for a progress bar.
    public func render(_ site: LinkedSite, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async -> RenderedSite {
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

        let context = RenderContext(site: site, theme: theme, language: language, prefix: prefix, portable: portable)
        // Pages are independent: render them in batches across all cores, then sort so the output is stable.
        let batchSize = max(1, jobs.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        var files = await withTaskGroup(of: [RenderedFile].self) { group in
            for start in stride(from: 0, to: jobs.count, by: batchSize) {
                let batch = jobs[start..<min(start + batchSize, jobs.count)]
                group.addTask { batch.map { context.render($0) } }
            }
            var all: [RenderedFile] = []
            for await batch in group {
                all += batch
                progress(all.count, jobs.count)
            }
            return all
        }
        // The search index of this language, read by search.js.
        files.append(SearchIndex.build(from: site, strings: theme.strings(for: language)).file(prefix: prefix, sources: SearchIndex.sources(of: site)))
        // Each city's partners as JSON, next to its page.
        for id in site.cityOrder {
            files.append(
                RenderedFile(
                    path: prefix + Route.city(id) + "partners.json", contents: DataExports.cityJSON(id, site),
                    sources: context.sources(of: site.partnerships(of: id)).union([site.cities[id]?.source?.file].compactMap { $0 }), kind: "data"))
        }
        if let baseURL = site.config.baseURL {
            let feedSources = Set(site.partnerships.values.map(\.source.file)).union(["content/site.yml"])
            files.append(RenderedFile(path: prefix + "feed.xml", contents: Array(Discovery.atomFeed(site, baseURL: baseURL + prefix).utf8), sources: feedSources, kind: "feed"))
        }
        if writesRootFiles {
            let everything = Set(site.partnerships.values.map(\.source.file)).union(site.cities.values.compactMap { $0.source?.file })
            files.append(RenderedFile(path: "data/partnerships.json", contents: DataExports.partnershipsJSON(site), sources: everything, kind: "data"))
            files.append(RenderedFile(path: "data/cities.geojson", contents: DataExports.citiesGeoJSON(site), sources: everything, kind: "data"))
            // Open data: the table `kardes import` reads back (docs/data.md).
            files.append(
                RenderedFile(
                    path: "data/partnerships.csv", contents: Array(PartnershipExport.csv(site, baseURL: site.config.baseURL).utf8),
                    sources: Set(site.partnerships.values.map(\.source.file)).union(site.cities.values.compactMap { $0.source?.file }),
                    kind: "data"))
            for asset in theme.assets {
                files.append(RenderedFile(path: asset.path, contents: Array(asset.contents.utf8), sources: ["templates/\(asset.path)"], kind: "asset"))
            }
        }
        return RenderedSite(files: files)
    }

    func usedAreas(_ site: LinkedSite) -> [String] { site.partnershipsByArea.keys.sorted() }
}
