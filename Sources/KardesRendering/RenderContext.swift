import Foundation
import KardesLinking
import KardesModel
import KardesMustache

/// Everything one language's pages share while rendering, and the builders of each page's view model.
struct RenderContext: Sendable {
    let site: LinkedSite
    let theme: Theme
    let language: String
    let prefix: String
    let portable: Bool
    let t: [String: String]
    let locale: Locale
    /// Whole numbers in the language's style (`1.234.567` in Turkish), made once rather than for each number.
    let numberStyle: IntegerFormatStyle<Int>
    /// The separator between groups of three digits when ``numberStyle`` is plain grouping by thousands in ASCII
    /// digits, as probes of it show; nil when it is anything else (groups of two, a minimum of two groups, other
    /// digits), and then every number goes through ``numberStyle``.
    let thousandsSeparator: String?
    /// Map legends by the set of models they show: a site has a handful of models, and every city page has a legend.
    let legends = LegendCache()
    /// When set, pages are not rendered: each `RenderedFile` has its path, kind and sources but no contents. That is
    /// cheap (view models and templates are skipped), and tells an incremental rebuild which pages a change touches.
    var sourcesOnly = false
    /// Whether each `RenderedFile` lists its sources. An incremental rebuild needs them; a build that writes its
    /// pages and forgets them does not, and working them out (a set of file names per page, tens of thousands of
    /// inserts for a country's or a model's page) was several percent of such a build.
    var recordsSources = true
    /// Every partnership's list row as far as it is the same on every page, made once for a whole build: a row is
    /// shown on about eight pages (its cities, countries, model, year, areas), and making it looked up its title,
    /// model, status, cities and countries by ID each time.
    var rowCores: RowCores?

    init(site: LinkedSite, theme: Theme, language: String, prefix: String, portable: Bool) {
        self.site = site
        self.theme = theme
        self.language = language
        self.prefix = prefix
        self.portable = portable
        self.t = theme.strings(for: language)
        self.locale = Locale(identifier: language)
        self.numberStyle = IntegerFormatStyle<Int>.number.locale(locale)
        self.thousandsSeparator = Self.thousandsSeparator(of: numberStyle)
    }

    /// The separator ``numberStyle`` puts between groups of three ASCII digits, if that is all it does to whole
    /// numbers from 0 up: checked on numbers of one to ten digits.
    static func thousandsSeparator(of style: IntegerFormatStyle<Int>) -> String? {
        let thousand = style.format(1000)
        guard thousand.hasPrefix("1"), thousand.hasSuffix("000") else { return nil }
        let separator = String(thousand.dropFirst().dropLast(3))
        guard !separator.isEmpty, !separator.contains(where: \.isNumber) else { return nil }
        let probes = [0, 7, 42, 999, 1000, 1234, 12_345, 123_456, 1_234_567, 10_000_000, 987_654_321, 1_234_567_890]
        return probes.allSatisfy { style.format($0) == grouped($0, separator: separator) } ? separator : nil
    }

