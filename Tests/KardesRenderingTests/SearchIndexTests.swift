import Foundation
import KardesContent
import KardesLinking
import KardesModel
import KardesRendering
import Testing

/// A small directory written to a temporary folder and loaded as `kardes build` would.
enum SearchIndexFixture {
    static let files: [String: String] = [
        "content/site.yml": "title: Test\nlanguages: [tr, en]\n",
        "content/models/sister-city.md": "---\ntitle: Kardeş kent ilişkisi\norder: 1\n---\n",
        "content/cities/mk/skopje.md": "---\nname: Skopje\nnames: { en: Skopje, tr: Üsküp }\naliases: [Üsküp, Uskub]\n---\n",
        "content/cities/ge/tbilisi.md": "---\nname: Tbilisi\naliases: [Tiflis, თბილისი]\n---\n",
        "content/cities/de/koln.md": "---\nname: Köln\nnames: { en: Cologne }\n---\n",
        "content/networks/nalas.md": "---\ntitle: NALAS – Güneydoğu Avrupa Yerel Yönetim Birlikleri Ağı\nseat: \"Skopje, MK\"\n---\n",
        "content/partnerships/istanbul-koln.md": twinning("İstanbul, TR", "Köln, DE"),
        "content/partnerships/uskudar-uskup.md": twinning("Üsküdar, TR", "Üsküp, MK"),
        "content/partnerships/bursa-tiflis.md": twinning("Bursa, TR", "Tiflis, GE"),
        "content/partnerships/sanliurfa-koln.md": twinning("Şanlıurfa, TR", "Köln, DE", title: "Şanlıurfa ile Köln'ün \"dostluğu\" <2026>"),
        "content/partnerships/van-vancouver.md": twinning("Van, TR", "Vancouver, CA"),
        "content/partnerships/savannah-vancouver.md": twinning("Savannah, US", "Vancouver, CA"),
        "content/partnerships/igdir-vancouver.md": twinning("Iğdır, TR", "Vancouver, CA"),
    ]

    static func twinning(_ a: String, _ b: String, title: String? = nil) -> String {
        var lines = ["---", "cities: [\"\(a)\", \"\(b)\"]", "model: sister-city"]
        if let title { lines.append("title: '\(title.replacingOccurrences(of: "'", with: "''"))'") }
        return (lines + ["---", ""]).joined(separator: "\n")
    }

    /// The fixture linked in `language`.
    static func site(language: String = "tr") async throws -> LinkedSite {
        let root = FileManager.default.temporaryDirectory.appending(path: "kardes-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let loaded = try await ContentLoader(root: root).load()
        return try Linker(language: language, referenceYear: 2026).link(loaded)
    }

    /// `Tests/search-js/`, where the fold cases and the recorded index that the node test loads live.
    static let scriptTests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "search-js")

    static let foldCases: [[String]] = {
        guard let data = try? Data(contentsOf: scriptTests.appending(path: "fold-cases.json")),
            let cases = try? JSONDecoder().decode([[String]].self, from: data)
        else { return [["missing Tests/search-js/fold-cases.json", "?"]] }
        return cases
    }()
}

@Suite("Search index")
struct SearchIndexTests {
    @Test("names fold the way a Turkish user types them", arguments: [
        ("İSTANBUL", "istanbul"), ("Şanlıurfa", "sanliurfa"), ("Üsküdar", "uskudar"), ("Köln", "koln"), ("ığdır", "igdir"),
    ])
    func turkishFolding(_ name: String, _ folded: String) {
        #expect(SearchIndex.fold(name) == folded)
    }

    @Test("folding gives what search.js gives, case for case", arguments: SearchIndexFixture.foldCases)
    func sharedFoldCases(_ pair: [String]) {
        #expect(SearchIndex.fold(pair[0]) == pair[1])
    }

    @Test("a city is found by its name in the site language, its main name, its exonyms and aliases")
    func cityKeys() async throws {
        let index = SearchIndex.build(from: try await SearchIndexFixture.site())
        let skopje = try #require(index.entries.first { $0.route == Route.city(City.ID(country: CountryCode("MK")!, slug: "skopje")) })
        #expect(skopje.kind == .city)
        #expect(skopje.name == "Üsküp")
        #expect(skopje.keys == ["uskup", "skopje", "uskub"])
        #expect(skopje.context == CountryCode("MK")!.name(in: "tr"))
        #expect(skopje.weight == 1)

        let tbilisi = try #require(index.entries.first { $0.name == "Tbilisi" })
        #expect(tbilisi.keys == ["tbilisi", "tiflis", "თბილისი"])
        let koln = try #require(index.entries.first { $0.name == "Köln" })
        #expect(koln.keys == ["koln", "cologne"])
        #expect(koln.weight == 2)
        #expect(koln.context == "Almanya")
    }

    @Test("a country is found by its name in the site language and in English")
    func countryKeys() async throws {
        let index = SearchIndex.build(from: try await SearchIndexFixture.site())
        let germany = try #require(index.entries.first { $0.kind == .country && $0.route == "countries/de/" })
        #expect(germany.name == "Almanya")
        #expect(germany.keys == ["almanya", "germany"])
        #expect(germany.weight == 2)
    }

    @Test("partnerships, models and networks are found by their titles")
    func otherKinds() async throws {
        let index = SearchIndex.build(from: try await SearchIndexFixture.site())
        #expect(index.entries.filter { $0.kind == .partnership }.map(\.keys) == [
            ["bursa tbilisi"], ["igdir vancouver"], ["istanbul koln"], ["sanliurfa ile kolnun dostlugu 2026"], ["savannah vancouver"],
            ["uskudar uskup"], ["van vancouver"],
        ])
        #expect(index.entries.first { $0.kind == .partnership && $0.keys == ["bursa tbilisi"] }?.route == "partnerships/bursa-tiflis/")
        let model = try #require(index.entries.first { $0.kind == .model })
        #expect(model.keys == ["kardes kent iliskisi", "sister city"])
        #expect(model.weight == 7)
        let network = try #require(index.entries.first { $0.kind == .network })
        #expect(network.keys == ["nalas guneydogu avrupa yerel yonetim birlikleri agi", "nalas"])
        #expect(network.route == "networks/nalas/")
    }

