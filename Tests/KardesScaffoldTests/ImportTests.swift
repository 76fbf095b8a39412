import Foundation
import KardesBuild
import KardesContent
import KardesModel
import KardesScaffold
import Testing

/// The name the CSV is reported under.
let csvName = "kardes-kentler.csv"

/// A summary of a diagnostic for expectations: "file:line:column severity code".
func position(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.location) \(diagnostic.severity.rawValue) \(diagnostic.code)"
}

/// A new site with no partnerships (the example removed).
func emptySite() throws -> URL {
    let site = try newSite()
    try FileManager.default.removeItem(at: site.appendingPathComponent("content/partnerships/ornek-ortaklik.md"))
    return site
}

@Suite("kardes import")
struct ImportTests {
    @Test("a spreadsheet of 300 rows (semicolons, BOM, CRLF, Turkish letters, quotes) imports every row, and the site builds")
    func importsSpreadsheet() async throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let sheet = Spreadsheet()
        let report = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(report.diagnostics.isEmpty)
        #expect(report.existing.isEmpty)
        let partnerships = (0..<300).map { "content/partnerships/\(Spreadsheet.slug($0)).md" }
        #expect(report.written.sorted() == (partnerships + Spreadsheet.cityFiles).sorted())
        for path in report.written { #expect(exists(path, in: site), "\(path)") }

        let output = site.deletingLastPathComponent().appendingPathComponent("public")
        let built = try await buildSite(site, into: output)
        #expect(built.pagesByKind["partnership"] == 300)
    }

