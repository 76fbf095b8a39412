import Foundation
import KardesModel
import Testing

@Suite("Whitespace trimming")
struct TrimmingTests {
    /// Strings whose ends are visible ASCII (the shortcut), every kind of Unicode space and line break at either end
    /// (left to Foundation), and the edge cases in between.
    static let samples: [String] = [
        "", " ", "\t", "\n", "\r\n", " \n ", "a", " a", "a ", "\ta\t", "\na\n", "\r\na\r\n", "İstanbul", " İstanbul ",
        "Şanlıurfa, TR", "Köln, DE ", "\u{00A0}Berlin\u{00A0}", "\u{2003}Paris\u{3000}", "\u{2028}Lyon\u{2029}", "\u{0085}Rome\u{0085}",
        "\u{000B}Oslo\u{000C}", "\u{200B}Riga\u{200B}", "\u{FEFF}Kyiv", "東京", " 東京 ", "e\u{0301}", "x\u{0301}", "\u{0301}x",
        "~tilde~", "!", "!!", "a b", "a\u{00A0}b", "tr/istanbul", " tr/istanbul\t", "\u{1680}Cairo\u{202F}", "\u{205F}Lagos\u{180E}",
        // Blanks at the ends in front of visible ASCII, combining marks and other letters.
        " DE", "DE\t ", "  ", " \t\n ", "\n\nKöln, DE\n", " \u{0301}x", "x \u{0301}", "a\u{0301} ", " a\u{0301}b ", " \u{00A0}x",
        "\t x \u{00A0}", " ş ", " İ", "\r\nx\u{000B}", " \u{000B}x", "\u{000C} x \r",
    ]

    @Test("gives Foundation's answer for .whitespaces", arguments: samples)
    func whitespaces(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        let sub = Substring(text)
        #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespaces))
    }

    @Test("gives Foundation's answer for .whitespacesAndNewlines", arguments: samples)
    func whitespacesAndNewlines(text: String) {
        #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        let sub = Substring(text)
        #expect(sub.trimmingWhitespaceAndNewlines() == sub.trimmingCharacters(in: .whitespacesAndNewlines))
        // A slice that does not start at its string's start.
        let inner = ("é" + text + "é").dropFirst().dropLast()
        #expect(inner.trimmingWhitespace() == inner.trimmingCharacters(in: .whitespaces))
        #expect(inner.trimmingWhitespaceAndNewlines() == inner.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("agrees with Foundation on every scalar of the first two planes and the tags at either end")
    func everyScalar() {
        var disagreements: [String] = []
        for value in Array(UInt32(0)...0x1FFFF) + Array(0xE0000...0xE01EF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)x \(scalar)"
            if text.trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces)
                || text.trimmingWhitespaceAndNewlines() != text.trimmingCharacters(in: .whitespacesAndNewlines)
            {
                disagreements.append(String(value, radix: 16))
            }
        }
        #expect(disagreements.isEmpty, "U+\(disagreements.prefix(20).joined(separator: ", U+"))")
    }

    @Test("trims what there is to trim")
    func trims() {
        #expect(" Köln, DE\t".trimmingWhitespace() == "Köln, DE")
        #expect("\n Köln \n".trimmingWhitespace() == "\n Köln \n")
        #expect("\n Köln \n".trimmingWhitespaceAndNewlines() == "Köln")
    }
}
