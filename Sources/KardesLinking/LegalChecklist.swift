import KardesModel

/// The paperwork Turkish law asks of a sister-city relation: Municipal Law 5393 art. 18 (the council decides) and
/// art. 74 (prior permission of the Ministry of the Interior), with circular 2005/36 on what the application holds.
public enum LegalChecklist {
    /// One document or statement the application needs.
    public struct Item: Hashable, Sendable {
        /// The front-matter key that records it (`council_decision`).
        public let key: String
        /// Whether the partnership's file has it.
        public let onFile: Bool
        /// What is recorded (`2001-05-10 · 2001/123`), when on file.
        public let detail: String?
        /// The provision that asks for it.
        public let basis: String
    }

    /// The model the checklist applies to.
    public static let model = "sister-city"

    /// Whether a partnership falls under the checklist: a sister-city relation with a city in Türkiye that has not ended.
    public static func applies(to partnership: Partnership, cities: [City.ID]) -> Bool {
        partnership.model.value == model && partnership.status != .ended && cities.contains { $0.country.code == "TR" }
    }

    /// The checklist of a partnership, or nil when it does not apply.
    public static func items(for partnership: Partnership, cities: [City.ID]) -> [Item]? {
        guard applies(to: partnership, cities: cities) else { return nil }
        func decision(_ value: Partnership.Decision?) -> String? {
            guard let value else { return nil }
            let text = [value.date?.description, value.number].compactMap { $0 }.joined(separator: " · ")
            return text.isEmpty ? "✓" : text
        }
        return [
            Item(
                key: "council_decision", onFile: partnership.councilDecision != nil, detail: decision(partnership.councilDecision),
                basis: "Law 5393 art. 18"),
            Item(
                key: "ministry_approval", onFile: partnership.ministryApproval != nil, detail: decision(partnership.ministryApproval),
                basis: "Law 5393 art. 74; circular 2005/36"),
            Item(
                key: "areas", onFile: !partnership.areas.isEmpty,
                detail: partnership.areas.isEmpty ? nil : partnership.areas.map(\.value).joined(separator: ", "), basis: "circular 2005/36"),
            Item(key: "purpose", onFile: partnership.purpose != nil, detail: partnership.purpose, basis: "circular 2005/36"),
            Item(key: "protocol", onFile: partnership.protocolURL != nil, detail: partnership.protocolURL, basis: "circular 2005/36"),
        ]
    }
}
