import Foundation
import KardesLinking
import KardesModel

extension RenderContext {
    // MARK: - Home and partnerships

    func home() -> RenderedFile {
        let newest = site.partnershipOrder.filter { site.partnerships[$0]?.established != nil }.prefix(10)
        return page(
            route: Route.home, kind: "home", template: "home", title: site.config.title,
            content: { paths in
                HomeView(
                    intro: site.home.map { html($0.body, paths) } ?? "", partnershipCount: site.partnerships.count,
                    cityCount: site.cities.count, countryCount: site.countryOrder.count, networkCount: site.networks.count,
                    partnershipsURL: paths.to(Route.partnerships), citiesURL: paths.to(Route.cities), countriesURL: paths.to(Route.countries),
                    networksURL: paths.to(Route.networks),
                    models: site.models.map {
                        ModelCard(
                            title: $0.title, url: paths.to(Route.model($0.id)), summary: $0.summary,
                            count: site.partnershipsByModel[$0.id]?.count ?? 0)
                    },
                    newest: PartnershipListView(items: rows(Array(newest), paths)))
            },
            // The counts of partnerships, cities and countries change with any entry added or removed.
            sources: sources(of: Array(newest)).union(site.models.map(\.source.file)).union([site.home?.source.file].compactMap { $0 })
                .union(site.partnerships.values.map(\.source.file)).union(site.cities.values.compactMap { $0.source?.file }))
    }

    func partnershipIndex() -> RenderedFile {
        // Group in the site order (newest year first, unknown years last).
        var groups: [(Int?, [Partnership.ID])] = []
        for id in site.partnershipOrder {
            let year = site.partnerships[id]?.established?.year
            if let last = groups.last, last.0 == year {
                groups[groups.count - 1].1.append(id)
            } else {
                groups.append((year, [id]))
            }
        }
        return page(
            route: Route.partnerships, kind: "list", template: "partnerships", title: text("partnerships"), section: "partnerships",
            content: { paths in
                PartnershipsView(
                    summary: text("partnerships_summary"),
                    groups: groups.map { year, ids in
                        YearGroup(
                            heading: year.map(String.init) ?? text("year_unknown"), anchor: year.map { "y\($0)" } ?? "y-unknown", count: ids.count,
                            list: PartnershipListView(items: rows(ids, paths)))
                    })
            },
            sources: sources(of: site.partnershipOrder))
    }

