import KardesModel

/// The output path of every page, relative to the language's root, as a folder (`cities/tr/istanbul/`).
public enum Route {
    public static let home = ""
    public static let partnerships = "partnerships/"
    public static let cities = "cities/"
    public static let countries = "countries/"
    public static let models = "models/"
    public static let networks = "networks/"
    public static let areas = "areas/"
    public static let years = "years/"
    public static let regions = "regions/"
    public static let stats = "stats/"
    public static let map = "map/"
    public static let search = "search/"

    public static func partnership(_ id: Partnership.ID) -> String { "partnerships/\(id.slug)/" }
    public static func city(_ id: City.ID) -> String { "cities/\(id.country.pathComponent)/\(id.slug)/" }
    public static func country(_ code: CountryCode) -> String { "countries/\(code.pathComponent)/" }
    public static func model(_ id: CooperationModel.ID) -> String { "models/\(id.slug)/" }
    public static func network(_ id: Network.ID) -> String { "networks/\(id.slug)/" }
    public static func page(_ slug: String) -> String { "\(slug)/" }
    public static func area(_ slug: String) -> String { "areas/\(slug)/" }
    public static func year(_ year: Int) -> String { "years/\(year)/" }
    public static func region(_ id: Region.ID) -> String { "regions/\(id.country.pathComponent)/\(id.slug)/" }
}

extension LinkedSite {
    /// The route an entry link names, or nil when it names nothing.
    public func route(for link: EntryLink) -> String? {
        switch link.kind {
        case .city:
            let parts = link.target.split(separator: "/")
            guard parts.count == 2, let code = CountryCode(String(parts[0])) else { return nil }
            let id = City.ID(country: code, slug: String(parts[1]))
            if cities[id] != nil { return Route.city(id) }
            // An alias or exonym slug leads to the city's own page.
            if let match = cityNameIndex[id.description] ?? approximateCityLinks[link.target] { return Route.city(match) }
            return nil
        case .partnership:
            return partnerships[Partnership.ID(link.target)] != nil ? Route.partnership(Partnership.ID(link.target)) : nil
        case .model:
            return model(link.target) != nil ? Route.model(CooperationModel.ID(link.target)) : nil
        case .country:
            guard let code = CountryCode(link.target), citiesByCountry[code] != nil else { return nil }
            return Route.country(code)
        case .network:
            return networks.contains { $0.id.slug == link.target } ? Route.network(Network.ID(link.target)) : nil
        case .page:
            return pages.contains { $0.slug == link.target } ? Route.page(link.target) : nil
        }
    }

    /// The one city of the target's country whose slug is within a small edit distance of the target, if exactly one is
    /// closest.
    func closeCity(to target: String, text: String) -> City.ID? {
        let parts = target.split(separator: "/")
        guard parts.count == 2, let code = CountryCode(String(parts[0])) else { return nil }
        let slug = String(parts[1])
        // The link's text names the city (`[ဝေင်ꩻဗိုကလေး](city:mm/wengbiukle)`).
        let textSlug = Slug.make(from: text)
        if let named = cityNameIndex["\(code.pathComponent)/\(textSlug)"] { return named }
        if !textSlug.isEmpty, cities[City.ID(country: code, slug: textSlug)] != nil { return City.ID(country: code, slug: textSlug) }
        // A close spelling is accepted only for cities written in another script, where transliterations differ
        // (Лахор, لاھور); a typo in the address of a Latin-script city stays an error.
        let candidates = (citiesByCountry[code] ?? []).filter { cities[$0].map { Self.isNonLatin($0.name) } ?? false }
        let limit = max(1, min(3, slug.count / 3))
        var best: [City.ID] = []
        var bestDistance = Int.max
        for id in candidates {
            let distance = Suggestion.editDistance(slug, id.slug)
            guard distance <= limit else { continue }
            if distance < bestDistance {
                best = [id]
                bestDistance = distance
            } else if distance == bestDistance {
                best.append(id)
            }
        }
        if best.count == 1 { return best[0] }
        guard best.isEmpty else { return nil }
        // Scripts without written vowels transliterate with or without them (amrtsr, amrtasara): compare consonants.
        func skeleton(_ text: String) -> String { text.filter { !"aeiou-".contains($0) } }
        let target = skeleton(slug)
        guard target.count >= 3 else { return nil }
        let exact = candidates.filter { skeleton($0.slug) == target }
        if exact.count == 1 { return exact[0] }
        let near = candidates.filter { Suggestion.editDistance(target, skeleton($0.slug)) <= 1 }
        return exact.isEmpty && near.count == 1 ? near[0] : nil
    }

    /// Whether a name has letters outside the Latin script (Latin, Latin Extended, IPA, Latin Extended Additional).
    static func isNonLatin(_ name: String) -> Bool {
        name.unicodeScalars.contains { scalar in
            scalar.properties.isAlphabetic && scalar.value > 0x24F && !(0x1E00...0x1EFF).contains(scalar.value)
                && !(0x250...0x2AF).contains(scalar.value)
        }
    }

    func candidates(_ kind: EntryLink.Kind) -> [String] {
        switch kind {
        case .city: cities.keys.map(\.description)
        case .partnership: partnerships.keys.map(\.slug)
        case .model: models.map(\.id.slug)
        case .country: citiesByCountry.keys.map(\.pathComponent)
        case .network: networks.map(\.id.slug)
        case .page: pages.map(\.slug)
        }
    }

    func suggestion(for link: EntryLink) -> String {
        Suggestion.closest(to: link.target, in: candidates(link.kind)).map { " (did you mean '\(link.kind.rawValue):\($0)'?)" } ?? ""
    }

    func linkForms(_ kind: EntryLink.Kind) -> String {
        switch kind {
        case .city: "city:cc/slug, as in content/cities/tr/istanbul.md → city:tr/istanbul"
        case .partnership: "partnership:<file name without .md>"
        case .model: "model:<slug>, one of \(models.map(\.id.slug).joined(separator: ", "))"
        case .country: "country:<two-letter code> of a country with cities in the directory"
        case .network: "network:<file name in content/networks/ without .md>"
        case .page: "page:<file name in content/pages/ without .md>"
        }
    }
}