    @Test("an imported file holds the row's values: quotes, semicolons and Turkish letters intact")
    func importedValues() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let sheet = Spreadsheet(count: 100)
        _ = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        // Row 0: explicit slug, title with quotes, council decision, agreement, association, protocol, links.
        let path = "content/partnerships/kardes-0.md"
        let parsed = PartnershipFile.parse(try #require(read(path, in: site)), path: path)
        #expect(parsed.diagnostics.isEmpty)
        let entry = try #require(parsed.entry)
        #expect(entry.cities.map(\.text) == ["Üsküdar, TR", "Skopje, MK"])
        #expect(entry.model.value == "sister-city")
        #expect(entry.title == "Üsküdar ile Skopje \"dostluğu\"")
        #expect(entry.status == .active)
        #expect(entry.established == PartialDate(year: 1990))
        #expect(entry.areas.map(\.value) == ["culture", "education"])
        #expect(entry.purpose == "Kültür; eğitim ve \"dostluk\" – 0")
        #expect(entry.councilDecision == Partnership.Decision(date: PartialDate(year: 2001, month: 5, day: 10), number: "2001/0"))
        #expect(entry.agreement == .twinning)
        #expect(entry.association == "Üsküdar–Skopje Dostluk Derneği; İstanbul şubesi")
        #expect(entry.protocolURL == "https://example.org/protokol-0.pdf")
        #expect(entry.links == ["https://example.org/a-0", "https://example.org/b-0"])

        // Row 2: ended, so the end date carries the status.
        let endedText = try #require(read("content/partnerships/kardes-2.md", in: site))
        let ended = try #require(PartnershipFile.parse(endedText, path: "x").entry)
        #expect(ended.status == .ended && ended.ended == PartialDate(year: 1995))

        // Row 1: no slug column, so the cities' slugs; no title, so none is written.
        let derived = "content/partnerships/sisli-skopje.md"
        let plain = try #require(read(derived, in: site))
        #expect(!plain.contains("title:"))
        #expect(PartnershipFile.parse(plain, path: derived).entry?.status == .dormant)

        // A city file with the name and coordinates of the row.
        let city = CityFile.parse(try #require(read("content/cities/tr/cankaya.md", in: site)), path: "x", country: CountryCode("TR")!)
        #expect(city.diagnostics.isEmpty)
        #expect(city.entry?.name == "Çankaya")
        #expect(city.entry?.coordinates == Coordinates(latitude: 39.92, longitude: 32.85))
    }

    @Test("a comma-separated file without BOM and with LF line ends imports the same files")
    func commasAndLF() throws {
        let a = try emptySite(), b = try emptySite()
        defer {
            remove(a.deletingLastPathComponent())
            remove(b.deletingLastPathComponent())
        }
        let sheet = Spreadsheet(count: 60)
        let commas = String(decoding: sheet.data(separator: ",", byteOrderMark: false), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let first = Importer(root: a).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        let second = Importer(root: b).run(Data(commas.utf8), file: csvName, dryRun: false, skipBadRows: false)
        #expect(first.diagnostics.isEmpty && second.diagnostics.isEmpty)
        #expect(first.written == second.written)
        #expect(try files(below: a.appendingPathComponent("content")) == files(below: b.appendingPathComponent("content")))
    }

    @Test("one bad row among 300: it is reported at FILE:row:column and nothing is written")
    func oneBadRow() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        var sheet = Spreadsheet()
        sheet.rows[150]["model"] = "sister-cty"
        let before = try files(below: site)
        let report = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(report.diagnostics.map(position) == ["\(csvName):152:\(Spreadsheet.column("model")) error unknown-model"])
        #expect(report.diagnostics.first?.problem == "unknown model 'sister-cty' (did you mean 'sister-city'?)")
        #expect(report.written.isEmpty)
        #expect(try files(below: site) == before)
    }

    @Test("every bad row is reported, each at its row and the column of the bad cell")
    func everyBadRow() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        var sheet = Spreadsheet()
        sheet.rows[3]["cities"] = "Üsküdar, TR | Berlin, XX"
        sheet.rows[40]["established"] = "2002-13-01"
        sheet.rows[41]["status"] = "actve"
        sheet.rows[120]["cities"] = "Üsküdar, TR"
        sheet.rows[120]["coordinates"] = nil
        sheet.rows[121]["coordinates"] = "kuzey,doğu | -"
        sheet.rows[200]["agreement"] = "twining"
        sheet.rows[250]["model"] = ""
        sheet.rows[299]["slug"] = "Kardeş 299"
        let before = try files(below: site)
        let report = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(
            report.diagnostics.sorted().map(position) == [
                "\(csvName):5:\(Spreadsheet.column("cities")) error unknown-country",
                "\(csvName):42:\(Spreadsheet.column("established")) error invalid-date",
                "\(csvName):43:\(Spreadsheet.column("status")) error invalid-value",
                "\(csvName):122:\(Spreadsheet.column("cities")) error too-few-cities",
                "\(csvName):123:\(Spreadsheet.column("coordinates")) error bad-coordinates",
                "\(csvName):202:\(Spreadsheet.column("agreement")) error invalid-value",
                "\(csvName):252:\(Spreadsheet.column("model")) error missing-key",
                "\(csvName):301:\(Spreadsheet.column("slug")) error bad-file-name",
            ])
        #expect(report.written.isEmpty)
        #expect(try files(below: site) == before)
    }