    func partnership(_ id: Partnership.ID) -> RenderedFile {
        let partnership = site.partnerships[id]!
        let model = site.model(partnership.model.value)
        var files = sources(of: [id])
        for contact in partnership.contacts { if let city = contact.city { files.insert(city.location.file) } }
        var body = partnership.body
        if !sourcesOnly, let bodies = site.bodies {
            switch bodies.html(of: body) {
            case .success(let rendered): body = rendered
            case .failure(let problem):
                return RenderedFile(
                    path: prefix + Route.partnership(id) + "index.html", contents: [], sources: pageSources(files, template: "partnership", kind: "partnership"),
                    kind: "partnership", problem: problem)
            }
        }
        return page(
            route: Route.partnership(id), kind: "partnership", template: "partnership", title: site.title(of: id),
            description: partnership.purpose, section: "partnerships", crumbs: [(text("partnerships"), Route.partnerships)],
            content: { paths in
                var facts: [FactView] = []
                if let date = partnership.established { facts.append(FactView(text("established"), date.description, link: paths.to(Route.year(date.year)))) }
                if let date = partnership.ended { facts.append(FactView(text("ended"), date.description)) }
                if let agreement = partnership.agreement { facts.append(FactView(text("agreement"), text("agreement_\(agreement.rawValue)"))) }
                if let association = partnership.association { facts.append(FactView(text("association"), association)) }
                if let purpose = partnership.purpose { facts.append(FactView(text("purpose"), purpose)) }
                for (key, decision) in [("council_decision", partnership.councilDecision), ("ministry_approval", partnership.ministryApproval)] {
                    guard let decision else { continue }
                    let value = [decision.date?.description, decision.number].compactMap { $0 }.joined(separator: " · ")
                    facts.append(FactView(text(key), value.isEmpty ? "✓" : value))
                }
                if let protocolURL = partnership.protocolURL { facts.append(FactView(text("protocol"), text("protocol_link"), link: protocolURL)) }
                return PartnershipView(
                    modelTitle: model?.title ?? partnership.model.value, modelURL: paths.to(Route.model(CooperationModel.ID(partnership.model.value))),
                    statusSlug: partnership.status.rawValue, statusLabel: statusLabel(partnership.status),
                    dormant: site.possiblyDormant.contains(id),
                    cities: cityLinks(id, paths), facts: facts,
                    areas: partnership.areas.map { LinkView(title: site.area($0.value).title(in: language), url: paths.to(Route.area($0.value))) },
                    // The one page that shows the body: `Renderer.partnershipPages` relies on it.
                    body: html(body, paths),
                    activities: partnership.activities.map {
                        ActivityView(
                            date: $0.date.description, kindLabel: text("activity_\($0.kind.rawValue)"), activityTitle: $0.title, activityLink: $0.link)
                    },
                    contacts: partnership.contacts.map { contact in
                        let city = contact.city.flatMap { reference in
                            site.partnershipCities[id]?.first { site.cities[$0]?.name == reference.text.split(separator: ",").first.map(String.init) }
                        }
                        return ContactView(
                            contactName: contact.name, email: contact.email, phone: contact.phone,
                            contactCity: city.map(site.name(of:)) ?? contact.city?.text)
                    },
                    links: partnership.links,
                    sources: partnership.sources.map {
                        SourceView(sourceTitle: $0.title ?? $0.url ?? "", sourceURL: $0.url, retrieved: $0.retrieved?.description)
                    },
                    paperwork: site.config.legalChecklist
                        ? (LegalChecklist.items(for: partnership, cities: site.partnershipCities[id] ?? []) ?? []).map {
                            PaperworkItem(
                                paperLabel: text("paper_\($0.key)"), onFile: $0.onFile, paperState: text($0.onFile ? "paper_on_file" : "paper_missing"),
                                paperDetail: $0.detail, basis: text("paper_basis_\($0.key)"))
                        } : [])
            },
            sources: files)
    }

    // MARK: - Cities and countries

    func cityIndex() -> RenderedFile {
        var groups: [(String, [City.ID])] = []
        for id in site.cityOrder {
            let name = site.name(of: id)
            let letter = name.first.map { String($0).uppercased(with: locale) } ?? "#"
            if let last = groups.last,
                last.0.compare(letter, options: [.caseInsensitive, .diacriticInsensitive], range: nil, locale: locale) == .orderedSame
            {
                groups[groups.count - 1].1.append(id)
            } else {
                groups.append((letter, [id]))
            }
        }
        return page(
            route: Route.cities, kind: "list", template: "cities", title: text("cities_az"), section: "cities",
            content: { paths in
                CitiesView(
                    summary: text("cities_summary"),
                    letters: groups.map { letter, ids in
                        LetterGroup(
                            letter: letter, anchor: "l-" + letter.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-"),
                            cities: ids.map { cityRow($0, paths) })
                    })
            },
            sources: Set(site.cities.values.compactMap { $0.source?.file }).union(site.partnerships.values.map(\.source.file)))
    }

