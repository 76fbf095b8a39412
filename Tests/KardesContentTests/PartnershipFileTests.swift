import KardesContent
import KardesModel
import Testing

@Suite("Partnership files")
struct PartnershipFileTests {
    static let complete = file(
        "---",  // 1
        "cities: [\"İstanbul, TR\", \"Houston, US\"]",  // 2
        "model: sister-city",  // 3
        "established: 2002-10-11",  // 4
        "status: active",  // 5
        "title: Houston – İstanbul",  // 6
        "areas: [culture, economy, education]",  // 7
        "purpose: \"Kültürel ve ticari bağları güçlendirmek\"",  // 8
        "council_decision: { date: 2001-05-10, number: \"2001/123\" }",  // 9
        "ministry_approval: { date: 2002-01-15, number: \"B.05.0.MAH/17\" }",  // 10
        "protocol: https://example.org/protocol.pdf",  // 11
        "agreement: twinning",  // 12
        "association: Houston-Istanbul Sister City Association",  // 13
        "contacts: [{ name: \"Dış İlişkiler Müdürlüğü\", email: \"dis@example.org\", phone: \"+90 212 455 00 00\", city: \"İstanbul, TR\" }]",  // 14
        "activities:",  // 15
        "  - { date: 2010, kind: project, title: \"Ortak kültür projesi\", link: https://example.org/proje }",  // 16
        "  - { date: 2005-06, kind: visit, title: \"Delegation of the mayor to Houston\" }",  // 17
        "  - { date: 2008-04-23, kind: trade-mission, title: \"Ticaret heyeti\" }",  // 18
        "links: [https://www.houstonistanbul.org/]",  // 19
        "sources: [{ title: \"Özcan 2006: 21\" }, { url: https://example.org/kaynak, retrieved: 2025-11-20 }, https://example.org/duz]",  // 20
        "draft: false",  // 21
        "---",  // 22
        "[Houston](city:us/houston) ile kardeş kent.",  // 23
    )