    @Test("entries are ordered by kind, then by number of partnerships, then A–Z as folded")
    func order() async throws {
        let index = SearchIndex.build(from: try await SearchIndexFixture.site())
        let kinds = index.entries.map(\.kind)
        #expect(kinds == kinds.sorted())
        let cities = index.entries.filter { $0.kind == .city }
        #expect(
            cities.map(\.name) == [
                "Vancouver", "Köln", "Bursa", "Iğdır", "İstanbul", "Şanlıurfa", "Savannah", "Tbilisi", "Üsküdar", "Üsküp", "Van",
            ])
    }

    @Test("the index is compact JSON that names each route by the same templates as Route")
    func json() async throws {
        let index = SearchIndex.build(from: try await SearchIndexFixture.site())
        let json = index.json()
        #expect(json.hasPrefix("{\"v\":1,\"lang\":\"tr\",\"t\":{"))
        #expect(json.contains("\"u\":[\"cities/$/\",\"countries/$/\",\"models/$/\",\"networks/$/\",\"partnerships/$/\"]"))
        // Üsküp's slug is not its folded name; Köln's is.
        #expect(json.contains("[\"Üsküp\",\"uskup|skopje|uskub\",5,\"skopje\",1]"))
        #expect(json.contains("[\"Köln\",\"koln|cologne\",2,0,2]"))
        // A title that is its cities' names is stored as their indexes; another title and slug as text, escaped.
        #expect(json.contains("\"p\":[[\"bursa-tiflis\",2,7],"))
        #expect(
            json.contains("[\"sanliurfa-koln\",\"Şanlıurfa ile Köln'ün \\\"dostluğu\\\" \\u003c2026>\",\"sanliurfa ile kolnun dostlugu 2026\"]"))
        #expect(!json.contains("<"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((decoded?["p"] as? [Any])?.count == 7)
    }

    @Test("the script hands the JSON to JSON.parse in a single-quoted string")
    func script() async throws {
        let index = SearchIndex.build(from: try await SearchIndexFixture.site())
        let script = index.javaScript()
        #expect(script.hasPrefix("window.KARDES_SEARCH=JSON.parse('{"))
        #expect(script.hasSuffix("}');\n"))
        #expect(script.contains("Köln\\'ün \\\\\"dostluğu\\\\\" \\\\u003c2026>"))
    }

    @Test("the same content gives the same bytes, and the recorded index the node test loads")
    func deterministic() async throws {
        let first = SearchIndex.build(from: try await SearchIndexFixture.site()).javaScript()
        let second = SearchIndex.build(from: try await SearchIndexFixture.site()).javaScript()
        #expect(first == second)
        let recorded = SearchIndexFixture.scriptTests.appending(path: "fixture-index.js")
        if ProcessInfo.processInfo.environment["KARDES_RECORD"] == "1" {
            try first.write(to: recorded, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: recorded, encoding: .utf8) == first, "re-record with KARDES_RECORD=1 and review the diff")
    }

    @Test("an English site names cities and countries in English and labels in English")
    func english() async throws {
        let index = SearchIndex.build(from: try await SearchIndexFixture.site(language: "en"), strings: ["search_kind_city": "Town"])
        #expect(index.entries.first { $0.route == "cities/mk/skopje/" }?.name == "Skopje")
        #expect(index.entries.first { $0.route == "countries/de/" }?.keys == ["germany", "almanya"])
        #expect(index.labels["search_kind_city"] == "Town")
        #expect(index.labels["search_results"] == "{n} results")
    }

    @Test("the index file sits at the language's root and names its sources")
    func file() async throws {
        let site = try await SearchIndexFixture.site()
        let file = SearchIndex.build(from: site).file(prefix: "en/", sources: SearchIndex.sources(of: site))
        #expect(file.path == "en/search-index.js")
        #expect(file.sources.contains("content/cities/mk/skopje.md"))
        #expect(file.sources.contains("content/partnerships/van-vancouver.md"))
    }

    @Test("the default theme ships search.js byte for byte, as an asset at the output root")
    func embedded() throws {
        let source = SearchIndexFixture.scriptTests.deletingLastPathComponent().deletingLastPathComponent().appending(path: "templates/search.js")
        let theme = try Theme()
        #expect(theme.files["search.js"] == (try String(contentsOf: source, encoding: .utf8)))
        #expect(theme.assets.contains { $0.path == "search.js" })
    }

    /// Builds the index of a large corpus and writes it for docs/search.md:
    /// `KARDES_SEARCH_CORPUS=/tmp/corpus100k/kardes KARDES_SEARCH_OUT=/tmp/search-index.js swift test --skip-build --filter corpus`
    @Test("a large corpus's index (measurement)", .enabled(if: ProcessInfo.processInfo.environment["KARDES_SEARCH_CORPUS"] != nil))
    func corpus() async throws {
        let environment = ProcessInfo.processInfo.environment
        let root = URL(fileURLWithPath: try #require(environment["KARDES_SEARCH_CORPUS"]))
        var loaded = try await ContentLoader(root: root).loadCollecting()
        let linker = Linker(language: loaded.config.languages.first ?? "tr", referenceYear: 2026)
        var linked: LinkedSite?
        do {
            linked = try linker.link(loaded)
        } catch {
            // A generated corpus may repeat a partnership in a second file (`a-b-2.md`): keep the first file of each.
            guard case .content(let diagnostics) = error else { throw error }
            let repeated = Set(diagnostics.filter { $0.problem.hasPrefix("the same partnership") }.compactMap { diagnostic -> String? in
                guard let other = diagnostic.problem.components(separatedBy: "also in ").last else { return nil }
                return max(diagnostic.location.file, other)
            })
            print("search index: dropping \(repeated.count) repeated partnerships of \(loaded.partnerships.count)")
            loaded.partnerships.removeAll { repeated.contains($0.source.file) }
            loaded.diagnostics.removeAll { $0.severity == .error }
            linked = try linker.link(loaded)
        }
        let site = try #require(linked)
        let clock = ContinuousClock()
        var index: SearchIndex?
        let building = clock.measure { index = SearchIndex.build(from: site) }
        var script = ""
        let writing = clock.measure { script = index!.javaScript() }
        let elapsed = building + writing
        print("search index: build \(building), script \(writing)")
        let out = environment["KARDES_SEARCH_OUT"] ?? "/tmp/search-index.js"
        try script.write(toFile: out, atomically: true, encoding: .utf8)
        print(
            "search index: \(site.partnerships.count) partnerships, \(site.cities.count) cities, \(script.utf8.count) bytes,",
            "built in \(elapsed) → \(out)")
    }
}
