import Foundation

/// An ISO 3166-1 alpha-2 country code, upper-case (`TR`), checked against the platform's region list.
public struct CountryCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The upper-case code.
    public let code: String

    /// All two-letter region codes the platform knows, computed once.
    public static let known: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 })

    /// A code from `text` in any case; nil unless it is a region code the platform knows.
    public init?(_ text: String) {
        let upper = text.trimmingWhitespace().uppercased()
        guard upper.count == 2, Self.known.contains(upper) else { return nil }
        self.code = upper
    }

    /// The lower-case form used in paths (`tr`).
    public var pathComponent: String { code.lowercased() }

    public var description: String { code }

    public static func < (a: Self, b: Self) -> Bool { a.code < b.code }

    /// The country's name in `language` from the platform's locale data, or the code when it has none.
    public func name(in language: String) -> String {
        Locale(identifier: language).localizedString(forRegionCode: code) ?? code
    }
}

extension CountryCode {
    /// A code for text that is a country's name or a common wrong code (`UK`, `Turkey`, `Almanya`).
    public static func suggestion(for text: String) -> String? {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en"))
        let commonMistakes = ["uk": "GB", "el": "GR", "en": "GB"]
        if let code = commonMistakes[folded] { return code }
        for language in ["en", "tr", "de", "fr"] {
            let locale = Locale(identifier: language)
            for code in known.sorted() {
                let name = locale.localizedString(forRegionCode: code) ?? ""
                if name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: locale) == folded { return code }
            }
        }
        return nil
    }
}
