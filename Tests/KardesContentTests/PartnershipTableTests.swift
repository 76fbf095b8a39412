import Foundation
import KardesContent
import Testing

/// The fields of every record, for compact expectations.
private func fields(_ text: String) throws -> [[String]] { try CSV.read(text).map(\.fields) }

/// The syntax error `text` gives as "line:column problem", or nil when it reads.
private func syntaxError(_ text: String) -> String? {
    do {
        _ = try CSV.read(text)
        return nil
    } catch {
        return "\(error.line):\(error.column) \(error.problem)"
    }
}

/// Each record as its line and fields.
private func lines(_ text: String) throws -> [Int] { try CSV.read(text).map(\.line) }

@Suite("CSV reading")
struct CSVReadingTests {
    @Test("plain comma-separated records read field by field, with the line each starts on")
    func plain() throws {
        let text = "slug,model\nuskudar-uskup,sister-city\n"
        #expect(try fields(text) == [["slug", "model"], ["uskudar-uskup", "sister-city"]])
        #expect(try lines(text) == [1, 2])
    }

    @Test("a quoted field may hold the separator, a doubled quote, and line breaks")
    func quotedFields() throws {
        let text = "a,b,c\n\"İstanbul, TR | Houston, US\",\"the \"\"first\"\" one\",\"line one\nline two\"\n"
        #expect(try fields(text) == [["a", "b", "c"], ["İstanbul, TR | Houston, US", "the \"first\" one", "line one\nline two"]])
    }

