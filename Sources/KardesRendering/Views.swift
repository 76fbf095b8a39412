import Mustache

// View models handed to the Mustache templates. Renderer builds them from a LinkedSite; templates never see model
// types. Optional fields inside list items have names used nowhere else, because Mustache looks a missing name
// up in the enclosing contexts.

/// What every page template receives.
struct PageContext<Content>: ViewModel where Content: Sendable {
    let site: SiteView
    let meta: MetaView
    let t: [String: String]
    let content: Content
}

struct SiteView: ViewModel {
    let title: String
    let description: String?
}

struct MetaView: ViewModel {
    let lang: String
    let title: String
    let documentTitle: String
    let description: String?
    let stylesheet: String
    let homeURL: String
    let nav: [NavItem]
    let breadcrumbs: [LinkView]
    let footerPages: [LinkView]

    var computed: [String: any Sendable] { ["hasBreadcrumbs": !breadcrumbs.isEmpty, "hasFooterPages": !footerPages.isEmpty] }
}

struct NavItem: ViewModel {
    let title: String
    let url: String
    let current: Bool
}

struct LinkView: ViewModel {
    let title: String
    let url: String
    let detail: String?

    init(title: String, url: String, detail: String? = nil) {
        self.title = title
        self.url = url
        self.detail = detail
    }

    var computed: [String: any Sendable] { ["hasDetail": detail != nil] }
}

struct FactView: ViewModel {
    let label: String
    let value: String
    let link: String?

    init(_ label: String, _ value: String, link: String? = nil) {
        self.label = label
        self.value = value
        self.link = link
    }

    var computed: [String: any Sendable] { ["hasLink": link != nil] }
}

struct CityLinkView: ViewModel {
    let name: String
    let url: String
    let country: String
    let countryURL: String
    let separator: String
}

struct PartnershipRow: ViewModel {
    let title: String
    let url: String
    let yearText: String
    let hasYear: Bool
    let modelTitle: String
    let statusSlug: String
    let statusLabel: String
    let dormant: Bool
    let dormantLabel: String
    let cityLinks: [CityLinkView]
}

struct PartnershipListView: ViewModel {
    let items: [PartnershipRow]
}

// MARK: - Page contents

struct HomeView: ViewModel {
    let intro: String
    let partnershipCount: Int
    let cityCount: Int
    let countryCount: Int
    let networkCount: Int
    let partnershipsURL: String
    let citiesURL: String
    let countriesURL: String
    let networksURL: String
    let models: [ModelCard]
    let newest: PartnershipListView

    var computed: [String: any Sendable] { ["hasIntro": !intro.isEmpty, "hasNewest": !newest.items.isEmpty] }
}

struct ModelCard: ViewModel {
    let title: String
    let url: String
    let summary: String?
    let count: Int
}

struct YearGroup: ViewModel {
    let heading: String
    let anchor: String
    let count: Int
    let list: PartnershipListView
}

struct PartnershipsView: ViewModel {
    let summary: String
    let groups: [YearGroup]

    var computed: [String: any Sendable] { ["hasYears": groups.count > 1] }
}

struct PartnershipView: ViewModel {
    let modelTitle: String
    let modelURL: String
    let statusSlug: String
    let statusLabel: String
    let dormant: Bool
    let cities: [CityLinkView]
    let facts: [FactView]
    let areas: [LinkView]
    let body: String
    let activities: [ActivityView]
    let contacts: [ContactView]
    let links: [String]
    let sources: [SourceView]

    var computed: [String: any Sendable] { ["hasAreas": !areas.isEmpty, "hasBody": !body.isEmpty, "hasActivities": !activities.isEmpty, "hasContacts": !contacts.isEmpty, "hasLinks": !links.isEmpty, "hasSources": !sources.isEmpty] }
}

struct ActivityView: ViewModel {
    let date: String
    let kindLabel: String
    let activityTitle: String
    let activityLink: String?

    var computed: [String: any Sendable] { ["hasActivityLink": activityLink != nil] }
}

struct ContactView: ViewModel {
    let contactName: String
    let email: String?
    let phone: String?
    let contactCity: String?