    @Test("a partnership with every field keeps every field")
    func completePartnership() throws {
        let parsed = partnership(Self.complete)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let entry = try #require(parsed.entry)
        #expect(entry.id.slug == "houston-istanbul")
        #expect(entry.cities.map(\.text) == ["İstanbul, TR", "Houston, US"])
        #expect(entry.cities.map(\.location.line) == [2, 2])
        #expect(entry.cities.map(\.location.column) == [10, 26])
        #expect(entry.model.value == "sister-city")
        #expect(entry.model.location == SourceLocation(file: partnershipPath, line: 3, column: 8))
        #expect(entry.established == PartialDate(year: 2002, month: 10, day: 11))
        #expect(entry.status == .active)
        #expect(entry.ended == nil)
        #expect(entry.title == "Houston – İstanbul")
        #expect(entry.areas.map(\.value) == ["culture", "economy", "education"])
        #expect(entry.areas.map(\.location.line) == [7, 7, 7])
        #expect(entry.purpose == "Kültürel ve ticari bağları güçlendirmek")
        #expect(entry.councilDecision == Partnership.Decision(date: PartialDate(year: 2001, month: 5, day: 10), number: "2001/123"))
        #expect(entry.ministryApproval == Partnership.Decision(date: PartialDate(year: 2002, month: 1, day: 15), number: "B.05.0.MAH/17"))
        #expect(entry.protocolURL == "https://example.org/protocol.pdf")
        #expect(entry.agreement == .twinning)
        #expect(entry.association == "Houston-Istanbul Sister City Association")
        let contact = try #require(entry.contacts.first)
        #expect(entry.contacts.count == 1)
        #expect(contact.name == "Dış İlişkiler Müdürlüğü")
        #expect(contact.email == "dis@example.org")
        #expect(contact.phone == "+90 212 455 00 00")
        #expect(contact.city?.text == "İstanbul, TR")
        #expect(contact.city?.location.line == 14)
        // Activities come out oldest first, whatever the order in the file.
        #expect(
            entry.activities == [
                Partnership.Activity(date: PartialDate(year: 2005, month: 6)!, kind: .visit, title: "Delegation of the mayor to Houston", link: nil),
                Partnership.Activity(date: PartialDate(year: 2008, month: 4, day: 23)!, kind: .tradeMission, title: "Ticaret heyeti", link: nil),
                Partnership.Activity(date: PartialDate(year: 2010)!, kind: .project, title: "Ortak kültür projesi", link: "https://example.org/proje"),
            ])
        #expect(entry.links == ["https://www.houstonistanbul.org/"])
        #expect(
            entry.sources == [
                Partnership.Source(title: "Özcan 2006: 21", url: nil, retrieved: nil),
                Partnership.Source(title: nil, url: "https://example.org/kaynak", retrieved: PartialDate(year: 2025, month: 11, day: 20)),
                Partnership.Source(title: nil, url: "https://example.org/duz", retrieved: nil),
            ])
        #expect(entry.draft == false)
        #expect(entry.source == SourceLocation(file: partnershipPath))
        #expect(entry.lastSignOfLife == PartialDate(year: 2010))
        // The body's entry link is kept open at its place in the file.
        let link = try #require(entry.body.links.first)
        #expect(link.kind == .city)
        #expect(link.target == "us/houston")
        #expect(link.location == SourceLocation(file: partnershipPath, line: 23, column: 1))
    }

    @Test("a minimal partnership takes the defaults")
    func minimalPartnership() throws {
        let parsed = partnership(file("---", "cities: [\"Üsküdar, TR\", \"Üsküp, MK\"]", "model: sister-city", "---"))
        #expect(parsed.diagnostics.isEmpty)
        let entry = try #require(parsed.entry)
        #expect(entry.status == .active)
        #expect(entry.draft == false)
        #expect(entry.title == nil)
        #expect(entry.areas.isEmpty && entry.contacts.isEmpty && entry.activities.isEmpty && entry.sources.isEmpty)
        #expect(entry.body.isEmpty)
        #expect(entry.lastSignOfLife == nil)
    }

    @Test("a draft is read as a draft", arguments: [("true", true), ("false", false), ("yes", true)])
    func draft(text: String, value: Bool) throws {
        let entry = try #require(partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "draft: \(text)", "---")).entry)
        #expect(entry.draft == value)
    }

    @Test("three cities are allowed")
    func threeCities() throws {
        let entry = try #require(partnership(file("---", "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\", \"Córdoba, Nariño, CO\"]", "model: m", "---")).entry)
        #expect(entry.cities.count == 3)
        #expect(entry.cities[2].parse() == .success(.name("Córdoba, Nariño", CountryCode("CO")!)))
    }

    @Test("a city given as cc/slug is accepted")
    func cityByID() throws {
        let entry = try #require(partnership(file("---", "cities: [tr/uskudar, mk/skopje]", "model: m", "---")).entry)
        #expect(entry.cities[1].parse() == .success(.id(City.ID(country: CountryCode("MK")!, slug: "skopje"))))
    }
}

@Suite("Partnership status")
struct PartnershipStatusTests {
    @Test("every status word is read", arguments: Partnership.Status.allCases)
    func statuses(status: Partnership.Status) throws {
        let entry = try #require(partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "status: \(status.rawValue)", "---")).entry)
        #expect(entry.status == status)
    }

