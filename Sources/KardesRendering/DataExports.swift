import KardesContent
import KardesLinking
import KardesModel

/// The open data of a site: `data/partnerships.json`, `data/cities.geojson` and each city's partners as JSON.
/// The formats are documented in docs/data.md; `schemaVersion` changes when a field changes meaning or goes away.
public enum DataExports {
    public static let schemaVersion = 1

    struct CityRecord: Encodable {
        let id: String
        let name: String
        let country: String
        let latitude: Double?
        let longitude: Double?
        let url: String
    }

    struct Decision: Encodable {
        let date: String?
        let number: String?
    }

    struct PartnershipRecord: Encodable {
        let slug: String
        let title: String
        let url: String
        let model: String
        let status: String
        let established: String?
        let ended: String?
        let areas: [String]
        let cities: [CityRecord]
        let purpose: String?
        let agreement: String?
        let association: String?
        let councilDecision: Decision?
        let ministryApproval: Decision?
        let `protocol`: String?
        let links: [String]

        enum CodingKeys: String, CodingKey {
            case slug, title, url, model, status, established, ended, areas, cities, purpose, agreement, association
            case councilDecision = "council_decision", ministryApproval = "ministry_approval", `protocol`, links
        }
    }

    struct Document: Encodable {
        let schemaVersion: Int
        let generator: String
        let title: String
        let language: String
        let baseURL: String?
        let partnerships: [PartnershipRecord]

        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version", generator, title, language, baseURL = "base_url", partnerships
        }
    }

    /// A city's `partners.json`.
    struct Slice: Encodable {
        let schemaVersion: Int
        let city: CityRecord
        let partnerships: [PartnershipRecord]
        enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", city, partnerships }
    }

    struct Geometry: Encodable {
        let type = "Point"
        let coordinates: [Double]
    }

    struct Properties: Encodable {
        let id: String, name: String, country: String, partnerships: Int, url: String
    }

    struct Feature: Encodable {
        let type = "Feature"
        let id: String
        let geometry: Geometry
        let properties: Properties
    }

    /// `data/cities.geojson`.
    struct FeatureCollection: Encodable {
        let type = "FeatureCollection"
        let features: [Feature]
    }

    static func url(_ route: String, _ site: LinkedSite) -> String { (site.config.baseURL ?? "") + route }

    static func city(_ id: City.ID, _ site: LinkedSite) -> CityRecord {
        let city = site.cities[id]
        return CityRecord(
            id: id.description, name: city?.name ?? id.slug, country: id.country.code, latitude: city?.coordinates?.latitude,
            longitude: city?.coordinates?.longitude, url: url(Route.city(id), site))
    }

    static func record(_ id: Partnership.ID, _ site: LinkedSite) -> PartnershipRecord {
        let p = site.partnerships[id]!
        func decision(_ value: Partnership.Decision?) -> Decision? { value.map { Decision(date: $0.date?.description, number: $0.number) } }
        return PartnershipRecord(
            slug: id.slug, title: site.title(of: id), url: url(Route.partnership(id), site), model: p.model.value, status: p.status.rawValue,
            established: p.established?.description, ended: p.ended?.description, areas: p.areas.map(\.value),
            cities: (site.partnershipCities[id] ?? []).map { city($0, site) }, purpose: p.purpose, agreement: p.agreement?.rawValue,
            association: p.association, councilDecision: decision(p.councilDecision), ministryApproval: decision(p.ministryApproval),
            protocol: p.protocolURL, links: p.links)
    }

    /// Every partnership's record as JSON, made once for `data/partnerships.json` and the `partners.json` of both its
    /// cities, which otherwise made it three times over (a tenth of a 10,000-partnership build went to records).
    /// The bytes are those ``PartnershipRecord/write(to:)`` writes in place.
    public struct Records: Sendable {
        let json: [Partnership.ID: JSONBytes]
        /// The bytes of all of them, for a document's room.
        let byteCount: Int

        /// The records of every partnership of `site`, made on all cores.
        public init(_ site: LinkedSite) {
            let ids = site.partnershipOrder
            let made = Parallel.map(ids) { id in
                var json = JSONBytes(escapesSlashes: false, capacity: 1024)
                record(id, site).write(to: &json)
                return json
            }
            json = Dictionary(uniqueKeysWithValues: zip(ids, made))
            byteCount = made.reduce(0) { $0 + $1.bytes.count }
        }

        /// Writes the record of `id` into `json`: the one made beforehand, or (for a partnership made after) a new one.
        func write(_ id: Partnership.ID, _ site: LinkedSite, to json: inout JSONBytes) {
            if let made = self.json[id] { json.value(made) } else { record(id, site).write(to: &json) }
        }

        /// Whether holding every record beats making each three times for a site this big: the records of 100,000
        /// partnerships are some 80 MB, which would take a build of that size near its memory budget, so it makes
        /// them as it writes them, as smaller sites did before.
        public static func areWorthHolding(for site: LinkedSite) -> Bool { site.partnershipOrder.count <= 20_000 }
    }

    /// `data/partnerships.json`: every partnership, newest first.
    /// - Parameter records: the records made beforehand, if they were.
    public static func partnershipsJSON(_ site: LinkedSite, records: Records? = nil) -> [UInt8] {
        let ids = site.partnershipOrder
        guard let records else {
            // Each record is made when it is written: the records of 100,000 partnerships held at once cost more
            // memory than the document itself.
            var json = JSONBytes(escapesSlashes: false, capacity: 1 << 16)
            Document.write(
                to: &json, baseURL: site.config.baseURL, language: site.language, title: site.config.title, count: ids.count
            ) { record(ids[$0], site) }
            return json.isValid ? json.bytes : []
        }
        var json = JSONBytes(escapesSlashes: false, capacity: 1024 + records.byteCount + ids.count)
        Document.write(to: &json, baseURL: site.config.baseURL, language: site.language, title: site.config.title, count: ids.count, reserves: false) {
            json, index in records.write(ids[index], site, to: &json)
        }
        return json.isValid ? json.bytes : []
    }

    static func document(_ site: LinkedSite) -> Document {
        Document(
            schemaVersion: schemaVersion, generator: "kardes", title: site.config.title, language: site.language,
            baseURL: site.config.baseURL, partnerships: site.partnershipOrder.map { record($0, site) })
    }

    /// A city's partnerships as JSON, next to its page (`cities/tr/istanbul/partners.json`).
    /// - Parameter records: the records made beforehand, if they were.
    public static func cityJSON(_ id: City.ID, _ site: LinkedSite, records: Records? = nil) -> [UInt8] {
        var json = JSONBytes(escapesSlashes: false, capacity: 2048)
        if let records {
            let ids = site.partnerships(of: id)
            Slice.write(to: &json, city: city(id, site), count: ids.count) { json, index in records.write(ids[index], site, to: &json) }
        } else {
            slice(id, site).write(to: &json)
        }
        return json.isValid ? json.bytes : []
    }

    static func slice(_ id: City.ID, _ site: LinkedSite) -> Slice {
        Slice(schemaVersion: schemaVersion, city: city(id, site), partnerships: site.partnerships(of: id).map { record($0, site) })
    }

    /// `data/cities.geojson`: an RFC 7946 FeatureCollection of the cities with coordinates, with partner counts.
    public static func citiesGeoJSON(_ site: LinkedSite) -> [UInt8] {
        var json = JSONBytes(escapesSlashes: false, capacity: 1 << 16)
        featureCollection(site).write(to: &json)
        return json.isValid ? json.bytes : []
    }

    static func featureCollection(_ site: LinkedSite) -> FeatureCollection {
        let features = site.cityOrder.compactMap { id -> Feature? in
            guard let point = site.cities[id]?.coordinates else { return nil }
            // RFC 7946: longitude first.
            return Feature(
                id: id.description, geometry: Geometry(coordinates: [point.longitude, point.latitude]),
                properties: Properties(
                    id: id.description, name: site.name(of: id), country: id.country.code, partnerships: site.partnerships(of: id).count,
                    url: url(Route.city(id), site)))
        }
        return FeatureCollection(features: features)
    }
}