    @Test("a record after a quoted line break starts on the line the reader has reached")
    func lineAfterQuotedBreak() throws {
        let records = try CSV.read("a,b\n\"one\ntwo\nthree\",x\nlast,y\n")
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test("spaces at the edges of a field are kept, quoted or not")
    func edgeSpaces() throws {
        #expect(try fields("a,b\n  padded ,\" quoted \"\n") == [["a", "b"], ["  padded ", " quoted "]])
    }

    @Test("empty fields, an empty quoted field and a missing trailing newline")
    func emptyFields() throws {
        #expect(try fields("a,b,c\n,,\n\"\",x,") == [["a", "b", "c"], ["", "", ""], ["", "x", ""]])
    }

    @Test("blank lines between records are skipped")
    func blankLines() throws {
        #expect(try fields("a,b\n\n1,2\n\n") == [["a", "b"], ["1", "2"]])
        #expect(try lines("a,b\n\n1,2\n\n") == [1, 3])
    }

    @Test("a leading byte order mark is dropped, so the first column keeps its name")
    func byteOrderMark() throws {
        let records = try CSV.read("\u{FEFF}slug,model\nx,sister-city\n")
        #expect(records.first?.fields == ["slug", "model"])
        #expect(records.first?.line == 1)
    }

    @Test("CRLF, LF and lone CR line ends read alike", arguments: ["\r\n", "\n", "\r"])
    func lineEnds(end: String) throws {
        let records = try CSV.read(["slug,model", "a,sister-city", "b,municipal-cooperation"].joined(separator: end) + end)
        #expect(records.map(\.fields) == [["slug", "model"], ["a", "sister-city"], ["b", "municipal-cooperation"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("a CRLF inside quotes stays in the field and counts as one line")
    func quotedCRLF() throws {
        let records = try CSV.read("a,b\r\n\"x\r\ny\",z\r\nnext,row\r\n")
        #expect(records.map(\.fields) == [["a", "b"], ["x\r\ny", "z"], ["next", "row"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("a semicolon-separated file (Turkish spreadsheets) is read with semicolons; commas stay inside fields")
    func semicolons() throws {
        let text = "\u{FEFF}slug;cities;coordinates\r\nuskudar-uskup;Üsküdar, TR | Skopje, MK;41.02,29.02 | 42,21.43\r\n"
        #expect(try fields(text) == [["slug", "cities", "coordinates"], ["uskudar-uskup", "Üsküdar, TR | Skopje, MK", "41.02,29.02 | 42,21.43"]])
    }

    @Test("the separator is the one of ';' and ',' the first line uses more often outside quotes")
    func separatorDetection() {
        #expect(CSV.separator(of: "a;b;c\n1,2,3,4,5") == ";")
        #expect(CSV.separator(of: "a,b,c\n1;2;3;4;5") == ",")
        #expect(CSV.separator(of: "\"x;y;z;w\",b,c\n") == ",")
        #expect(CSV.separator(of: "\"x,y,z,w\";b;c\n") == ";")
        #expect(CSV.separator(of: "single") == ",")
    }

    @Test("a quote that is never closed is reported at the line and column of the opening quote")
    func unclosedQuote() {
        let error = syntaxError("slug,title\nok,fine\nbad,\"Üsküdar – Üsküp\nmore text\n")
        #expect(error == "3:5 a quote that is never closed")
    }

    @Test("an unclosed quote after Turkish letters is placed by characters, not bytes")
    func unclosedQuoteColumnInCharacters() {
        #expect(syntaxError("şğü,\"x\n") == "1:5 a quote that is never closed")
    }

    @Test("text right after a closing quote is reported where that text starts")
    func textAfterClosingQuote() {
        let error = syntaxError("a,b\n\"İzmir\" TR,x\n")
        #expect(error == "2:8 text after a closing quote")
    }

    @Test("text after a closing quote on a later line of a multi-line field is placed on that line")
    func textAfterClosingQuoteOnLaterLine() {
        let error = syntaxError("a,b\n\"one\ntwo\"x,y\n")
        #expect(error == "3:5 text after a closing quote")
    }

    @Test("a quote inside an unquoted field is kept as it is")
    func quoteInsideUnquotedField() throws {
        #expect(try fields("a,b\n12\" screen,x\n") == [["a", "b"], ["12\" screen", "x"]])
    }
}

@Suite("CSV writing")
struct CSVWritingTests {
    @Test("records are separated by CRLF, and only fields that need it are quoted")
    func quotingOnlyWhenNeeded() {
        let text = CSV.write([["plain", "a,b", "say \"hi\"", "two\nlines", " edge", "edge ", "İzmir; TR"]])
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" edge\",\"edge \",İzmir; TR\r\n")
    }

    @Test("with ';' as the separator, semicolons are quoted and commas are not")
    func semicolonSeparator() {
        #expect(CSV.write([["İzmir, TR", "a;b"]], separator: ";") == "İzmir, TR;\"a;b\"\r\n")
    }

    static let tricky: [[String]] = [
        PartnershipTable.columns,
        ["üsküdar-üsküp", "Üsküdar – Üsküp", "Üsküdar, TR | Üsküp, MK", "TR | MK", "41.02,29.02 | 42,21.43"],
        ["ığüşöç", "IĞÜŞÖÇİ ıi", "a;b;c", "\"quoted\"", "\"", "\"\"", "x\"y"],
        ["line\nbreak", "crlf\r\nbreak", "\nstarts", "ends\n", "", " ", "  two  "],
        ["Córdoba, Nariño, CO | Москва, RU | 東京, JP", "tab\there", "comma,", ",comma", ";", ","],
        ["", ""],
    ]

    @Test("write then read gives back every tricky field: Turkish letters, separators, quotes, line breaks, edge spaces")
    func roundTrip() throws {
        #expect(try fields(CSV.write(Self.tricky)) == Self.tricky)
    }

    @Test("write then read with semicolons gives back the same fields")
    func roundTripSemicolons() throws {
        // The first line must have more semicolons than commas for the reader to pick ';'.
        let rows = [["a", "b", "c"]] + Self.tricky.dropFirst()
        #expect(try fields(CSV.write(rows, separator: ";")) == rows)
    }

    @Test("a written table read back after a byte order mark is added (as spreadsheets save it) is unchanged")
    func roundTripWithBOM() throws {
        #expect(try fields("\u{FEFF}" + CSV.write(Self.tricky)) == Self.tricky)
    }
}

@Suite("Partnership table cells")
struct PartnershipTableCellTests {
    @Test("list cells split at '|' and drop spaces around items and empty items")
    func lists() {
        #expect(PartnershipTable.list("İstanbul, TR | Houston, US") == ["İstanbul, TR", "Houston, US"])
        #expect(PartnershipTable.list(" culture|education |  | heritage ") == ["culture", "education", "heritage"])
        #expect(PartnershipTable.list("") == [])
    }

    @Test("a list cell joined with ' | ' splits back into the same items")
    func listRoundTrip() {
        let items = ["Üsküdar, TR", "Córdoba, Nariño, CO", "Skopje, MK"]
        #expect(PartnershipTable.list(PartnershipTable.cell(items)) == items)
    }

    @Test("the columns are the export's, and the required ones are among them")
    func columns() {
        #expect(PartnershipTable.columns.first == "slug")
        #expect(PartnershipTable.columns.last == "url")
        #expect(Set(PartnershipTable.columns).count == PartnershipTable.columns.count)
        #expect(PartnershipTable.required.allSatisfy(PartnershipTable.columns.contains))
        #expect(PartnershipTable.derived.allSatisfy(PartnershipTable.columns.contains))
    }
}
