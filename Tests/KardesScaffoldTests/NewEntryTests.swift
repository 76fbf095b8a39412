import Foundation
import KardesBuild
import KardesContent
import KardesModel
import KardesScaffold
import Testing

/// Every key of a partnership file a user may fill in.
let partnershipKeys = [
    "cities", "model", "established", "status", "ended", "title", "areas", "purpose", "council_decision", "ministry_approval",
    "protocol", "agreement", "association", "contacts", "activities", "links", "sources", "draft",
]

/// Every key of a city file.
let cityKeys = ["name", "names", "aliases", "region", "kind", "population", "coordinates", "website", "wikidata"]

/// The keys set in a front matter (`key: …` lines) and those offered commented out (`# key: …`).
func keys(of text: String) -> (set: [String], commented: [String]) {
    var set: [String] = [], commented: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if let match = line.firstMatch(of: /^([a-z_]+):/) {
            set.append(String(match.1))
        } else if let match = line.firstMatch(of: /^# ([a-z_]+):/) {
            commented.append(String(match.1))
        }
    }
    return (set, commented)
}

@Suite("kardes new partnership")
struct NewPartnershipTests {
    @Test("writes content/partnerships/<slug>.md named after the cities in the order given, with the given values")
    func writesGivenValues() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let path = try Scaffold(root: site).newPartnership(
            .init(cities: ["İstanbul, TR", "Houston, US"], model: "sister-city", established: "2002-10-11", status: "dormant"))
        #expect(path == "content/partnerships/istanbul-houston.md")
        let text = try #require(read(path, in: site))
        let parsed = PartnershipFile.parse(text, path: path)
        #expect(parsed.diagnostics.isEmpty)
        let entry = try #require(parsed.entry)
        #expect(entry.cities.map(\.text) == ["İstanbul, TR", "Houston, US"])
        #expect(entry.model.value == "sister-city")
        #expect(entry.model.location == SourceLocation(file: path, line: 3, column: 8))
        #expect(entry.established == PartialDate(year: 2002, month: 10, day: 11))
        #expect(entry.status == .dormant)
        #expect(entry.title == nil && entry.areas.isEmpty && entry.purpose == nil && entry.councilDecision == nil)
    }

    @Test("every field that was not given is in the file, commented out, and each given one is set once")
    func everyOtherFieldCommented() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let given = try Scaffold(root: site).newPartnership(
            .init(cities: ["İstanbul, TR", "Houston, US"], model: "sister-city", established: "2002", status: "active"))
        let (set, commented) = keys(of: try #require(read(given, in: site)))
        #expect(set == ["cities", "model", "established", "status"])
        #expect(Set(commented) == Set(partnershipKeys).subtracting(set))

        let bare = try Scaffold(root: site).newPartnership(.init(cities: ["Üsküdar, TR", "Skopje, MK"], model: "municipal-cooperation"))
        let (bareSet, bareCommented) = keys(of: try #require(read(bare, in: site)))
        #expect(bareSet == ["cities", "model"])
        #expect(Set(bareCommented) == Set(partnershipKeys).subtracting(bareSet))
    }

    @Test("three cities with quotes and commas in their names are written as valid references")
    func awkwardNames() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let cities = ["Córdoba, Nariño, CO", "Poix-du-Nord, FR", "Say \"Hi\", US"]
        let path = try Scaffold(root: site).newPartnership(.init(cities: cities, model: "sister-city"))
        #expect(path == "content/partnerships/cordoba-narino-poix-du-nord-say-hi.md")
        let parsed = PartnershipFile.parse(try #require(read(path, in: site)), path: path)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entry?.cities.map(\.text) == cities)
    }

    @Test("the new partnership builds, and its page is written")
    func builds() async throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        _ = try Scaffold(root: site).newPartnership(.init(cities: ["İstanbul, TR", "Houston, US"], model: "sister-city", established: "2002"))
        let output = site.deletingLastPathComponent().appendingPathComponent("public")
        try await buildSite(site, into: output)
        #expect(exists("partnerships/istanbul-houston/index.html", in: output))
        let csv = try #require(read("data/partnerships.csv", in: output))
        #expect(csv.contains("istanbul-houston,İstanbul – Houston,\"İstanbul, TR | Houston, US\""))
    }

    @Test("a city given as cc/slug names the file by that slug, and builds when the city has a file")
    func idReference() async throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        _ = try Scaffold(root: site).newCity("Üsküp, MK")
        _ = try Scaffold(root: site).newCity("Üsküdar, TR")
        let path = try Scaffold(root: site).newPartnership(.init(cities: ["tr/uskudar", "mk/uskup"], model: "sister-city"))
        #expect(path == "content/partnerships/uskudar-uskup.md")
        try await buildSite(site)
    }

    @Test("a cc/slug reference to a city that has no file is refused, as a build refuses it")
    func idReferenceWithoutFile() async throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        var refused: Scaffold.Failure?
        do {
            _ = try Scaffold(root: site).newPartnership(.init(cities: ["Üsküdar, TR", "mk/nowhere"], model: "sister-city"))
        } catch {
            refused = error
        }
        #expect(refused?.problem == "no city 'mk/nowhere': content/cities/mk/nowhere.md does not exist")
        
        if refused == nil {
            let errors = await buildErrors(site)
            #expect(errors.map(\.code) == ["unknown-city"])
        }
    }

    @Test("refuses a partnership of the same name anywhere below partnerships/ and leaves that file byte-identical")
    func refusesExistingFile() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let existing = "content/partnerships/2002/istanbul-houston.md"
        let original = "---\ncities: [\"İstanbul, TR\", \"Houston, US\"]\nmodel: sister-city\npurpose: \"hand-written, keep me\"\n---\n"
        try write(original, to: existing, in: site)
        let before = try files(below: site)
        #expect {
            try Scaffold(root: site).newPartnership(.init(cities: ["İstanbul, TR", "Houston, US"], model: "sister-city", established: "2002"))
        } throws: { error in
            let failure = try #require(error as? Scaffold.Failure)
            return failure.problem == "\(existing) already exists" && failure.fix.contains("never overwrites")
        }
        #expect(try files(below: site) == before)
        #expect(read(existing, in: site) == original)
    }

    @Test("refuses a file in the top partnerships folder too, and writes nothing")
    func refusesExistingTopLevelFile() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let scaffold = Scaffold(root: site)
        _ = try scaffold.newPartnership(.init(cities: ["İstanbul, TR", "Houston, US"], model: "sister-city"))
        let before = try files(below: site)
        #expect(throws: Scaffold.Failure.self) {
            try scaffold.newPartnership(.init(cities: ["İstanbul, TR", "Houston, US"], model: "municipal-cooperation", status: "proposed"))
        }
        #expect(try files(below: site) == before)
    }

    /// A bad value given to `new partnership`, and the front matter a build would reject for the same reason.
    struct BadValue: CustomTestStringConvertible, Sendable {
        let name: String
        let request: Scaffold.PartnershipRequest
        let frontMatter: String
        let code: String
        var testDescription: String { name }
    }

    static let badValues: [BadValue] = [
        BadValue(
            name: "unknown model", request: .init(cities: ["İstanbul, TR", "Houston, US"], model: "sister-cty"),
            frontMatter: "cities: [\"İstanbul, TR\", \"Houston, US\"]\nmodel: sister-cty", code: "unknown-model"),
        BadValue(
            name: "unknown country code", request: .init(cities: ["İstanbul, TR", "Houston, UX"], model: "sister-city"),
            frontMatter: "cities: [\"İstanbul, TR\", \"Houston, UX\"]\nmodel: sister-city", code: "unknown-country"),
        BadValue(
            name: "country code that is no code at all", request: .init(cities: ["İstanbul, Türkiye", "Houston, US"], model: "sister-city"),
            frontMatter: "cities: [\"İstanbul, Türkiye\", \"Houston, US\"]\nmodel: sister-city", code: "unknown-country"),
        BadValue(
            name: "reference without a country", request: .init(cities: ["İstanbul", "Houston, US"], model: "sister-city"),
            frontMatter: "cities: [\"İstanbul\", \"Houston, US\"]\nmodel: sister-city", code: "bad-city-reference"),
        BadValue(
            name: "one city only", request: .init(cities: ["İstanbul, TR"], model: "sister-city"),
            frontMatter: "cities: [\"İstanbul, TR\"]\nmodel: sister-city", code: "too-few-cities"),
        BadValue(
            name: "bad status", request: .init(cities: ["İstanbul, TR", "Houston, US"], model: "sister-city", status: "actve"),
            frontMatter: "cities: [\"İstanbul, TR\", \"Houston, US\"]\nmodel: sister-city\nstatus: actve", code: "invalid-value"),
    ]

    @Test("a bad value is refused with the same problem text a build gives, and nothing is written", arguments: badValues)
    func sameWordsAsBuild(bad: BadValue) async throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let before = try files(below: site)
        var refused: Scaffold.Failure?
        do {
            _ = try Scaffold(root: site).newPartnership(bad.request)
        } catch {
            refused = error
        }
        #expect(try files(below: site) == before)
        let failure = try #require(refused)

        try write("---\n\(bad.frontMatter)\n---\n", to: "content/partnerships/bad.md", in: site)
        let errors = await buildErrors(site)
        let fromBuild = try #require(errors.first { $0.code == bad.code }, "the build reports \(errors)")
        #expect(failure.problem == fromBuild.problem)
        switch bad.code {
        case "too-few-cities":
            break  // The fix shows the command instead of the front matter.
        case "unknown-model":
            let listed = { (fix: String) in fix.split(separator: ":").last!.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.sorted() }
            #expect(listed(failure.fix) == listed(fromBuild.fix))
            #expect(failure.fix == fromBuild.fix)
            
        default:
            #expect(failure.fix == fromBuild.fix)
        }
    }

    @Test("an invalid date is refused with the build's words, naming the option instead of the key", arguments: ["2002-13", "02-10-11", "2002-02-30", "soon"])
    func badDate(date: String) async throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let before = try files(below: site)
        var refused: Scaffold.Failure?
        do {
            _ = try Scaffold(root: site).newPartnership(.init(cities: ["İstanbul, TR", "Houston, US"], model: "sister-city", established: date))
        } catch {
            refused = error
        }
        #expect(try files(below: site) == before)
        let failure = try #require(refused)
        try write("---\ncities: [\"İstanbul, TR\", \"Houston, US\"]\nmodel: sister-city\nestablished: \(date)\n---\n", to: "content/partnerships/bad.md", in: site)
        let fromBuild = try #require(await buildErrors(site).first { $0.code == "invalid-date" })
        #expect(fromBuild.problem == "invalid date '\(date)' for 'established'")
        #expect(failure.problem == "invalid date '\(date)' for --established")
    }

    @Test("an unknown model names the models of the site, with a suggestion")
    func unknownModelWords() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        #expect {
            try Scaffold(root: site).newPartnership(.init(cities: ["İstanbul, TR", "Houston, US"], model: "sister-cty"))
        } throws: { error in
            let failure = try #require(error as? Scaffold.Failure)
            return failure.problem == "unknown model 'sister-cty' (did you mean 'sister-city'?)"
                && failure.fix == "use a model slug from content/models/: sister-city, municipal-cooperation, decentralised-cooperation"
        }
    }
}

