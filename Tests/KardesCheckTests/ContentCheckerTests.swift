import Foundation
import KardesCheck
import KardesModel
import Testing

/// Partnerships between cities abroad, which the legal checklist leaves alone.
let abroad = entry("cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city")

@Suite("likely duplicate cities")
struct DuplicateCityTests {
    @Test("'Koeln, DE' in a partnership and a file for Köln are one city written two ways")
    func koelnAndKoeln() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Üsküdar, TR\", \"Koeln, DE\"]", "model: municipal-cooperation"),
            "content/cities/de/koln.md": cityFile("Köln"),
        ]).with(code: "likely-duplicate-city")
        #expect(found.map(position) == ["content/partnerships/a.md:2:25 warning likely-duplicate-city"])
        let warning = try #require(found.first)
        #expect(warning.problem == "'Koeln' and 'Köln' (content/cities/de/koln.md:1:1) look like one city written two ways")
        #expect(warning.fix == "use one spelling, or add 'Koeln' to the aliases in content/cities/de/koln.md")
    }

    @Test("'Sankt Petersburg' and 'SanktPetersburg' are reported at the second spelling, naming the first one's place")
    func spacing() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Sankt Petersburg, RU\", \"Üsküdar, TR\"]", "model: municipal-cooperation"),
            "content/partnerships/b.md": entry("cities: [\"SanktPetersburg, RU\", \"İzmir, TR\"]", "model: municipal-cooperation"),
        ]).with(code: "likely-duplicate-city")
        #expect(found.map(position) == ["content/partnerships/b.md:2:10 warning likely-duplicate-city"])
        #expect(
            found.first?.problem == "'SanktPetersburg' and 'Sankt Petersburg' (content/partnerships/a.md:2:10) look like one city written two ways")
        #expect(found.first?.fix == "use one spelling, or create content/cities/ru/sankt-petersburg.md with the other as an alias")
    }

    @Test("one letter added (Manila, Manilla) or two swapped (Kraków, Karków) is a likely duplicate", arguments: [
        ("Manila, PH", "Manilla, PH"), ("Kraków, PL", "Karków, PL"),
    ])
    func oneEdit(a: String, b: String) async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"\(a)\", \"Üsküdar, TR\"]", "model: municipal-cooperation"),
            "content/partnerships/b.md": entry("cities: [\"\(b)\", \"İzmir, TR\"]", "model: municipal-cooperation"),
        ])
        #expect(found.with(code: "likely-duplicate-city").count == 1)
    }

    @Test("Changzhou and Hangzhou, two cities one letter apart, are not reported")
    func changzhouHangzhou() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Changzhou, CN\", \"Üsküdar, TR\"]", "model: municipal-cooperation"),
            "content/partnerships/b.md": entry("cities: [\"Hangzhou, CN\", \"İzmir, TR\"]", "model: municipal-cooperation"),
        ])
        #expect(found.with(code: "likely-duplicate-city").isEmpty)
    }

    @Test("a substitution of one letter (Yangzhou, Hangzhou) is not reported")
    func substitution() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Yangzhou, CN\", \"Üsküdar, TR\"]", "model: municipal-cooperation"),
            "content/partnerships/b.md": entry("cities: [\"Hangzhou, CN\", \"İzmir, TR\"]", "model: municipal-cooperation"),
        ])
        #expect(found.with(code: "likely-duplicate-city").isEmpty)
    }

    @Test("two cities that both have files and coordinates far apart are not reported", arguments: [
        ("ru", "sankt-petersburg", "Sankt Petersburg", "sanktpetersburg", "SanktPetersburg"),
        ("ph", "manila", "Manila", "manilla", "Manilla"),
        ("de", "koln", "Köln", "koeln", "Koeln"),
    ])
    func bothFilesFarApart(country: String, slugA: String, nameA: String, slugB: String, nameB: String) async throws {
        let code = country.uppercased()
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"\(nameA), \(code)\", \"Üsküdar, TR\"]", "model: municipal-cooperation"),
            "content/partnerships/b.md": entry("cities: [\"\(nameB), \(code)\", \"İzmir, TR\"]", "model: municipal-cooperation"),
            "content/cities/\(country)/\(slugA).md": cityFile(nameA, (50.0, 10.0)),
            "content/cities/\(country)/\(slugB).md": cityFile(nameB, (45.0, 30.0)),
        ])
        #expect(found.with(code: "likely-duplicate-city").isEmpty)
    }

    @Test("two files whose names differ only by spacing, at the same place, are reported")
    func bothFilesSamePlace() async throws {
        let found = try await check([
            "content/cities/ru/sankt-petersburg.md": cityFile("Sankt Petersburg", (59.94, 30.31)),
            "content/cities/ru/sanktpetersburg.md": cityFile("SanktPetersburg", (59.94, 30.31)),
            "content/partnerships/a.md": entry("cities: [\"Sankt Petersburg, RU\", \"Üsküdar, TR\"]", "model: municipal-cooperation"),
        ])
        #expect(found.with(code: "likely-duplicate-city").map(position) == ["content/cities/ru/sanktpetersburg.md:1:1 warning likely-duplicate-city"])
    }

    @Test("the same spelling in two countries is not reported")
    func otherCountry() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Koeln, AT\", \"Üsküdar, TR\"]", "model: municipal-cooperation"),
            "content/partnerships/b.md": entry("cities: [\"Köln, DE\", \"İzmir, TR\"]", "model: municipal-cooperation"),
        ])
        #expect(found.with(code: "likely-duplicate-city").isEmpty)
    }

    @Test("an alias in the city file makes both spellings one city, and nothing is reported")
    func aliasResolves() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Üsküdar, TR\", \"Koeln, DE\"]", "model: municipal-cooperation"),
            "content/cities/de/koln.md": "---\nname: Köln\naliases: [Koeln]\n---\n",
        ])
        #expect(found.with(code: "likely-duplicate-city").isEmpty)
    }
}

