import Foundation
import KardesContent
import KardesModel
import Testing

@Suite("City files")
struct CityFileTests {
    static let path = "content/cities/mk/skopje.md"
    static let mk = CountryCode("MK")!

    func city(_ text: String) -> Parsed<City> { CityFile.parse(text, path: Self.path, country: Self.mk) }

    @Test("a city file keeps every field; the slug comes from the file name and the country from the folder")
    func complete() throws {
        let parsed = city(
            file(
                "---", "name: Skopje", "names: { en: Skopje, tr: Üsküp, mk: Скопје }", "aliases: [Üsküp, Uskub]", "region: Skopje",
                "kind: metropolitan", "population: 526502", "coordinates: [42.00, 21.43]", "website: https://skopje.gov.mk/",
                "wikidata: Q384", "---", "Kuzey Makedonya'nın başkenti."))
        #expect(parsed.diagnostics.isEmpty)
        let entry = try #require(parsed.entry)
        #expect(entry.id == City.ID(country: Self.mk, slug: "skopje"))
        #expect(entry.name == "Skopje")
        #expect(entry.names == ["en": "Skopje", "tr": "Üsküp", "mk": "Скопје"])
        #expect(entry.name(in: "tr") == "Üsküp")
        #expect(entry.name(in: "de") == "Skopje")
        #expect(entry.aliases == ["Üsküp", "Uskub"])
        #expect(entry.region == "Skopje")
        #expect(entry.kind == .metropolitan)
        #expect(entry.population == 526502)
        #expect(entry.coordinates == Coordinates(latitude: 42.0, longitude: 21.43))
        #expect(entry.website == "https://skopje.gov.mk/")
        #expect(entry.wikidata == "Q384")
        #expect(entry.source == SourceLocation(file: Self.path))
        #expect(!entry.body.isEmpty)
    }

    @Test("whole-number and edge coordinates are accepted", arguments: ["[41, 29]", "[90, 180]", "[-90, -180]", "[0, 0]", "[-33.87, 151.21]"])
    func validCoordinates(value: String) {
        let parsed = city(file("---", "name: Skopje", "coordinates: \(value)", "---"))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(summary))")
        #expect(parsed.entry?.coordinates != nil)
    }

    @Test(
        "coordinates out of range or of the wrong shape are an error at the value",
        arguments: [
            ("[91, 28.97]", "'[91, 28.97]'"), ("[41.01, 181]", "'[41.01, 181]'"), ("[-90.5, 0]", "'[-90.5, 0]'"),
            // Longitude first is a common mistake: 121 is not a latitude.
            ("[121.47, 31.23]", "'[121.47, 31.23]'"), ("[41.01]", "'[41.01]'"), ("[41.01, 28.97, 0]", "'[41.01, 28.97, 0]'"),
            ("\"41.01, 28.97\"", "'41.01, 28.97'"), ("[kuzey, 28.97]", "'[kuzey, 28.97]'"),
        ])
    func invalidCoordinates(value: String, shown: String) {
        let parsed = city(file("---", "name: Skopje", "coordinates: \(value)", "---"))
        #expect(parsed.diagnostics.count == 1)
        let diagnostic = parsed.diagnostics.first
        #expect(diagnostic?.location == SourceLocation(file: Self.path, line: 3, column: 14))
        #expect(diagnostic?.problem.hasPrefix("'coordinates' must be [latitude, longitude] in degrees, found ") == true)
        #expect(diagnostic?.fix == "write them as 'coordinates: [41.01, 28.97]' (latitude between -90 and 90 first)")
    }

    @Test(
        "coordinates are read as YAML numbers: plain, signed, with exponents, underscores or sexagesimal colons",
        arguments: [
            ("[41.0082, 28.9784]", 41.0082, 28.9784), ("[+41.5, -0.5e1]", 41.5, -5.0), ("[.5, 3.]", 0.5, 3.0), ("[1_0.25, 2_0]", 10.25, 20.0),
            ("[1:30, -2:30]", 90.0, -150.0), ("[4E1, 0e0]", 40.0, 0.0), ("[0x1A, 1]", 26.0, 1.0),
        ])
    func numberForms(value: String, latitude: Double, longitude: Double) {
        let parsed = city(file("---", "name: Skopje", "coordinates: \(value)", "---"))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(summary))")
        #expect(parsed.entry?.coordinates == Coordinates(latitude: latitude, longitude: longitude))
    }

    @Test("quoted numbers, infinities and signs alone are not coordinates", arguments: ["[\"41.0\", 28.9]", "[.inf, 0]", "[-, 0]", "[41.0, .NaN]", "[1e, 0]"])
    func notNumbers(value: String) {
        let parsed = city(file("---", "name: Skopje", "coordinates: \(value)", "---"))
        #expect(parsed.entry?.coordinates == nil)
        #expect(parsed.diagnostics.count == 1)
    }

    @Test("a third coordinate that is not a number is an error")
    func coordinatesWithText() {
        let parsed = city(file("---", "name: Skopje", "coordinates: [42.0, kuzey, 21.43]", "---"))
        #expect(parsed.diagnostics.map(summary).first?.hasPrefix("3:14 error: 'coordinates' must be") == true)
    }

    @Test("a city file needs a name")
    func missingName() {
        let parsed = city(file("---", "---", "Metin."))
        #expect(parsed.diagnostics.map(summary) == ["1:1 error: missing required key 'name'"])
    }

    @Test("a city file without a name reports only the missing name, not its other keys")
    func missingNameOtherKeys() {
        let parsed = city(file("---", "aliases: [Üsküp]", "region: Skopje", "---"))
        #expect(parsed.diagnostics.first.map(summary) == "1:1 error: missing required key 'name'")
        #expect(parsed.diagnostics.map(summary) == ["1:1 error: missing required key 'name'"])
    }

    @Test("an unknown city kind is an error with a suggestion")
    func unknownKind() {
        let parsed = city(file("---", "name: Skopje", "kind: metropolitain", "---"))
        #expect(parsed.diagnostics.map(summary) == ["3:7 error: 'metropolitain' is not a valid kind (did you mean 'metropolitan'?)"])
        #expect(parsed.diagnostics.first?.fix == "use one of: metropolitan, district, provincial-centre, town, other")
    }

    @Test("names that are not a mapping are an error")
    func namesWrongType() {
        let parsed = city(file("---", "name: Skopje", "names: [Üsküp]", "---"))
        #expect(parsed.diagnostics.map(summary) == ["3:8 error: 'names' must be a mapping of language to name, found a list"])
    }

    @Test("a population that is not a whole number is an error")
    func population() {
        let parsed = city(file("---", "name: Skopje", "population: yarım milyon", "---"))
        #expect(parsed.diagnostics.map(summary) == ["3:13 error: 'population' must be a whole number, found 'yarım milyon'"])
    }

    @Test("an unknown city key is a warning with a suggestion")
    func unknownKey() {
        let parsed = city(file("---", "name: Skopje", "alias: [Üsküp]", "---"))
        #expect(parsed.entry != nil)
        #expect(parsed.diagnostics.map(summary) == ["3:1 warning: unknown key 'alias' (did you mean 'aliases'?)"])
    }
}

