import Foundation
import KardesLinking
import KardesModel

/// The client-side search index of one site language: every city, country, cooperation model, network and partnership
/// with the folded names it is found by, written as the script `search-index.js` that the search page loads before
/// `search.js`.
///
/// Names are folded here, at build time, the way a Turkish user types them (`Üsküdar` → `uskudar`, `İSTANBUL` →
/// `istanbul`), so the browser only folds the query, with the same rules (`templates/search.js`, `fold`). The index is a
/// script, not a JSON file, so search also works when the site is opened from disk, where pages cannot `fetch` files.
///
/// ```swift
/// let index = SearchIndex.build(from: site, strings: theme.strings(for: site.language))
/// files.append(index.file(prefix: prefix, sources: SearchIndex.sources(of: site)))  // `search-index.js`, `en/search-index.js`
/// ```
/// `docs/search.md` describes the script's format and the markup `search.js` expects.
public struct SearchIndex: Sendable, Hashable {
    /// What an entry leads to, in the order results of equal match quality are shown.
    public enum Kind: Int, Sendable, Hashable, CaseIterable, Comparable {
        case city, country, model, network, partnership

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// One thing the search finds.
    public struct Entry: Sendable, Hashable {
        public let kind: Kind
        /// The name shown, in the site language (`Üsküp` on a Turkish site).
        public let name: String
        /// Every folded name the entry is found by, the folded display name first, without repeats.
        public let keys: [String]
        /// Text shown after the name: a city's country; empty for other kinds.
        public let context: String
        /// The page's route relative to the language's root (`cities/mk/skopje/`).
        public let route: String
        /// Popularity, which orders entries of one kind that match equally well: a city's, a country's or a model's
        /// number of partnerships, a network's number of members; 0 for a partnership.
        public let weight: Int
        /// What the route template's `$` stands for (`mk/skopje`, `tr`, a slug).
        let id: String
        /// A partnership's cities, when its title and keys are their names joined, so the script can store indexes.
        let partnershipCities: [City.ID]?
    }

    /// The site language.
    public let language: String
    /// Every entry, in the order equally good matches are shown: by kind, then by weight (highest first), then A–Z by
    /// folded name (models in their `order`).
    public let entries: [Entry]
    /// The interface text the script shows (`search_kind_city`, `search_results` …), by key.
    public let labels: [String: String]

    /// The file name of the index script, written at the root of each language (`search-index.js`, `en/search-index.js`).
    public static let fileName = "search-index.js"

    // MARK: - Building

