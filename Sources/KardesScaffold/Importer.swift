import Foundation
import KardesContent
import KardesModel

/// Creates partnership and city files from a CSV in the columns of `PartnershipTable` (`kardes import`).
///
/// Every row is checked first; when any is bad nothing is written (unless bad rows are to be skipped). A row whose
/// partnership exists already — same file name, or the same cities and model — is reported and left alone. Nothing
/// is ever overwritten.
public struct Importer: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// What an import did, or would do with `dryRun`.
    public struct Report: Sendable {
        /// Problems, as `FILE:row:column: error: …` diagnostics (the column is the CSV column's number).
        public var diagnostics: [Diagnostic] = []
        /// Files written (or that would be), relative to the site root.
        public var written: [String] = []
        /// How many rows had errors.
        public var badRows = 0
        /// Rows left alone because their partnership exists, with the existing file.
        public var existing: [(row: Int, file: String)] = []
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// A checked row, ready to write.
    struct Entry {
        let row: Int
        let slug: String
        let text: String
        let key: String
        let cities: [(name: String, country: CountryCode, coordinates: Coordinates?)]
    }

    /// Imports `data` read from `file` (the name used in messages).
    public func run(_ data: Data, file: String, dryRun: Bool, skipBadRows: Bool) -> Report {
        var report = Report()
        func error(_ code: String, _ row: Int, _ column: Int, _ problem: String, _ fix: String) {
            report.diagnostics.append(.error(code, at: SourceLocation(file: file, line: row, column: column), problem, fix: fix))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            if case .failure(let problem) = ContentLoader.decode(data, path: file) { report.diagnostics.append(problem) }
            return report
        }
        let records: [CSV.Record]
        do {
            records = try CSV.read(text)
        } catch {
            report.diagnostics.append(
                .error("csv-syntax", at: SourceLocation(file: file, line: error.line, column: error.column), "malformed CSV: \(error.problem)",
                    fix: "quote fields that contain the separator, and double a quote inside a quoted field (\"\")"))
            return report
        }
        guard let first = records.first else {
            error("csv-empty", 1, 1, "the file holds no rows", "export the table with a header row: \(PartnershipTable.columns.joined(separator: ","))")
            return report
        }
        let header = CSV.Record(line: 1, fields: first.fields)
        var index: [String: Int] = [:]
        for (position, name) in header.fields.enumerated() {
            let column = name.trimmingCharacters(in: .whitespaces).lowercased()
            if PartnershipTable.columns.contains(column) {
                index[column] = position
            } else {
                report.diagnostics.append(
                    .warning(
                        "csv-unknown-column", at: SourceLocation(file: file, line: header.line, column: position + 1),
                        "unknown column '\(name)'\(Suggestion.didYouMean(column, in: PartnershipTable.columns)); it is not imported",
                        fix: "the columns are: \(PartnershipTable.columns.joined(separator: ", "))"))
            }
        }
        for column in PartnershipTable.required where index[column] == nil {
            error("csv-missing-column", header.line, 1, "the header has no '\(column)' column", "add the column; the columns are: \(PartnershipTable.columns.joined(separator: ", "))")
        }
        if report.hasErrors { return report }

        let models = Scaffold(root: root).modelSlugs()
        let known = existingPartnerships()
        var entries: [Entry] = []
        var badRows = 0
        var slugsInFile: [String: Int] = [:]
        for (number, read) in records.enumerated().dropFirst() {
            // Rows are counted as a spreadsheet counts them (the header is row 1), whatever line breaks cells hold.
            let record = CSV.Record(line: number + 1, fields: read.fields)
            let before = report.diagnostics.count
            if let entry = check(record, index: index, models: models, file: file, report: &report) {
                if let file = known.slugs[entry.slug] ?? known.keys[entry.key] {
                    report.existing.append((record.line, file))
                } else if let first = slugsInFile[entry.slug] {
                    error("csv-duplicate-row", record.line, (index["slug"] ?? index["cities"]!) + 1, "this row repeats the partnership of row \(first) ('\(entry.slug)')", "delete one of the two rows")
                } else {
                    slugsInFile[entry.slug] = record.line
                    entries.append(entry)
                }
            }
            if report.diagnostics[before...].contains(where: { $0.severity == .error }) { badRows += 1 }
        }
        report.badRows = badRows
        if badRows > 0 && !skipBadRows { return report }

        var files: [(String, String)] = entries.map { ("content/partnerships/\($0.slug).md", $0.text) }
        var cityFiles: Set<String> = []
        for entry in entries {
            for city in entry.cities {
                guard let coordinates = city.coordinates else { continue }
                let slug = Slug.make(from: city.name)
                let path = "content/cities/\(city.country.pathComponent)/\(slug).md"
                guard !slug.isEmpty, !cityFiles.contains(path), !known.cityFiles.contains(path),
                    !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
                else { continue }
                cityFiles.insert(path)
                files.append((path, "---\nname: \(Scaffold.yamlQuoted(city.name))\ncoordinates: [\(coordinates.latitude), \(coordinates.longitude)]\n---\n"))
            }
        }
        for (path, text) in files {
            if !dryRun {
                do {
                    try Scaffold(root: root).write(text, to: path)
                } catch {
                    report.diagnostics.append(.error("cannot-write", at: SourceLocation(file: path), error.problem, fix: error.fix))
                    continue
                }
            }
            report.written.append(path)
        }
        return report
    }

    /// Checks one row and turns it into a file's text.
    func check(_ record: CSV.Record, index: [String: Int], models: [String], file: String, report: inout Report) -> Entry? {
        let row = record.line
        func value(_ column: String) -> String {
            guard let position = index[column], position < record.fields.count else { return "" }
            let text = record.fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
            return column.hasSuffix("date") || column == "established" || column == "ended" ? Self.isoDate(text) : text
        }
        func at(_ column: String) -> SourceLocation { SourceLocation(file: file, line: row, column: (index[column] ?? 0) + 1) }
        var ok = true
        func fail(_ code: String, _ column: String, _ problem: String, _ fix: String) {
            report.diagnostics.append(.error(code, at: at(column), problem, fix: fix))
            ok = false
        }

        // Cities, each with its coordinates.
        let names = PartnershipTable.list(value("cities"))
        let coordinateCells = PartnershipTable.list(value("coordinates"))
        var cities: [(name: String, country: CountryCode, coordinates: Coordinates?)] = []
        if names.count < 2 {
            fail("too-few-cities", "cities", "a partnership needs two or more cities, found \(names.count)", "list the cities as \"İstanbul, TR | Houston, US\"")
        }
        if !coordinateCells.isEmpty && coordinateCells.count != names.count {
            fail(
                "bad-coordinates", "coordinates", "\(coordinateCells.count) coordinate pair\(coordinateCells.count == 1 ? "" : "s") for \(names.count) cities",
                "give one 'latitude,longitude' (or '-') per city, in the order of the cities")
        }
        for (position, name) in names.enumerated() {
            let reference = CityReference(name, at: at("cities"))
            if let problem = reference.diagnostic() {
                report.diagnostics.append(problem)
                ok = false
                continue
            }
            guard case .success(.name(let cityName, let country)) = reference.parse() else {
                fail("bad-city-reference", "cities", "'\(name)' does not name the city", "write each city as \"Name, CC\"")
                continue
            }
            var coordinates: Coordinates?
            if position < coordinateCells.count, coordinateCells[position] != "-" {
                let parts = Self.coordinates(coordinateCells[position])
                if parts.count == 2, (-90...90).contains(parts[0]), (-180...180).contains(parts[1]) {
                    coordinates = Coordinates(latitude: parts[0], longitude: parts[1])
                } else {
                    fail("bad-coordinates", "coordinates", "'\(coordinateCells[position])' is not 'latitude,longitude'", "write the coordinates as 41.01,28.97 (latitude first, a point for decimals)")
                }
            }
            cities.append((cityName, country, coordinates))
        }

        let model = value("model")
        if model.isEmpty {
            fail("missing-key", "model", "the model is empty", "write a model slug: \(models.joined(separator: ", "))")
        } else if !models.contains(model) {
            let problem = CooperationModel.unknown(model, at: at("model"), known: models)
            report.diagnostics.append(problem)
            ok = false
        }
        for column in ["established", "ended", "council_decision_date", "ministry_approval_date"] where !value(column).isEmpty {
            if PartialDate(parsing: value(column)) == nil {
                fail("invalid-date", column, "invalid date '\(value(column))' for '\(column)'", "write dates as YYYY, YYYY-MM or YYYY-MM-DD")
            }
        }
        let status = value("status")
        if !status.isEmpty, Partnership.Status(rawValue: status) == nil {
            let options = Partnership.Status.allCases.map(\.rawValue)
            fail("invalid-value", "status", "'\(status)' is not a valid status\(Suggestion.didYouMean(status, in: options))", "use one of: \(options.joined(separator: ", "))")
        }
        let agreement = value("agreement")
        if !agreement.isEmpty, Partnership.Agreement(rawValue: agreement) == nil {
            let options = Partnership.Agreement.allCases.map(\.rawValue)
            fail("invalid-value", "agreement", "'\(agreement)' is not a valid agreement\(Suggestion.didYouMean(agreement, in: options))", "use one of: \(options.joined(separator: ", "))")
        }
        var slug = value("slug")
        if slug.isEmpty { slug = cities.map { Slug.make(from: $0.name) }.joined(separator: "-") }
        if !Slug.isValid(slug) {
            fail("bad-file-name", "slug", "'\(slug)' is not a valid slug", "use lower-case ASCII letters, digits and '-', such as '\(Slug.make(from: slug))'")
        }
        guard ok else { return nil }

        // The file, with only the fields the row fills.
        var lines = ["---", "cities: [\(cities.map { Scaffold.yamlQuoted("\($0.name), \($0.country.code)") }.joined(separator: ", "))]", "model: \(model)"]
        func add(_ key: String, _ text: String, quoted: Bool = true) {
            if !text.isEmpty { lines.append("\(key): \(quoted ? Scaffold.yamlQuoted(text) : text)") }
        }
        let defaultTitle = cities.map(\.name).joined(separator: " – ")
        if value("title") != defaultTitle { add("title", value("title")) }
        add("established", value("established"), quoted: false)
        if status != "ended" || value("ended").isEmpty { add("status", status == "active" ? "" : status, quoted: false) }
        add("ended", value("ended"), quoted: false)
        let areas = PartnershipTable.list(value("areas"))
        if !areas.isEmpty { lines.append("areas: [\(areas.joined(separator: ", "))]") }
        add("purpose", value("purpose"))
        add("agreement", agreement, quoted: false)
        add("association", value("association"))
        for key in ["council_decision", "ministry_approval"] {
            let date = value("\(key)_date"), number = value("\(key)_number")
            guard !date.isEmpty || !number.isEmpty else { continue }
            let fields = [date.isEmpty ? nil : "date: \(date)", number.isEmpty ? nil : "number: \(Scaffold.yamlQuoted(number))"].compactMap { $0 }
            lines.append("\(key): { \(fields.joined(separator: ", ")) }")
        }
        add("protocol", value("protocol"))
        let links = PartnershipTable.list(value("links"))
        if !links.isEmpty { lines.append("links: [\(links.map(Scaffold.yamlQuoted).joined(separator: ", "))]") }
        lines += ["---", ""]
        let key = cities.map { "\($0.country.pathComponent)/\(Slug.make(from: $0.name))" }.sorted().joined(separator: "+") + "@" + model
        return Entry(row: row, slug: slug, text: lines.joined(separator: "\n"), key: key, cities: cities)
    }

    /// A date as spreadsheets in Turkish and other European locales write it (`11.10.2002`, `11/10/2002`, day first)
    /// in the ISO form kardes uses (`2002-10-11`); other text as it is.
    static func isoDate(_ text: String) -> String {
        let parts = text.split(whereSeparator: { $0 == "." || $0 == "/" })
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return text }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `41.01,28.97`, also with decimal commas (`41,01,28,97`) or a space or semicolon between the two numbers.
    static func coordinates(_ text: String) -> [Double] {
        let pieces = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
        let numbers: [String]
        switch pieces.count {
        case 2: numbers = pieces
        case 4: numbers = ["\(pieces[0]).\(pieces[1])", "\(pieces[2]).\(pieces[3])"]
        default: return []
        }
        return numbers.compactMap { Double($0.replacingOccurrences(of: ",", with: ".")) }
    }

    /// The partnerships and city files a site has: file names, and cities + model of each.
    func existingPartnerships() -> (slugs: [String: String], keys: [String: String], cityFiles: Set<String>) {
        var slugs: [String: String] = [:], keys: [String: String] = [:]
        var cityFiles: Set<String> = []
        let content = root.appendingPathComponent("content")
        guard let enumerator = FileManager.default.enumerator(atPath: content.path) else { return ([:], [:], []) }
        for case let path as String in enumerator where path.hasSuffix(".md") {
            let full = "content/\(path)"
            if path.hasPrefix("cities/") { cityFiles.insert(full) }
            guard path.hasPrefix("partnerships/"), let data = FileManager.default.contents(atPath: content.appendingPathComponent(path).path),
                let text = String(data: data, encoding: .utf8)
            else { continue }
            let name = (path as NSString).lastPathComponent
            slugs[String(name.dropLast(3))] = full
            if let partnership = PartnershipFile.parse(text, path: full).entry {
                let cities = partnership.cities.compactMap { reference -> String? in
                    switch reference.parse() {
                    case .success(.name(let name, let country)): return "\(country.pathComponent)/\(Slug.make(from: name))"
                    case .success(.id(let id)): return id.description
                    case .failure: return nil
                    }
                }
                keys[cities.sorted().joined(separator: "+") + "@" + partnership.model.value] = full
            }
        }
        return (slugs, keys, cityFiles)
    }
}