@Suite("Models, networks and pages")
struct OtherEntryTests {
    @Test("a model file is read")
    func model() throws {
        let parsed = ModelFile.parse(file("---", "title: Kardeş kent ilişkisi", "order: 1", "summary: Dostluk.", "---", "Metin."), path: "content/models/sister-city.md")
        #expect(parsed.diagnostics.isEmpty)
        let entry = try #require(parsed.entry)
        #expect(entry.id.slug == "sister-city")
        #expect(entry.title == "Kardeş kent ilişkisi")
        #expect(entry.order == 1)
        #expect(entry.summary == "Dostluk.")
    }

    @Test("a model without a title reports only the missing title, not its other keys")
    func modelMissingTitle() {
        let parsed = ModelFile.parse(file("---", "order: 1", "summary: Dostluk.", "---"), path: "content/models/m.md")
        #expect(parsed.diagnostics.first.map(summary) == "1:1 error: missing required key 'title'")
        #expect(parsed.diagnostics.map(summary) == ["1:1 error: missing required key 'title'"])
    }

    @Test("a model's order must be a whole number")
    func modelOrder() {
        let parsed = ModelFile.parse(file("---", "title: T", "order: first", "---"), path: "content/models/m.md")
        #expect(parsed.diagnostics.map(summary) == ["3:8 error: 'order' must be a whole number, found 'first'"])
    }

    @Test("a network file is read with its members, seat and model position")
    func network() throws {
        let parsed = NetworkFile.parse(
            file(
                "---", "title: NALAS", "model: municipal-cooperation", "seat: \"Skopje, MK\"", "members: [\"Skopje, MK\", \"Tirana, AL\"]",
                "organisations: [Marmara Belediyeler Birliği]", "founded: 2001", "website: https://www.nalas.eu/", "---"),
            path: "content/networks/nalas.md")
        #expect(parsed.diagnostics.isEmpty)
        let entry = try #require(parsed.entry)
        #expect(entry.id.slug == "nalas")
        #expect(entry.model == Located("municipal-cooperation", at: SourceLocation(file: "content/networks/nalas.md", line: 3, column: 8)))
        #expect(entry.seat?.text == "Skopje, MK")
        #expect(entry.members.map(\.text) == ["Skopje, MK", "Tirana, AL"])
        #expect(entry.organisations == ["Marmara Belediyeler Birliği"])
        #expect(entry.founded == PartialDate(year: 2001))
        #expect(entry.website == "https://www.nalas.eu/")
    }

    @Test("a network member with a bad country code is an error at the member")
    func networkMemberCountry() {
        let parsed = NetworkFile.parse(file("---", "title: N", "members:", "  - \"Skopje, MK\"", "  - \"Londra, UK\"", "---"), path: "content/networks/n.md")
        #expect(parsed.diagnostics.map(summary) == ["5:5 error: unknown country code 'UK' in 'Londra, UK' (did you mean 'GB'?)"])
    }

