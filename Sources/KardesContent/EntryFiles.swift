import Foundation
import KardesMarkdown
import KardesModel

/// What parsing one file gives: the entry (when enough of it could be read to check it against the others) and every
/// problem found. An entry can come with errors: the build still fails, but linking reports its problems too.
public struct Parsed<Entry: Sendable>: Sendable {
    public let entry: Entry?
    public let diagnostics: [Diagnostic]
}

/// Reads the front matter and body of one entry file; the shared first steps of every entry kind.
struct EntryReader {
    let file: String
    let markdown: MarkdownRenderer
    /// Whether the body is kept as a ``RichText/Deferred`` (its entry links only) rather than as HTML.
    var defersBody = false

    func read<Entry>(_ text: String, known: [String], _ build: (inout FrontMatter, _ body: () -> RichText) -> Entry?) -> Parsed<Entry> {
        let split: SplitFile
        var frontMatter: FrontMatter
        do {
            split = try SplitFile.split(text, file: file)
            frontMatter = try FrontMatter(yaml: split.yaml, file: file, firstLine: split.yamlFirstLine)
        } catch {
            return Parsed(entry: nil, diagnostics: [error])
        }
        let entry = build(&frontMatter) {
            guard defersBody else { return markdown.render(split.body, file: file, firstLine: split.bodyFirstLine) }
            let outline = markdown.entryLinks(in: split.body, file: file, firstLine: split.bodyFirstLine)
            return RichText(
                deferred: RichText.Deferred(file: file, fingerprint: RichText.fingerprint(of: split.body), isEmpty: outline.isEmpty),
                links: outline.links)
        }
        let diagnostics = frontMatter.finish(known: known)
        return Parsed(entry: entry, diagnostics: diagnostics)
    }
}

extension FrontMatter {
    mutating func cityReference(_ key: String, required: Bool = false) -> CityReference? {
        string(key, required: required, example: "\"İstanbul, TR\"").flatMap { checked(CityReference($0.value, at: $0.location)) }
    }

    mutating func cityReferences(_ key: String) -> [CityReference] {
        strings(key, example: "[\"İstanbul, TR\", \"Houston, US\"]").compactMap { checked(CityReference($0.value, at: $0.location)) }
    }

    /// The reference when its form and country code are right; otherwise nil, with the problem logged.
    mutating func checked(_ reference: CityReference) -> CityReference? {
        guard let problem = reference.diagnostic() else { return reference }
        error(problem.code, problem.problem, at: problem.location, fix: problem.fix)
        return nil
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        enumValue(key, string(key), type)
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ value: Located<String>?, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard let value else { return nil }
        guard let result = E(rawValue: value.value) else {
            let options = E.allCases.map(\.rawValue)
            error("invalid-value",
                "'\(value.value)' is not a valid \(key)\(Suggestion.didYouMean(value.value, in: options))", at: value.location,
                fix: "use one of: \(options.joined(separator: ", "))")
            return nil
        }
        return result
    }

    mutating func url(_ key: String) -> String? {
        string(key, example: "https://example.org/")?.value
    }
}

// MARK: - Partnerships

public enum PartnershipFile {
    static let keys = [
        "cities", "model", "established", "status", "ended", "title", "areas", "purpose", "council_decision", "ministry_approval",
        "protocol", "agreement", "association", "contacts", "activities", "links", "sources", "draft",
    ]

