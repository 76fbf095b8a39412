import CoreFoundation
import Foundation
import KardesContent
import KardesModel

/// Resolves the references between loaded entries and builds the indexes of one site language.
///
/// Pure: no file system, clock or environment. The year against which dormancy is judged is a parameter.
public struct Linker: Sendable {
    public let language: String
    /// The current year, for "no activity for N years".
    public let referenceYear: Int

    public init(language: String, referenceYear: Int) {
        self.language = language
        self.referenceYear = referenceYear
    }

    /// Links `content`.
    /// - Throws: `BuildFailure.content` with every error: unknown models, networks or areas with a "did you mean",
    ///   city references that resolve to nothing, the same partnership in two files, two city files claiming one name,
    ///   entry links in Markdown that name nothing.
    /// - Parameter previous: this language's site before an edit, when there is one: an order whose keys (titles,
    ///   years, names) are all as they were is taken from it rather than sorted again, which for thousands of entries
    ///   means hundreds of thousands of locale-aware comparisons. The result is the same either way.
    public func link(_ content: LoadedContent, previous: LinkedSite? = nil) throws(BuildFailure) -> LinkedSite {
        var log = DiagnosticLog()
        log.append(contentsOf: content.diagnostics)
        let collator = Collator(language: language)

        // MARK: Cities from files, and the names that lead to them.
        // (Filled from the city files below, while the references are parsed.)
        var cities: [City.ID: City] = [:]
        var nameIndex: [String: City.ID] = [:]  // "tr/uskudar" (slug of any name) → id
        let files = content.cities.sorted { $0.id < $1.id }
        // Tens of thousands of references name a few thousand cities: each text is parsed, and each name made into an
        // address (a Unicode transliteration), once.
        var parsedReferences: [String: Result<CityReference.Parsed, CityReference.ReferenceError>] = [:]
        func parse(_ reference: CityReference) -> Result<CityReference.Parsed, CityReference.ReferenceError> {
            if let known = parsedReferences[reference.text] { return known }
            let parsed = reference.parse()
            parsedReferences[reference.text] = parsed
            return parsed
        }
        var slugs: [String: String] = [:]
        func slug(_ name: String) -> String {
            if let known = slugs[name] { return known }
            let made = Slug.make(from: name)
            slugs[name] = made
            return made
        }

        // Those texts and names are worked out on all cores first (a transliteration takes tens of microseconds);
        // the passes below then only look them up.
        let allReferences = content.partnerships.flatMap(\.cities) + content.networks.flatMap { $0.members + [$0.seat].compactMap { $0 } }
            + [content.config.owner].compactMap { $0 } + content.partnerships.flatMap { $0.contacts.compactMap(\.city) }
        var texts: [String: CityReference] = [:]
        for reference in allReferences where texts[reference.text] == nil { texts[reference.text] = reference }
        let uniqueReferences = Array(texts.values)
        // The partnerships' positions in the order of their IDs, sorted meanwhile: the checks below go through them
        // in that order, and the order of the site sorts from it. The city files' table is made meanwhile too.
        let all = content.partnerships
        let (parsedList, (byID, fromFiles)) = Parallel.map(
            uniqueReferences,
            alongside: {
                var cities: [City.ID: City] = [:], nameIndex: [String: City.ID] = [:]
                for city in files {
                    cities[city.id] = city
                    nameIndex[city.id.description] = city.id
                }
                return (all.indices.sorted { all[$0].id < all[$1].id }, (cities: cities, nameIndex: nameIndex))
            }
        ) { $0.parse() }
        (cities, nameIndex) = (fromFiles.cities, fromFiles.nameIndex)
        for (reference, parsed) in zip(uniqueReferences, parsedList) { parsedReferences[reference.text] = parsed }
        var names = Set<String>()
        for city in files { names.insert(city.name); names.formUnion(city.names.values); names.formUnion(city.aliases) }
        for case .success(.name(let name, _)) in parsedReferences.values { names.insert(name) }
        let uniqueNames = Array(names)
        for (name, made) in zip(uniqueNames, Parallel.map(uniqueNames) { Slug.make(from: $0) }) { slugs[name] = made }

        // Names lead to cities in three rounds, so a city's own file name beats another city's main name, which beats
        // another city's exonym or alias (Ōta's exonym "Ota" must not take the address of the file ota.md).
        // Each file's names, as slugs and as full addresses, for each round, are worked out on all cores first (every
        // name's slug is known by now); the rounds then only claim them, in file order.
        let slugTable = slugs
        let roundKeys: [[[(key: String, full: String)]]] = Parallel.map(files) { city in
            func slug(_ name: String) -> String { slugTable[name] ?? Slug.make(from: name) }
            let rounds: [[String]] = [
                [slug(city.name)],
                city.names.keys.sorted().compactMap { city.names[$0].map(slug) } + city.aliases.map(slug),
            ]
            return rounds.map { names in
                Set(names).sorted().filter { !$0.isEmpty }.map { (key: $0, full: "\(city.id.country.pathComponent)/\($0)") }
            }
        }
        for round in 0..<2 {
            var claimed: [String: City] = [:]
            for (fileIndex, city) in files.enumerated() {
                for (key, full) in roundKeys[fileIndex][round] {
                    if let owner = nameIndex[full], owner != city.id {
                        if let other = claimed[full], other.id != city.id {
                            log.append(
                                .warning(
                                    "ambiguous-city-name", at: city.source ?? SourceLocation(file: "content/cities"),
                                    "the name '\(key)' is used by two cities: this one and \(other.source?.file ?? other.id.description); references by that name go to the other",
                                    fix: "refer to this city as \(city.id) or give one of the two a distinct name"))
                        }
                        continue
                    }
                    claimed[full] = city
                    nameIndex[full] = city.id
                }
            }
        }

        // Every city some reference names by name, so a cc/slug reference can be judged against all of them
        // whatever the order of the files.
        var namedIDs = Set(cities.keys.map(\.description))
        // Each text once: the same text always names the same city.
        for reference in uniqueReferences {
            if case .success(.name(let name, let country)) = parse(reference) {
                let key = "\(country.pathComponent)/\(slug(name))"
                namedIDs.insert(nameIndex[key]?.description ?? key)
            }
        }

        // MARK: Resolve every reference; cities without a file are made from their references.
        var spellings: [City.ID: [String: Int]] = [:]
        func resolve(_ reference: CityReference) -> City.ID? {
            switch parse(reference) {
            case .success(.name(let name, let country)):
                let slug = slug(name)
                guard !slug.isEmpty else {
                    log.append(
                        .error(
                            "bad-city-name", at: reference.location, "the city name '\(name)' has no letters or digits to make an address from",
                            fix: "write the city's name, such as \"Üsküdar, TR\""))
                    return nil
                }
                if let id = nameIndex["\(country.pathComponent)/\(slug)"] { return id }
                let id = City.ID(country: country, slug: slug)
                spellings[id, default: [:]][name, default: 0] += 1
                return id
            case .success(.id(let id)):
                if let found = nameIndex[id.description] { return found }
                if spellings[id] != nil { return id }
                if namedIDs.contains(id.description) {
                    // Another reference names this city; that name wins over the address.
                    spellings[id, default: [:]][Self.name(fromSlug: id.slug), default: 0] += 0
                    return id
                }
                let known = namedIDs.sorted()
                // A near miss of a known city is a typo; otherwise the city gets its page from the reference alone,
                // named after its address until a file or a reference by name says better.
                if Suggestion.closest(to: id.description, in: known) != nil {
                    log.append(
                        .error(
                            "unknown-city", at: reference.location, "no city '\(id)'\(Suggestion.didYouMean(id.description, in: known))",
                            fix: "create content/cities/\(id).md, or refer to the city by name: \"Name, \(id.country)\""))
                    return nil
                }
                log.append(
                    .warning(
                        "city-named-by-address", at: reference.location,
                        "no city file for '\(id)', so the city is named after its address",
                        fix: "create content/cities/\(id).md with its name, or refer to the city by name: \"Name, \(id.country)\""))
                spellings[id, default: [:]][Self.name(fromSlug: id.slug), default: 0] += 0
                return id
            case .failure:
                return nil  // Reported while loading.
            }
        }

        let models = content.models.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        let modelSlugs = models.map(\.id.slug)
        let areaSlugs = Set(content.areas.map(\.slug))
        var partnershipCities: [Partnership.ID: [City.ID]] = [:]
        // The same by position in `all`, for the indexes below, which then hash no ID, and for the checks of the
        // partnerships themselves (``partnershipProblems``), made on another core meanwhile below.
        var citiesAt = [[City.ID]](repeating: [], count: all.count)
        for index in byID {
            let ids = all[index].cities.compactMap(resolve)
            partnershipCities[all[index].id] = ids
            citiesAt[index] = ids
        }
        let citiesOf = citiesAt

        var networkMembers: [Network.ID: [City.ID]] = [:]
        var networkSeats: [Network.ID: City.ID] = [:]
        for network in content.networks {
            networkMembers[network.id] = network.members.compactMap(resolve)
            if let seat = network.seat { networkSeats[network.id] = resolve(seat) }
            if let model = network.model, !modelSlugs.contains(model.value) {
                log.append(CooperationModel.unknown(model.value, at: model.location, known: modelSlugs))
            }
        }
        if let owner = content.config.owner { _ = resolve(owner) }
        for contact in content.partnerships.flatMap(\.contacts) { if let city = contact.city { _ = resolve(city) } }

        // Cities known only from references take their most used spelling; on a tie, one that starts with a capital,
        // then the one sorting last, which prefers letters such as İ over I.
        func rank(_ entry: (key: String, value: Int)) -> (Int, Int, String) {
            (entry.value, entry.key.first.map { $0.isUppercase ? 1 : 0 } ?? 0, entry.key)
        }
        for (id, names) in spellings where cities[id] == nil {
            let name = names.max { rank($0) < rank($1) }!.key
            cities[id] = City(id: id, name: name)
        }

        // MARK: Indexes.
        // The partnerships by ID, and each one's title with its collation key, made at the same time.
        let (citiesNow, citiesOfPartnerships, language) = (cities, partnershipCities, self.language)
        // Also each one's areas without repeats, and whether it is active with no sign of life for too long.
        let (referenceYear, dormantAfter) = (self.referenceYear, content.config.dormantAfterYears)
        let (titled, (partnerships, problems)) = Parallel.map(
            all,
            alongside: {
                (
                    Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) }),
                    Self.partnershipProblems(all, byID: byID, citiesAt: citiesOf, modelSlugs: modelSlugs, areaSlugs: areaSlugs)
                )
            }
        ) { partnership in
            let title = partnership.title
                ?? (citiesOfPartnerships[partnership.id] ?? []).map { citiesNow[$0]?.name(in: language) ?? $0.slug }.joined(separator: " – ")
            let areas = partnership.areas.count < 2 ? partnership.areas.map(\.value) : Array(Set(partnership.areas.map(\.value)))
            let dormant = partnership.status == .active && partnership.lastSignOfLife.map { referenceYear - $0.year > dormantAfter } == true
            return (title, collator.key(title), areas: areas, dormant: dormant)
        }
        // In any order: diagnostics are reported sorted by place and text.
        log.append(contentsOf: problems)
        let sameOrder = previous.map { old in
            old.language == language && old.partnerships.count == all.count
                && zip(all, titled).allSatisfy { partnership, title in
                    guard let before = old.partnerships[partnership.id] else { return false }
                    return before.established?.year == partnership.established?.year && old.partnershipTitles[partnership.id] == title.0
                }
        } ?? false
        // The cities' collation keys on all cores (a key is an ICU call).
        let cityIDs = Array(cities.keys), cityList = Array(cities.values)
        let nameKeys = Dictionary(uniqueKeysWithValues: zip(cityIDs, Parallel.map(cityList) { collator.key($0.name(in: language)) }))
        let sameCityOrder = previous.map { old in
            old.language == language && old.cities.count == cities.count
                && cities.allSatisfy { id, city in
                    guard let before = old.cities[id] else { return false }
                    return before.name(in: language) == city.name(in: language)
                }
        } ?? false
        // The two long sorts (each a locale comparison per step) run at the same time.
        let citiesToSort = cities
        // The partnerships' order as positions in `all`.
        let (orderPositions, (cityOrder, titles)) = Parallel.both(
            {
                if let previous, sameOrder {
                    let positions = Dictionary(uniqueKeysWithValues: all.indices.map { (all[$0].id, $0) })
                    return previous.partnershipOrder.map { positions[$0]! }
                } else {
                    // From a fixed order (IDs sorted), not the dictionary's, which changes from run to run: the locale's
                    // comparison is not always transitive (ß, hyphens: "Grosseto" < "Groß-Gerau" < "Großenhain" <
                    // "Grosseto"), and then where a sort puts such names depends on the order it was given.
                    // Positions in arrays rather than IDs in dictionaries: each comparison then hashes nothing.
                    let ids = byID.map { all[$0].id }
                    let idYears = byID.map { all[$0].established?.year ?? Int.min }, idKeys = byID.map { titled[$0].1 }
                    return Array(ids.indices).sorted { a, b in
                        if idYears[a] != idYears[b] { return idYears[a] > idYears[b] }
                        return collator.ascending(idKeys[a], idKeys[b], ids[a].slug, ids[b].slug)
                    }.map { byID[$0] }
                }
            },
            {
                // The shorter sort, then the titles by ID.
                let cityOrder: [City.ID]
                if let previous, sameCityOrder {
                    cityOrder = previous.cityOrder
                } else {
                    let ids = citiesToSort.keys.sorted()
                    let idKeys = ids.map { nameKeys[$0]! }
                    cityOrder = Array(ids.indices).sorted { a, b in
                        collator.ascending(idKeys[a], idKeys[b], ids[a].description, ids[b].description)
                    }.map { ids[$0] }
                }
                return (cityOrder, Dictionary(uniqueKeysWithValues: zip(all, titled).map { ($0.id, $1.0) }))
            })
        let partnershipOrder = orderPositions.map { all[$0].id }
        let rank = Dictionary(uniqueKeysWithValues: partnershipOrder.enumerated().map { ($1, $0) })
        func ordered(_ ids: [Partnership.ID]) -> [Partnership.ID] { ids.sorted { rank[$0]! < rank[$1]! } }

        var byCity: [City.ID: [Partnership.ID]] = [:], byCountry: [CountryCode: [Partnership.ID]] = [:]
        var byModel: [CooperationModel.ID: [Partnership.ID]] = [:], byArea: [String: [Partnership.ID]] = [:]
        var byYear: [Int: [Partnership.ID]] = [:]
        /// `items` without repeats (in no particular order); most partnerships have two cities, which needs no set.
        @Sendable func distinct<Item: Hashable>(_ items: [Item]) -> [Item] {
            if items.count < 2 || (items.count == 2 && items[0] != items[1]) { return items }
            if items.count == 2 { return [items[0]] }
            return Array(Set(items))
        }
        // By place on one core, by model, area and year on the other.
        // Through positions in `all`: no partnership is copied out of a dictionary, and no ID hashed to find one.
        ((byCity, byCountry), (byModel, byArea, byYear)) = Parallel.both(
            {
                var byCity: [City.ID: [Partnership.ID]] = [:], byCountry: [CountryCode: [Partnership.ID]] = [:]
                for (position, id) in zip(orderPositions, partnershipOrder) {
                    let ids = citiesOf[position]
                    for city in distinct(ids) { byCity[city, default: []].append(id) }
                    for country in distinct(ids.map(\.country)) { byCountry[country, default: []].append(id) }
                }
                return (byCity, byCountry)
            },
            {
                var byModel: [CooperationModel.ID: [Partnership.ID]] = [:], byArea: [String: [Partnership.ID]] = [:]
                var byYear: [Int: [Partnership.ID]] = [:]
                for (position, id) in zip(orderPositions, partnershipOrder) {
                    byModel[CooperationModel.ID(all[position].model.value), default: []].append(id)
                    for area in titled[position].areas { byArea[area, default: []].append(id) }
                    if let year = all[position].established?.year { byYear[year, default: []].append(id) }
                }
                return (byModel, byArea, byYear)
            })

        var citiesByCountry: [CountryCode: [City.ID]] = [:]
        for id in cityOrder { citiesByCountry[id.country, default: []].append(id) }
        let countryNames = Dictionary(uniqueKeysWithValues: citiesByCountry.keys.map { ($0, $0.name(in: language)) })
        let countryKeys = countryNames.mapValues { collator.key($0) }
        let countryOrder = citiesByCountry.keys.sorted().sorted { collator.ascending(countryKeys[$0]!, countryKeys[$1]!, $0.code, $1.code) }

        var networksByCity: [City.ID: [Network.ID]] = [:]
        let networks = content.networks.sorted { collator.ascending(collator.key($0.title), collator.key($1.title), $0.id.slug, $1.id.slug) }
        for network in networks {
            var members = Set(networkMembers[network.id] ?? [])
            if let seat = networkSeats[network.id] { members.insert(seat) }
            for city in members { networksByCity[city, default: []].append(network.id) }
        }

        // Regions (il): cities that name one, grouped by country and slug.
        var regionCities: [Region.ID: (name: String, cities: [City.ID])] = [:]
        for id in cityOrder {
            guard let region = cities[id]?.region, case let regionSlug = slug(region), !regionSlug.isEmpty else { continue }
            let key = Region.ID(country: id.country, slug: regionSlug)
            regionCities[key, default: (region, [])].cities.append(id)
        }
        let regions = regionCities.map { Region(id: $0.key, name: $0.value.name, cities: $0.value.cities) }.sorted { $0.id < $1.id }
        var byRegion: [Region.ID: [Partnership.ID]] = [:]
        for region in regions {
            byRegion[region.id] = ordered(Array(Set(region.cities.flatMap { byCity[$0] ?? [] })))
        }

        var possiblyDormant = Set<Partnership.ID>()
        for index in all.indices where titled[index].dormant { possiblyDormant.insert(all[index].id) }

        var site = LinkedSite(
            language: language, config: content.config, cities: cities, cityOrder: cityOrder, partnerships: partnerships,
            partnershipOrder: partnershipOrder, partnershipCities: partnershipCities, partnershipTitles: titles, models: models,
            networks: networks, networkMembers: networkMembers, networkSeats: networkSeats,
            pages: content.pages.sorted { collator.ascending(collator.key($0.title), collator.key($1.title), $0.slug, $1.slug) },
            home: content.home, countryNotes: Dictionary(content.countryNotes.map { ($0.country, $0) }) { a, _ in a },
            countryOrder: countryOrder, countryNames: countryNames, areas: content.areas, regions: regions,
            partnershipsByCity: byCity, partnershipsByCountry: byCountry, partnershipsByModel: byModel, partnershipsByArea: byArea,
            partnershipsByYear: byYear, partnershipsByRegion: byRegion, citiesByCountry: citiesByCountry, networksByCity: networksByCity,
            possiblyDormant: possiblyDormant, warnings: [])

        site.cityNameIndex = nameIndex
        let finalCities = cities
        (site.cityNames, site.rowFacts) = Parallel.both(
            { finalCities.mapValues { $0.name(in: language) } }, { partnerships.mapValues(LinkedSite.RowFacts.init) })
        site.bodies = content.bodies

        // MARK: Entry links in every body.
        let bodies: [RichText] =
            content.partnerships.map(\.body) + content.cities.map(\.body) + content.models.map(\.body) + content.networks.map(\.body)
            + content.pages.map(\.body) + content.countryNotes.map(\.body) + [content.home?.body].compactMap { $0 }
        site.checkEntryLinks(in: bodies, log: &log)

        try log.throwIfErrors()
        // Said only of a site without errors, where it is the one thing left to know.
        if content.config.baseURL == nil {
            log.append(
                .warning(
                    "no-base-url", at: SourceLocation(file: "content/site.yml"),
                    "without base_url the feed, sitemap.xml, robots.txt, canonical links and structured data are not written",
                    fix: "add the site's address to site.yml, such as 'base_url: https://example.org/rehber/'"))
        }
        site.warnings = log.warnings
        return site
    }
}

