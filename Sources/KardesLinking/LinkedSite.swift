import KardesContent
import KardesModel

/// The content of one site language with every reference resolved and every index built.
///
/// Relations are IDs in dictionaries; lists are already in the order pages show them (the language's collation for
/// names, newest first for years).
public struct LinkedSite: Sendable {
    public let language: String
    public let config: SiteConfig
    public let cities: [City.ID: City]
    /// Every city, A–Z by its name in `language`.
    public let cityOrder: [City.ID]
    public internal(set) var partnerships: [Partnership.ID: Partnership]
    /// Every partnership, newest year first, then by title.
    public let partnershipOrder: [Partnership.ID]
    /// The resolved cities of each partnership, in the order its file lists them.
    public let partnershipCities: [Partnership.ID: [City.ID]]
    /// Each partnership's display title in `language`.
    public let partnershipTitles: [Partnership.ID: String]
    /// Models by `order`, then slug.
    public let models: [CooperationModel]
    public let networks: [Network]
    public let networkMembers: [Network.ID: [City.ID]]
    public let networkSeats: [Network.ID: City.ID]
    public let pages: [Page]
    public let home: Page?
    public let countryNotes: [CountryCode: CountryNote]
    /// Every country with a city, A–Z by its name in `language`.
    public let countryOrder: [CountryCode]
    public let countryNames: [CountryCode: String]
    public let areas: [Area]
    public let regions: [Region]

    public let partnershipsByCity: [City.ID: [Partnership.ID]]
    public let partnershipsByCountry: [CountryCode: [Partnership.ID]]
    public let partnershipsByModel: [CooperationModel.ID: [Partnership.ID]]
    public let partnershipsByArea: [String: [Partnership.ID]]
    public let partnershipsByYear: [Int: [Partnership.ID]]
    public let partnershipsByRegion: [Region.ID: [Partnership.ID]]
    public let citiesByCountry: [CountryCode: [City.ID]]
    public let networksByCity: [City.ID: [Network.ID]]
    /// Partnerships whose newest sign of life is older than `dormant_after_years`.
    public let possiblyDormant: Set<Partnership.ID>
    /// Every slug that leads to a city (`mk/uskup` → `mk/skopje`): its file name, main name, names and aliases.
    public internal(set) var cityNameIndex: [String: City.ID] = [:]
    /// `city:` link targets that name no city exactly but were matched to one by a close spelling (with a warning).
    public internal(set) var approximateCityLinks: [String: City.ID] = [:]
    public internal(set) var warnings: [Diagnostic]
    /// Renders the bodies loaded as ``RichText/Deferred`` when their pages are made.
    public internal(set) var bodies: BodyReader? = nil
    /// Each city's name in `language`, looked up by ``name(of:)`` for every row and map label: reading it from
    /// `cities` copied the whole `City` each time.
    public internal(set) var cityNames: [City.ID: String] = [:]
    /// What a list row shows of each partnership (``RowFacts``), so rows do not copy the whole `Partnership` out of
    /// `partnerships`: a partnership appears in a dozen lists.
    public internal(set) var rowFacts: [Partnership.ID: RowFacts] = [:]

    /// The few fields of a partnership that lists show.
    public struct RowFacts: Sendable {
        public let established: PartialDate?
        public let model: String
        public let status: Partnership.Status

        public init(_ partnership: Partnership) {
            established = partnership.established
            model = partnership.model.value
            status = partnership.status
        }
    }
}

/// A region (il, province, state) of a country, from city files' `region`.
public struct Region: Hashable, Sendable {
    public struct ID: Hashable, Comparable, Sendable, CustomStringConvertible {
        public let country: CountryCode
        public let slug: String
        public init(country: CountryCode, slug: String) {
            self.country = country
            self.slug = slug
        }
        public var description: String { "\(country.pathComponent)/\(slug)" }
        public static func < (a: Self, b: Self) -> Bool { (a.country, a.slug) < (b.country, b.slug) }
    }

    public let id: ID
    public let name: String
    public let cities: [City.ID]
}

extension LinkedSite {
    /// The partnerships of `city`, in the site's partnership order.
    public func partnerships(of city: City.ID) -> [Partnership.ID] { partnershipsByCity[city] ?? [] }

    /// The list fields of `partnership` (nil when there is no such partnership).
    public func rowFacts(of partnership: Partnership.ID) -> RowFacts? { rowFacts[partnership] ?? partnerships[partnership].map(RowFacts.init) }

    /// The name of `city` in the site language.
    public func name(of city: City.ID) -> String { cityNames[city] ?? cities[city]?.name(in: language) ?? city.slug }

    public func model(_ id: String) -> CooperationModel? { models.first { $0.id.slug == id } }

    public func title(of partnership: Partnership.ID) -> String { partnershipTitles[partnership] ?? partnership.slug }

    public func countryName(_ code: CountryCode) -> String { countryNames[code] ?? code.name(in: language) }

    public func area(_ slug: String) -> Area { areas.first { $0.slug == slug } ?? Area(slug: slug, titles: [:]) }
}
