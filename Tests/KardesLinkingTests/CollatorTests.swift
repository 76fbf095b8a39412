import Foundation
import Testing

@testable import KardesLinking

/// The collator asks CoreFoundation directly, with its locale made once; it must answer exactly as
/// `String.compare(_:options: .caseInsensitive, range: nil, locale:)` does, or the site's orders would change.
@Suite("Collator")
struct CollatorTests {
    static let names = [
        "İstanbul", "Istanbul", "ıspir", "Izmir", "İzmir", "Çanakkale", "Canakkale", "Şanlıurfa", "Sanliurfa", "Ödemiş", "Ordu",
        "Üsküdar", "Uşak", "Ağrı", "Grosseto", "Groß-Gerau", "Großenhain", "Grosse Pointe", "Groß Umstadt", "Köln", "Koeln",
        "Zürich", "Łódź", "Lodz", "Ōta", "Ota", "Москва", "Київ", "Αθήνα", "東京", "서울", "القاهرة", "Saint-Étienne",
        "St. Gallen", "São Paulo", "Sao Paulo", "A Coruña", "a coruña", "l'Hospitalet", "10 Downing", "2nd Town", "", " ",
        "Ærø", "Aero", "Ñuñoa", "Nunoa", "Ørsta", "Åre", "Are", "Dziękuję", "ǅemal", "ﬁnland", "finland",
    ]

    @Test("orders every pair of names as String.compare with the locale does", arguments: ["tr", "en", "de", "az", "da"])
    func sameAsFoundation(language: String) {
        let collator = Collator(language: language)
        let locale = Locale(identifier: language)
        let keys = Self.names.map(collator.key)
        for (a, keyA) in zip(Self.names, keys) {
            for (b, keyB) in zip(Self.names, keys) {
                let foundation = a.compare(b, options: [.caseInsensitive], range: nil, locale: locale)
                let expected = foundation == .orderedSame ? "x" < "y" : foundation == .orderedAscending
                #expect(collator.ascending(keyA, keyB, "x", "y") == expected, "\(language): '\(a)' against '\(b)'")
            }
        }
    }
}