    @Test("a row with two bad cells reports both")
    func twoProblemsInOneRow() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        var sheet = Spreadsheet(count: 10)
        sheet.rows[4]["model"] = "twinning"
        sheet.rows[4]["ended"] = "dün"
        let report = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(
            report.diagnostics.sorted().map(position) == [
                "\(csvName):6:\(Spreadsheet.column("model")) error unknown-model", "\(csvName):6:\(Spreadsheet.column("ended")) error invalid-date",
            ])
    }

    @Test("after a cell with a line break, a bad row is still reported at its spreadsheet row")
    func rowAfterMultilineCell() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        var sheet = Spreadsheet(count: 10)
        sheet.rows[2]["purpose"] = "birinci satır\nikinci satır\nüçüncü satır"
        sheet.rows[5]["model"] = "sister-cty"
        let report = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(report.diagnostics.count == 1)
        // Row 1 is the header, so data row 5 (0-based) is row 7, though its file line is 9, two lines later.
        #expect(report.diagnostics.first?.location.line == 7)
    }

    @Test("with skipBadRows the good rows are written and the bad one is reported and left out")
    func skipBadRows() async throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        var sheet = Spreadsheet()
        sheet.rows[150]["model"] = "sister-cty"
        let report = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: true)
        #expect(report.diagnostics.map(position) == ["\(csvName):152:\(Spreadsheet.column("model")) error unknown-model"])
        let good = (0..<300).filter { $0 != 150 }.map { "content/partnerships/\(Spreadsheet.slug($0)).md" }
        #expect(report.written.filter { $0.hasPrefix("content/partnerships/") }.sorted() == good.sorted())
        #expect(!exists("content/partnerships/\(Spreadsheet.slug(150)).md", in: site))
        #expect(try files(below: site.appendingPathComponent("content/partnerships")).count == 299)
        try await buildSite(site)
    }

    @Test("a second import of the same table reports every row as existing and writes nothing")
    func secondImport() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let sheet = Spreadsheet()
        let first = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(first.written.count == 310)
        let before = try files(below: site)
        let second = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(second.diagnostics.isEmpty)
        #expect(second.written.isEmpty)
        #expect(second.existing.map(\.row) == (0..<300).map(Spreadsheet.line))
        #expect(second.existing.map(\.file) == (0..<300).map { "content/partnerships/\(Spreadsheet.slug($0)).md" })
        #expect(try files(below: site) == before)
    }

    @Test("a partnership with the same cities and model under another file name counts as existing")
    func existingBySameCities() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let handWritten = "---\ncities: [\"Köln, DE\", \"Üsküdar, TR\"]\nmodel: decentralised-cooperation\n---\nElle yazıldı.\n"
        try write(handWritten, to: "content/partnerships/2010/koln-uskudar.md", in: site)
        // Row 20 pairs Üsküdar with Köln in decentralised cooperation.
        let sheet = Spreadsheet(count: 21)
        #expect(sheet.rows[20]["cities"] == "Üsküdar, TR | Köln, DE" && sheet.rows[20]["model"] == "decentralised-cooperation")
        let report = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(report.existing.map(\.row) == [Spreadsheet.line(20)])
        #expect(report.existing.map(\.file) == ["content/partnerships/2010/koln-uskudar.md"])
        #expect(read("content/partnerships/2010/koln-uskudar.md", in: site) == handWritten)
        #expect(!report.written.contains("content/partnerships/\(Spreadsheet.slug(20)).md"))
    }

    @Test("dryRun reports what would be written and writes nothing")
    func dryRun() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let before = try files(below: site)
        let report = Importer(root: site).run(Spreadsheet().data(), file: csvName, dryRun: true, skipBadRows: false)
        #expect(report.diagnostics.isEmpty)
        #expect(report.written.count == 300 + Spreadsheet.cityFiles.count)
        #expect(try files(below: site) == before)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/cities").path))
    }

    @Test("dryRun with a bad row reports it and writes nothing either")
    func dryRunBadRow() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        var sheet = Spreadsheet(count: 20)
        sheet.rows[7]["established"] = "07.13.2002"
        let before = try files(below: site)
        let report = Importer(root: site).run(sheet.data(), file: csvName, dryRun: true, skipBadRows: true)
        #expect(report.diagnostics.map(position) == ["\(csvName):9:\(Spreadsheet.column("established")) error invalid-date"])
        #expect(report.written.count == 19 + 10)
        #expect(try files(below: site) == before)
    }

    @Test("city files are written only for cities with coordinates, once each, and never over an existing city file")
    func cityFiles() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let handWritten = "---\nname: Üsküdar\nregion: İstanbul\ncoordinates: [41.0, 29.0]\n---\nElle yazıldı.\n"
        try write(handWritten, to: "content/cities/tr/uskudar.md", in: site)
        let report = Importer(root: site).run(Spreadsheet().data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(report.diagnostics.isEmpty)
        let cities = report.written.filter { $0.hasPrefix("content/cities/") }.sorted()
        #expect(cities == Spreadsheet.cityFiles.filter { $0 != "content/cities/tr/uskudar.md" })
        #expect(read("content/cities/tr/uskudar.md", in: site) == handWritten)
        // No file for a city without coordinates, here or abroad.
        #expect(!exists("content/cities/tr/sisli.md", in: site))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/cities/mk").path))
    }

    @Test("two rows for the same partnership are reported as a duplicate")
    func duplicateRows() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        var sheet = Spreadsheet(count: 6)
        sheet.rows[5]["slug"] = "kardes-2"
        let report = Importer(root: site).run(sheet.data(), file: csvName, dryRun: false, skipBadRows: false)
        #expect(report.diagnostics.map(position) == ["\(csvName):7:\(Spreadsheet.column("slug")) error csv-duplicate-row"])
        #expect(report.diagnostics.first?.problem == "this row repeats the partnership of row 4 ('kardes-2')")
        #expect(report.written.isEmpty)
    }

    @Test("an unknown column is a warning with a suggestion; a missing required column is an error at the header")
    func headerProblems() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let unknown = Importer(root: site).run(Data("cities;modell;established\nÜsküdar, TR | Köln, DE;sister-city;2002\n".utf8), file: csvName, dryRun: true, skipBadRows: false)
        #expect(
            unknown.diagnostics.sorted().map(position) == ["\(csvName):1:1 error csv-missing-column", "\(csvName):1:2 warning csv-unknown-column"])
        #expect(unknown.diagnostics.contains { $0.problem == "unknown column 'modell' (did you mean 'model'?); it is not imported" })
        #expect(unknown.diagnostics.contains { $0.problem == "the header has no 'model' column" })
    }

    @Test("a file with columns in another order and extra spaces in the header imports the same", arguments: [";", ","])
    func reorderedColumns(separator: String) throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let text = [" Model \(separator)cities\(separator)Established", "sister-city\(separator)\"Üsküdar, TR | Köln, DE\"\(separator)2002"]
            .joined(separator: "\r\n")
        let report = Importer(root: site).run(Data(text.utf8), file: csvName, dryRun: false, skipBadRows: false)
        #expect(report.diagnostics.isEmpty)
        #expect(report.written == ["content/partnerships/uskudar-koln.md"])
    }

    @Test("malformed CSV is reported at the line and column of the quote", arguments: [
        ("cities;model\n\"Üsküdar, TR | Köln, DE;sister-city\n", "\(csvName):2:1 error csv-syntax"),
        ("cities;model\n\"Üsküdar, TR | Köln, DE\" x;sister-city\n", "\(csvName):2:25 error csv-syntax"),
    ])
    func malformed(text: String, expected: String) throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let report = Importer(root: site).run(Data(text.utf8), file: csvName, dryRun: false, skipBadRows: true)
        #expect(report.diagnostics.map(position) == [expected])
        #expect(report.written.isEmpty)
    }

    @Test("an empty file and a file that is not UTF-8 are errors, and nothing is written")
    func emptyAndNotUTF8() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let empty = Importer(root: site).run(Data(), file: csvName, dryRun: false, skipBadRows: true)
        #expect(empty.diagnostics.map(position) == ["\(csvName):1:1 error csv-empty"])
        // "Ağrı" in Windows-1254: ğ is 0xF0, which is no UTF-8 text.
        let windows1254 = Data("cities;model\nA".utf8) + Data([0xF0]) + Data("r\u{0131}, TR | Köln, DE;sister-city\n".utf8)
        let legacy = Importer(root: site).run(windows1254, file: csvName, dryRun: false, skipBadRows: true)
        #expect(legacy.diagnostics.map(position) == ["\(csvName):2:2 error not-utf8"])
        #expect(legacy.written.isEmpty)
    }
}

