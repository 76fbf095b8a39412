import Foundation
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

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        // Sorted keys and no escaped slashes keep the bytes stable and readable.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
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

    /// `data/partnerships.json`: every partnership, newest first.
    public static func partnershipsJSON(_ site: LinkedSite) -> [UInt8] {
        let document = Document(
            schemaVersion: schemaVersion, generator: "kardes", title: site.config.title, language: site.language,
            baseURL: site.config.baseURL, partnerships: site.partnershipOrder.map { record($0, site) })
        return Array((try? encoder().encode(document)) ?? Data())
    }

    /// A city's partnerships as JSON, next to its page (`cities/tr/istanbul/partners.json`).
    public static func cityJSON(_ id: City.ID, _ site: LinkedSite) -> [UInt8] {
        struct Slice: Encodable {
            let schemaVersion: Int
            let city: CityRecord
            let partnerships: [PartnershipRecord]
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", city, partnerships }
        }
        let slice = Slice(schemaVersion: schemaVersion, city: city(id, site), partnerships: site.partnerships(of: id).map { record($0, site) })
        return Array((try? encoder().encode(slice)) ?? Data())
    }

    /// `data/cities.geojson`: an RFC 7946 FeatureCollection of the cities with coordinates, with partner counts.
    public static func citiesGeoJSON(_ site: LinkedSite) -> [UInt8] {
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
        struct Collection: Encodable {
            let type = "FeatureCollection"
            let features: [Feature]
        }
        let features = site.cityOrder.compactMap { id -> Feature? in
            guard let point = site.cities[id]?.coordinates else { return nil }
            // RFC 7946: longitude first.
            return Feature(
                id: id.description, geometry: Geometry(coordinates: [point.longitude, point.latitude]),
                properties: Properties(
                    id: id.description, name: site.name(of: id), country: id.country.code, partnerships: site.partnerships(of: id).count,
                    url: url(Route.city(id), site)))
        }
        return Array((try? encoder().encode(Collection(features: features))) ?? Data())
    }
}