extension Linker {
    /// The problems of the partnerships themselves once their cities are known, in the order of `byID`: the same city
    /// twice, the same partnership in two files, unknown models and areas.
    /// - Parameters:
    ///   - byID: the positions of `all` in the order of their IDs.
    ///   - citiesAt: each partnership's resolved cities, by position in `all`; a partnership one of whose references
    ///     named nothing (reported already) is left out of the checks of its cities.
    static func partnershipProblems(
        _ all: [Partnership], byID: [Int], citiesAt: [[City.ID]], modelSlugs: [String], areaSlugs: Set<String>
    ) -> [Diagnostic] {
        var log = DiagnosticLog()
        /// A partnership's cities, sorted, and model: two partnerships with the same are one recorded twice.
        struct SameCities: Hashable {
            let cities: [City.ID]
            let model: String
        }
        // Positions rather than partnerships: sorting and remembering them copies no partnership.
        var seen: [SameCities: Int] = [:]
        for index in byID {
            let partnership = all[index], ids = citiesAt[index]
            if ids.count == partnership.cities.count {
                if Set(ids).count < ids.count {
                    log.append(
                        .error(
                            "same-city-twice", at: partnership.cities[0].location, "the same city is listed twice in this partnership",
                            fix: "list each city once; aliases such as Üsküp and Skopje are the same city"))
                }
                // Two files with the same cities and model are one partnership recorded twice when nothing tells them
                // apart; different establishment dates, statuses or areas may be two agreements (a twinning renewed after the
                // first one ended), so those are only a warning.
                let key = SameCities(cities: ids.sorted(), model: partnership.model.value)
                if let otherIndex = seen[key] {
                    let other = all[otherIndex]
                    // An unknown date tells nothing apart.
                    let datesAgree = other.established == nil || partnership.established == nil || other.established == partnership.established
                    let same = datesAgree && other.status == partnership.status
                        && Set(other.areas.map(\.value)) == Set(partnership.areas.map(\.value))
                    for (here, there) in [(partnership, other), (other, partnership)] {
                        log.append(
                            same
                                ? .error(
                                    "duplicate-partnership", at: here.source,
                                    "the same partnership (same cities and model) is also in \(there.source.file)",
                                    fix: "keep one of the two files and delete the other")
                                : .warning(
                                    "possible-duplicate-partnership", at: here.source,
                                    "\(there.source.file) has the same cities and model, with another date, status or areas",
                                    fix: "if both describe one partnership, merge them into one file; if they are two agreements, give each its date"))
                    }
                } else {
                    seen[key] = index
                }
            }
            if !partnership.model.value.isEmpty && !modelSlugs.contains(partnership.model.value) {
                log.append(CooperationModel.unknown(partnership.model.value, at: partnership.model.location, known: modelSlugs))
            }
            for area in partnership.areas where !areaSlugs.contains(area.value) {
                log.append(
                    .warning(
                        "unknown-area", at: area.location, "unknown area of cooperation '\(area.value)'\(Suggestion.didYouMean(area.value, in: areaSlugs))",
                        fix: "use an area from the vocabulary, or add '\(area.value): { tr: …, en: … }' to content/areas.yml"))
            }
        }
        return log.diagnostics
    }
}