@Suite("kardes new city")
struct NewCityTests {
    @Test("writes content/cities/<cc>/<slug>.md with the name set and every other field commented out")
    func writesCity() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let path = try Scaffold(root: site).newCity("Üsküdar, TR")
        #expect(path == "content/cities/tr/uskudar.md")
        let text = try #require(read(path, in: site))
        let parsed = CityFile.parse(text, path: path, country: CountryCode("TR")!)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entry?.name == "Üsküdar")
        #expect(parsed.entry?.id.description == "tr/uskudar")
        let (set, commented) = keys(of: text)
        #expect(set == ["name"])
        #expect(Set(commented) == Set(cityKeys).subtracting(set))
    }

    @Test("a city outside Türkiye also gets every field, commented out")
    func foreignCityFields() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let path = try Scaffold(root: site).newCity("Köln, DE")
        #expect(path == "content/cities/de/koln.md")
        let text = try #require(read(path, in: site))
        #expect(CityFile.parse(text, path: path, country: CountryCode("DE")!).diagnostics.isEmpty)
        let (set, commented) = keys(of: text)
        #expect(set == ["name"])
        #expect(Set(commented) == Set(cityKeys).subtracting(set))
    }

    @Test("a name with quotes and a comma is kept exactly")
    func awkwardName() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let path = try Scaffold(root: site).newCity("Córdoba, Nariño \"Sur\", CO")
        #expect(path == "content/cities/co/cordoba-narino-sur.md")
        let parsed = CityFile.parse(try #require(read(path, in: site)), path: path, country: CountryCode("CO")!)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entry?.name == "Córdoba, Nariño \"Sur\"")
    }

    @Test("the new city file is used by the build: a partnership naming the city links to its page")
    func builds() async throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        _ = try Scaffold(root: site).newCity("Houston, US")
        _ = try Scaffold(root: site).newPartnership(.init(cities: ["Üsküdar, TR", "Houston, US"], model: "sister-city"))
        let output = site.deletingLastPathComponent().appendingPathComponent("public")
        try await buildSite(site, into: output)
        #expect(exists("cities/us/houston/index.html", in: output))
    }

    @Test("refuses an existing city file and leaves it byte-identical")
    func refusesExisting() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let original = "---\nname: Üsküdar\ncoordinates: [41.02, 29.02]\n---\nElle yazıldı.\n"
        try write(original, to: "content/cities/tr/uskudar.md", in: site)
        #expect {
            try Scaffold(root: site).newCity("Üsküdar, TR")
        } throws: { error in
            (error as? Scaffold.Failure)?.problem == "content/cities/tr/uskudar.md already exists"
        }
        #expect(read("content/cities/tr/uskudar.md", in: site) == original)
    }

    @Test("a bad reference or country is refused with the build's words", arguments: [
        ("Üsküdar", "'Üsküdar' is not a city reference"),
        ("Köln, Almanya", "unknown country code 'Almanya' in 'Köln, Almanya' (did you mean 'DE'?)"),
        ("London, UK", "unknown country code 'UK' in 'London, UK' (did you mean 'GB'?)"),
        (", TR", "', TR' is not a city reference"),
    ])
    func badReference(text: String, problem: String) throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let before = try files(below: site)
        #expect {
            try Scaffold(root: site).newCity(text)
        } throws: { error in
            let failure = try #require(error as? Scaffold.Failure)
            let fromBuild = try #require(CityReference(text, at: SourceLocation(file: "x")).diagnostic())
            return failure.problem == problem && failure.problem == fromBuild.problem && failure.fix == fromBuild.fix
        }
        #expect(try files(below: site) == before)
    }

    @Test("a name without letters or digits is refused")
    func noLetters() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        #expect {
            try Scaffold(root: site).newCity("–, TR")
        } throws: { error in
            (error as? Scaffold.Failure)?.problem == "the city name '–' has no letters or digits"
        }
    }
}