    /// Parses a partnership file.
    ///
    /// - Parameters:
    ///   - text: the whole file.
    ///   - path: the file relative to the site root; its name without `.md` is the slug.
    /// - Returns: the partnership, or nil with the errors: missing or malformed front matter, missing `cities` or `model`,
    ///   fewer than two cities, a bad city reference or country code, an invalid date, an unknown status, a status that
    ///   contradicts `ended`; unknown keys are warnings.
    ///   - defersBody: keep the body as its entry links and a fingerprint, to be rendered again from the file when the
    ///     page is made (``BodyReader``), instead of as HTML.
    public static func parse(
        _ text: String, path: String, markdown: MarkdownRenderer = MarkdownRenderer(), defersBody: Bool = false
    ) -> Parsed<Partnership> {
        EntryReader(file: path, markdown: markdown, defersBody: defersBody).read(text, known: keys) { fm, body in
            let rawCities = fm.node("cities")
            let cities = fm.cityReferences("cities")
            if rawCities == nil {
                fm.missing("cities", example: "[\"İstanbul, TR\", \"Houston, US\"]")
            } else if let rawCities, fm.log.diagnostics.allSatisfy({ $0.severity != .error }) && cities.count < 2 {
                fm.error("too-few-cities",
                    "a partnership needs two or more cities, found \(cities.count)", at: fm.location(of: rawCities),
                    fix: "list every city of the partnership: cities: [\"İstanbul, TR\", \"Houston, US\"]")
            }
            let model = fm.string("model", required: true, example: "sister-city")
            let established = fm.date("established")
            let ended = fm.date("ended")
            let statusNode = fm.string("status")
            var status = fm.enumValue("status", statusNode, Partnership.Status.self) ?? .active
            if ended != nil {
                if let statusNode, status != .ended {
                    fm.error("status-contradicts-ended",
                        "status '\(statusNode.value)' contradicts 'ended: \(ended!)'", at: statusNode.location,
                        fix: "remove 'status' (an end date implies status ended) or remove 'ended'")
                }
                status = .ended
            }
            if let established, let ended, ended.isSurelyBefore(established), let node = fm.node("ended") {
                fm.error("ended-before-established", "'ended' (\(ended)) is before 'established' (\(established))", at: fm.location(of: node), fix: "correct one of the two dates")
            }
            let decisionExample = "{ date: 2001-05-10, number: \"2001/123\" }"
            let decision: (String) -> (inout FrontMatter, YAML.Mapping) -> Partnership.Decision? = { key in
                { (fm: inout FrontMatter, mapping: YAML.Mapping) -> Partnership.Decision? in
                    fm.checkKeys(of: mapping, in: key, known: ["date", "number"])
                    return Partnership.Decision(date: fm.date(in: mapping, "date", of: key), number: fm.string(in: mapping, "number", of: key))
                }
            }
            let contacts: [Partnership.Contact] = fm.records("contacts", example: "[{ name: \"Dış İlişkiler Müdürlüğü\", email: \"…\" }]") {
                (fm: inout FrontMatter, mapping: YAML.Mapping) -> Partnership.Contact? in
                fm.checkKeys(of: mapping, in: "contacts", known: ["name", "email", "phone", "city"])
                guard let name = fm.string(in: mapping, "name", of: "contacts") else {
                    fm.error("missing-key", "a contact needs a 'name'", at: fm.location(of: .mapping(mapping)), fix: "add name: \"…\" to the contact")
                    return nil
                }
                let city = fm.string(in: mapping, "city", of: "contacts").flatMap {
                    fm.checked(CityReference($0, at: fm.location(of: mapping["city"]!)))
                }
                return Partnership.Contact(
                    name: name, email: fm.string(in: mapping, "email", of: "contacts"), phone: fm.string(in: mapping, "phone", of: "contacts"),
                    city: city)
            }
            let activities: [Partnership.Activity] = fm.records("activities", example: "[{ date: 2005-06, kind: visit, title: \"…\" }]") {
                (fm: inout FrontMatter, mapping: YAML.Mapping) -> Partnership.Activity? in
                fm.checkKeys(of: mapping, in: "activities", known: ["date", "kind", "title", "link"])
                let here = fm.location(of: .mapping(mapping))
                guard let date = fm.date(in: mapping, "date", of: "activities") else {
                    if mapping["date"] == nil { fm.error("missing-key", "an activity needs a 'date'", at: here, fix: "add date: YYYY to the activity") }
                    return nil
                }
                let kindText = fm.string(in: mapping, "kind", of: "activities") ?? "other"
                guard let kind = Partnership.Activity.Kind(rawValue: kindText) else {
                    let options = Partnership.Activity.Kind.allCases.map(\.rawValue)
                    fm.error("invalid-value",
                        "'\(kindText)' is not an activity kind\(Suggestion.didYouMean(kindText, in: options))",
                        at: fm.location(of: mapping["kind"]!), fix: "use one of: \(options.joined(separator: ", "))")
                    return nil
                }
                guard let title = fm.string(in: mapping, "title", of: "activities") else {
                    fm.error("missing-key", "an activity needs a 'title'", at: here, fix: "add title: \"…\" to the activity")
                    return nil
                }
                return Partnership.Activity(date: date, kind: kind, title: title, link: fm.string(in: mapping, "link", of: "activities"))
            }
            let sources: [Partnership.Source] = fm.sourceList()
            var partnership = Partnership(
                id: Partnership.ID(slugOf(path)), cities: cities, model: model ?? Located("", at: fm.start), established: established,
                status: status, ended: ended, title: fm.text("title"), areas: fm.strings("areas", example: "[culture, economy]"),
                purpose: fm.text("purpose"),
                councilDecision: fm.record("council_decision", example: decisionExample, decision("council_decision")),
                ministryApproval: fm.record("ministry_approval", example: decisionExample, decision("ministry_approval")),
                protocolURL: fm.url("protocol"), agreement: fm.enumValue("agreement", Partnership.Agreement.self),
                association: fm.text("association"), contacts: contacts, activities: activities.sorted { $0.date < $1.date },
                links: fm.strings("links", example: "[https://…]").map(\.value), sources: sources, draft: fm.bool("draft") ?? false,
                body: body(), source: SourceLocation(file: path))
            partnership.fieldLocations = fm.valueLocations
            return partnership
        }
    }
}