@Suite("export and import round trip")
struct RoundTripTests {
    /// The golden `twinning` site in the source tree; read only.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("KardesGoldenTests/Fixtures/twinning/site")

    /// The rows of a CSV without its `url` column.
    func rowsWithoutURL(_ text: String) throws -> [[String]] {
        let records = try CSV.read(text)
        let url = try #require(records.first?.fields.firstIndex(of: "url"))
        return records.map { record in record.fields.enumerated().filter { $0.offset != url }.map(\.element) }
    }

    @Test("the twinning site's export, imported into a new site, builds and exports the same table but for the url column")
    func twinning() async throws {
        let work = try temporaryFolder()
        defer { remove(work) }
        let original = work.appendingPathComponent("twinning")
        try FileManager.default.copyItem(at: Self.fixture, to: original)
        let originalOutput = work.appendingPathComponent("twinning-public")
        try await buildSite(original, into: originalOutput)
        let exported = try #require(read("data/partnerships.csv", in: originalOutput))

        let copy = work.appendingPathComponent("copy")
        _ = try Scaffold(root: copy).initSite(.init(owner: "Üsküdar, TR"), theme: [:])
        try FileManager.default.removeItem(at: copy.appendingPathComponent("content/partnerships/ornek-ortaklik.md"))
        try FileManager.default.removeItem(at: copy.appendingPathComponent("content/models"))
        try FileManager.default.copyItem(at: original.appendingPathComponent("content/models"), to: copy.appendingPathComponent("content/models"))
        let report = Importer(root: copy).run(Data(exported.utf8), file: "partnerships.csv", dryRun: false, skipBadRows: false)
        #expect(report.diagnostics.isEmpty)
        #expect(report.written.filter { $0.hasPrefix("content/partnerships/") }.count == 3)

        let copyOutput = work.appendingPathComponent("copy-public")
        try await buildSite(copy, into: copyOutput)
        let reexported = try #require(read("data/partnerships.csv", in: copyOutput))
        #expect(try rowsWithoutURL(reexported) == rowsWithoutURL(exported))
        #expect(reexported != exported, "the url column differs: the fixture has a base_url, the new site none")
    }