    @Test("a page keeps its entry links, with their targets and fragments, at their line and column")
    func page() throws {
        let parsed = PageFile.parse(
            file("---", "title: Yasal çerçeve", "---", "", "See [Istanbul](city:tr/istanbul) and", "[model](model:sister-city#tarihce)."),
            path: "content/pages/yasal-cerceve.md")
        #expect(parsed.diagnostics.isEmpty)
        let entry = try #require(parsed.entry)
        #expect(entry.slug == "yasal-cerceve")
        #expect(entry.title == "Yasal çerçeve")
        #expect(entry.body.links.map(\.location.description) == ["content/pages/yasal-cerceve.md:5:5", "content/pages/yasal-cerceve.md:6:1"])
        #expect(entry.body.links.map(\.kind) == [.city, .model])
        #expect(entry.body.links.map(\.target) == ["tr/istanbul", "sister-city"])
        #expect(entry.body.links.map(\.fragment) == [nil, "tarihce"])
    }

    @Test("an entry link's column counts characters, not bytes")
    func linkColumnAfterTurkishLetters() throws {
        let parsed = PageFile.parse(file("---", "title: T", "---", "Bakınız [İstanbul](city:tr/istanbul)."), path: "content/pages/p.md")
        let link = try #require(parsed.entry?.body.links.first)
        #expect(link.location.description == "content/pages/p.md:4:9")
    }

    @Test("an entry link on an indented continuation line keeps its column")
    func linkColumnOnIndentedLine() throws {
        let parsed = PageFile.parse(file("---", "title: T", "---", "See", "  [model](model:sister-city)."), path: "content/pages/p.md")
        let link = try #require(parsed.entry?.body.links.first)
        #expect(link.location.description == "content/pages/p.md:5:3")
    }
}

@Suite("Site settings")
struct SiteFileTests {
    @Test("site.yml is read")
    func complete() throws {
        let parsed = SiteFile.parse(
            """
            title: Kardeş Kentler Rehberi
            description: Bir rehber
            base_url: https://example.org/rehber
            languages: [tr, en]
            owner: "İstanbul, TR"
            markdown: { unsafe_html: true, smart_punctuation: false }
            dormant_after_years: 7
            portable: true

            """, path: "content/site.yml")
        #expect(parsed.diagnostics.isEmpty)
        let config = try #require(parsed.entry)
        #expect(config.title == "Kardeş Kentler Rehberi")
        #expect(config.baseURL == "https://example.org/rehber/")
        #expect(config.languages == ["tr", "en"])
        #expect(config.owner?.text == "İstanbul, TR")
        #expect(config.unsafeHTML && !config.smartPunctuation)
        #expect(config.dormantAfterYears == 7)
        #expect(config.portable)
    }

    @Test("site.yml positions are its own lines: there is no '---' to count")
    func positions() {
        let parsed = SiteFile.parse("title: T\nbase_url: example.org\nlanguages: [tr, English]\ntitel: x\n", path: "content/site.yml")
        #expect(
            parsed.diagnostics.sorted().map(summary) == [
                "2:11 error: 'base_url' must be an absolute http(s) URL, found 'example.org'",
                "3:17 error: 'English' is not a language code",
                "4:1 warning: unknown key 'titel' (did you mean 'title'?)",
            ])
    }
}

@Suite("Text encoding")
struct DecodeTests {
    @Test("UTF-8 text is decoded as is")
    func utf8() throws {
        #expect(try ContentLoader.decode(Data("---\ntitle: Üsküdar\n".utf8), path: "a.md").get() == "---\ntitle: Üsküdar\n")
    }

    @Test(
        "bytes that are not UTF-8 are an error at the line and column of the first bad byte",
        arguments: [
            // Windows-1254 'ş' (0xFE) in "Kardeşler": the column counts characters, so 'Ü' and 'ü' before it are one each.
            (Array("---\ntitle: Üsküdar Karde".utf8) + [0xFE] + Array("ler\n---\n".utf8), 2, 21, "FE"),
            (Array("---\ntitle: Kadıköy\n---\n".utf8) + [0xFD, 0x0A], 4, 1, "FD"),
            ([0xDD] + Array("stanbul".utf8), 1, 1, "DD"),
            // A lead byte cut short at the end of the file.
            (Array("ab\ncd".utf8) + [0xC3], 2, 3, "C3"),
            // A lead byte followed by a byte that does not continue it.
            (Array("ab".utf8) + [0xC3, 0x28], 1, 3, "C3"),
        ] as [([UInt8], Int, Int, String)])
    func notUTF8(bytes: [UInt8], line: Int, column: Int, byte: String) throws {
        let result = ContentLoader.decode(Data(bytes), path: "content/partnerships/x.md")
        guard case .failure(let diagnostic) = result else {
            Issue.record("decoded invalid bytes")
            return
        }
        #expect(diagnostic.location == SourceLocation(file: "content/partnerships/x.md", line: line, column: column))
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.problem == "the file is not UTF-8 text (byte 0x\(byte) here)")
        #expect(
            diagnostic.fix
                == "save the file as UTF-8 in your editor (\"Encoding: UTF-8\"); Windows-1254 or Latin-5 files show Turkish letters this way")
    }
}