extension LinkedSite {
    /// Reports each entry link of `bodies` that names nothing: an error, or, for a `city:` link written with another
    /// transliteration of a close city's name, a warning, and the link then leads to that city.
    mutating func checkEntryLinks(in bodies: [RichText], log: inout DiagnosticLog) {
        // Which bodies have a link that leads nowhere, found on all cores; almost every link leads somewhere. A link
        // that leads somewhere now still does below, where close matches are only added, so only those bodies are
        // looked at again, in order.
        let site = self
        let suspect = Parallel.map(bodies) { body in body.links.contains { site.route(for: $0) == nil } }
        for (body, isSuspect) in zip(bodies, suspect) where isSuspect {
            for link in body.links where route(for: link) == nil {
                // A city link written with another transliteration of a non-Latin name (lhoer for lahoer) is matched
                // to the one close city of that country, with a warning, rather than failing the build.
                if link.kind == .city, let match = closeCity(to: link.target, text: link.text) {
                    approximateCityLinks[link.target] = match
                    log.append(
                        .warning(
                            "approximate-city-link", at: link.location, "no city '\(link.target)'; linked to the closest match '\(match)' (\(name(of: match)))",
                            fix: "write the link as city:\(match)"))
                    continue
                }
                log.append(.error("unresolved-link", at: link.location, "unresolved link '\(link.kind.rawValue):\(link.target)'\(suggestion(for: link))",
                    fix: "link to an existing \(link.kind.rawValue): \(linkForms(link.kind))"))
            }
        }
    }