@Suite("swapped coordinates")
struct SwappedCoordinatesTests {
    static let germany: [String: String] = [
        "content/cities/de/koln.md": cityFile("Köln", (6.96, 50.94)),
        "content/cities/de/berlin.md": cityFile("Berlin", (52.52, 13.40)),
        "content/cities/de/hamburg.md": cityFile("Hamburg", (53.55, 9.99)),
        "content/cities/de/munchen.md": cityFile("München", (48.14, 11.58)),
        "content/partnerships/a.md": abroad,
    ]

    @Test("latitude and longitude exchanged in one of four German cities is reported at its file, with the corrected pair")
    func germany() async throws {
        let found = try await check(Self.germany).with(code: "swapped-coordinates")
        #expect(found.map(position) == ["content/cities/de/koln.md:1:1 warning swapped-coordinates"])
        #expect(found.first?.problem == "the coordinates [6.96, 50.94] put Köln far from the other cities of DE; exchanged they fit")
        #expect(found.first?.fix == "write coordinates as [latitude, longitude]: [50.94, 6.96]")
    }

    @Test("right coordinates are not reported")
    func rightOnes() async throws {
        var files = Self.germany
        files["content/cities/de/koln.md"] = cityFile("Köln", (50.94, 6.96))
        #expect(try await check(files).with(code: "swapped-coordinates").isEmpty)
    }

    @Test("with only two cities of a country there is nothing to compare with, and nothing is reported")
    func twoCities() async throws {
        let files = Self.germany.filter { !$0.key.hasSuffix("hamburg.md") && !$0.key.hasSuffix("munchen.md") }
        #expect(try await check(files).with(code: "swapped-coordinates").isEmpty)
    }

    @Test("cities far apart in a large country (Sydney, Perth, Darwin, Hobart) are not reported")
    func largeCountry() async throws {
        let found = try await check([
            "content/cities/au/sydney.md": cityFile("Sydney", (-33.87, 151.21)),
            "content/cities/au/perth.md": cityFile("Perth", (-31.95, 115.86)),
            "content/cities/au/darwin.md": cityFile("Darwin", (-12.46, 130.84)),
            "content/cities/au/hobart.md": cityFile("Hobart", (-42.88, 147.33)),
            "content/partnerships/a.md": abroad,
        ])
        #expect(found.with(code: "swapped-coordinates").isEmpty)
    }

    @Test("İstanbul's coordinates exchanged among Ankara, İzmir and Bursa are reported")
    func turkey() async throws {
        let found = try await check([
            "content/cities/tr/istanbul.md": cityFile("İstanbul", (28.97, 41.01)),
            "content/cities/tr/ankara.md": cityFile("Ankara", (39.93, 32.86)),
            "content/cities/tr/izmir.md": cityFile("İzmir", (38.42, 27.14)),
            "content/cities/tr/bursa.md": cityFile("Bursa", (40.19, 29.06)),
            "content/partnerships/a.md": abroad,
        ]).with(code: "swapped-coordinates")
        #expect(found.map(position) == ["content/cities/tr/istanbul.md:1:1 warning swapped-coordinates"])
    }
}