    /// `value` (0 or more) in ASCII digits with `separator` between groups of three.
    static func grouped(_ value: Int, separator: String) -> String {
        let digits = String(value)
        guard digits.utf8.count > 3 else { return digits }
        var result = ""
        result.reserveCapacity(digits.utf8.count + digits.utf8.count / 3 * separator.utf8.count)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.utf8.count - index) % 3 == 0 { result += separator }
            result.append(digit)
        }
        return result
    }

    func text(_ key: String) -> String { t[key] ?? key }

    // MARK: - URLs

    /// Relative URLs from one page's folder.
    struct Paths {
        let root: String
        let prefix: String
        let portable: Bool

        /// From the page at `route` (a folder such as `cities/tr/istanbul/`, "" for the home page).
        init(page route: String, prefix: String, portable: Bool) {
            root = String(repeating: "../", count: (prefix + route).filter { $0 == "/" }.count)
            self.prefix = prefix
            self.portable = portable
        }

        func to(_ route: String, language otherPrefix: String? = nil) -> String {
            let path = root + (otherPrefix ?? prefix) + route
            if portable { return path + "index.html" }
            return path.isEmpty ? "./" : path
        }

        func file(_ name: String) -> String { root + name }
    }

    // MARK: - Page frame

    func render(_ job: Renderer.Job) -> RenderedFile {
        switch job {
        case .home: return home()
        case .partnerships: return partnershipIndex()
        case .partnership(let id): return partnership(id)
        case .cities: return cityIndex()
        case .city(let id): return city(id)
        case .countries: return countryIndex()
        case .country(let code): return country(code)
        case .models: return modelIndex()
        case .model(let model): return modelPage(model)
        case .networks: return networkIndex()
        case .network(let network): return networkPage(network)
        case .areas: return areaIndex()
        case .area(let slug): return areaPage(slug)
        case .years: return yearIndex()
        case .year(let year): return yearPage(year)
        case .regions: return regionIndex()
        case .region(let region): return regionPage(region)
        case .page(let page): return freePage(page)
        case .notFound: return notFound()
        case .stats: return statistics()
        case .map: return mapPage()
        case .search: return searchPage()
        }
    }

    /// Renders `content` into `template` inside the layout.
    func page<Content: Sendable>(
        route: String, kind: String, template: String, title: String, description: String? = nil, section: String? = nil,
        crumbs: [(String, String)] = [], content: (Paths) -> Content, sources: @autoclosure () -> Set<String>, fileName: String = "index.html",
        paths fixedPaths: Paths? = nil, structuredData: @autoclosure () -> String? = nil
    ) -> RenderedFile {
        if sourcesOnly { return RenderedFile(path: prefix + route + fileName, contents: [], sources: pageSources(sources(), template: template, kind: kind), kind: kind) }
        let paths = fixedPaths ?? Paths(page: route, prefix: prefix, portable: portable)
        let sections: [(String, String)] = [
            ("partnerships", Route.partnerships), ("cities", Route.cities), ("countries", Route.countries), ("models", Route.models),
            ("networks", Route.networks), ("map", Route.map), ("stats", Route.stats),
        ]
        let nav = sections.map { NavItem(title: text($0.0), url: paths.to($0.1), current: $0.1 == route || $0.0 == section) }
        let isHome = route == Route.home && kind == "home"
        let meta = MetaView(
            lang: language, title: title, documentTitle: isHome ? site.config.title : "\(title) · \(site.config.title)",
            description: description ?? site.config.description, stylesheet: paths.file("style.css"),
            inlineStyle: kind == "404" ? theme.files["style.css"] : nil, favicon: paths.file("favicon.svg"), homeURL: paths.to(Route.home),
            nav: nav,
            breadcrumbs: isHome || kind == "404" ? [] : ([(text("home"), Route.home)] + crumbs).map { LinkView(title: $0.0, url: paths.to($0.1)) },
            footerPages: site.pages.map { LinkView(title: $0.title, url: paths.to(Route.page($0.slug))) },
            canonical: kind == "404" ? nil : site.config.baseURL.map { $0 + prefix + route + (fileName == "index.html" ? "" : fileName) },
            feed: site.config.baseURL == nil ? nil : paths.file(prefix + "feed.xml"),
            searchURL: paths.to(Route.search), languageRoot: paths.root.isEmpty && prefix.isEmpty ? "./" : paths.root + prefix, portable: portable,
            structuredData: site.config.baseURL == nil ? nil : structuredData(),
            languages: site.config.languages.count < 2 || kind == "404" ? [] : site.config.languages.enumerated().map { index, code in
                LanguageLink(
                    code: code, name: Locale(identifier: code).localizedString(forLanguageCode: code)?.capitalized(with: Locale(identifier: code)) ?? code,
                    url: paths.to(route, language: index == 0 ? "" : "\(code)/"), current: code == language)
            },
            browse: [("areas", Route.areas), ("years", Route.years), ("regions", Route.regions)].map {
                LinkView(title: text($0.0), url: paths.to($0.1))
            })
        let context = PageContext(site: SiteView(title: site.config.title, description: site.config.description), meta: meta, t: t, content: content(paths))
        var html: [UInt8] = []
        html.reserveCapacity(16 * 1024)
        theme.render(context, template: template, into: &html)
        if html.last != UInt8(ascii: "\n") { html.append(UInt8(ascii: "\n")) }
        return RenderedFile(path: prefix + route + fileName, contents: html, sources: pageSources(sources(), template: template, kind: kind), kind: kind)
    }

    /// A page's own sources and what every page is made from: the site settings, its templates and strings, and the
    /// free pages (listed in every footer).
    func pageSources(_ sources: @autoclosure () -> Set<String>, template: String, kind: String) -> Set<String> {
        guard recordsSources else { return [] }
        var allSources = sources()
        allSources.formUnion(["content/site.yml", "templates/\(template).mustache", "templates/strings/\(language).yml"])
        allSources.formUnion(theme.sharedTemplates)
        if kind == "404" { allSources.insert("templates/style.css") }
        allSources.formUnion(site.pages.map { $0.source.file })
        return allSources
    }

    // MARK: - Shared pieces

    func statusLabel(_ status: Partnership.Status) -> String { text("status_\(status.rawValue)") }

    func modelTitle(_ slug: String) -> String { site.model(slug)?.title ?? slug }

    func yearText(_ established: PartialDate?) -> String { established.map { String($0.year) } ?? "–" }

    func html(_ body: RichText, _ paths: Paths) -> String {
        body.html { link in
            let route = site.route(for: link) ?? ""
            return paths.to(route) + (link.fragment.map { "#\($0)" } ?? "")
        }
    }

    func cityLinks(_ id: Partnership.ID, _ paths: Paths) -> [CityLinkView] {
        cityLinks(rowCities(id), paths)
    }

    /// What a link to each city of `id` shows, before it is placed on a page.
    func rowCities(_ id: Partnership.ID) -> [RowCore.City] {
        (site.partnershipCities[id] ?? []).map { city in
            RowCore.City(name: site.name(of: city), route: Route.city(city), country: site.countryName(city.country), countryRoute: Route.country(city.country))
        }
    }

    func cityLinks(_ cities: [RowCore.City], _ paths: Paths) -> [CityLinkView] {
        cities.enumerated().map { index, city in
            CityLinkView(
                name: city.name, url: paths.to(city.route), country: city.country, countryURL: paths.to(city.countryRoute),
                separator: index == cities.count - 1 ? "" : ", ")
        }
    }

    /// What the list row of `id` shows, before it is placed on a page.
    func rowCore(_ id: Partnership.ID) -> RowCore {
        let partnership = site.rowFacts(of: id)!
        return RowCore(
            title: site.title(of: id), route: Route.partnership(id), yearText: yearText(partnership.established),
            hasYear: partnership.established != nil, modelTitle: modelTitle(partnership.model), statusSlug: partnership.status.rawValue,
            statusLabel: statusLabel(partnership.status), dormant: site.possiblyDormant.contains(id), dormantLabel: text("possibly_dormant"),
            cities: rowCities(id))
    }

    func row(_ id: Partnership.ID, _ paths: Paths) -> PartnershipRow {
        let core = rowCores?.cores[id] ?? rowCore(id)
        return PartnershipRow(core: core, url: paths.to(core.route), cityLinks: cityLinks(core.cities, paths))
    }

    /// The rows of `ids`, each made when the list renders it.
    func rows(_ ids: [Partnership.ID], _ paths: Paths) -> LazyList { LazyList(count: ids.count, objects: { [self] in row(ids[$0], paths) }) }

    /// The files behind a list of partnerships: each file, its cities' files and its model.
    func sources(of ids: [Partnership.ID]) -> Set<String> {
        guard recordsSources else { return [] }
        var files = Set<String>()
        for id in ids {
            guard let partnership = site.partnerships[id] else { continue }
            files.insert(partnership.source.file)
            for city in site.partnershipCities[id] ?? [] { if let file = site.cities[city]?.source?.file { files.insert(file) } }
            if let model = site.model(partnership.model.value) { files.insert(model.source.file) }
        }
        return files
    }

    func cityRow(_ id: City.ID, _ paths: Paths, showCountry: Bool = true) -> CityRow {
        let count = site.partnerships(of: id).count
        return CityRow(
            name: site.name(of: id), url: paths.to(Route.city(id)), country: showCountry ? site.countryName(id.country) : "",
            partnerCount: "\(text("count_partnerships_label")) \(count)")
    }

    func number(_ value: Int) -> String {
        if value >= 0, let thousandsSeparator { return Self.grouped(value, separator: thousandsSeparator) }
        return numberStyle.format(value)
    }

    func coordinateText(_ c: Coordinates) -> String {
        FixedPoint.format(c.latitude, decimals: 4) + ", " + FixedPoint.format(c.longitude, decimals: 4)
    }
}

