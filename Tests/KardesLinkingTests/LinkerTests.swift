import KardesContent
import KardesLinking
import KardesModel
import Testing

@Suite("City identity")
struct CityIdentityTests {
    static let skopje = (
        "content/cities/mk/skopje.md", file("---", "name: Skopje", "names: { en: Skopje, tr: Üsküp }", "aliases: [Üsküp, Uskub]", "---")
    )

    @Test("an alias in a city file and the city's own name lead to one city")
    func alias() throws {
        let site = try link(
            try content([
                sisterCity, Self.skopje,
                ("content/partnerships/uskup-uskudar.md", twinning("Üsküp, MK", "Üsküdar, TR")),
                ("content/partnerships/bursa-skopje.md", twinning("Skopje, MK", "Bursa, TR")),
                ("content/partnerships/izmir-skopje.md", twinning("mk/uskub", "İzmir, TR")),
            ]))
        #expect(site.cities.keys.filter { $0.country.code == "MK" } == [city("mk/skopje")])
        #expect(site.cityOrder.filter { $0.country.code == "MK" } == [city("mk/skopje")])
        #expect(Set(site.partnerships(of: city("mk/skopje")).map(\.slug)) == ["uskup-uskudar", "bursa-skopje", "izmir-skopje"])
        #expect(site.partnershipCities[Partnership.ID("uskup-uskudar")] == [city("mk/skopje"), city("tr/uskudar")])
        // The Turkish site shows the Turkish exonym, in titles too.
        #expect(site.name(of: city("mk/skopje")) == "Üsküp")
        #expect(site.title(of: Partnership.ID("bursa-skopje")) == "Üsküp – Bursa")
    }

    @Test("an English site shows the city's English name")
    func englishName() throws {
        let site = try link(try content([sisterCity, Self.skopje, ("content/partnerships/a.md", twinning("Üsküp, MK", "Üsküdar, TR"))]), language: "en")
        #expect(site.name(of: city("mk/skopje")) == "Skopje")
    }

    @Test("a city with no file is made from its references, and differently written references meet")
    func cityWithoutFile() throws {
        let site = try link(
            try content([
                sisterCity, ("content/partnerships/a.md", twinning("Üsküdar, TR", "Köln, DE")),
                ("content/partnerships/b.md", twinning("üsküdar, tr", "Bursa, TR")),
                ("content/partnerships/c.md", twinning("tr/uskudar", "Lyon, FR")),
                ("content/partnerships/d.md", twinning("Üsküdar, TR", "Paris, FR")),
            ]))
        // The most used spelling names the city.
        #expect(site.cities[city("tr/uskudar")]?.name == "Üsküdar")
        #expect(site.partnerships(of: city("tr/uskudar")).count == 4)
    }

    @Test("when two spellings are used equally often, the capitalised one names the city")
    func spellingTie() throws {
        let site = try link(
            try content([
                sisterCity, ("content/partnerships/a.md", twinning("Üsküdar, TR", "Köln, DE")),
                ("content/partnerships/b.md", twinning("üsküdar, tr", "Bursa, TR")),
            ]))
        #expect(site.cities[city("tr/uskudar")]?.name == "Üsküdar")
    }

    @Test("an entry link to an alias leads to the city's page")
    func linkToAlias() throws {
        let site = try link(
            try content([
                sisterCity, Self.skopje, ("content/partnerships/a.md", twinning("Skopje, MK", "Üsküdar, TR")),
                ("content/pages/about.md", file("---", "title: Hakkında", "---", "[Üsküp](city:mk/uskup)")),
            ]))
        let link = try #require(site.pages.first?.body.links.first)
        #expect(site.route(for: link) == "cities/mk/skopje/")
    }

