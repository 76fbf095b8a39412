import Foundation
import KardesLinking
import KardesModel
import Testing

@testable import KardesRendering

/// Foundation's JSON, the reference `JSONBytes` must match byte for byte.
enum FoundationJSON {
    /// `JSONEncoder` as the data exports used it.
    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `JSONSerialization` as the city page's JSON-LD used it.
    static func serialized(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static let strings: [String] = {
        var every = ""
        for value in 0..<0x80 { every.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        return [
            "", every, "\"", "\\", "/", "</script>", "a/b\\c\"d", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}\u{2029}",
            "😀👨‍👩‍👧", "İstanbul Şanlıurfa Iğdır Üsküdar Çanakkale Göreme", "e\u{301}", "\r\n", "\t\u{8}\u{C}", "Ar Rifā‘", "თბილისი",
            "https://www.wikidata.org/wiki/Q406", "\u{FEFF}", "\u{FFFD}", "\u{10FFFF}", String(repeating: "ab/\n", count: 300),
        ]
    }()

    static let doubles: [Double] = {
        var values: [Double] = [
            0, -0.0, 1, -1, 41, 41.01, -8.611, 0.1, 0.2, 0.30000000000000004, 1e-7, 1e-5, 1e-4, 0.001, 1e15, 1e16, 1e21, 1e22, 1e-300,
            123456789.125, 26.13, 50.555, 90, -90, 180, -180, 1.2345678901234567e19, 2.5e-8, .leastNonzeroMagnitude, 2.2250738585072014e-308,
            1.7976931348623157e308, 9007199254740992, 9007199254740994, 0.5, 1.5, 100, 1234567.0, 999999999999999.9,
        ]
        // Coordinates as content writes them: up to six decimals.
        for places in 0...6 {
            let scale = pow(10, Double(places))
            values += [41.0082, 28.9784, -33.8688, 151.2093, -0.1276, 51.5072].map { ($0 * scale).rounded() / scale }
        }
        // Bit patterns across every magnitude (SplitMix64, fixed seed: the same values every run).
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let value = Double(bitPattern: z)
            if value.isFinite { values.append(value) }
        }
        return values
    }()
}

@Suite("JSON bytes")
struct JSONBytesTests {
    @Test("strings are escaped as JSONEncoder escapes them without escaping slashes", arguments: FoundationJSON.strings)
    func stringsLikeEncoder(_ text: String) throws {
        var json = JSONBytes(escapesSlashes: false)
        json.array { $0.string(text) }
        #expect(String(decoding: json.bytes, as: UTF8.self) == (try FoundationJSON.encoded([text])))
    }

    @Test("strings are escaped as JSONSerialization escapes them, slashes included", arguments: FoundationJSON.strings)
    func stringsLikeSerialization(_ text: String) throws {
        var json = JSONBytes(escapesSlashes: true)
        json.array { $0.string(text) }
        #expect(String(decoding: json.bytes, as: UTF8.self) == (try FoundationJSON.serialized([text])))
    }

    @Test("doubles are written as both Foundation serialisers write them")
    func doubles() throws {
        for value in FoundationJSON.doubles + FoundationJSON.doubles.map(-) {
            var json = JSONBytes(escapesSlashes: false)
            json.array { $0.number(value) }
            let bytes = String(decoding: json.bytes, as: UTF8.self)
            #expect(bytes == (try FoundationJSON.encoded([value])), "\(value)")
            #expect(bytes == (try FoundationJSON.serialized([value])), "\(value)")
        }
    }

    @Test("integers are written as both Foundation serialisers write them")
    func integers() throws {
        let values = [0, 1, -1, 9, 10, 42, -42, 10_000, Int(Int32.max), Int.max, Int.min]
        var json = JSONBytes(escapesSlashes: false)
        json.array { json in for value in values { json.number(value) } }
        #expect(String(decoding: json.bytes, as: UTF8.self) == (try FoundationJSON.encoded(values)))
        #expect(String(decoding: json.bytes, as: UTF8.self) == (try FoundationJSON.serialized(values)))
    }