    @Test("an end date implies status ended")
    func endedImpliesEnded() throws {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "established: 1990", "ended: 2019-03", "---"))
        #expect(parsed.diagnostics.isEmpty)
        let entry = try #require(parsed.entry)
        #expect(entry.status == .ended)
        #expect(entry.ended == PartialDate(year: 2019, month: 3))
    }

    @Test("an end date with status ended is fine")
    func endedAndStatusEnded() throws {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "status: ended", "ended: 2019", "---"))
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entry?.status == .ended)
    }

    @Test("a status that contradicts the end date is an error at the status value", arguments: ["active", "dormant", "proposed"])
    func contradiction(status: String) {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "ended: 2019", "status: \(status)", "---"))
        #expect(parsed.diagnostics.map(summary) == ["5:9 error: status '\(status)' contradicts 'ended: 2019'"])
        #expect(parsed.diagnostics.first?.fix == "remove 'status' (an end date implies status ended) or remove 'ended'")
        #expect(parsed.diagnostics.first?.location.file == partnershipPath)
    }

    @Test("an end date before the establishment is an error at the end date")
    func endedBeforeEstablished() {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "established: 2002-10", "ended: 2002-09-30", "---"))
        #expect(parsed.diagnostics.map(summary) == ["5:8 error: 'ended' (2002-09-30) is before 'established' (2002-10)"])
    }

    @Test("an unknown status is an error with a suggestion")
    func unknownStatus() {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "status: actve", "---"))
        #expect(parsed.diagnostics.map(summary) == ["4:9 error: 'actve' is not a valid status (did you mean 'active'?)"])
        #expect(parsed.diagnostics.first?.fix == "use one of: active, dormant, ended, proposed")
    }

    @Test("a status of the wrong type is reported once")
    func statusWrongTypeOnce() {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "status: [active]", "---"))
        #expect(parsed.diagnostics.map(summary) == ["4:9 error: 'status' must be text, found a list"])
    }
}

@Suite("Partial dates")
struct PartialDateTests {
    @Test(
        "valid dates are read to the year, month or day",
        arguments: [
            ("2002", 2002, nil, nil), ("2002-10", 2002, 10, nil), ("2002-10-11", 2002, 10, 11), ("2000-02-29", 2000, 2, 29),
            ("1920-01-01", 1920, 1, 1), ("0999-12-31", 999, 12, 31),
        ] as [(String, Int, Int?, Int?)])
    func valid(text: String, year: Int, month: Int?, day: Int?) throws {
        let date = try #require(PartialDate(parsing: text))
        #expect(date.year == year && date.month == month && date.day == day)
        #expect(date.description == text)
        let entry = try #require(partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "established: \(text)", "---")).entry)
        #expect(entry.established == date)
    }

    @Test(
        "invalid dates are errors at the value",
        arguments: [
            "2002-13", "2002-00", "2002-1-5", "2001-02-29", "2002-04-31", "02-10-2002", "2002/10/11", "11.10.2002", "yesterday", "20021011",
            "2002-10-11-01", "'2002-'", "0000",
        ])
    func invalid(text: String) {
        let unquoted = text.hasPrefix("'") ? String(text.dropFirst().dropLast()) : text
        #expect(PartialDate(parsing: unquoted) == nil)
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "established: \(text)", "---"))
        #expect(parsed.diagnostics.map(summary) == ["4:14 error: invalid date '\(unquoted)' for 'established'"])
        #expect(parsed.diagnostics.first?.fix == "write the date as YYYY, YYYY-MM or YYYY-MM-DD, such as 'established: 2002-10-11'")
    }

    @Test("an invalid date inside a record names the record's field")
    func invalidNestedDate() {
        let parsed = partnership(
            file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "activities:", "  - { date: 2005-6, kind: visit, title: Ziyaret }", "---"))
        #expect(parsed.diagnostics.map(summary) == ["5:13 error: invalid date '2005-6' for 'activities.date'"])
    }

    @Test("dates sort by year, then month, then day; a bare year first")
    func order() {
        let dates = ["2002-10-11", "2002", "2001-12", "2002-10", "2002-01-31"].compactMap { PartialDate(parsing: $0) }
        #expect(dates.sorted().map(\.description) == ["2001-12", "2002", "2002-01-31", "2002-10", "2002-10-11"])
    }
}

