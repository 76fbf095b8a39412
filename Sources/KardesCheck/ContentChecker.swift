import KardesContent
import KardesLinking
import KardesModel

/// The checks `kardes check` adds to those of a build: likely duplicate cities, swapped coordinates, dates in the
/// future, links that are not absolute URLs, and the paperwork of Turkish sister-city relations.
///
/// Pure: the current date is a parameter.
public struct ContentChecker: Sendable {
    public let today: PartialDate

    public init(today: PartialDate) { self.today = today }

    /// Every finding for a loaded and linked site, sorted by location.
    public func check(_ content: LoadedContent, _ site: LinkedSite) -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += duplicateCities(content, site)
        found += swappedCoordinates(content)
        found += dates(content)
        found += links(content)
        if content.config.legalChecklist { found += paperwork(content, site) }
        return found.sorted()
    }

    // MARK: - Cities

    /// Cities of one country whose names differ only by spacing and punctuation, or by one letter: likely one city
    /// written two ways.
    func duplicateCities(_ content: LoadedContent, _ site: LinkedSite) -> [Diagnostic] {
        // Where each city is first named, to point at it.
        var firstMention: [City.ID: SourceLocation] = [:]
        for partnership in content.partnerships.sorted(by: { $0.id < $1.id }) {
            for (reference, id) in zip(partnership.cities, site.partnershipCities[partnership.id] ?? []) where firstMention[id] == nil {
                firstMention[id] = reference.location
            }
        }
        for city in content.cities { if let source = city.source { firstMention[city.id] = source } }

        var found: [Diagnostic] = []
        for (_, ids) in site.citiesByCountry.sorted(by: { $0.key < $1.key }) {
            // A key without dashes joins "Sankt Petersburg" and "SanktPetersburg"; keys with one letter deleted join
            // names one edit apart, without comparing every pair.
            var byKey: [String: [City.ID]] = [:]
            for id in ids {
                let key = id.slug.replacingDashes()
                guard key.count >= 4 else { continue }
                var keys: Set<String> = [key]
                if key.count >= 5 {
                    for index in key.indices { keys.insert(String(key[..<index]) + String(key[key.index(after: index)...])) }
                }
                for key in keys { byKey[key, default: []].append(id) }
            }
            var reported: Set<[City.ID]> = []
            for (_, group) in byKey.sorted(by: { $0.key < $1.key }) where group.count > 1 {
                for (index, a) in group.enumerated() {
                    for b in group[(index + 1)...] where a != b {
                        let pair = [a, b].sorted()
                        guard !reported.contains(pair), Self.likelySame(site.cities[a], site.cities[b]) else { continue }
                        reported.insert(pair)
                        // Point at the spelling without a city file, and suggest the alias in the file that exists.
                        let withFile = pair.first { site.cities[$0]?.source != nil }
                        let other = withFile.map { file in pair.first { $0 != file }! } ?? pair[1]
                        let kept = withFile ?? pair[0]
                        let here = firstMention[other] ?? SourceLocation(file: "content")
                        let there = firstMention[kept].map { " (\($0))" } ?? ""
                        found.append(
                            .warning(
                                "likely-duplicate-city", at: here,
                                "'\(site.name(of: other))' and '\(site.name(of: kept))'\(there) look like one city written two ways",
                                fix: withFile != nil
                                    ? "use one spelling, or add '\(site.name(of: other))' to the aliases in content/cities/\(kept).md"
                                    : "use one spelling, or create content/cities/\(kept).md with the other as an alias"))
                    }
                }
            }
        }
        return found
    }

    /// Whether two cities of one country look like one city written two ways: the same letters apart from spaces and
    /// dashes, or (for Latin-script names, unless both have their own file) one letter added, dropped or two swapped
    /// (Koeln, Köln; Manila, Manilla) — and not far apart when both have coordinates.
    static func likelySame(_ a: City?, _ b: City?) -> Bool {
        guard let a, let b else { return false }
        let keyA = a.id.slug.replacingDashes(), keyB = b.id.slug.replacingDashes()
        if let p = a.coordinates, let q = b.coordinates, abs(p.latitude - q.latitude) + abs(p.longitude - q.longitude) > 0.5 { return false }
        if keyA == keyB { return true }
        guard a.source == nil || b.source == nil, !isNonLatin(a.name), !isNonLatin(b.name) else { return false }
        guard Suggestion.editDistance(keyA, keyB) == 1 else { return false }
        // Two neighbours swapped is a typo.
        if keyA.count == keyB.count { return keyA.sorted() == keyB.sorted() }
        // One letter more is a likely second spelling only when it doubles its neighbour (Manila, Manilla) or is the
        // e that writes an umlaut (Koeln, Köln); otherwise it is usually another city (Hangzhou, Changzhou).
        let (long, short) = keyA.count > keyB.count ? (Array(keyA), Array(keyB)) : (Array(keyB), Array(keyA))
        guard let index = long.indices.first(where: { $0 >= short.count || long[$0] != short[$0] }) else { return false }
        let extra = long[index]
        if index > 0, long[index - 1] == extra { return true }
        if index + 1 < long.count, long[index + 1] == extra { return true }
        return extra == "e" && index > 0 && "aou".contains(long[index - 1])
    }

    static func isNonLatin(_ name: String) -> Bool {
        name.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value > 0x24F && !(0x1E00...0x1EFF).contains($0.value) }
    }

    /// Coordinates that fit the other cities of their country much better with latitude and longitude exchanged.
    func swappedCoordinates(_ content: LoadedContent) -> [Diagnostic] {
        var byCountry: [CountryCode: [City]] = [:]
        for city in content.cities where city.coordinates != nil { byCountry[city.id.country, default: []].append(city) }
        var found: [Diagnostic] = []
        for (_, cities) in byCountry where cities.count >= 3 {
            let latitudes = cities.map { $0.coordinates!.latitude }.sorted()
            let longitudes = cities.map { $0.coordinates!.longitude }.sorted()
            let centre = (latitudes[latitudes.count / 2], longitudes[longitudes.count / 2])
            for city in cities {
                let point = city.coordinates!
                let asWritten = distance(point.latitude, point.longitude, centre)
                let swapped = distance(point.longitude, point.latitude, centre)
                if asWritten > 8, swapped * 3 < asWritten, abs(point.longitude) <= 90, let source = city.source {
                    found.append(
                        .warning(
                            "swapped-coordinates", at: source,
                            "the coordinates [\(point.latitude), \(point.longitude)] put \(city.name) far from the other cities of \(city.id.country); exchanged they fit",
                            fix: "write coordinates as [latitude, longitude]: [\(point.longitude), \(point.latitude)]"))
                }
            }
        }
        return found
    }

    func distance(_ latitude: Double, _ longitude: Double, _ centre: (Double, Double)) -> Double {
        ((latitude - centre.0) * (latitude - centre.0) + (longitude - centre.1) * (longitude - centre.1)).squareRoot()
    }

    // MARK: - Dates and links

    func dates(_ content: LoadedContent) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for partnership in content.partnerships {
            for (key, date) in [("established", partnership.established), ("ended", partnership.ended)] {
                guard let date, today.isSurelyBefore(date), partnership.status != .proposed else { continue }
                found.append(
                    .warning(
                        "date-in-future", at: partnership.location(of: key), "'\(key): \(date)' is in the future",
                        fix: "correct the date, or mark a planned partnership with 'status: proposed'"))
            }
        }
        return found
    }

    func links(_ content: LoadedContent) -> [Diagnostic] {
        func isAbsolute(_ url: String) -> Bool {
            (url.hasPrefix("https://") || url.hasPrefix("http://")) && url.count > 8 && !url.contains(" ")
        }
        var found: [Diagnostic] = []
        for partnership in content.partnerships {
            let urls = partnership.links.map { ("links", $0) } + [partnership.protocolURL].compactMap { $0 }.map { ("protocol", $0) }
                + partnership.activities.compactMap { $0.link }.map { ("activities", $0) }
                + partnership.sources.compactMap { $0.url }.map { ("sources", $0) }
            for (key, url) in urls where !isAbsolute(url) {
                found.append(
                    .error(
                        "bad-link", at: partnership.location(of: key), "'\(url)' in '\(key)' is not an absolute http(s) URL",
                        fix: "write the whole address, starting with https://"))
            }
        }
        for city in content.cities {
            if let website = city.website, !isAbsolute(website), city.source != nil {
                found.append(
                    .error("bad-link", at: city.location(of: "website"), "the website '\(website)' is not an absolute http(s) URL", fix: "write the whole address, starting with https://"))
            }
        }
        return found
    }

    // MARK: - Paperwork

    func paperwork(_ content: LoadedContent, _ site: LinkedSite) -> [Diagnostic] {
        let what = [
            "council_decision": ("no council decision on file", "add council_decision: { date: YYYY-MM-DD, number: \"…\" }"),
            "ministry_approval": (
                "no permission of the Ministry of the Interior on file", "add ministry_approval: { date: YYYY-MM-DD, number: \"…\" }"
            ),
            "areas": ("the fields of cooperation are not named", "add areas: [culture, economy, …]"),
            "purpose": ("the purpose and expected benefits are not stated", "add purpose: \"…\""),
            "protocol": ("the protocol is not attached", "add protocol: https://… (the signed protocol)"),
        ]
        var found: [Diagnostic] = []
        for partnership in content.partnerships.sorted(by: { $0.id < $1.id }) {
            guard let items = LegalChecklist.items(for: partnership, cities: site.partnershipCities[partnership.id] ?? []) else { continue }
            for item in items where !item.onFile {
                let (problem, fix) = what[item.key]!
                found.append(
                    .warning(
                        "paperwork-\(item.key.replacingOccurrencesOfUnderscore())", at: partnership.model.location,
                        "\(problem) for this sister-city relation",
                        fix: "\(item.basis) asks for it: \(fix); switch the checklist off with 'legal_checklist: false' in site.yml"))
            }
        }
        return found
    }
}

extension String {
    func replacingDashes() -> String { filter { $0 != "-" } }
    func replacingOccurrencesOfUnderscore() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
