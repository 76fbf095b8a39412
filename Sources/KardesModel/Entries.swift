/// One of the ways cities relate: sister cities, municipal international cooperation, decentralised cooperation.
public struct CooperationModel: Hashable, Sendable {
    public struct ID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
        public let slug: String
        public init(_ slug: String) { self.slug = slug }
        public var description: String { slug }
        public static func < (a: Self, b: Self) -> Bool { a.slug < b.slug }
    }

    public let id: ID
    public let title: String
    /// Position in lists; lower first.
    public let order: Int
    public let summary: String?
    public let body: RichText
    public let source: SourceLocation

    public init(id: ID, title: String, order: Int, summary: String?, body: RichText, source: SourceLocation) {
        self.id = id
        self.title = title
        self.order = order
        self.summary = summary
        self.body = body
        self.source = source
    }
}

extension CooperationModel {
    /// The error for a model slug that names no model (`unknown-model`), with a suggestion.
    public static func unknown(_ slug: String, at location: SourceLocation, known: [String]) -> Diagnostic {
        .error(
            "unknown-model", at: location, "unknown model '\(slug)'\(Suggestion.didYouMean(slug, in: known))",
            fix: known.isEmpty
                ? "create the model's file content/models/\(slug).md"
                : "use a model slug from content/models/: \(known.joined(separator: ", "))")
    }
}

/// A multilateral network or union of local governments.
public struct Network: Hashable, Sendable {
    public struct ID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
        public let slug: String
        public init(_ slug: String) { self.slug = slug }
        public var description: String { slug }
        public static func < (a: Self, b: Self) -> Bool { a.slug < b.slug }
    }

    public let id: ID
    public let title: String
    public let model: Located<String>?
    public let members: [CityReference]
    /// Members that are not cities, such as unions of municipalities.
    public let organisations: [String]
    public let seat: CityReference?
    public let founded: PartialDate?
    public let website: String?
    public let body: RichText
    public let source: SourceLocation

    public init(
        id: ID, title: String, model: Located<String>?, members: [CityReference], organisations: [String], seat: CityReference?,
        founded: PartialDate?, website: String?, body: RichText, source: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.model = model
        self.members = members
        self.organisations = organisations
        self.seat = seat
        self.founded = founded
        self.website = website
        self.body = body
        self.source = source
    }
}

/// A free page: the legal framework, about.
public struct Page: Hashable, Sendable {
    public let slug: String
    public let title: String
    public let summary: String?
    public let body: RichText
    public let source: SourceLocation

    public init(slug: String, title: String, summary: String?, body: RichText, source: SourceLocation) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.body = body
        self.source = source
    }
}

/// Notes on one country, shown on its page.
public struct CountryNote: Hashable, Sendable {
    public let country: CountryCode
    public let title: String?
    public let body: RichText
    public let source: SourceLocation

    public init(country: CountryCode, title: String?, body: RichText, source: SourceLocation) {
        self.country = country
        self.title = title
        self.body = body
        self.source = source
    }
}

/// An area of cooperation from the vocabulary (`culture`), with its title per language.
public struct Area: Hashable, Sendable {
    public let slug: String
    public let titles: [String: String]

    public init(slug: String, titles: [String: String]) {
        self.slug = slug
        self.titles = titles
    }

    public func title(in language: String) -> String { titles[language] ?? titles["en"] ?? slug }
}

/// The site's settings from `content/site.yml`.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var description: String?
    public var baseURL: String?
    public var languages: [String]
    public var owner: CityReference?
    public var unsafeHTML: Bool
    public var smartPunctuation: Bool
    public var dormantAfterYears: Int
    public var portable: Bool
    /// Whether Turkish sister-city partnerships are checked for their paperwork (Law 5393 art. 18 and 74).
    public var legalChecklist: Bool

    public init(
        title: String, description: String? = nil, baseURL: String? = nil, languages: [String] = ["tr"], owner: CityReference? = nil,
        unsafeHTML: Bool = false, smartPunctuation: Bool = true, dormantAfterYears: Int = 5, portable: Bool = false,
        legalChecklist: Bool = true
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.languages = languages
        self.owner = owner
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
        self.dormantAfterYears = dormantAfterYears
        self.portable = portable
        self.legalChecklist = legalChecklist
    }

    /// The first language, built at the site root.
    public var defaultLanguage: String { languages.first ?? "tr" }
}