    /// Builds the index of `site` in its language.
    /// - Parameters:
    ///   - site: the linked site of one language.
    ///   - strings: the theme's interface text for the language (`theme.strings(for:)`); the `search_*` keys override
    ///     the built-in Turkish and English labels (`SearchIndex.defaultLabels(for:)`).
    /// - Returns: the index, entries sorted so the output is byte-identical for the same content.
    public static func build(from site: LinkedSite, strings: [String: String] = [:]) -> SearchIndex {
        var entries: [Entry] = []

        // Cities: every name in every language and every alias; a transliteration for names in other scripts.
        var cities: [(entry: Entry, order: Int)] = []
        var cityKeys: [City.ID: String] = [:], cityNames: [City.ID: String] = [:]
        for (id, city) in site.cities {
            let display = city.name(in: site.language)
            let otherNames = city.names.keys.sorted().compactMap { city.names[$0] } + city.aliases
            // The city's slug already spells its main name in Latin letters; exonyms and aliases in other scripts get
            // their own transliteration (slow, so only for those).
            let names = [display, city.name] + otherNames + otherNames.filter { !fold($0).allSatisfy(\.isASCII) }.map(Slug.make)
            let entry = Entry(
                kind: .city, name: display, keys: uniqueKeys([fold(display), transliteration(id.slug)] + names.map(fold)),
                context: site.countryName(id.country), route: Route.city(id), weight: site.partnerships(of: id).count,
                id: "\(id.country.pathComponent)/\(id.slug)", partnershipCities: nil)
            cities.append((entry, 0))
            cityKeys[id] = entry.keys[0]
            cityNames[id] = display
        }
        entries += ordered(cities)

        // Countries: the name in every site language and in English.
        let countryLanguages = [site.language] + site.config.languages + ["en"]
        entries += ordered(
            site.countryOrder.map { code in
                let display = site.countryName(code)
                let entry = Entry(
                    kind: .country, name: display, keys: uniqueKeys([fold(display)] + countryLanguages.map { fold(code.name(in: $0)) }),
                    context: "", route: Route.country(code), weight: site.partnershipsByCountry[code]?.count ?? 0,
                    id: code.pathComponent, partnershipCities: nil)
                return (entry, 0)
            })

        // Models and networks: the title, and the slug as words (`sister-city` → `sister city`).
        entries += ordered(
            site.models.enumerated().map { order, model in
                let entry = Entry(
                    kind: .model, name: model.title, keys: uniqueKeys([fold(model.title), transliteration(model.id.slug)]), context: "",
                    route: Route.model(model.id), weight: site.partnershipsByModel[model.id]?.count ?? 0, id: model.id.slug,
                    partnershipCities: nil)
                return (entry, order)
            })
        entries += ordered(
            site.networks.map { network in
                let entry = Entry(
                    kind: .network, name: network.title, keys: uniqueKeys([fold(network.title), transliteration(network.id.slug)]),
                    context: "", route: Route.network(network.id), weight: site.networkMembers[network.id]?.count ?? 0,
                    id: network.id.slug, partnershipCities: nil)
                return (entry, 0)
            })

        // Partnerships: by title only, so a directory of 100,000 stays a few megabytes; A–Z by folded title.
        var partnerships: [Entry] = []
        partnerships.reserveCapacity(site.partnerships.count)
        for id in site.partnershipOrder {
            let title = site.title(of: id)
            let members = site.partnershipCities[id] ?? []
            let memberKeys = members.map { cityKeys[$0] ?? "" }
            // A title made of its cities' names (most are) folds to their folded names joined by a space, as folding
            // works letter by letter and ` – ` separates; the script rebuilds both from the cities' indexes.
            let derived = !members.isEmpty && !memberKeys.contains("") && title == members.map { cityNames[$0] ?? "" }.joined(separator: " – ")
            let key = derived ? memberKeys.joined(separator: " ") : fold(title)
            let entry = Entry(
                kind: .partnership, name: title, keys: [key], context: "", route: Route.partnership(id), weight: 0, id: id.slug,
                partnershipCities: derived ? members : nil)
            partnerships.append(entry)
        }
        entries += ordered(partnerships.map { ($0, 0) })

        var labels = defaultLabels(for: site.language)
        for key in labels.keys { if let text = strings[key] { labels[key] = text } }
        return SearchIndex(language: site.language, entries: entries, labels: labels)
    }

    /// Entries of one kind by weight, highest first, then by `order` (a model's place), then A–Z by folded name.
    ///
    /// Folded names, not the language's collation, decide, so the order depends on nothing but the names.
    private static func ordered(_ items: [(entry: Entry, order: Int)]) -> [Entry] {
        // Sorting indexes, not entries, keeps a sort of 100,000 cheap.
        let weights = items.map(\.entry.weight), orders = items.map(\.order), names = items.map { $0.entry.keys[0] }
        return items.indices.sorted { a, b in
            if weights[a] != weights[b] { return weights[a] > weights[b] }
            if orders[a] != orders[b] { return orders[a] < orders[b] }
            if names[a] != names[b] { return names[a] < names[b] }
            return (items[a].entry.name, items[a].entry.id) < (items[b].entry.name, items[b].entry.id)
        }.map { items[$0].entry }
    }