// MARK: - JSON
// The records stay `Encodable`: the tests encode them with `JSONEncoder` (`[.sortedKeys, .withoutEscapingSlashes]`, as
// the exports used to) and compare with these bytes. Keys are written in `JSONEncoder`'s sorted order: by UTF-8 bytes.

extension DataExports.CityRecord {
    func write(to json: inout JSONBytes) {
        json.object { json in
            json.field("country", country)
            json.field("id", id)
            json.field("latitude", latitude)
            json.field("longitude", longitude)
            json.field("name", name)
            json.field("url", url)
        }
    }
}

extension DataExports.Decision {
    func write(to json: inout JSONBytes) {
        json.object { json in
            json.field("date", date)
            json.field("number", number)
        }
    }
}

extension DataExports.PartnershipRecord {
    func write(to json: inout JSONBytes) {
        json.object { json in
            json.field("agreement", agreement)
            json.field("areas", areas)
            json.field("association", association)
            json.key("cities")
            json.array { json in for city in cities { city.write(to: &json) } }
            if let councilDecision {
                json.key("council_decision")
                councilDecision.write(to: &json)
            }
            json.field("ended", ended)
            json.field("established", established)
            json.field("links", links)
            if let ministryApproval {
                json.key("ministry_approval")
                ministryApproval.write(to: &json)
            }
            json.field("model", model)
            json.field("protocol", `protocol`)
            json.field("purpose", purpose)
            json.field("slug", slug)
            json.field("status", status)
            json.field("title", title)
            json.field("url", url)
        }
    }
}

