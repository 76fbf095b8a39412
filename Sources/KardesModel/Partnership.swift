/// A relation between two or more cities: a twinning, a cooperation or a development partnership.
public struct Partnership: Hashable, Sendable {
    /// The slug of the partnership's file name (`houston-istanbul`).
    public struct ID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
        public let slug: String
        public init(_ slug: String) { self.slug = slug }
        public var description: String { slug }
        public static func < (a: Self, b: Self) -> Bool { a.slug < b.slug }
    }

    /// Where a partnership stands.
    public enum Status: String, Sendable, CaseIterable, Codable {
        case active, dormant, ended, proposed
    }

    /// The kind of document the partnership rests on.
    public enum Agreement: String, Sendable, CaseIterable, Codable {
        case twinning, friendship, cooperation, memorandum, other
    }

    /// A council decision or a ministry's approval: a date and a number, either may be unknown.
    public struct Decision: Hashable, Sendable {
        public let date: PartialDate?
        public let number: String?
        public init(date: PartialDate?, number: String?) {
            self.date = date
            self.number = number
        }
    }

    /// Whom to ask about the partnership.
    public struct Contact: Hashable, Sendable {
        public let name: String
        public let email: String?
        public let phone: String?
        public let city: CityReference?
        public init(name: String, email: String?, phone: String?, city: CityReference?) {
            self.name = name
            self.email = email
            self.phone = phone
            self.city = city
        }
    }

    /// Something the partnership did.
    public struct Activity: Hashable, Sendable {
        public enum Kind: String, Sendable, CaseIterable, Codable {
            case visit, project, exchange, tradeMission = "trade-mission", culture, aid, other
        }
        public let date: PartialDate
        public let kind: Kind
        public let title: String
        public let link: String?
        public init(date: PartialDate, kind: Kind, title: String, link: String?) {
            self.date = date
            self.kind = kind
            self.title = title
            self.link = link
        }
    }

    /// Where a fact comes from: a citation, a URL, or both.
    public struct Source: Hashable, Sendable {
        public let title: String?
        public let url: String?
        public let retrieved: PartialDate?
        public init(title: String?, url: String?, retrieved: PartialDate?) {
            self.title = title
            self.url = url
            self.retrieved = retrieved
        }
    }

    public let id: ID
    public let cities: [CityReference]
    public let model: Located<String>
    public let established: PartialDate?
    public let status: Status
    public let ended: PartialDate?
    public let title: String?
    public let areas: [Located<String>]
    public let purpose: String?
    public let councilDecision: Decision?
    public let ministryApproval: Decision?
    public let protocolURL: String?
    public let agreement: Agreement?
    public let association: String?
    public let contacts: [Contact]
    public let activities: [Activity]
    public let links: [String]
    public let sources: [Source]
    public let draft: Bool
    /// Changed only through ``replacingBody(_:)``.
    public private(set) var body: RichText
    /// The start of the file.
    public let source: SourceLocation
    /// Where each front-matter key's value starts, for problems found after loading.
    public var fieldLocations: [String: SourceLocation] = [:]

    /// Where `key`'s value stands in the file, or the start of the file.
    public func location(of key: String) -> SourceLocation { fieldLocations[key] ?? source }

    public init(
        id: ID, cities: [CityReference], model: Located<String>, established: PartialDate?, status: Status, ended: PartialDate?,
        title: String?, areas: [Located<String>], purpose: String?, councilDecision: Decision?, ministryApproval: Decision?,
        protocolURL: String?, agreement: Agreement?, association: String?, contacts: [Contact], activities: [Activity],
        links: [String], sources: [Source], draft: Bool, body: RichText, source: SourceLocation
    ) {
        self.id = id
        self.cities = cities
        self.model = model
        self.established = established
        self.status = status
        self.ended = ended
        self.title = title
        self.areas = areas
        self.purpose = purpose
        self.councilDecision = councilDecision
        self.ministryApproval = ministryApproval
        self.protocolURL = protocolURL
        self.agreement = agreement
        self.association = association
        self.contacts = contacts
        self.activities = activities
        self.links = links
        self.sources = sources
        self.draft = draft
        self.body = body
        self.source = source
    }

    /// The same partnership with another Markdown body: how a rebuild tells an edit of the text alone (the copy with
    /// the old body equals the old partnership) from one that changes what the front matter says.
    public func replacingBody(_ body: RichText) -> Partnership {
        var copy = self
        copy.body = body
        return copy
    }

    /// The newest recorded activity, or the establishment when there is none.
    public var lastSignOfLife: PartialDate? { activities.map(\.date).max() ?? established }
}