@Suite("Partnership file problems")
struct PartnershipProblemTests {
    @Test("an unknown key is a warning with a suggestion, and the entry is kept")
    func unknownKey() throws {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "estabished: 2002", "---"))
        #expect(parsed.diagnostics.map(summary) == ["4:1 warning: unknown key 'estabished' (did you mean 'established'?)"])
        #expect(parsed.diagnostics[0].fix.hasPrefix("remove it or use one of: cities, model, established, status"))
        let entry = try #require(parsed.entry)
        #expect(entry.established == nil)
    }

    @Test("an unknown key far from every known key has no suggestion")
    func unknownKeyNoSuggestion() {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "belediye_baskani: Ali", "---"))
        #expect(parsed.diagnostics.map(summary) == ["4:1 warning: unknown key 'belediye_baskani'"])
    }

    @Test("an unknown field in a record is a warning with a suggestion")
    func unknownRecordField() {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "council_decision: { date: 2001, numbr: \"12\" }", "---"))
        #expect(parsed.entry != nil)
        #expect(parsed.diagnostics.map(summary) == ["4:33 warning: unknown field 'numbr' in 'council_decision' (did you mean 'number'?)"])
    }

    @Test(
        "a value of the wrong type is an error at the value",
        arguments: [
            ("draft: maybe", "4:8 error: 'draft' must be true or false, found 'maybe'"),
            ("draft: [true]", "4:8 error: 'draft' must be true or false, found a list"),
            ("title: { tr: Başlık }", "4:8 error: 'title' must be text, found a mapping of fields"),
            ("contacts: Ali", "4:11 error: 'contacts' must be a list, found 'Ali'"),
            ("activities: { date: 2005 }", "4:13 error: 'activities' must be a list, found a mapping of fields"),
            ("sources: Özcan 2006", "4:10 error: 'sources' must be a list, found 'Özcan 2006'"),
            ("council_decision: 2001/123", "4:19 error: 'council_decision' must be a record of fields, found '2001/123'"),
            ("areas: [culture, [economy]]", "4:18 error: 'areas' must be a list of text items, found a list"),
            ("agreement: sister", "4:12 error: 'sister' is not a valid agreement"),
            ("agreement: twining", "4:12 error: 'twining' is not a valid agreement (did you mean 'twinning'?)"),
        ])
    func wrongType(line: String, expected: String) {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", line, "---"))
        #expect(parsed.diagnostics.map(summary) == [expected])
    }

    @Test("cities given as a number is an error at the number")
    func citiesNumber() {
        let parsed = partnership(file("---", "cities: 5", "model: m", "---"))
        #expect(parsed.diagnostics.map(summary) == ["2:9 error: '5' is not a city reference"])
        #expect(
            parsed.diagnostics.first?.fix
                == "write the city as \"Name, CC\" with a two-letter country code (\"Köln, DE\") or as cc/slug (de/koln)")
    }

    @Test("cities given as a mapping is an error at the mapping")
    func citiesMapping() {
        let parsed = partnership(file("---", "cities: { a: \"A, TR\" }", "model: m", "---"))
        #expect(parsed.diagnostics.map(summary) == ["2:9 error: 'cities' must be a list, found a mapping of fields"])
    }

    @Test("missing required keys are errors at the start of the file", arguments: ["cities", "model"])
    func missingKey(key: String) {
        let lines = ["cities: [\"A, TR\", \"B, DE\"]", "model: m"].filter { !$0.hasPrefix(key) }
        let parsed = partnership(file("---", lines[0], "---", "Metin."))
        #expect(parsed.diagnostics.map(summary) == ["1:1 error: missing required key '\(key)'"])
        #expect(parsed.diagnostics.first?.fix.hasPrefix("add a line '\(key): ") == true)
    }

    @Test("an empty model is missing")
    func emptyModel() {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model:", "---"))
        #expect(parsed.diagnostics.map(summary) == ["1:1 error: missing required key 'model'"])
    }

    @Test("a file without front matter is an error at 1:1")
    func missingFrontMatter() throws {
        let parsed = partnership(file("cities: [\"A, TR\", \"B, DE\"]", "model: m", "", "Metin."))
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(parsed.diagnostics.count == 1)
        #expect(
            diagnostic.description == """
                content/partnerships/houston-istanbul.md:1:1: error: missing front matter: the file must open with a line '---'
                    fix: start the file with '---', the YAML fields (such as 'title:'), and another '---' before the text
                """)
    }

    @Test("an empty file is missing its front matter")
    func emptyFile() {
        #expect(partnership("").diagnostics.map(summary) == ["1:1 error: missing front matter: the file must open with a line '---'"])
    }

    @Test("a byte order mark before the front matter is allowed")
    func byteOrderMark() {
        let parsed = partnership("\u{FEFF}" + file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "---"))
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entry != nil)
    }

    @Test("front matter that is never closed is an error at the end of the file")
    func unclosedFrontMatter() {
        let parsed = partnership("---\ncities: [\"A, TR\", \"B, DE\"]\nmodel: m\n\nMetin.")
        #expect(parsed.diagnostics.map(summary) == ["5:1 error: front matter is never closed: no second '---' line"])
        #expect(parsed.diagnostics.first?.fix == "add a line '---' after the last YAML field")
    }

    @Test(
        "malformed YAML is an error at the parser's position, counted from the top of the file",
        arguments: [
            // A key indented under a plain value: the parser stops at the ':'.
            (["cities: [\"A, TR\", \"B, DE\"]", "model: m", "  status: active"], "4:9 error: malformed YAML: mapping values are not allowed in this context"),
            // An unclosed flow sequence.
            (["model: m", "cities: [\"A, TR\", \"B, DE\"", "status: active"], "4:1 error: malformed YAML: did not find expected ',' or ']' while parsing a flow sequence that starts at line 3, column 9"),
            // The column counts characters, not bytes: Ü and ş are one column each.
            (["model: m", "cities: [\"A, TR\", \"B, DE\"]", "title: Üsküdar–Eşkişehir: ortaklık"], "4:25 error: malformed YAML: mapping values are not allowed in this context"),
            // A tab as indentation.
            (["model: m", "cities:", "\t- \"A, TR\""], "4:1 error: malformed YAML: found character that cannot start any token while scanning for the next token that starts at line 4, column 1"),
        ])
    func malformedYAML(lines: [String], expected: String) {
        let parsed = partnership(file(["---"] + lines + ["---"]))
        #expect(parsed.diagnostics.map(summary) == [expected])
        #expect(parsed.diagnostics.first?.location.file == partnershipPath)
    }

    @Test("a key given twice is an error")
    func duplicateKey() {
        let parsed = partnership(file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "model: n", "---"))
        #expect(parsed.diagnostics.map(summary) == ["3:1 error: the key 'model' appears twice"])
    }

    @Test("front matter that is a list, not fields, is an error")
    func notAMapping() {
        let parsed = partnership(file("---", "- cities", "- model", "---"))
        #expect(parsed.diagnostics.map(summary) == ["2:1 error: the front matter is not a list of 'key: value' fields"])
    }

    @Test(
        "fewer than two cities is an error at the cities value",
        arguments: [
            ("cities: [\"İstanbul, TR\"]", "2:9 error: a partnership needs two or more cities, found 1"),
            ("cities: \"İstanbul, TR\"", "2:9 error: a partnership needs two or more cities, found 1"),
            ("cities: []", "2:9 error: a partnership needs two or more cities, found 0"),
            ("cities:\n  - \"İstanbul, TR\"", "3:3 error: a partnership needs two or more cities, found 1"),
        ])
    func fewerThanTwoCities(line: String, expected: String) {
        let parsed = partnership(file("---", line, "model: m", "---"))
        #expect(parsed.diagnostics.map(summary) == [expected])
        #expect(parsed.diagnostics.first?.fix == "list every city of the partnership: cities: [\"İstanbul, TR\", \"Houston, US\"]")
    }

    @Test(
        "an unknown country code is an error at the reference, with the right code suggested",
        arguments: [
            ("\"London, UK\"", "2:10 error: unknown country code 'UK' in 'London, UK' (did you mean 'GB'?)"),
            ("\"Berlin, Germany\"", "2:10 error: unknown country code 'Germany' in 'Berlin, Germany' (did you mean 'DE'?)"),
            ("\"Köln, Almanya\"", "2:10 error: unknown country code 'Almanya' in 'Köln, Almanya' (did you mean 'DE'?)"),
            ("\"Atina, el\"", "2:10 error: unknown country code 'el' in 'Atina, el' (did you mean 'GR'?)"),
            ("\"Nowhere, XQ\"", "2:10 error: unknown country code 'XQ' in 'Nowhere, XQ'"),
            ("uk/london", "2:10 error: unknown country code 'uk' in 'uk/london' (did you mean 'GB'?)"),
        ])
    func unknownCountry(reference: String, expected: String) {
        let parsed = partnership(file("---", "cities: [\(reference), \"İstanbul, TR\"]", "model: m", "---"))
        #expect(parsed.diagnostics.map(summary) == [expected])
        #expect(parsed.diagnostics.first?.fix == "use the ISO 3166-1 alpha-2 code of the country, such as TR, DE or US")
    }

    @Test("a country code in lower case is accepted")
    func lowerCaseCountry() {
        #expect(partnership(file("---", "cities: [\"Londra, gb\", \"İstanbul, tr\"]", "model: m", "---")).diagnostics.isEmpty)
    }

    @Test(
        "a reference of neither form is an error",
        arguments: ["İstanbul", ", TR", "tr/İstanbul", "tr/uskudar/merkez"])
    func malformedReference(reference: String) {
        let parsed = partnership(file("---", "cities: [\"\(reference)\", \"Houston, US\"]", "model: m", "---"))
        #expect(parsed.diagnostics.map(summary) == ["2:10 error: '\(reference)' is not a city reference"])
    }

    @Test("every problem of a file is reported, not only the first")
    func allProblems() {
        let parsed = partnership(
            file(
                "---", "cities: [\"London, UK\", \"İstanbul, TR\"]", "model: m", "established: 2002-13", "draft: maybe", "estabished: 2002",
                "activities:", "  - { kind: visit, title: Ziyaret }", "---"))
        #expect(
            parsed.diagnostics.sorted().map(summary) == [
                "2:10 error: unknown country code 'UK' in 'London, UK' (did you mean 'GB'?)",
                "4:14 error: invalid date '2002-13' for 'established'",
                "5:8 error: 'draft' must be true or false, found 'maybe'",
                "6:1 warning: unknown key 'estabished' (did you mean 'established'?)",
                "8:5 error: an activity needs a 'date'",
            ])
    }

    @Test("a file with Windows line endings reads like one with Unix line endings")
    func windowsLineEndings() {
        let text = file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "---", "[B](city:de/b)").replacingOccurrences(of: "\n", with: "\r\n")
        let parsed = partnership(text)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(summary))")
        #expect(parsed.entry?.cities.map(\.text) == ["A, TR", "B, DE"])
        #expect(parsed.entry?.model.value == "m")
        #expect(parsed.entry?.body.links.first?.location.line == 5)
    }

    @Test("problems in a file with Windows line endings are at the same line and column")
    func windowsLineEndingPositions() {
        let text = file("---", "cities: [\"A, TR\", \"B, DE\"]", "model: m", "draft: maybe", "---").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(partnership(text).diagnostics.map(summary) == ["4:8 error: 'draft' must be true or false, found 'maybe'"])
    }
}
