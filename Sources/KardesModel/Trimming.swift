import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, without the trip through `NSString` when there is nothing to trim.
    ///
    /// On Linux, Foundation's trimming bridges every string to an `NSString`; for the tens of thousands of names,
    /// codes and front matter values a site holds, most of which start and end with a letter or digit, that was
    /// about 2 % of a build. When the first and last scalars are ASCII and not whitespace, Foundation would trim
    /// nothing, so the string is returned as it is; anything else is left to Foundation, which gives the answer.
    public func trimmingWhitespace() -> String {
        if Self.endsAreVisibleASCII(self) { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, with the same shortcut as ``trimmingWhitespace()``.
    public func trimmingWhitespaceAndNewlines() -> String {
        if Self.endsAreVisibleASCII(self) { return String(self) }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `text` is not empty and its first and last scalars are visible ASCII (0x21…0x7E), which neither
    /// character set holds. Tab, the line breaks and all other scalars are left to Foundation.
    private static func endsAreVisibleASCII(_ text: Self) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        return (0x21...0x7E).contains(first.value) && (0x21...0x7E).contains(last.value)
    }
}