    @Test("a 300-row spreadsheet imported, exported and imported again into another site gives the same table")
    func spreadsheetRoundTrip() async throws {
        let first = try emptySite(), second = try emptySite()
        defer {
            remove(first.deletingLastPathComponent())
            remove(second.deletingLastPathComponent())
        }
        #expect(Importer(root: first).run(Spreadsheet().data(), file: csvName, dryRun: false, skipBadRows: false).diagnostics.isEmpty)
        let firstOutput = first.deletingLastPathComponent().appendingPathComponent("public")
        try await buildSite(first, into: firstOutput)
        let exported = try #require(read("data/partnerships.csv", in: firstOutput))
        #expect(Importer(root: second).run(Data(exported.utf8), file: "partnerships.csv", dryRun: false, skipBadRows: false).diagnostics.isEmpty)
        let secondOutput = second.deletingLastPathComponent().appendingPathComponent("public")
        try await buildSite(second, into: secondOutput)
        #expect(read("data/partnerships.csv", in: secondOutput) == exported)
    }

    @Test("day-first dates and decimal-comma coordinates from Turkish spreadsheets are read and written in ISO form")
    func turkishSpreadsheetValues() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let csv = "\u{FEFF}cities;model;established;coordinates\r\n\"Üsküdar, TR | Köln, DE\";sister-city;11.10.2002;\"41,03,29,02 | 50,94 6,96\"\r\n"
        let report = Importer(root: site).run(Data(csv.utf8), file: "tablo.csv", dryRun: false, skipBadRows: false)
        #expect(report.diagnostics.isEmpty)
        let entry = try String(contentsOf: site.appendingPathComponent("content/partnerships/uskudar-koln.md"), encoding: .utf8)
        #expect(entry.contains("established: 2002-10-11\n"))
        let koln = try String(contentsOf: site.appendingPathComponent("content/cities/de/koln.md"), encoding: .utf8)
        #expect(koln.contains("coordinates: [50.94, 6.96]"))
    }
}