    func city(_ id: City.ID) -> RenderedFile {
        let city = site.cities[id]!
        let partnershipIDs = site.partnerships(of: id)
        var files = sources(of: partnershipIDs)
        if let file = city.source?.file { files.insert(file) }
        // The map labels each partner city with its number of partnerships, which any partnership of that city
        // added, removed or moved changes: a source standing for that number (see Renderer.countSource(of:)).
        if recordsSources {
            for partner in Set(partnershipIDs.flatMap { site.partnershipCities[$0] ?? [] }) where partner != id {
                files.insert(Renderer.countSource(of: partner))
            }
        }
        let networkIDs = site.networksByCity[id] ?? []
        let networks = networkIDs.compactMap { nid in site.networks.first { $0.id == nid } }
        files.formUnion(networks.map(\.source.file))
        let region = city.region.flatMap { name in
            let slug = Slug.make(from: name)
            return site.regions.first { $0.id.country == id.country && $0.id.slug == slug }
        }
        return page(
            route: Route.city(id), kind: "city", template: "city", title: site.name(of: id), section: "cities",
            crumbs: [(text("cities"), Route.cities), (site.countryName(id.country), Route.country(id.country))],
            content: { paths in
                var facts: [FactView] = []
                let otherNames = ([city.name] + city.names.sorted { $0.key < $1.key }.map(\.value) + city.aliases)
                    .reduce(into: [String]()) { if !$0.contains($1) && $1 != site.name(of: id) { $0.append($1) } }
                if !otherNames.isEmpty { facts.append(FactView(text("other_names"), otherNames.joined(separator: ", "))) }
                if let population = city.population { facts.append(FactView(text("population"), number(population))) }
                if let coordinates = city.coordinates { facts.append(FactView(text("coordinates"), coordinateText(coordinates))) }
                if let website = city.website { facts.append(FactView(text("website"), website, link: website)) }
                if let wikidata = city.wikidata { facts.append(FactView(text("wikidata"), wikidata, link: "https://www.wikidata.org/wiki/\(wikidata)")) }
                var partners: [PartnerRow] = []
                for pid in partnershipIDs {
                    let partnership = site.rowFacts(of: pid)!
                    for other in site.partnershipCities[pid] ?? [] where other != id {
                        partners.append(
                            PartnerRow(
                                statusSlug: partnership.status.rawValue, partnerName: site.name(of: other), partnerURL: paths.to(Route.city(other)), partnerCountry: site.countryName(other.country),
                                partnerCountryURL: paths.to(Route.country(other.country)), yearText: yearText(partnership.established),
                                modelTitle: modelTitle(partnership.model), statusLabel: statusLabel(partnership.status),
                                partnershipTitle: site.title(of: pid), partnershipURL: paths.to(Route.partnership(pid))))
                    }
                }
                return CityView(
                    map: cityMap(id, paths), legend: legend(models: Set(partnershipIDs.compactMap { site.rowFacts(of: $0)?.model })),
                    countryName: site.countryName(id.country), countryURL: paths.to(Route.country(id.country)), regionName: region?.name,
                    regionURL: region.map { paths.to(Route.region($0.id)) }, kindLabel: city.kind.map { text("kind_\($0.rawValue)") }, facts: facts,
                    body: html(city.body, paths), partners: partners,
                    networks: networks.map {
                        NetworkLink(title: $0.title, url: paths.to(Route.network($0.id)), isSeat: site.networkSeats[$0.id] == id)
                    })
            },
            sources: files, structuredData: cityStructuredData(city))
    }

    /// A schema.org `City` for search engines, with its Wikidata item as `sameAs`.
    func cityStructuredData(_ city: City) -> String? {
        guard let base = site.config.baseURL else { return nil }
        let names = Set(city.names.values).union(city.aliases).subtracting([city.name(in: language)]).sorted()
        return StructuredData.city(
            name: city.name(in: language), url: base + prefix + Route.city(city.id), countryName: site.countryName(city.id.country),
            countryCode: city.id.country.code, wikidata: city.wikidata, coordinates: city.coordinates, alternateNames: names)
    }

    func countryIndex() -> RenderedFile {
        page(
            route: Route.countries, kind: "list", template: "countries", title: text("countries"), section: "countries",
            content: { paths in
                CountriesView(
                    summary: text("countries_summary"),
                    countries: site.countryOrder.map {
                        CountryRow(
                            name: site.countryName($0), url: paths.to(Route.country($0)), cityCount: site.citiesByCountry[$0]?.count ?? 0,
                            partnershipCount: site.partnershipsByCountry[$0]?.count ?? 0)
                    })
            },
            sources: Set(site.partnerships.values.map(\.source.file)).union(site.cities.values.compactMap { $0.source?.file }))
    }

