import KardesModel

/// The partnerships as a table: the columns of the `data/partnerships.csv` export, which `kardes import` reads back.
///
/// One row per partnership. Lists inside a cell (cities, areas, links, coordinates) are separated by ` | `;
/// coordinates are `latitude,longitude` per city, in the order of `cities`, empty for a city without them.
public enum PartnershipTable {
    /// The columns, in order. Documented in docs/data.md.
    public static let columns = [
        "slug", "title", "cities", "countries", "coordinates", "model", "status", "established", "ended", "areas", "purpose",
        "agreement", "association", "council_decision_date", "council_decision_number", "ministry_approval_date",
        "ministry_approval_number", "protocol", "links", "url",
    ]

    /// Columns an import cannot do without.
    public static let required = ["cities", "model"]

    /// Columns an import reads but does not need (`countries` and `url` are derived).
    public static let derived: Set<String> = ["countries", "url"]

    /// The separator of list items inside a cell.
    public static let listSeparator = " | "

    /// Splits a list cell.
    public static func list(_ cell: String) -> [String] {
        cell.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Joins a list cell.
    public static func cell(_ items: [String]) -> String { items.joined(separator: listSeparator) }
}

// MARK: - CSV

/// RFC 4180 CSV: comma or semicolon separated, fields quoted when they need it, CRLF between records.
public enum CSV {
    /// One record as read, with the line it starts on.
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// A problem in the CSV syntax itself.
    public struct SyntaxError: Error, Sendable, Equatable {
        public let line: Int
        public let column: Int
        public let problem: String
    }

    /// Writes records with `,` and CRLF, quoting fields that hold a separator, a quote, a line break or edge spaces.
    public static func write(_ rows: [[String]], separator: Character = ",") -> String {
        // Into bytes, each field's copied whole: a string grown a field and a separator at a time spent longer on the
        // growing than on the fields (a table of every partnership has hundreds of thousands).
        var bytes: [UInt8] = []
        let separatorBytes = Array(String(separator).utf8)
        for row in rows {
            for (index, field) in row.enumerated() {
                if index > 0 { bytes.append(contentsOf: separatorBytes) }
                bytes.append(contentsOf: quote(field, separator: separator).utf8)
            }
            bytes.append(0x0D)
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func quote(_ field: String, separator: Character) -> String {
        // Most fields hold none of the bytes that could need quotes: one pass over the UTF-8 says so, where the
        // character-by-character checks below take several.
        if let byte = separator.asciiValue, field.utf8.first != 0x20, field.utf8.last != 0x20,
            !field.utf8.contains(where: { $0 == byte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return field
        }
        let needsQuotes = field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.first == " " || field.last == " "
        return needsQuotes ? "\"" + field.replacingAll("\"", with: "\"\"") + "\"" : field
    }

    /// The separator a file uses: the one of `;` and `,` that occurs more often outside quotes in its first line
    /// (spreadsheets in Turkish locales write semicolons).
    public static func separator(of text: Substring) -> Character {
        var commas = 0, semicolons = 0, quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if quoted { continue }
            if character == "\n" || character == "\r\n" { break }
            if character == "," { commas += 1 } else if character == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Reads every record of `text` (a leading byte order mark is dropped).
    /// - Throws: `SyntaxError` for a quote that is never closed or text right after a closing quote.
    public static func read(_ text: String) throws(SyntaxError) -> [Record] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let separator = separator(of: body)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, column = 1, recordLine = 1
        var quoted = false, wasQuoted = false, quoteLine = 1, quoteColumn = 1
        var index = body.startIndex
        func endField() {
            fields.append(field)
            field = ""
            wasQuoted = false
        }
        while index < body.endIndex {
            let character = body[index]
            let next = body.index(after: index)
            if quoted {
                if character == "\"" {
                    if next < body.endIndex, body[next] == "\"" {
                        field.append("\"")
                        index = body.index(after: next)
                        column += 2
                        continue
                    }
                    quoted = false
                    wasQuoted = true
                } else {
                    field.append(character)
                    if character == "\n" || character == "\r\n" {
                        line += 1
                        column = 0
                    }
                }
            } else if character == separator {
                endField()
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
                fields = []
                line += 1
                column = 0
                recordLine = line
            } else if character == "\"" && field.isEmpty && !wasQuoted {
                quoted = true
                quoteLine = line
                quoteColumn = column
            } else if wasQuoted {
                throw SyntaxError(line: line, column: column, problem: "text after a closing quote")
            } else {
                field.append(character)
            }
            column += 1
            index = next
        }
        if quoted { throw SyntaxError(line: quoteLine, column: quoteColumn, problem: "a quote that is never closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