extension DataExports.Document {
    func write(to json: inout JSONBytes) {
        Self.write(to: &json, baseURL: baseURL, language: language, title: title, count: partnerships.count) { partnerships[$0] }
    }

    /// The document with `count` partnerships, the `i`th made by `record(i)` when it is written.
    static func write(
        to json: inout JSONBytes, baseURL: String?, language: String, title: String, count: Int,
        record: (Int) -> DataExports.PartnershipRecord
    ) {
        write(to: &json, baseURL: baseURL, language: language, title: title, count: count) { json, index in record(index).write(to: &json) }
    }

    /// The document with `count` partnerships, the `i`th written by `writeRecord(&json, i)`.
    /// - Parameter reserves: whether to make room for the rest once the first records show their size.
    static func write(
        to json: inout JSONBytes, baseURL: String?, language: String, title: String, count: Int, reserves: Bool = true,
        writeRecord: (inout JSONBytes, Int) -> Void
    ) {
        json.object { json in
            json.field("base_url", baseURL)
            json.field("generator", "kardes")
            json.field("language", language)
            json.key("partnerships")
            json.array { json in
                let sample = 256
                for index in 0..<count {
                    // Room for the rest, from the size of the first records (with a tenth to spare).
                    if reserves && index == sample { json.reserve(json.bytes.count / sample * (count - sample) * 11 / 10) }
                    writeRecord(&json, index)
                }
            }
            json.field("schema_version", DataExports.schemaVersion)
            json.field("title", title)
        }
    }
}

extension DataExports.Slice {
    func write(to json: inout JSONBytes) {
        Self.write(to: &json, city: city, count: partnerships.count) { json, index in partnerships[index].write(to: &json) }
    }

    /// The slice of `city` with `count` partnerships, the `i`th written by `writeRecord(&json, i)`.
    static func write(to json: inout JSONBytes, city: DataExports.CityRecord, count: Int, writeRecord: (inout JSONBytes, Int) -> Void) {
        json.object { json in
            json.key("city")
            city.write(to: &json)
            json.key("partnerships")
            json.array { json in for index in 0..<count { writeRecord(&json, index) } }
            json.field("schema_version", DataExports.schemaVersion)
        }
    }
}

extension DataExports.FeatureCollection {
    func write(to json: inout JSONBytes) {
        json.object { json in
            json.key("features")
            json.array { json in
                for feature in features {
                    json.object { json in
                        json.key("geometry")
                        json.object { json in
                            json.key("coordinates")
                            json.array { json in for number in feature.geometry.coordinates { json.number(number) } }
                            json.field("type", feature.geometry.type)
                        }
                        json.field("id", feature.id)
                        json.key("properties")
                        json.object { json in
                            let properties = feature.properties
                            json.field("country", properties.country)
                            json.field("id", properties.id)
                            json.field("name", properties.name)
                            json.field("partnerships", properties.partnerships)
                            json.field("url", properties.url)
                        }
                        json.field("type", feature.type)
                    }
                }
            }
            json.field("type", type)
        }
    }
}