    func country(_ code: CountryCode) -> RenderedFile {
        let ids = site.partnershipsByCountry[code] ?? []
        let cities = site.citiesByCountry[code] ?? []
        let note = site.countryNotes[code]
        var files = sources(of: ids).union(cities.compactMap { site.cities[$0]?.source?.file })
        if let note { files.insert(note.source.file) }
        return page(
            route: Route.country(code), kind: "country", template: "country", title: note?.title ?? site.countryName(code), section: "countries",
            crumbs: [(text("countries"), Route.countries)],
            content: { paths in
                CountryView(
                    map: countryMap(code, paths), summary: "\(text("count_partnerships_label")) \(ids.count)", note: note.map { html($0.body, paths) } ?? "",
                    cities: cities.map { cityRow($0, paths, showCountry: false) }, list: PartnershipListView(items: rows(ids, paths)))
            },
            sources: files)
    }

    // MARK: - Models, networks, areas, years, regions

    func modelIndex() -> RenderedFile {
        page(
            route: Route.models, kind: "list", template: "list", title: text("models"), section: "models",
            content: { paths in
                ListView(
                    summary: text("models_summary"),
                    links: site.models.map {
                        LinkView(
                            title: $0.title, url: paths.to(Route.model($0.id)),
                            detail: "\(text("count_partnerships_label")) \(site.partnershipsByModel[$0.id]?.count ?? 0)")
                    })
            },
            sources: Set(site.models.map(\.source.file)).union(site.partnerships.values.map(\.source.file)))
    }

    func modelPage(_ model: CooperationModel) -> RenderedFile {
        let ids = site.partnershipsByModel[model.id] ?? []
        return page(
            route: Route.model(model.id), kind: "model", template: "list", title: model.title, description: model.summary, section: "models",
            crumbs: [(text("models"), Route.models)],
            content: { paths in
                ListView(
                    summary: model.summary, body: html(model.body, paths), listHeading: text("partnerships_of_model"), list: rows(ids, paths))
            },
            sources: sources(of: ids).union([model.source.file]))
    }

    func networkIndex() -> RenderedFile {
        page(
            route: Route.networks, kind: "list", template: "list", title: text("networks"), section: "networks",
            content: { paths in
                ListView(
                    summary: text("networks_summary"),
                    links: site.networks.map {
                        LinkView(title: $0.title, url: paths.to(Route.network($0.id)), detail: $0.model.map { modelTitle($0.value) })
                    })
            },
            sources: Set(site.networks.map(\.source.file)).union(site.models.map(\.source.file)))
    }

    func networkPage(_ network: Network) -> RenderedFile {
        let members = site.networkMembers[network.id] ?? []
        let seat = site.networkSeats[network.id]
        var files: Set<String> = [network.source.file]
        files.formUnion((members + [seat].compactMap { $0 }).compactMap { site.cities[$0]?.source?.file })
        if let model = network.model.flatMap({ site.model($0.value) }) { files.insert(model.source.file) }
        return page(
            route: Route.network(network.id), kind: "network", template: "list", title: network.title, section: "networks",
            crumbs: [(text("networks"), Route.networks)],
            content: { paths in
                var facts: [FactView] = []
                if let model = network.model { facts.append(FactView(text("model"), modelTitle(model.value), link: paths.to(Route.model(CooperationModel.ID(model.value))))) }
                if let seat { facts.append(FactView(text("seat").capitalized(with: locale), site.name(of: seat), link: paths.to(Route.city(seat)))) }
                if let founded = network.founded { facts.append(FactView(text("founded"), founded.description)) }
                if let website = network.website { facts.append(FactView(text("website"), website, link: website)) }
                return ListView(
                    body: html(network.body, paths), facts: facts,
                    members: members.map { cityRow($0, paths) }, organisations: network.organisations)
            },
            sources: files)
    }

    func areaIndex() -> RenderedFile {
        let slugs = site.partnershipsByArea.keys.sorted()
        return page(
            route: Route.areas, kind: "list", template: "list", title: text("areas"),
            content: { paths in
                ListView(
                    summary: text("areas_summary"),
                    links: slugs.map {
                        LinkView(
                            title: site.area($0).title(in: language), url: paths.to(Route.area($0)),
                            detail: "\(text("count_partnerships_label")) \(site.partnershipsByArea[$0]?.count ?? 0)")
                    })
            },
            sources: Set(site.partnerships.values.map(\.source.file)))
    }