extension FrontMatter {
    mutating func sourceList() -> [Partnership.Source] {
        guard let node = node("sources") else { return [] }
        guard case .sequence(let sequence) = node else {
            wrongType("sources", node, expected: "a list", example: "[{ title: \"Özcan 2006: 21\" }]")
            return []
        }
        return sequence.compactMap { item in
            if case .scalar(let scalar) = item {
                let text = scalar.string
                return text.hasPrefix("http") ? Partnership.Source(title: nil, url: text, retrieved: nil)
                    : Partnership.Source(title: text, url: nil, retrieved: nil)
            }
            guard case .mapping(let mapping) = item else { return nil }
            checkKeys(of: mapping, in: "sources", known: ["title", "url", "retrieved"])
            return Partnership.Source(
                title: string(in: mapping, "title", of: "sources"), url: string(in: mapping, "url", of: "sources"),
                retrieved: date(in: mapping, "retrieved", of: "sources"))
        }
    }
}

/// The slug of a file: its name without `.md`.
func slugOf(_ path: String) -> String {
    // The part after the last slash, found in the UTF-8: splitting the path into an array of parts, for its last, was
    // a per cent of loading.
    let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
    return String(name.hasSuffix(".md") ? name.dropLast(3) : name)
}

// MARK: - Cities

public enum CityFile {
    static let keys = ["name", "names", "aliases", "region", "kind", "population", "coordinates", "website", "wikidata"]