    /// Gives some of this site's partnerships new Markdown bodies, their front matter unchanged (see
    /// `ParsedContent.partnershipsWithNewBodies`): nothing else of the site depends on a body, so only the bodies'
    /// entry links are checked again. Partnerships the site leaves out (drafts) stay out. In place, so a site of many
    /// thousand partnerships is not copied for one edit.
    /// - Throws: `BuildFailure.content` with the links of the new bodies that name nothing; the site is then as it was.
    public mutating func replaceBodies(of edited: [Partnership]) throws(BuildFailure) {
        let present = edited.filter { partnerships[$0.id] != nil }
        var before: [Partnership.ID: Partnership] = [:]
        for partnership in present {
            before[partnership.id] = partnerships.updateValue(partnership, forKey: partnership.id)
            rowFacts[partnership.id] = RowFacts(partnership)
        }
        let approximate = approximateCityLinks
        // Close matches are found again, so each new body's approximate links are warned about, as a full link would.
        for link in present.flatMap(\.body.links) where link.kind == .city { approximateCityLinks[link.target] = nil }
        var log = DiagnosticLog()
        checkEntryLinks(in: present.map(\.body), log: &log)
        do {
            try log.throwIfErrors()
        } catch {
            for (id, partnership) in before {
                partnerships[id] = partnership
                rowFacts[id] = RowFacts(partnership)
            }
            approximateCityLinks = approximate
            throw error
        }
        // The warnings of the old bodies go; the rest of the site's warnings are those of its front matter.
        let files = Set(edited.map(\.source.file))
        warnings = (warnings.filter { !($0.code == "approximate-city-link" && files.contains($0.location.file)) } + log.warnings).sorted()
    }
}