    @Test("a NaN or infinity makes the value invalid, as Foundation refuses it", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(_ value: Double) {
        var json = JSONBytes(escapesSlashes: false)
        json.object { $0.field("latitude", value) }
        #expect(!json.isValid)
        #expect((try? FoundationJSON.encoded([value])) == nil)
        #expect((try? FoundationJSON.serialized([value])) == nil)
    }

    @Test("empty and nested objects and arrays get commas only between members")
    func structure() throws {
        var json = JSONBytes(escapesSlashes: false)
        json.object { json in
            json.field("a", [String]())
            json.key("b")
            json.object { _ in }
            json.key("c")
            json.array { json in
                json.array { _ in }
                json.object { $0.field("x", 1) }
                json.number(2)
            }
            json.field("d", nil as String?)
            json.field("e", "")
        }
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"a":[],"b":{},"c":[[],{"x":1},2],"e":""}"#)
    }
}

@Suite("Data exports JSON")
struct DataExportsJSONTests {
    typealias CityRecord = DataExports.CityRecord
    typealias PartnershipRecord = DataExports.PartnershipRecord

    static let cities: [CityRecord] = [
        CityRecord(id: "tr/istanbul", name: "İstanbul", country: "TR", latitude: 41.0082, longitude: 28.9784, url: "/cities/tr/istanbul/"),
        CityRecord(id: "de/koln", name: "Köln \"am Rhein\"", country: "DE", latitude: nil, longitude: nil, url: "https://x.org/a b/c\\d/"),
        CityRecord(id: "xx/zero", name: "\u{1}\t\n\u{2028}😀", country: "XX", latitude: -0.0, longitude: 180, url: ""),
    ]

    static func partnership(_ n: Int, filled: Bool) -> PartnershipRecord {
        let text = FoundationJSON.strings[n % FoundationJSON.strings.count]
        return PartnershipRecord(
            slug: "p-\(n)", title: text, url: "/partnerships/p-\(n)/", model: "sister-city", status: "active",
            established: filled ? "1999-05-03" : nil, ended: filled ? "2020" : nil, areas: filled ? ["culture", text] : [],
            cities: Array(cities.prefix(n % 4)), purpose: filled ? text : nil, agreement: filled ? "signed" : nil, association: filled ? "</x>" : nil,
            councilDecision: filled
                ? DataExports.Decision(date: "2001-02-03", number: "12/3") : (n % 3 == 0 ? DataExports.Decision(date: nil, number: nil) : nil),
            ministryApproval: filled ? DataExports.Decision(date: nil, number: "B.05") : nil, protocol: filled ? "https://x.org/p.pdf" : nil,
            links: filled ? ["https://a.org/", text] : [])
    }

    static let partnerships = (0..<40).map { partnership($0, filled: $0 % 2 == 0) }

    @Test("a city record matches JSONEncoder", arguments: cities)
    func city(_ record: CityRecord) throws {
        var json = JSONBytes(escapesSlashes: false)
        record.write(to: &json)
        #expect(String(decoding: json.bytes, as: UTF8.self) == (try FoundationJSON.encoded(record)))
    }