    /// Parses `content/cities/<cc>/<slug>.md`; the country comes from the folder.
    public static func parse(_ text: String, path: String, country: CountryCode, markdown: MarkdownRenderer = MarkdownRenderer()) -> Parsed<City> {
        EntryReader(file: path, markdown: markdown).read(text, known: keys) { fm, body in
            let name = fm.string("name", required: true, example: "Üsküdar")
            var names: [String: String] = [:]
            if let node = fm.node("names") {
                if case .mapping(let mapping) = node {
                    for (key, value) in mapping {
                        guard let language = key.string, let text = value.string else { continue }
                        names[language] = text
                    }
                } else {
                    fm.wrongType("names", node, expected: "a mapping of language to name", example: "{ en: Cologne, tr: Köln }")
                }
            }
            var coordinates: Coordinates?
            if let node = fm.node("coordinates") {
                let items = node.sequence.map(Array.init) ?? []
                let numbers = items.compactMap(FrontMatter.number)
                if items.count == 2, numbers.count == 2, (-90...90).contains(numbers[0]), (-180...180).contains(numbers[1]) {
                    coordinates = Coordinates(latitude: numbers[0], longitude: numbers[1])
                } else {
                    fm.error("bad-coordinates",
                        "'coordinates' must be [latitude, longitude] in degrees, found \(FrontMatter.describe(node))", at: fm.location(of: node),
                        fix: "write them as 'coordinates: [41.01, 28.97]' (latitude between -90 and 90 first)")
                }
            }
            let slug = slugOf(path)
            // Every key is read before a missing name ends the entry, so no key is reported as unknown.
            let aliases = fm.strings("aliases").map(\.value)
            let region = fm.text("region"), kind = fm.enumValue("kind", City.Kind.self)
            let population = fm.int("population", example: "520000"), website = fm.url("website"), wikidata = fm.text("wikidata")
            guard let name else { return nil }
            // The linker looks every name up by its slug; made here, on all the loading threads.
            Slug.prepare([name.value] + names.values + aliases)
            var city = City(
                id: City.ID(country: country, slug: slug), name: name.value, names: names, aliases: aliases, region: region, kind: kind,
                population: population, coordinates: coordinates, website: website, wikidata: wikidata, body: body(),
                source: SourceLocation(file: path))
            city.fieldLocations = fm.valueLocations
            return city
        }
    }
}

// MARK: - Models, networks, pages

public enum ModelFile {
    static let keys = ["title", "order", "summary"]

    public static func parse(_ text: String, path: String, markdown: MarkdownRenderer = MarkdownRenderer()) -> Parsed<CooperationModel> {
        EntryReader(file: path, markdown: markdown).read(text, known: keys) { fm, body in
            let title = fm.text("title", required: true, example: "Kardeş kent ilişkisi")
            let order = fm.int("order") ?? 0, summary = fm.text("summary")
            guard let title else { return nil }
            return CooperationModel(
                id: CooperationModel.ID(slugOf(path)), title: title, order: order, summary: summary, body: body(), source: SourceLocation(file: path))
        }
    }
}

public enum NetworkFile {
    static let keys = ["title", "model", "members", "organisations", "seat", "founded", "website"]

    public static func parse(_ text: String, path: String, markdown: MarkdownRenderer = MarkdownRenderer()) -> Parsed<Network> {
        EntryReader(file: path, markdown: markdown).read(text, known: keys) { fm, body in
            let title = fm.text("title", required: true, example: "NALAS")
            let model = fm.string("model"), members = fm.cityReferences("members"), organisations = fm.strings("organisations").map(\.value)
            let seat = fm.cityReference("seat"), founded = fm.date("founded"), website = fm.url("website")
            guard let title else { return nil }
            return Network(
                id: Network.ID(slugOf(path)), title: title, model: model, members: members, organisations: organisations, seat: seat,
                founded: founded, website: website, body: body(), source: SourceLocation(file: path))
        }
    }
}

public enum PageFile {
    static let keys = ["title", "summary"]

    public static func parse(_ text: String, path: String, markdown: MarkdownRenderer = MarkdownRenderer()) -> Parsed<Page> {
        EntryReader(file: path, markdown: markdown).read(text, known: keys) { fm, body in
            let title = fm.text("title", required: true, example: "Yasal çerçeve")
            let summary = fm.text("summary")
            guard let title else { return nil }
            return Page(slug: slugOf(path), title: title, summary: summary, body: body(), source: SourceLocation(file: path))
        }
    }
}

public enum CountryNoteFile {
    public static func parse(_ text: String, path: String, country: CountryCode, markdown: MarkdownRenderer = MarkdownRenderer()) -> Parsed<CountryNote> {
        EntryReader(file: path, markdown: markdown).read(text, known: ["title"]) { fm, body in
            CountryNote(country: country, title: fm.text("title"), body: body(), source: SourceLocation(file: path))
        }
    }
}
