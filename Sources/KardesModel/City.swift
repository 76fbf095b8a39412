import Foundation

/// A city or other local government that takes part in partnerships.
public struct City: Hashable, Sendable {
    /// A city's identity: its country and the slug of its main name (`tr/uskudar`).
    public struct ID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
        public let country: CountryCode
        public let slug: String

        public init(country: CountryCode, slug: String) {
            self.country = country
            self.slug = slug
        }

        public var description: String { "\(country.pathComponent)/\(slug)" }
        public static func < (a: Self, b: Self) -> Bool { (a.country, a.slug) < (b.country, b.slug) }
    }

    /// The kinds of municipality, as the 2006 figures count them.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case metropolitan, district, provincialCentre = "provincial-centre", town, other
    }

    public let id: ID
    /// The main name (`Köln`).
    public let name: String
    /// Names by language (`en: Cologne`).
    public let names: [String: String]
    /// Other names that refer to the same city (`Üsküp`).
    public let aliases: [String]
    public let region: String?
    public let kind: Kind?
    public let population: Int?
    /// Latitude and longitude in degrees.
    public let coordinates: Coordinates?
    public let website: String?
    public let wikidata: String?
    public let body: RichText
    /// The city file, or nil for a city known only from references.
    public let source: SourceLocation?
    /// Where each front-matter key's value starts.
    public var fieldLocations: [String: SourceLocation] = [:]

    /// Where `key`'s value stands in the city file, or the start of the file.
    public func location(of key: String) -> SourceLocation {
        fieldLocations[key] ?? source ?? SourceLocation(file: "content/cities/\(id).md")
    }

    public init(
        id: ID, name: String, names: [String: String] = [:], aliases: [String] = [], region: String? = nil, kind: Kind? = nil,
        population: Int? = nil, coordinates: Coordinates? = nil, website: String? = nil, wikidata: String? = nil,
        body: RichText = .empty, source: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.names = names
        self.aliases = aliases
        self.region = region
        self.kind = kind
        self.population = population
        self.coordinates = coordinates
        self.website = website
        self.wikidata = wikidata
        self.body = body
        self.source = source
    }

    /// The name to show in `language`: its exonym there when the file gives one, else the main name.
    public func name(in language: String) -> String { names[language] ?? name }
}

/// A point on the globe in degrees.
public struct Coordinates: Hashable, Sendable, Codable {
    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A reference to a city as written in a front matter: `"İstanbul, TR"` or `tr/istanbul`.
public struct CityReference: Hashable, Sendable {
    public let text: String
    public let location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }

    /// What a reference says, before it is matched against city files.
    public enum Parsed: Hashable, Sendable {
        /// `"Name, CC"`: a name (which may itself contain commas) and a country.
        case name(String, CountryCode)
        /// `cc/slug`.
        case id(City.ID)
    }

    /// Splits the reference; nil with a reason when it is not of either form or names an unknown country.
    public func parse() -> Result<Parsed, ReferenceError> {
        let trimmed = text.trimmingWhitespace()
        if let comma = trimmed.lastIndex(of: ",") {
            let name = trimmed[..<comma].trimmingWhitespace()
            let codeText = trimmed[trimmed.index(after: comma)...].trimmingWhitespace()
            guard !name.isEmpty else { return .failure(.malformed) }
            guard let code = CountryCode(codeText) else { return .failure(.unknownCountry(codeText)) }
            return .success(.name(name, code))
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let code = CountryCode(String(parts[0])) else { return .failure(.unknownCountry(String(parts[0]))) }
            let slug = String(parts[1])
            guard Slug.isValid(slug) else { return .failure(.malformed) }
            return .success(.id(City.ID(country: code, slug: slug)))
        }
        return .failure(.malformed)
    }

    public enum ReferenceError: Error, Hashable, Sendable {
        case malformed
        case unknownCountry(String)
    }
}

extension CityReference {
    /// The problem with this reference as a diagnostic (`bad-city-reference`, `unknown-country`), or nil when it is well formed.
    public func diagnostic() -> Diagnostic? {
        switch parse() {
        case .success: return nil
        case .failure(.malformed):
            return .error(
                "bad-city-reference", at: location, "'\(text)' is not a city reference",
                fix: "write the city as \"Name, CC\" with a two-letter country code (\"Köln, DE\") or as cc/slug (de/koln)")
        case .failure(.unknownCountry(let code)):
            let hint = CountryCode.suggestion(for: code).map { " (did you mean '\($0)'?)" } ?? ""
            return .error(
                "unknown-country", at: location, "unknown country code '\(code)' in '\(text)'\(hint)",
                fix: "use the ISO 3166-1 alpha-2 code of the country, such as TR, DE or US")
        }
    }
}
