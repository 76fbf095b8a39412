import Foundation
import KardesContent

/// A table of partnerships as a municipality's spreadsheet would save it: every column of the export, semicolons,
/// a byte order mark, CRLF, Turkish letters, quotes and semicolons inside cells.
struct Spreadsheet {
    /// Turkish municipalities; every second one has coordinates.
    static let turkish: [(name: String, coordinates: String?)] = [
        ("Üsküdar", "41.02,29.02"), ("Şişli", nil), ("Çankaya", "39.92,32.85"), ("Gölbaşı", nil), ("İnegöl", "40.08,29.51"),
        ("Ağrı", nil), ("Muğla", "37.21,28.36"), ("Eskişehir", nil), ("Kadıköy", "40.99,29.03"), ("Beşiktaş", nil),
        ("Çorlu", "41.16,27.8"), ("Ödemiş", nil), ("Ünye", "41.13,37.29"), ("Iğdır", nil), ("Şanlıurfa", "37.16,38.79"),
        ("Göreme", nil), ("Kuşadası", "37.86,27.26"), ("Çeşme", nil), ("Bodrum", "37.03,27.43"), ("Düzce", nil),
    ]

    /// Partner cities abroad, as references.
    static let foreign = [
        "Skopje, MK", "Köln, DE", "Saint-Étienne, FR", "Kraków, PL", "Łódź, PL", "São Paulo, BR", "Zürich, CH", "Malmö, SE",
        "Ålesund, NO", "Córdoba, Nariño, CO", "Houston, US", "Baku, AZ", "Sarajevo, BA", "Tiranë, AL", "Plovdiv, BG",
    ]

    static let models = ["sister-city", "municipal-cooperation", "decentralised-cooperation"]

    /// The rows, each a value per column name; `count` up to 300 distinct pairs of cities.
    var rows: [[String: String]]

    init(count: Int = 300) {
        rows = (0..<count).map(Self.row)
    }

    static func row(_ index: Int) -> [String: String] {
        let turkish = Self.turkish[index % Self.turkish.count]
        let foreign = Self.foreign[(index / Self.turkish.count) % Self.foreign.count]
        let foreignName = String(foreign[..<foreign.lastIndex(of: ",")!])
        var row: [String: String] = [
            "cities": "\(turkish.name), TR | \(foreign)",
            "countries": "TR | \(foreign.suffix(2))",
            "model": models[index % models.count],
            "areas": index % 2 == 0 ? "culture | education" : "economy",
            "purpose": "Kültür; eğitim ve \"dostluk\" – \(index)",
        ]
        if index % 2 == 0 { row["slug"] = "kardes-\(index)" }
        if let coordinates = turkish.coordinates { row["coordinates"] = "\(coordinates) | -" }
        if index % 7 == 0 { row["title"] = "\(turkish.name) ile \(foreignName) \"dostluğu\"" }
        switch index % 4 {
        case 0:
            row["status"] = "active"
            row["established"] = "\(1990 + index % 30)"
        case 1:
            row["status"] = "dormant"
            row["established"] = "\(1980 + index % 30)-0\(1 + index % 9)"
        case 2:
            row["status"] = "ended"
            row["established"] = "1985-06-15"
            row["ended"] = "1995"
        default:
            row["status"] = "proposed"
        }
        if index % 5 == 0 {
            row["council_decision_date"] = "2001-05-10"
            row["council_decision_number"] = "2001/\(index)"
        }
        if index % 3 == 0 { row["agreement"] = "twinning" }
        if index % 11 == 0 { row["association"] = "\(turkish.name)–\(foreignName) Dostluk Derneği; İstanbul şubesi" }
        if index % 13 == 0 { row["protocol"] = "https://example.org/protokol-\(index).pdf" }
        if index % 17 == 0 { row["links"] = "https://example.org/a-\(index) | https://example.org/b-\(index)" }
        return row
    }

    /// The slug the file of row `index` (0-based) gets.
    static func slug(_ index: Int) -> String {
        if index % 2 == 0 { return "kardes-\(index)" }
        return row(index)["cities"]!.split(separator: "|").map { reference in
            let name = reference[..<reference.lastIndex(of: ",")!].trimmingCharacters(in: .whitespaces)
            return slugs[name]!
        }.joined(separator: "-")
    }

    /// The slugs of every city name above, as `Slug.make` gives them.
    static let slugs: [String: String] = [
        "Üsküdar": "uskudar", "Şişli": "sisli", "Çankaya": "cankaya", "Gölbaşı": "golbasi", "İnegöl": "inegol", "Ağrı": "agri",
        "Muğla": "mugla", "Eskişehir": "eskisehir", "Kadıköy": "kadikoy", "Beşiktaş": "besiktas", "Çorlu": "corlu", "Ödemiş": "odemis",
        "Ünye": "unye", "Iğdır": "igdir", "Şanlıurfa": "sanliurfa", "Göreme": "goreme", "Kuşadası": "kusadasi", "Çeşme": "cesme",
        "Bodrum": "bodrum", "Düzce": "duzce", "Skopje": "skopje", "Köln": "koln", "Saint-Étienne": "saint-etienne", "Kraków": "krakow",
        "Łódź": "lodz", "São Paulo": "sao-paulo", "Zürich": "zurich", "Malmö": "malmo", "Ålesund": "alesund",
        "Córdoba, Nariño": "cordoba-narino", "Houston": "houston", "Baku": "baku", "Sarajevo": "sarajevo", "Tiranë": "tirane",
        "Plovdiv": "plovdiv",
    ]

    /// The city files an import writes: one per Turkish city with coordinates.
    static var cityFiles: [String] {
        turkish.filter { $0.coordinates != nil }.map { "content/cities/tr/\(slugs[$0.name]!).md" }.sorted()
    }

    /// The 1-based CSV column of `name`.
    static func column(_ name: String) -> Int { PartnershipTable.columns.firstIndex(of: name)! + 1 }

    /// The file line of data row `index` (0-based): the header is line 1.
    static func line(_ index: Int) -> Int { index + 2 }

    /// The file's bytes: a byte order mark, semicolons, CRLF.
    func data(separator: Character = ";", byteOrderMark: Bool = true) -> Data {
        let table = [PartnershipTable.columns] + rows.map { row in PartnershipTable.columns.map { row[$0] ?? "" } }
        return Data(((byteOrderMark ? "\u{FEFF}" : "") + CSV.write(table, separator: separator)).utf8)
    }
}
