import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, without the trip through `NSString` when there is nothing to trim.
    ///
    /// On Linux, Foundation's trimming bridges every string to an `NSString`; for the tens of thousands of names,
    /// codes and front matter values a site holds, most of which start and end with a letter or digit, that was
    /// about 2 % of a build. When the first and last scalars are not white space, Foundation would trim nothing, so
    /// the string is returned as it is; anything else is left to Foundation, which gives the answer.
    public func trimmingWhitespace() -> String {
        if let trimmed = Self.trimmedASCII(self, newlines: false) { return trimmed }
        return trimmingCharacters(in: .whitespaces)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, with the same shortcut as ``trimmingWhitespace()``.
    public func trimmingWhitespaceAndNewlines() -> String {
        if let trimmed = Self.trimmedASCII(self, newlines: true) { return trimmed }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` without the spaces and tabs (and with `newlines`, the line breaks U+000A…U+000D) at its ends, when what
    /// is left is empty or starts and ends with a scalar that is not white space in Unicode (`White_Space`: a letter,
    /// digit, mark or symbol of any script) nor the zero-width space. Foundation's sets hold every scalar removed
    /// here, and no scalar but those (its spaces are category Zs, the tab, U+200B and line breaks), so it would
    /// return the same, as a test checks for every scalar of the BMP; any other end (a no-break space, a line
    /// separator) returns nil and is left to Foundation.
    private static func trimmedASCII(_ text: Self, newlines: Bool) -> String? {
        let scalars = text.unicodeScalars
        @inline(__always) func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (newlines && (0x0A...0x0D).contains(scalar.value))
        }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        while start < end, isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == end { return "" }
        let first = scalars[start], last = scalars[scalars.index(before: end)]
        // Foundation also counts the zero-width space (U+200B, once of category Zs) as white space.
        @inline(__always) func mayBeTrimmed(_ scalar: Unicode.Scalar) -> Bool {
            // Visible ASCII, the common case, without looking the scalar's properties up.
            if scalar.value < 0x80 { return !(0x21...0x7E).contains(scalar.value) }
            return scalar.properties.isWhitespace || scalar == "\u{200B}"
        }
        guard !mayBeTrimmed(first) && !mayBeTrimmed(last) else { return nil }
        if start == scalars.startIndex && end == scalars.endIndex { return String(text) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