    func areaPage(_ slug: String) -> RenderedFile {
        let ids = site.partnershipsByArea[slug] ?? []
        return page(
            route: Route.area(slug), kind: "area", template: "list", title: site.area(slug).title(in: language),
            crumbs: [(text("areas"), Route.areas)],
            content: { paths in ListView(listHeading: text("partnerships_in_area"), list: rows(ids, paths)) },
            sources: sources(of: ids))
    }

    func yearIndex() -> RenderedFile {
        let years = site.partnershipsByYear.keys.sorted(by: >)
        return page(
            route: Route.years, kind: "list", template: "list", title: text("years"),
            content: { paths in
                ListView(
                    summary: text("years_summary"),
                    links: years.map {
                        LinkView(
                            title: String($0), url: paths.to(Route.year($0)),
                            detail: "\(text("count_partnerships_label")) \(site.partnershipsByYear[$0]?.count ?? 0)")
                    })
            },
            sources: Set(site.partnerships.values.map(\.source.file)))
    }

    func yearPage(_ year: Int) -> RenderedFile {
        let ids = site.partnershipsByYear[year] ?? []
        return page(
            route: Route.year(year), kind: "year", template: "list", title: String(year), crumbs: [(text("years"), Route.years)],
            content: { paths in ListView(listHeading: text("partnerships_in_year"), list: rows(ids, paths)) },
            sources: sources(of: ids))
    }

    func regionIndex() -> RenderedFile {
        page(
            route: Route.regions, kind: "list", template: "list", title: text("regions"),
            content: { paths in
                ListView(
                    summary: text("regions_summary"),
                    links: site.regions.map {
                        LinkView(
                            title: $0.name, url: paths.to(Route.region($0.id)),
                            detail: "\(site.countryName($0.id.country)) · \(text("count_partnerships_label")) \(site.partnershipsByRegion[$0.id]?.count ?? 0)")
                    })
            },
            sources: Set(site.cities.values.compactMap { $0.source?.file }).union(site.partnerships.values.map(\.source.file)))
    }

    func regionPage(_ region: Region) -> RenderedFile {
        let ids = site.partnershipsByRegion[region.id] ?? []
        return page(
            route: Route.region(region.id), kind: "region", template: "list", title: region.name, crumbs: [(text("regions"), Route.regions)],
            content: { paths in
                ListView(
                    summary: site.countryName(region.id.country), members: region.cities.map { cityRow($0, paths) },
                    listHeading: text("partnerships_in_region"), list: rows(ids, paths))
            },
            sources: sources(of: ids).union(region.cities.compactMap { site.cities[$0]?.source?.file }))
    }

    // MARK: - Search

    func searchPage() -> RenderedFile {
        page(
            route: Route.search, kind: "search", template: "search", title: text("search"),
            content: { paths in
                SearchPageView(
                    citiesURL: paths.to(Route.cities), indexScript: paths.file(prefix + SearchIndex.fileName), pageScript: paths.file("search.js"))
            },
            sources: SearchIndex.sources(of: site).union(["templates/search.js"]))
    }

    // MARK: - Statistics