@Suite("dates in the future")
struct FutureDateTests {
    @Test("an 'established' date after today is a warning", arguments: ["2027", "2026-07", "2026-06-02"])
    func established(date: String) async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city", "established: \(date)")
        ]).with(code: "date-in-future")
        #expect(found.map(position) == ["content/partnerships/a.md:4:14 warning date-in-future"])
        #expect(found.first?.problem == "'established: \(date)' is in the future")
        #expect(found.first?.fix == "correct the date, or mark a planned partnership with 'status: proposed'")
    }

    @Test("a date that may be today at its precision is not in the future", arguments: ["2026", "2026-06", "2026-06-01", "2025-12-31"])
    func notFuture(date: String) async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city", "established: \(date)")
        ])
        #expect(found.with(code: "date-in-future").isEmpty)
    }

    @Test("an 'ended' date after today is a warning too")
    func ended() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry(
                "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city", "established: 2001", "ended: 2030")
        ]).with(code: "date-in-future")
        #expect(found.map(\.problem) == ["'ended: 2030' is in the future"])
    }

    @Test("a planned partnership ('status: proposed') may have a date in the future")
    func proposed() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry(
                "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city", "status: proposed", "established: 2027-05")
        ])
        #expect(found.with(code: "date-in-future").isEmpty)
    }

    @Test("the warning points at the date")
    func pointsAtDate() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city", "established: 2027")
        ]).with(code: "date-in-future")
        #expect(found.first?.location == SourceLocation(file: "content/partnerships/a.md", line: 4, column: 14))
    }
}

@Suite("links that are not absolute")
struct BadLinkTests {
    static let partnership = entry(
        "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]",
        "model: sister-city",
        "protocol: protokol.pdf",
        "links: [https://example.org/ok, http://example.org/ok, www.example.org, /yerel/sayfa, \"https://\", \"https://example.org/a b\"]",
        "activities:",
        "  - { date: 2005, kind: visit, title: Ziyaret, link: sergi.html }",
        "sources: [{ title: Kaynak, url: example.org/kaynak }, { url: https://example.org/kaynak }]")

    @Test("every link, protocol, activity link and source URL that is not an absolute http(s) URL is an error")
    func partnershipLinks() async throws {
        let found = try await check(["content/partnerships/a.md": Self.partnership]).with(code: "bad-link")
        #expect(found.allSatisfy { $0.severity == .error && $0.location.file == "content/partnerships/a.md" })
        #expect(
            Set(found.map(\.problem)) == [
                "'protokol.pdf' in 'protocol' is not an absolute http(s) URL",
                "'www.example.org' in 'links' is not an absolute http(s) URL",
                "'/yerel/sayfa' in 'links' is not an absolute http(s) URL",
                "'https://' in 'links' is not an absolute http(s) URL",
                "'https://example.org/a b' in 'links' is not an absolute http(s) URL",
                "'sergi.html' in 'activities' is not an absolute http(s) URL",
                "'example.org/kaynak' in 'sources' is not an absolute http(s) URL",
            ])
        #expect(found.allSatisfy { $0.fix == "write the whole address, starting with https://" })
    }

    @Test("a city's website that is not absolute is an error at the city file")
    func cityWebsite() async throws {
        let found = try await check([
            "content/partnerships/a.md": abroad,
            "content/cities/gb/keighley.md": "---\nname: Keighley\nwebsite: www.keighley.gov.uk\n---\n",
        ]).with(code: "bad-link")
        #expect(found.map(position) == ["content/cities/gb/keighley.md:3:10 error bad-link"])
        #expect(found.first?.problem == "the website 'www.keighley.gov.uk' is not an absolute http(s) URL")
    }

    @Test("absolute http and https links are fine")
    func goodLinks() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry(
                "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city", "protocol: https://example.org/p.pdf",
                "links: [http://example.org/, https://example.org/ç]"),
            "content/cities/gb/keighley.md": "---\nname: Keighley\nwebsite: https://www.keighley.gov.uk/\n---\n",
        ])
        #expect(found.with(code: "bad-link").isEmpty)
    }

    @Test("the error points at the link")
    func pointsAtLink() async throws {
        let found = try await check([
            "content/partnerships/a.md": entry("cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city", "links: [www.example.org]")
        ]).with(code: "bad-link")
        #expect(found.first?.location == SourceLocation(file: "content/partnerships/a.md", line: 4, column: 8))
    }
}

@Suite("the legal checklist")
struct LegalChecklistTests {
    static let turkish = "content/partnerships/uskudar-houston.md"