/// The parts of a partnership's list row that do not depend on the page showing it (see ``RenderContext/rowCore(_:)``).
///
/// A class: a row reads its core out of a dictionary, and a struct of a dozen strings came out as a copy, a retain
/// and a release for each of them, for each of the tens of thousands of rows of a site.
final class RowCore: Sendable {
    struct City: Sendable {
        let name: String, route: String, country: String, countryRoute: String
    }

    let title: String, route: String, yearText: String, hasYear: Bool, modelTitle: String, statusSlug: String, statusLabel: String
    let dormant: Bool, dormantLabel: String
    let cities: [City]

    init(
        title: String, route: String, yearText: String, hasYear: Bool, modelTitle: String, statusSlug: String, statusLabel: String,
        dormant: Bool, dormantLabel: String, cities: [City]
    ) {
        (self.title, self.route, self.yearText, self.hasYear, self.modelTitle) = (title, route, yearText, hasYear, modelTitle)
        (self.statusSlug, self.statusLabel, self.dormant, self.dormantLabel, self.cities) = (statusSlug, statusLabel, dormant, dormantLabel, cities)
    }
}

/// The row cores of every partnership of a site, by ID.
final class RowCores: Sendable {
    let cores: [Partnership.ID: RowCore]

    /// Made on all cores.
    init(_ context: RenderContext) {
        let ids = context.site.partnershipOrder
        cores = Dictionary(uniqueKeysWithValues: zip(ids, Parallel.map(ids) { context.rowCore($0) }))
    }
}