    @Test("partnership records, with every optional field set or nil, match JSONEncoder")
    func records() throws {
        for record in Self.partnerships {
            var json = JSONBytes(escapesSlashes: false)
            record.write(to: &json)
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try FoundationJSON.encoded(record)), "\(record.slug)")
        }
    }

    @Test("the documents, city slices and feature collections match JSONEncoder")
    func documents() throws {
        for baseURL in [nil, "https://example.org/rehber"] {
            let document = DataExports.Document(
                schemaVersion: 1, generator: "kardes", title: "Kardeş \"kentler\"", language: "tr", baseURL: baseURL,
                partnerships: Self.partnerships)
            var json = JSONBytes(escapesSlashes: false)
            document.write(to: &json)
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try FoundationJSON.encoded(document)))
        }
        for partnerships in [[], Self.partnerships] {
            let slice = DataExports.Slice(schemaVersion: 1, city: Self.cities[1], partnerships: partnerships)
            var json = JSONBytes(escapesSlashes: false)
            slice.write(to: &json)
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try FoundationJSON.encoded(slice)))
        }
        let features = FoundationJSON.doubles.prefix(200).enumerated().map { n, value in
            DataExports.Feature(
                id: "c/\(n)", geometry: DataExports.Geometry(coordinates: [value, -value]),
                properties: DataExports.Properties(
                    id: "c/\(n)", name: FoundationJSON.strings[n % FoundationJSON.strings.count], country: "TR", partnerships: n, url: "/c/\(n)/"))
        }
        for collection in [DataExports.FeatureCollection(features: []), DataExports.FeatureCollection(features: features)] {
            var json = JSONBytes(escapesSlashes: false)
            collection.write(to: &json)
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try FoundationJSON.encoded(collection)))
        }
    }

    @Test("a linked site's exports are the bytes JSONEncoder gives for them")
    func site() async throws {
        let site = try await SearchIndexFixture.site()
        #expect(DataExports.partnershipsJSON(site) == Array(try FoundationJSON.encoded(DataExports.document(site)).utf8))
        #expect(DataExports.citiesGeoJSON(site) == Array(try FoundationJSON.encoded(DataExports.featureCollection(site)).utf8))
        #expect(!site.cityOrder.isEmpty)
        for id in site.cityOrder {
            #expect(DataExports.cityJSON(id, site) == Array(try FoundationJSON.encoded(DataExports.slice(id, site)).utf8), "\(id)")
        }
    }

    @Test("records made once give the same exports as records made where they are written")
    func recordsMadeOnce() async throws {
        let site = try await SearchIndexFixture.site()
        let records = DataExports.Records(site)
        #expect(DataExports.Records.areWorthHolding(for: site))
        #expect(!site.partnershipOrder.isEmpty)
        #expect(DataExports.partnershipsJSON(site, records: records) == DataExports.partnershipsJSON(site))
        for id in site.cityOrder {
            #expect(DataExports.cityJSON(id, site, records: records) == DataExports.cityJSON(id, site), "\(id)")
        }
    }

    @Test("a record that cannot be JSON makes the document that holds it empty, as when written in place")
    func invalidRecord() {
        var record = JSONBytes(escapesSlashes: false)
        record.object { $0.field("latitude", Double.nan) }
        #expect(!record.isValid)
        var document = JSONBytes(escapesSlashes: false)
        document.array { json in
            json.number(1)
            json.value(record)
        }
        #expect(!document.isValid)
        var valid = JSONBytes(escapesSlashes: false)
        valid.object { $0.field("name", "Köln") }
        var list = JSONBytes(escapesSlashes: false)
        list.array { json in
            json.value(valid)
            json.value(valid)
        }
        #expect(String(decoding: list.bytes, as: UTF8.self) == #"[{"name":"Köln"},{"name":"Köln"}]"#)
    }
}

@Suite("City structured data")
struct StructuredDataTests {
    /// The dictionary the city page gave `JSONSerialization` before `StructuredData` wrote the bytes itself.
    static func reference(
        name: String, url: String, countryName: String, countryCode: String, wikidata: String?, coordinates: Coordinates?, alternateNames: [String]
    ) throws -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org", "@type": "City", "name": name, "url": url,
            "containedInPlace": ["@type": "Country", "name": countryName, "identifier": countryCode],
        ]
        if let wikidata { object["sameAs"] = "https://www.wikidata.org/wiki/\(wikidata)" }
        if let coordinates { object["geo"] = ["@type": "GeoCoordinates", "latitude": coordinates.latitude, "longitude": coordinates.longitude] }
        if !alternateNames.isEmpty { object["alternateName"] = alternateNames }
        return try FoundationJSON.serialized(object).replacingOccurrences(of: "</", with: "<\\/")
    }

    @Test("the JSON-LD of a city matches JSONSerialization with sorted keys", arguments: 0..<64)
    func city(_ n: Int) throws {
        let strings = FoundationJSON.strings
        let name = strings[n % strings.count], countryName = strings[(n * 7 + 3) % strings.count]
        let url = "https://example.org/rehber/cities/tr/\(n)/"
        let wikidata = n % 2 == 0 ? "Q\(n)" : nil
        let coordinates = n % 3 == 0 ? nil : Coordinates(latitude: FoundationJSON.doubles[n], longitude: FoundationJSON.doubles[n + 40])
        let alternateNames = n % 5 == 0 ? [] : Array(strings.prefix(n % 7)).sorted()
        let written = StructuredData.city(
            name: name, url: url, countryName: countryName, countryCode: "TR", wikidata: wikidata, coordinates: coordinates,
            alternateNames: alternateNames)
        let expected = try Self.reference(
            name: name, url: url, countryName: countryName, countryCode: "TR", wikidata: wikidata, coordinates: coordinates,
            alternateNames: alternateNames)
        #expect(written == expected)
    }

    @Test("a coordinate that is not a number gives no JSON-LD, as JSONSerialization refused it")
    func nonFinite() {
        let written = StructuredData.city(
            name: "X", url: "u", countryName: "Y", countryCode: "TR", wikidata: nil, coordinates: Coordinates(latitude: .nan, longitude: 0),
            alternateNames: [])
        #expect(written == nil)
    }
}