    var computed: [String: any Sendable] { ["hasEmail": email != nil, "hasPhone": phone != nil, "hasContactCity": contactCity != nil] }
}

struct SourceView: ViewModel {
    let sourceTitle: String
    let sourceURL: String?
    let retrieved: String?

    var computed: [String: any Sendable] { ["hasSourceURL": sourceURL != nil, "hasRetrieved": retrieved != nil] }
}

struct LetterGroup: ViewModel {
    let letter: String
    let anchor: String
    let cities: [CityRow]
}

struct CityRow: ViewModel {
    let name: String
    let url: String
    let country: String
    let partnerCount: String
}

struct CitiesView: ViewModel {
    let summary: String
    let letters: [LetterGroup]
}

struct PartnerRow: ViewModel {
    let partnerName: String
    let partnerURL: String
    let partnerCountry: String
    let partnerCountryURL: String
    let yearText: String
    let modelTitle: String
    let statusLabel: String
    let partnershipTitle: String
    let partnershipURL: String
}

struct NetworkLink: ViewModel {
    let title: String
    let url: String
    let isSeat: Bool
}

struct CityView: ViewModel {
    let countryName: String
    let countryURL: String
    let regionName: String?
    let regionURL: String?
    let kindLabel: String?
    let facts: [FactView]
    let body: String
    let partners: [PartnerRow]
    let networks: [NetworkLink]

    var computed: [String: any Sendable] { ["hasRegion": regionURL != nil, "hasKind": kindLabel != nil, "hasFacts": !facts.isEmpty, "hasBody": !body.isEmpty, "hasPartners": !partners.isEmpty, "partnerCount": partners.count, "hasNetworks": !networks.isEmpty] }
}

struct CountryRow: ViewModel {
    let name: String
    let url: String
    let cityCount: Int
    let partnershipCount: Int
}

struct CountriesView: ViewModel {
    let summary: String
    let countries: [CountryRow]
}

struct CountryView: ViewModel {
    let summary: String
    let note: String
    let cities: [CityRow]
    let list: PartnershipListView

    var computed: [String: any Sendable] { ["hasNote": !note.isEmpty, "cityCount": cities.count, "partnershipCount": list.items.count] }
}

struct ListView: ViewModel {
    let summary: String?
    let body: String
    let facts: [FactView]
    let members: [CityRow]
    let organisations: [String]
    let listHeading: String
    let list: PartnershipListView
    let links: [LinkView]

    init(
        summary: String? = nil, body: String = "", facts: [FactView] = [], members: [CityRow] = [], organisations: [String] = [],
        listHeading: String = "", list: [PartnershipRow] = [], links: [LinkView] = []
    ) {
        self.summary = summary
        self.body = body
        self.facts = facts
        self.members = members
        self.organisations = organisations
        self.listHeading = listHeading
        self.list = PartnershipListView(items: list)
        self.links = links
    }

    var computed: [String: any Sendable] { ["hasSummary": summary != nil, "hasBody": !body.isEmpty, "hasFacts": !facts.isEmpty, "hasMembers": !members.isEmpty, "memberCount": members.count, "hasOrganisations": !organisations.isEmpty, "hasList": !list.items.isEmpty, "listCount": list.items.count, "hasLinks": !links.isEmpty] }
}

struct BodyView: ViewModel {
    let body: String
}

struct NotFoundView: ViewModel {
    let citiesURL: String
    let partnershipsURL: String
}

/// A view model whose stored properties Mustache reads by name, plus derived values such as `hasPartners`
/// (Mirror, which Mustache uses otherwise, sees stored properties only).
protocol ViewModel: MustacheParent, Sendable {
    var computed: [String: any Sendable] { get }
}

extension ViewModel {
    var computed: [String: any Sendable] { [:] }

    func child(named name: String) -> Any? {
        if let value = computed[name] { return value }
        guard let value = Mirror(reflecting: self).children.first(where: { $0.label == name })?.value else { return nil }
        // An absent optional must read as missing, not as the text "nil".
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