    @Test("a Turkish sister-city relation with no paperwork gets all five warnings, at the model's value")
    func allMissing() async throws {
        let found = try await check([Self.turkish: entry("cities: [\"Üsküdar, TR\", \"Houston, US\"]", "model: sister-city")])
        let paperwork = found.filter { $0.code.hasPrefix("paperwork-") }
        #expect(
            Set(paperwork.map(\.code)) == [
                "paperwork-council-decision", "paperwork-ministry-approval", "paperwork-areas", "paperwork-purpose", "paperwork-protocol",
            ])
        #expect(paperwork.count == 5)
        #expect(paperwork.allSatisfy { $0.severity == .warning && $0.location == SourceLocation(file: Self.turkish, line: 3, column: 8) })
        let byCode = Dictionary(uniqueKeysWithValues: paperwork.map { ($0.code, $0) })
        #expect(byCode["paperwork-council-decision"]?.problem == "no council decision on file for this sister-city relation")
        #expect(
            byCode["paperwork-ministry-approval"]?.problem
                == "no permission of the Ministry of the Interior on file for this sister-city relation")
        #expect(byCode["paperwork-areas"]?.problem == "the fields of cooperation are not named for this sister-city relation")
        #expect(byCode["paperwork-purpose"]?.problem == "the purpose and expected benefits are not stated for this sister-city relation")
        #expect(byCode["paperwork-protocol"]?.problem == "the protocol is not attached for this sister-city relation")
        #expect(paperwork.allSatisfy { $0.fix.contains("asks for it: add ") && $0.fix.hasSuffix("switch the checklist off with 'legal_checklist: false' in site.yml") })
    }

    @Test("the position is the model's value wherever the model line is")
    func positionFollowsModel() async throws {
        let found = try await check([
            Self.turkish: entry("title: Üsküdar – Houston", "established: 2002", "cities: [\"Üsküdar, TR\", \"Houston, US\"]", "model:   sister-city")
        ])
        #expect(Set(found.filter { $0.code.hasPrefix("paperwork-") }.map(\.location)) == [SourceLocation(file: Self.turkish, line: 5, column: 10)])
    }

    @Test("only what is missing is reported")
    func someMissing() async throws {
        let found = try await check([
            Self.turkish: entry(
                "cities: [\"Üsküdar, TR\", \"Houston, US\"]", "model: sister-city", "areas: [culture]",
                "council_decision: { date: 2001-05-10, number: \"2001/123\" }")
        ])
        #expect(Set(found.filter { $0.code.hasPrefix("paperwork-") }.map(\.code)) == ["paperwork-ministry-approval", "paperwork-purpose", "paperwork-protocol"])
    }

    @Test("complete paperwork gives no warning")
    func complete() async throws {
        let found = try await check([
            Self.turkish: entry(
                "cities: [\"Üsküdar, TR\", \"Houston, US\"]", "model: sister-city", "areas: [culture, economy]", "purpose: \"Kültür alışverişi\"",
                "council_decision: { date: 2001-05-10, number: \"2001/123\" }", "ministry_approval: { date: 2002-01-15, number: \"4471\" }",
                "protocol: https://example.org/protokol.pdf")
        ])
        #expect(found.isEmpty)
    }

    @Test("'legal_checklist: false' in site.yml switches the checklist off")
    func switchedOff() async throws {
        let found = try await check([
            "content/site.yml": "title: Deneme\nbase_url: https://example.org/\nlegal_checklist: false\n",
            Self.turkish: entry("cities: [\"Üsküdar, TR\", \"Houston, US\"]", "model: sister-city"),
        ])
        #expect(found.filter { $0.code.hasPrefix("paperwork-") }.isEmpty)
    }

    @Test("no checklist for partnerships without a Turkish city, other models, or ended relations", arguments: [
        entry("cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city"),
        entry("cities: [\"Üsküdar, TR\", \"Houston, US\"]", "model: municipal-cooperation"),
        entry("cities: [\"Üsküdar, TR\", \"Houston, US\"]", "model: sister-city", "established: 1990", "ended: 2010"),
    ])
    func notApplicable(text: String) async throws {
        let found = try await check([Self.turkish: text])
        #expect(found.filter { $0.code.hasPrefix("paperwork-") }.isEmpty)
    }

    @Test("a Turkish city named as cc/slug falls under the checklist too")
    func idReference() async throws {
        let found = try await check([
            "content/cities/tr/uskudar.md": cityFile("Üsküdar"),
            Self.turkish: entry("cities: [tr/uskudar, \"Houston, US\"]", "model: sister-city"),
        ])
        #expect(found.filter { $0.code.hasPrefix("paperwork-") }.count == 5)
    }
}