    func statistics() -> RenderedFile {
        let stats = Statistics(site: site)
        func rows(_ data: [(String, Int)]) -> [StatsRow] { data.map { StatsRow(rowLabel: $0.0, rowValue: number($0.1), extra: nil) } }
        var charts: [ChartView] = []
        let years = stats.perYear
        if !years.isEmpty {
            let totals = stats.runningTotal
            charts.append(
                ChartView(
                    chartID: "per-year", chartTitle: text("stats_per_year"),
                    svg: Charts.columns(years.map { ($0.year, $0.count) }, line: totals, title: text("stats_per_year")),
                    note: stats.undated > 0 ? text("stats_undated").replacingOccurrences(of: "{n}", with: number(stats.undated)) : nil,
                    headers: [text("year"), text("stats_established"), text("stats_running_total")],
                    rows: zip(years, totals).filter { $0.0.count > 0 }.map {
                        StatsRow(rowLabel: String($0.0.year), rowValue: number($0.0.count), extra: number($0.1))
                    }))
        }
        let models = stats.byModel.map { ($0.label, $0.value) }
        charts.append(chart("by-model", text("stats_by_model"), models, [text("model"), text("partnerships")]))
        let statuses = stats.byStatus.map { (statusLabel($0.status), $0.count) }
        charts.append(chart("by-status", text("stats_by_status"), statuses, [text("status"), text("partnerships")]))
        let countries = stats.topCountries(20).map { (site.countryName($0.country), $0.value) }
        charts.append(chart("top-countries", text("stats_top_countries"), countries, [text("country"), text("partnerships")]))
        let kinds = stats.byTurkishKind
        if kinds.contains(where: { $0.count > 0 }) {
            let data = kinds.map { ($0.kind.map { text("kind_\($0.rawValue)") } ?? text("stats_kind_unknown"), $0.count) }
            charts.append(chart("turkish-kinds", text("stats_turkish_kinds"), data, [text("stats_kind"), text("partnerships")], note: text("stats_turkish_kinds_note")))
        }
        let cities = stats.topCities(20).map { ("\(site.name(of: $0.city)) (\($0.city.country.code))", $0.value) }
        charts.append(chart("top-cities", text("stats_top_cities"), cities, [text("partner"), text("partnerships")]))
        var concentration: String?
        if let top = stats.concentration {
            let percent = String(format: "%.0f", top.share * 100)
            concentration = text(top.isRegion ? "stats_concentration_region" : "stats_concentration_city")
                .replacingOccurrences(of: "{share}", with: percent).replacingOccurrences(of: "{name}", with: top.name)
                .replacingOccurrences(of: "{n}", with: number(top.count)).replacingOccurrences(of: "{total}", with: number(site.partnerships.count))
        }
        return page(
            route: Route.stats, kind: "stats", template: "stats", title: text("stats"),
            content: { paths in
                StatsView(
                    summary: text("stats_summary"), concentration: concentration, charts: charts,
                    dataJSON: paths.file("data/partnerships.json"), dataCSV: paths.file("data/partnerships.csv"),
                    dataGeoJSON: paths.file("data/cities.geojson"))
            },
            sources: Set(site.partnerships.values.map(\.source.file)).union(site.cities.values.compactMap { $0.source?.file })
                .union(site.models.map(\.source.file)))
    }

    func chart(_ id: String, _ title: String, _ data: [(String, Int)], _ headers: [String], note: String? = nil) -> ChartView {
        ChartView(
            chartID: id, chartTitle: title, svg: Charts.horizontalBars(data.map { (label: $0.0, value: $0.1) }, title: title), note: note,
            headers: headers, rows: data.map { StatsRow(rowLabel: $0.0, rowValue: number($0.1), extra: nil) })
    }

    // MARK: - Free pages

    func freePage(_ free: Page) -> RenderedFile {
        page(
            route: Route.page(free.slug), kind: "page", template: "page", title: free.title, description: free.summary,
            content: { paths in BodyView(body: html(free.body, paths)) }, sources: [free.source.file])
    }

    /// The 404 page is served at any depth, so its links are absolute when `base_url` is known and relative to the
    /// site root otherwise.
    func notFound() -> RenderedFile {
        let paths = Paths(page: "", prefix: prefix, portable: portable)
        let absolute = site.config.baseURL.map { base in Paths(absolute: base, prefix: prefix, portable: portable) }
        return page(
            route: "", kind: "404", template: "404", title: text("not_found"),
            content: { paths in NotFoundView(citiesURL: paths.to(Route.cities), partnershipsURL: paths.to(Route.partnerships)) },
            sources: [], fileName: "404.html", paths: absolute ?? paths)
    }
}

extension RenderContext.Paths {
    /// URLs that start with the site's absolute address.
    init(absolute base: String, prefix: String, portable: Bool) {
        self.root = base
        self.prefix = prefix
        self.portable = portable
    }
}