    @Test("a cc/slug reference to a city that does not exist is an error at the reference")
    func unknownCityID() throws {
        let diagnostics = linkErrors(
            try content([sisterCity, Self.skopje, ("content/partnerships/a.md", twinning("mk/skopjee", "Üsküdar, TR"))]))
        #expect(diagnostics.map(\.description) == [
            """
            content/partnerships/a.md:2:10: error: no city 'mk/skopjee' (did you mean 'mk/skopje'?)
                fix: create content/cities/mk/skopjee.md, or refer to the city by name: "Name, MK"
            """
        ])
    }

    @Test("a cc/slug reference to no city and near none gets a page named after its address, with a warning")
    func cityNamedByAddress() throws {
        let site = try link(try content([sisterCity, ("content/partnerships/a.md", twinning("us/new-york", "Üsküdar, TR"))]))
        #expect(site.cities[city("us/new-york")]?.name == "New York")
        #expect(site.warnings.map(\.description).contains("""
            content/partnerships/a.md:2:10: warning: no city file for 'us/new-york', so the city is named after its address
                fix: create content/cities/us/new-york.md with its name, or refer to the city by name: "Name, US"
            """))
    }

    @Test("a reference by name names a city that another reference gave only by address")
    func nameBeatsAddress() throws {
        let site = try link(
            try content([
                sisterCity, ("content/partnerships/a.md", twinning("us/new-york", "Üsküdar, TR")),
                ("content/partnerships/b.md", twinning("New York, US", "Bursa, TR")),
            ]))
        #expect(site.cities[city("us/new-york")]?.name == "New York")
        #expect(site.partnerships(of: city("us/new-york")).count == 2)
    }

    @Test("a city file's own name beats another city's alias")
    func fileNameBeatsAlias() throws {
        let site = try link(
            try content([
                sisterCity, Self.skopje, ("content/cities/mk/uskup.md", file("---", "name: Üsküp", "---")),
                ("content/partnerships/a.md", twinning("Üsküp, MK", "Üsküdar, TR")),
                ("content/partnerships/b.md", twinning("Skopje, MK", "Bursa, TR")),
            ]))
        #expect(site.partnershipCities[Partnership.ID("a")]?.first == city("mk/uskup"))
        #expect(site.partnershipCities[Partnership.ID("b")]?.first == city("mk/skopje"))
    }

    @Test("two city files with the same alias are a warning on the second; the name leads to the first")
    func twoFilesOneAlias() throws {
        let site = try link(
            try content([
                sisterCity, ("content/cities/tr/a.md", file("---", "name: A", "aliases: [Merkez]", "---")),
                ("content/cities/tr/b.md", file("---", "name: B", "aliases: [Merkez]", "---")),
                ("content/partnerships/p.md", twinning("Merkez, TR", "Köln, DE")),
            ]))
        #expect(site.partnershipCities[Partnership.ID("p")]?.first == city("tr/a"))
        #expect(site.warnings.map { "\($0.location): \($0.problem)" } == [
            "content/cities/tr/b.md:1:1: the name 'merkez' is used by two cities: this one and content/cities/tr/a.md; references by that name go to the other"
        ])
    }
}

@Suite("Reference errors")
struct ReferenceErrorTests {
    @Test("an unknown model is an error at the model value, with a suggestion")
    func unknownModel() throws {
        let diagnostics = linkErrors(
            try content([sisterCity, ("content/partnerships/houston-istanbul.md", twinning("İstanbul, TR", "Houston, US", model: "sister-cty"))]))
        #expect(diagnostics.map(\.description) == [
            """
            content/partnerships/houston-istanbul.md:3:8: error: unknown model 'sister-cty' (did you mean 'sister-city'?)
                fix: use a model slug from content/models/: sister-city
            """
        ])
    }

    @Test("a network's unknown model is an error at the network's model value")
    func unknownNetworkModel() throws {
        let diagnostics = linkErrors(
            try content([
                sisterCity, ("content/partnerships/a.md", twinning("İstanbul, TR", "Houston, US")),
                ("content/networks/nalas.md", file("---", "title: NALAS", "model: sister-cty", "members: [\"Skopje, MK\"]", "---")),
            ]))
        #expect(diagnostics.map(\.description) == [
            """
            content/networks/nalas.md:3:8: error: unknown model 'sister-cty' (did you mean 'sister-city'?)
                fix: use a model slug from content/models/: sister-city
            """
        ])
    }

    @Test("an unresolved entry link is an error at its line and column")
    func unresolvedLink() throws {
        let diagnostics = linkErrors(
            try content([
                sisterCity, ("content/partnerships/houston-istanbul.md", twinning("İstanbul, TR", "Houston, US")),
                (
                    "content/pages/legal.md",
                    file("---", "title: Legal", "---", "", "Twinnings need a council decision.", "See [Dallas](city:us/dallas) and [Kyoto](city:jp/kyoto).")
                ),
            ]))
        #expect(diagnostics.map(\.description) == [
            """
            content/pages/legal.md:6:5: error: unresolved link 'city:us/dallas'
                fix: link to an existing city: city:cc/slug, as in content/cities/tr/istanbul.md → city:tr/istanbul
            """,
            """
            content/pages/legal.md:6:34: error: unresolved link 'city:jp/kyoto'
                fix: link to an existing city: city:cc/slug, as in content/cities/tr/istanbul.md → city:tr/istanbul
            """,
        ])
    }

    @Test(
        "a city link that names no city is an error even when another city's slug is close",
        arguments: [("city:us/houstn", "us/houston"), ("city:tr/can", "tr/van"), ("city:tr/mus", "tr/mut")])
    func closeCityLink(url: String, close: String) throws {
        let loaded = try content([
            sisterCity, ("content/partnerships/a.md", twinning("Houston, US", "Van, TR")),
            ("content/partnerships/b.md", twinning("Mut, TR", "Köln, DE")),
            ("content/pages/legal.md", file("---", "title: Legal", "---", "[x](\(url))")),
        ])
        let diagnostics = linkErrors(loaded)
        #expect(diagnostics.map(\.severity) == [.error])
        #expect(diagnostics.first?.problem.hasPrefix("unresolved link '\(url)'") == true)
    }

    @Test(
        "every kind of entry link resolves to a relative route",
        arguments: [
            ("city:us/houston", "cities/us/houston/"), ("partnership:houston-istanbul", "partnerships/houston-istanbul/"),
            ("model:sister-city", "models/sister-city/"), ("country:tr", "countries/tr/"), ("country:TR", "countries/tr/"),
            ("network:nalas", "networks/nalas/"), ("page:legal", "legal/"),
        ])
    func resolvedLinks(url: String, route: String) throws {
        let site = try link(
            try content([
                sisterCity, ("content/partnerships/houston-istanbul.md", twinning("İstanbul, TR", "Houston, US")),
                ("content/networks/nalas.md", file("---", "title: NALAS", "members: [\"Skopje, MK\"]", "---")),
                ("content/pages/legal.md", file("---", "title: Legal", "---", "[x](\(url))")),
            ]))
        let link = try #require(site.pages.first?.body.links.first)
        #expect(site.route(for: link) == route)
    }

    @Test(
        "entry links that name nothing are errors with a suggestion when one is close",
        arguments: [
            ("partnership:houston-istanbol", "unresolved link 'partnership:houston-istanbol' (did you mean 'partnership:houston-istanbul'?)"),
            ("model:sister", "unresolved link 'model:sister'"),
            ("network:nalaas", "unresolved link 'network:nalaas' (did you mean 'network:nalas'?)"),
            ("page:legl", "unresolved link 'page:legl' (did you mean 'page:legal'?)"),
        ])
    func unresolvedKinds(url: String, problem: String) throws {
        let diagnostics = linkErrors(
            try content([
                sisterCity, ("content/partnerships/houston-istanbul.md", twinning("İstanbul, TR", "Houston, US")),
                ("content/networks/nalas.md", file("---", "title: NALAS", "members: [\"Skopje, MK\"]", "---")),
                ("content/pages/legal.md", file("---", "title: Legal", "---", "[x](\(url))")),
            ]))
        #expect(diagnostics.map(\.problem) == [problem])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/pages/legal.md", line: 4, column: 1))
    }

    @Test("a country link to a country with no cities suggests nothing arbitrary")
    func countrySuggestion() throws {
        let diagnostics = linkErrors(
            try content([
                sisterCity, ("content/partnerships/a.md", twinning("İstanbul, TR", "Skopje, MK")),
                ("content/pages/legal.md", file("---", "title: Legal", "---", "[x](country:de)")),
            ]))
        #expect(diagnostics.map(\.problem) == ["unresolved link 'country:de'"])
    }

    @Test("the same partnership in two files is an error in each, naming the other")
    func samePartnershipTwice() throws {
        let diagnostics = linkErrors(
            try content([
                sisterCity, ("content/partnerships/houston-istanbul.md", twinning("İstanbul, TR", "Houston, US")),
                ("content/partnerships/2002/istanbul-houston.md", twinning("houston, us", "ISTANBUL, TR")),
            ]))
        #expect(diagnostics.map(\.description) == [
            """
            content/partnerships/2002/istanbul-houston.md:1:1: error: the same partnership (same cities and model) is also in content/partnerships/houston-istanbul.md
                fix: keep one of the two files and delete the other
            """,
            """
            content/partnerships/houston-istanbul.md:1:1: error: the same partnership (same cities and model) is also in content/partnerships/2002/istanbul-houston.md
                fix: keep one of the two files and delete the other
            """,
        ])
    }

    @Test("the same cities in another model are two partnerships")
    func sameCitiesOtherModel() throws {
        let site = try link(
            try content([
                sisterCity, ("content/models/municipal-cooperation.md", file("---", "title: İş birliği", "---")),
                ("content/partnerships/a.md", twinning("İstanbul, TR", "Houston, US")),
                ("content/partnerships/b.md", twinning("İstanbul, TR", "Houston, US", model: "municipal-cooperation")),
            ]))
        #expect(site.partnerships.count == 2)
    }

    @Test("the same city twice in one partnership is an error, also through an alias")
    func sameCityTwice() throws {
        let diagnostics = linkErrors(
            try content([
                sisterCity, CityIdentityTests.skopje, ("content/partnerships/a.md", twinning("Skopje, MK", "Üsküp, MK")),
            ]))
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.problem)" } == ["2:10 the same city is listed twice in this partnership"])
    }

    @Test("two files with the same cities and model are one partnership twice: an error at both, a warning when a date tells them apart")
    func duplicates() throws {
        let diagnostics = linkErrors(
            try content([
                sisterCity, ("content/partnerships/a.md", twinning("İstanbul, TR", "Houston, US")),
                ("content/partnerships/b.md", twinning("Houston, US", "İstanbul, TR")),
                ("content/partnerships/c.md", twinning("İstanbul, TR", "Houston, US")),
            ]))
        // The first file in ID order is the one each later copy is reported against.
        #expect(diagnostics.map { "\($0.location.file) \($0.code): \($0.problem)" } == [
            "content/partnerships/a.md duplicate-partnership: the same partnership (same cities and model) is also in content/partnerships/b.md",
            "content/partnerships/a.md duplicate-partnership: the same partnership (same cities and model) is also in content/partnerships/c.md",
            "content/partnerships/b.md duplicate-partnership: the same partnership (same cities and model) is also in content/partnerships/a.md",
            "content/partnerships/c.md duplicate-partnership: the same partnership (same cities and model) is also in content/partnerships/a.md",
        ])
        let site = try link(
            try content([
                sisterCity,
                ("content/partnerships/a.md", file("---", "cities: [\"İstanbul, TR\", \"Houston, US\"]", "model: sister-city", "established: 1990", "---")),
                ("content/partnerships/b.md", file("---", "cities: [\"Houston, US\", \"İstanbul, TR\"]", "model: sister-city", "established: 2005", "---")),
            ]))
        #expect(site.warnings.filter { $0.code == "possible-duplicate-partnership" }.map(\.location.file) == [
            "content/partnerships/a.md", "content/partnerships/b.md",
        ])
    }

    @Test("an unknown area is a warning, not an error")
    func unknownArea() throws {
        let site = try link(
            try content([
                sisterCity,
                ("content/partnerships/a.md", file("---", "cities: [\"İstanbul, TR\", \"Houston, US\"]", "model: sister-city", "areas: [culture, turism]", "---")),
            ]))
        #expect(site.warnings.map(\.problem) == ["unknown area of cooperation 'turism' (did you mean 'tourism'?)"])
        #expect(site.warnings.first?.location == SourceLocation(file: "content/partnerships/a.md", line: 4, column: 18))
    }

    @Test("every linking error of a site is reported, sorted by file and position")
    func allErrors() throws {
        let diagnostics = linkErrors(
            try content([
                sisterCity, ("content/partnerships/b.md", file("---", "cities: [\"İstanbul, TR\", \"Houston, US\"]", "model: sister", "---", "[x](page:nothing)")),
                ("content/partnerships/a.md", twinning("Houston, US", "tr/istanbull")),
            ]))
        #expect(
            diagnostics.map { "\($0.location):\($0.severity)" } == [
                "content/partnerships/a.md:2:25:error", "content/partnerships/b.md:3:8:error", "content/partnerships/b.md:5:1:error",
            ])
    }
}

@Suite("Turkish order")
struct CollationTests {
    @Test("names the locale cannot order consistently (ß, hyphens) still come out in one order, whatever the input order")
    func intransitiveNames() throws {
        // The platform's comparison goes round in a circle on these: Grosseto < Groß-Gerau < Großenhain < Grosseto.
        let names = ["Grosseto", "Groß-Gerau", "Großenhain", "Grosse Pointe", "Großostheim", "Groß Umstadt"]
        var orders: Set<[String]> = []
        var titleOrders: Set<[String]> = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<12 {
            var files = [sisterCity]
            for (index, name) in names.enumerated() {
                files.append(("content/partnerships/p\(index).md", file("---", "cities: [\"\(name), DE\", \"Köln, DE\"]", "model: sister-city", "title: \(name)", "---")))
            }
            let site = try link(try content(files.shuffled(using: &generator)))
            orders.insert(site.cityOrder.map { site.name(of: $0) })
            titleOrders.insert(site.partnershipOrder.map { site.title(of: $0) })
        }
        #expect(orders.count == 1)
        #expect(titleOrders.count == 1)
    }

    /// Links one partnership per pair of names, all in Türkiye, and returns the city names in `cityOrder`.
    func order(_ names: [String], language: String = "tr") throws -> [String] {
        var files = [sisterCity]
        for (index, name) in names.enumerated() {
            files.append(("content/partnerships/p\(index).md", twinning("\(name), TR", "Köln, DE")))
        }
        let site = try link(try content(files), language: language)
        return site.cityOrder.filter { $0.country.code == "TR" }.map { site.name(of: $0) }
    }

    @Test(
        "cities sort in the Turkish alphabet",
        arguments: [
            (["Denizli", "Çorum", "Cide"], ["Cide", "Çorum", "Denizli"]),
            (["Ödemiş", "Ordu"], ["Ordu", "Ödemiş"]),
            (["İzmir", "Isparta"], ["Isparta", "İzmir"]),
            (["Şanlıurfa", "Sinop"], ["Sinop", "Şanlıurfa"]),
            (["Üsküdar", "Uşak"], ["Uşak", "Üsküdar"]),
            (["Çanakkale", "Cizre"], ["Cizre", "Çanakkale"]),
            (["İlgaz", "Ilgın"], ["Ilgın", "İlgaz"]),
            (["Ağrı", "Afyon", "Ağlasun"], ["Afyon", "Ağlasun", "Ağrı"]),
            (["Zonguldak", "Ünye", "Ödemiş", "Şile", "İnegöl", "Iğdır", "Ğ", "Çine", "Aydın"],
             ["Aydın", "Çine", "Ğ", "Iğdır", "İnegöl", "Ödemiş", "Şile", "Ünye", "Zonguldak"]),
        ])
    func turkishOrder(names: [String], expected: [String]) throws {
        #expect(try order(names) == expected)
    }

    @Test("an English site sorts the same names in English order")
    func englishOrder() throws {
        #expect(try order(["Sinop", "Şanlıurfa", "Ordu", "Ödemiş"], language: "en") == ["Ödemiş", "Ordu", "Şanlıurfa", "Sinop"])
    }

    @Test("country names come from the locale data in the site language")
    func countryNames() throws {
        let files = [
            sisterCity, ("content/partnerships/a.md", twinning("İstanbul, TR", "Köln, DE")),
            ("content/partnerships/b.md", twinning("İstanbul, TR", "Houston, US")),
            ("content/partnerships/c.md", twinning("İstanbul, TR", "Zürich, CH")),
            ("content/partnerships/d.md", twinning("İstanbul, TR", "Cádiz, ES")),
        ]
        let turkish = try link(try content(files))
        #expect(turkish.countryName(CountryCode("DE")!) == "Almanya")
        #expect(turkish.countryNames[CountryCode("CH")!] == "İsviçre")
        #expect(turkish.countryNames[CountryCode("TR")!] == "Türkiye")
        // Almanya, Amerika Birleşik Devletleri, İspanya, İsviçre, Türkiye: I-dot after I, in Turkish.
        #expect(turkish.countryOrder.map(\.code) == ["DE", "US", "ES", "CH", "TR"])
        let english = try link(try content(files), language: "en")
        #expect(english.countryName(CountryCode("DE")!) == "Germany")
        #expect(english.countryOrder.map(\.code) == ["DE", "ES", "CH", "TR", "US"])
    }
}

@Suite("Indexes")
struct IndexTests {
    static func partnership(_ slug: String, _ lines: String...) -> (String, String) {
        ("content/partnerships/\(slug).md", file(["---", "model: sister-city"] + lines + ["---"]))
    }

    @Test("partnerships are listed newest first, those without a year last, and indexed by city, country, model, area and year")
    func order() throws {
        let site = try link(
            try content([
                sisterCity,
                Self.partnership("old", "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "established: 1920"),
                Self.partnership("new", "cities: [\"Üsküdar, TR\", \"Köln, DE\"]", "established: 2002-10", "areas: [culture]"),
                Self.partnership("none", "cities: [\"Bursa, TR\", \"Köln, DE\"]", "status: proposed", "areas: [culture, economy]"),
            ]))
        #expect(site.partnershipOrder.map(\.slug) == ["new", "old", "none"])
        #expect(site.partnerships(of: city("de/koln")).map(\.slug) == ["new", "none"])
        #expect(site.partnershipsByCountry[CountryCode("TR")!]?.map(\.slug) == ["new", "none"])
        #expect(site.partnershipsByModel[CooperationModel.ID("sister-city")]?.map(\.slug) == ["new", "old", "none"])
        #expect(site.partnershipsByArea["culture"]?.map(\.slug) == ["new", "none"])
        #expect(site.partnershipsByYear.mapValues { $0.map(\.slug) } == [2002: ["new"], 1920: ["old"]])
        #expect(site.citiesByCountry[CountryCode("TR")!] == [city("tr/bursa"), city("tr/uskudar")])
    }

    @Test("linking again after an edit takes an order from the previous site only while its titles, years and names hold")
    func reusedOrders() throws {
        func site(_ entries: [(String, String)], previous: LinkedSite? = nil) throws -> LinkedSite {
            try Linker(language: "tr", referenceYear: 2026).link(try content([sisterCity] + entries), previous: previous)
        }
        let first = try site([
            Self.partnership("a", "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "established: 1990", "title: Çınar"),
            Self.partnership("b", "cities: [\"Üsküdar, TR\", \"Köln, DE\"]", "established: 1990", "title: Cennet"),
            Self.partnership("c", "cities: [\"Bursa, TR\", \"Köln, DE\"]", "established: 1990", "title: Dere"),
        ])
        // Turkish order: C before Ç before D.
        #expect(first.partnershipOrder.map(\.slug) == ["b", "a", "c"])
        // Only a purpose changed: the same order, taken over.
        let purpose = try site(
            [
                Self.partnership("a", "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "established: 1990", "title: Çınar", "purpose: Dostluk"),
                Self.partnership("b", "cities: [\"Üsküdar, TR\", \"Köln, DE\"]", "established: 1990", "title: Cennet"),
                Self.partnership("c", "cities: [\"Bursa, TR\", \"Köln, DE\"]", "established: 1990", "title: Dere"),
            ], previous: first)
        #expect(purpose.partnershipOrder.map(\.slug) == ["b", "a", "c"])
        // A new title and a new year each sort again, as a link without a previous site would.
        let retitled = [
            Self.partnership("a", "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "established: 1990", "title: Ağaç"),
            Self.partnership("b", "cities: [\"Üsküdar, TR\", \"Köln, DE\"]", "established: 1990", "title: Cennet"),
            Self.partnership("c", "cities: [\"Bursa, TR\", \"Köln, DE\"]", "established: 2001", "title: Dere"),
        ]
        let again = try site(retitled, previous: purpose)
        #expect(again.partnershipOrder.map(\.slug) == ["c", "a", "b"])
        #expect(again.partnershipOrder == (try site(retitled)).partnershipOrder)
        // A city renamed in its file sorts the cities again.
        let renamed = try site(retitled + [("content/cities/tr/bursa.md", file("---", "name: Zonguldak Bursa", "---"))], previous: again)
        #expect(renamed.cityOrder.last == city("tr/bursa"))
        #expect(renamed.cityOrder == (try site(retitled + [("content/cities/tr/bursa.md", file("---", "name: Zonguldak Bursa", "---"))])).cityOrder)
    }

    @Test(
        "an active partnership with no activity for more than dormant_after_years is possibly dormant",
        arguments: [
            (["established: 2020"], true), (["established: 2021"], false), (["established: 1990", "activities: [{ date: 2024, kind: visit, title: Ziyaret }]"], false),
            (["established: 1990", "status: proposed"], false), (["established: 1990", "ended: 2000"], false), ([String](), false),
        ])
    func dormancy(lines: [String], dormant: Bool) throws {
        let site = try link(try content([sisterCity, ("content/partnerships/p.md", file(["---", "model: sister-city", "cities: [\"A, TR\", \"B, DE\"]"] + lines + ["---"]))]))
        #expect(site.possiblyDormant.contains(Partnership.ID("p")) == dormant)
    }

    @Test("a network's members and seat are resolved and indexed by city")
    func networks() throws {
        let site = try link(
            try content([
                sisterCity, CityIdentityTests.skopje, ("content/partnerships/a.md", twinning("Üsküdar, TR", "Köln, DE")),
                ("content/networks/nalas.md", file("---", "title: NALAS", "seat: \"Üsküp, MK\"", "members: [\"Üsküdar, TR\", \"Tirana, AL\"]", "---")),
            ]))
        let id = Network.ID("nalas")
        #expect(site.networkMembers[id] == [city("tr/uskudar"), city("al/tirana")])
        #expect(site.networkSeats[id] == city("mk/skopje"))
        #expect(site.networksByCity[city("mk/skopje")] == [id])
        #expect(site.networksByCity[city("al/tirana")] == [id])
        #expect(site.cities[city("al/tirana")]?.name == "Tirana")
    }
}