    /// `keys` without empty ones and repeats, first occurrence kept.
    private static func uniqueKeys(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for (index, key) in keys.enumerated() where (index == 0 || !key.isEmpty) && seen.insert(key).inserted { result.append(key) }
        return result
    }

    /// A slug as words (`ba-zhong` → `ba zhong`).
    private static func transliteration(_ slug: String) -> String { slug.replacingOccurrences(of: "-", with: " ") }

    /// The built-in labels for `language`: Turkish or English (the fallback).
    /// - Returns: text by key: `search_kind_<kind>` for each kind, `search_result_one`, `search_results` (`{n}` is the
    ///   number), `search_none`, `search_more` (`{shown}` is the number listed) and `search_empty`.
    public static func defaultLabels(for language: String) -> [String: String] {
        if language == "tr" {
            return [
                "search_kind_city": "Kent", "search_kind_country": "Ülke", "search_kind_model": "İş birliği modeli",
                "search_kind_network": "Ağ", "search_kind_partnership": "Ortaklık", "search_result_one": "1 sonuç",
                "search_results": "{n} sonuç", "search_none": "Sonuç bulunamadı.",
                "search_more": "İlk {shown} sonuç gösteriliyor; aramayı daraltmak için devam edin.",
                "search_empty": "Kent, ülke, ortaklık, ağ ya da model adı yazın.",
            ]
        }
        return [
            "search_kind_city": "City", "search_kind_country": "Country", "search_kind_model": "Cooperation model",
            "search_kind_network": "Network", "search_kind_partnership": "Partnership", "search_result_one": "1 result",
            "search_results": "{n} results", "search_none": "No results.",
            "search_more": "Showing the first {shown}; keep typing to narrow the search.",
            "search_empty": "Type the name of a city, country, partnership, network or model.",
        ]
    }

    // MARK: - Folding

    /// Lower-case letters that Unicode decomposition does not take to the letters a Turkish user types; `İ` needs no
    /// entry, as it lower-cases to `i` and a combining dot, which decomposition drops. `search.js` has the same table.
    static let special: [Unicode.Scalar: String] = [
        "ı": "i", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ð": "d", "ħ": "h", "ŋ": "ng", "ŧ": "t",
        "ς": "σ",
    ]

    /// Punctuation outside ASCII that folding treats like ASCII punctuation: dashes, quotes, the ellipsis, the middle dot.
    static let typographic: Set<Unicode.Scalar> = ["–", "—", "‘", "’", "“", "”", "«", "»", "…", "·", "\u{00A0}"]

    /// Apostrophes join the letters around them (`Kahramanmaraş'ın` → `kahramanmarasin`, like slugs).
    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}", "\u{02BB}"]