extension Linker {
    /// A name made from an address when nothing better is known: `ho-chi-minh-city` → `Ho Chi Minh City`.
    static func name(fromSlug slug: String) -> String {
        slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

/// Compares names in a language's alphabet (Turkish: C < Ç < D, I < İ).
///
/// It asks CoreFoundation what `String.compare(_:options: .caseInsensitive, range: nil, locale:)` asks it, with the
/// locale made once: Foundation made a new `CFLocale` for every comparison, which was half the time of sorting
/// 100,000 titles. The results are the same comparison's (a test holds the two to each other).
struct Collator: @unchecked Sendable {
    /// Immutable once made, so shared between threads.
    private let cfLocale: CFLocale

    init(language: String) {
        let identifier = Locale(identifier: language).identifier
        cfLocale = CFLocaleCreate(kCFAllocatorSystemDefault, unsafeBitCast(NSString(string: identifier), to: CFString.self))
    }

    /// A text ready to compare, made once per item.
    struct Key: @unchecked Sendable {
        /// The text as the immutable string CoreFoundation reads.
        fileprivate let string: CFString
        fileprivate let length: CFIndex
    }

    func key(_ text: String) -> Key {
        // A CoreFoundation string holding its own UTF-16: the locale comparison reads its characters directly, where
        // from an `NSString` made of a Swift string it asked for them through the bridge, one call and conversion
        // at a time, in every comparison of a sort.
        let units = Array(text.utf16)
        let string = units.withUnsafeBufferPointer { CFStringCreateWithCharacters(kCFAllocatorSystemDefault, $0.baseAddress, $0.count)! }
        return Key(string: string, length: CFStringGetLength(string))
    }

    /// Whether `a` sorts before `b`; `tieA`/`tieB` decide equal names so the order is total and stable (made only
    /// for a tie).
    func ascending(_ a: Key, _ b: Key, _ tieA: @autoclosure () -> String, _ tieB: @autoclosure () -> String) -> Bool {
        // Foundation passes `.caseInsensitive` with CoreFoundation's non-literal flag, as here.
        let flags = CFStringCompareFlags(rawValue: CFStringCompareFlags.compareCaseInsensitive.rawValue | CFStringCompareFlags.compareNonliteral.rawValue)
        switch CFStringCompareWithOptionsAndLocale(a.string, b.string, CFRange(location: 0, length: a.length), flags, cfLocale) {
        case .compareLessThan: return true
        case .compareGreaterThan: return false
        default: return tieA() < tieB()
        }
    }
}