    /// `text` as search compares it: Turkish `ı İ I i` all `i`, `ş ğ ç ö ü` and every other diacritic dropped to the
    /// base letter, lower case, apostrophes removed, and every run of other characters one space, trimmed.
    ///
    /// `fold("İSTANBUL") == "istanbul"`, `fold("Şanlıurfa") == "sanliurfa"`, `fold("Saint-Étienne") == "saint etienne"`.
    /// Letters of other scripts stay (`Москва` → `москва`); `search.js` folds queries with the same steps.
    public static func fold(_ text: String) -> String {
        // ASCII with common typographic punctuation (most names and titles) needs no case mapping or decomposition.
        if text.unicodeScalars.allSatisfy({ $0.isASCII || typographic.contains($0) }) {
            var result = ""
            result.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                switch scalar {
                case "a"..."z", "0"..."9":
                    if pendingSpace && !result.isEmpty { result.append(" ") }
                    pendingSpace = false
                    result.unicodeScalars.append(scalar)
                case "A"..."Z":
                    if pendingSpace && !result.isEmpty { result.append(" ") }
                    pendingSpace = false
                    result.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value) + 32))
                case "'", "\u{2019}": break
                default: pendingSpace = true
                }
            }
            return result
        }
        // 1. Lower case, 2. the table, 3. compatibility decomposition, 4. drop marks and apostrophes, 5. anything but
        // letters and digits to one space. The order matters and is the same in search.js.
        var mapped = ""
        for scalar in text.lowercased().unicodeScalars {
            if let replacement = special[scalar] { mapped += replacement } else { mapped.unicodeScalars.append(scalar) }
        }
        let decomposed = mapped.decomposedStringWithCompatibilityMapping
        var result = ""
        var pendingSpace = false
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber,
                .otherNumber:
                if apostrophes.contains(scalar) { continue }
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            default:
                if !apostrophes.contains(scalar) { pendingSpace = true }
            }
        }
        return result
    }

    // MARK: - Script

    /// The route of each kind with `$` for the entry's id (`cities/$/`), taken from `Route` so the two cannot differ.
    static var routeTemplates: [String] {
        let marker = "\u{1}"
        let sample = CountryCode("TR")!
        /// `route` with the last `id` in it replaced by `$`.
        func template(_ route: String, _ id: String) -> String {
            guard let range = route.range(of: id, options: .backwards) else { return route }
            return route.replacingCharacters(in: range, with: "$")
        }
        return [
            template(Route.city(City.ID(country: sample, slug: marker)), "\(sample.pathComponent)/\(marker)"),
            template(Route.country(sample), sample.pathComponent), template(Route.model(CooperationModel.ID(marker)), marker),
            template(Route.network(Network.ID(marker)), marker), template(Route.partnership(Partnership.ID(marker)), marker),
        ]
    }

    /// The content of `search-index.js`: one statement, `window.KARDES_SEARCH=JSON.parse('…');` with `json()` as the
    /// string (browsers parse a large JSON string faster than the same object literal).
    public func javaScript() -> String {
        // Byte by byte: the two characters escaped are ASCII, so no other character's bytes can be one of them, and
        // the index (half a megabyte at 10,000 partnerships) was appended one Unicode scalar at a time.
        let text = json()
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 64)
        out.append(contentsOf: "window.KARDES_SEARCH=JSON.parse('".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "'"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            default:
                out.append(byte)
            }
        }
        out.append(contentsOf: "');\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// The index as compact, deterministic JSON, safe inside a `<script>` element (no `<`, no raw line breaks).
    ///
    /// The object holds `v` (format version 1), `lang`, `t` (labels), `u` (route templates by kind: city, country,
    /// model, network, partnership) and one array per kind, in result order:
    /// - `c` cities: `[name, keys, country index into n, slug or 0, weight]`; 0 means the slug is the first key with
    ///   `-` for spaces; the route's `$` is `<country code>/<slug>`; the context is the country's name.
    /// - `n` countries: `[name, keys, code, weight]`.
    /// - `m` models and `w` networks: `[name, keys, slug, weight]`.
    /// - `p` partnerships: `[city, city, …]` (indexes into `c`: the title is their names joined by ` – `, the key their
    ///   first keys joined by a space, the slug their slugs sorted and joined by `-`), `[slug, city, city, …]` (the same
    ///   with another slug) or `[slug, title, key]`.
    ///
    /// `keys` is one string, the folded keys joined by `|`, the folded name first.
    public func json() -> String {
        var out = "{\"v\":1,\"lang\":"
        out.reserveCapacity(entries.count * 24)
        Self.appendJSON(language, to: &out)
        out += ",\"t\":{"
        for (index, key) in labels.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            Self.appendJSON(key, to: &out)
            out += ":"
            Self.appendJSON(labels[key]!, to: &out)
        }
        out += "},\"u\":["
        out += Self.routeTemplates.map { template -> String in
            var text = ""
            Self.appendJSON(template, to: &text)
            return text
        }.joined(separator: ",")
        out += "]"

        let countries = entries.filter { $0.kind == .country }
        let countryIndex = Dictionary(uniqueKeysWithValues: countries.enumerated().map { ($1.id, $0) })
        let cities = entries.filter { $0.kind == .city }
        let cityIndex = Dictionary(uniqueKeysWithValues: cities.enumerated().map { ($1.id, $0) })

        out += ",\"c\":["
        for (index, city) in cities.enumerated() {
            if index > 0 { out += "," }
            let parts = city.id.split(separator: "/", maxSplits: 1).map(String.init)
            out += "["
            appendNameAndKeys(city, to: &out)
            out += ",\(countryIndex[parts[0]] ?? -1),"
            if parts[1] == city.keys[0].replacingOccurrences(of: " ", with: "-") { out += "0" } else { Self.appendJSON(parts[1], to: &out) }
            out += ",\(city.weight)]"
        }
        for (kind, array) in [(Kind.country, "n"), (.model, "m"), (.network, "w")] {
            out += "],\"\(array)\":["
            for (index, entry) in entries.lazy.filter({ $0.kind == kind }).enumerated() {
                if index > 0 { out += "," }
                out += "["
                appendNameAndKeys(entry, to: &out)
                out += ","
                Self.appendJSON(entry.id, to: &out)
                out += ",\(entry.weight)]"
            }
        }
        out += "],\"p\":["
        for (index, partnership) in entries.lazy.filter({ $0.kind == .partnership }).enumerated() {
            if index > 0 { out += "," }
            out += "["
            let members = partnership.partnershipCities ?? []
            let indexes = members.compactMap { cityIndex["\($0.country.pathComponent)/\($0.slug)"] }
            if !members.isEmpty && indexes.count == members.count {
                if partnership.id != members.map(\.slug).sorted().joined(separator: "-") {
                    Self.appendJSON(partnership.id, to: &out)
                    out += ","
                }
                out += indexes.map(String.init).joined(separator: ",")
            } else {
                Self.appendJSON(partnership.id, to: &out)
                out += ","
                appendNameAndKeys(partnership, to: &out)
            }
            out += "]"
        }
        out += "]}"
        return out
    }

    private func appendNameAndKeys(_ entry: Entry, to out: inout String) {
        Self.appendJSON(entry.name, to: &out)
        out += ","
        Self.appendJSON(entry.keys.joined(separator: "|"), to: &out)
    }

    /// Appends `text` as a JSON string that is also safe inside an HTML `<script>` element and in JavaScript source
    /// (`<`, U+2028 and U+2029 escaped).
    static func appendJSON(_ text: String, to out: inout String) {
        out += "\""
        // Most names need no escape: one pass over the bytes says so (0xE2 starts U+2028 and U+2029, and other
        // characters, which then take the loop below), and the text is appended whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0xE2 }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// The index as the output file `<prefix>search-index.js`.
    /// - Parameter prefix: the language's folder below the output root: "" for the default language, `en/` for others.
    /// - Parameter sources: the files the index was made from (every content file and the strings file of the
    ///   language), so a rebuild redoes it when any of them changes.
    public func file(prefix: String, sources: Set<String> = []) -> RenderedFile {
        RenderedFile(path: prefix + Self.fileName, contents: Array(javaScript().utf8), sources: sources, kind: "search")
    }

    /// The files an index of `site` reads: every city, partnership, model and network file, `content/site.yml` and
    /// the language's strings file.
    public static func sources(of site: LinkedSite) -> Set<String> {
        var files: Set<String> = ["content/site.yml", "templates/strings/\(site.language).yml", "templates/strings/en.yml"]
        for city in site.cities.values { if let file = city.source?.file { files.insert(file) } }
        for partnership in site.partnerships.values { files.insert(partnership.source.file) }
        for model in site.models { files.insert(model.source.file) }
        for network in site.networks { files.insert(network.source.file) }
        return files
    }
}
