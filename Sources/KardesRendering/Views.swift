import KardesMustache

// View models handed to the Mustache templates. Renderer builds them from a LinkedSite; templates never see model
// types. Optional fields inside list items have names used nowhere else, because Mustache looks a missing name
// up in the enclosing contexts.

/// What every page template receives.
///
/// The header, the site and a page's content are read through ``Shared`` references: templates name them dozens
/// of times per page (`{{meta.title}}`, `{{content.name}}`), and each lookup of a struct copied it whole.
struct PageContext: ViewModel {
    let site: Shared
    let meta: Shared
    let t: [String: String]
    let content: any Sendable

    init<Content: Sendable>(site: SiteView, meta: MetaView, t: [String: String], content: Content) {
        self.site = Shared(site)
        self.meta = Shared(meta)
        self.t = t
        self.content = (content as? any MustacheObject).map(Shared.init) ?? content
    }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "meta": meta
        case "t": t
        case "content": content
        default: nil
        }
    }
}

struct SiteView: ViewModel {
    let title: String
    let description: String?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        default: nil
        }
    }
}

struct MetaView: ViewModel {
    let lang: String
    let title: String
    let documentTitle: String
    let description: String?
    let stylesheet: String
    /// The stylesheet itself, for the 404 page, which is served at any depth where a relative link would miss.
    let inlineStyle: String?
    let favicon: String
    let homeURL: String
    let nav: [NavItem]
    let breadcrumbs: [LinkView]
    let footerPages: [LinkView]
    /// The page's absolute address, when `base_url` is set.
    let canonical: String?
    /// The Atom feed of this language, when `base_url` is set.
    let feed: String?
    /// The search page, for the search form on every page.
    let searchURL: String
    /// The path from this page to its language's root (`../../`), which search.js needs to build result links.
    let languageRoot: String
    let portable: Bool
    /// schema.org JSON-LD for the page (city pages, with `base_url`).
    let structuredData: String?
    /// This page in each site language, when there are several.
    let languages: [LanguageLink]
    /// The secondary indexes: areas, years, regions.
    let browse: [LinkView]

    /// By length first: every page's templates read a dozen of these names, and a `switch` over 22 strings compared
    /// a name with each case before it in turn (a string comparison is a call, once the two differ).
    func child(named name: String) -> Any? {
        switch name.utf8.count {
        case 3: name == "nav" ? nav : nil
        case 4:
            switch name {
            case "lang": lang
            case "feed": feed
            default: nil
            }
        case 5: name == "title" ? title : nil
        case 6: name == "browse" ? browse : nil
        case 7:
            switch name {
            case "favicon": favicon
            case "homeURL": homeURL
            default: nil
            }
        case 8: name == "portable" ? portable : nil
        case 9:
            switch name {
            case "canonical": canonical
            case "searchURL": searchURL
            case "languages": languages
            default: nil
            }
        case 10: name == "stylesheet" ? stylesheet : nil
        case 11:
            switch name {
            case "description": description
            case "inlineStyle": inlineStyle
            case "breadcrumbs": breadcrumbs
            case "footerPages": footerPages
            default: nil
            }
        case 12:
            switch name {
            case "languageRoot": languageRoot
            case "hasLanguages": !languages.isEmpty
            default: nil
            }
        case 13: name == "documentTitle" ? documentTitle : nil
        case 14:
            switch name {
            case "structuredData": structuredData
            case "hasBreadcrumbs": !breadcrumbs.isEmpty
            case "hasFooterPages": !footerPages.isEmpty
            default: nil
            }
        default: nil
        }
    }
}

struct LanguageLink: ViewModel {
    let code: String
    let name: String
    let url: String
    let current: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "name": self.name
        case "url": url
        case "current": current
        default: nil
        }
    }
}

struct NavItem: ViewModel {
    let title: String
    let url: String
    let current: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        default: nil
        }
    }
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

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "detail": detail
        case "hasDetail": detail != nil
        default: nil
        }
    }
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

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "link": link
        case "hasLink": link != nil
        default: nil
        }
    }
}

struct CityLinkView: ViewModel {
    let name: String
    let url: String
    let country: String
    let countryURL: String
    let separator: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "country": country
        case "countryURL": countryURL
        case "separator": separator
        default: nil
        }
    }
}

struct PartnershipRow: ViewModel {
    /// What the row shows on every page, shared by all the partnership's rows: one reference rather than a copy of
    /// each of its strings per row.
    let core: RowCore
    /// The page's link to the partnership.
    let url: String
    let cityLinks: [CityLinkView]

    func child(named name: String) -> Any? {
        switch name {
        case "title": core.title
        case "url": url
        case "yearText": core.yearText
        case "hasYear": core.hasYear
        case "modelTitle": core.modelTitle
        case "statusSlug": core.statusSlug
        case "statusLabel": core.statusLabel
        case "dormant": core.dormant
        case "dormantLabel": core.dormantLabel
        case "cityLinks": cityLinks
        default: nil
        }
    }
}

struct PartnershipListView: ViewModel {
    /// Rows made as they are rendered (a list can hold every partnership of the site).
    let items: LazyList

    func child(named name: String) -> Any? {
        switch name {
        case "items": items
        default: nil
        }
    }
}

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

    func child(named name: String) -> Any? {
        switch name {
        case "intro": intro
        case "partnershipCount": partnershipCount
        case "cityCount": cityCount
        case "countryCount": countryCount
        case "networkCount": networkCount
        case "partnershipsURL": partnershipsURL
        case "citiesURL": citiesURL
        case "countriesURL": countriesURL
        case "networksURL": networksURL
        case "models": models
        case "newest": newest
        case "hasIntro": !intro.isEmpty
        case "hasNewest": !newest.items.isEmpty
        default: nil
        }
    }
}

struct ModelCard: ViewModel {
    let title: String
    let url: String
    let summary: String?
    let count: Int

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "summary": summary
        case "count": count
        default: nil
        }
    }
}

struct YearGroup: ViewModel {
    let heading: String
    let anchor: String
    let count: Int
    let list: PartnershipListView

    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "anchor": anchor
        case "count": count
        case "list": list
        default: nil
        }
    }
}

struct PartnershipsView: ViewModel {
    let summary: String
    let groups: [YearGroup]

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "groups": groups
        case "hasYears": groups.count > 1
        default: nil
        }
    }
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
    /// The legal checklist of a Turkish sister-city relation; empty when it does not apply.
    let paperwork: [PaperworkItem]

    /// By length first, as ``MetaView/child(named:)``: a `switch` over 23 strings compared a name with each case before
    /// it in turn.
    func child(named name: String) -> Any? {
        switch name.utf8.count {
        case 4: name == "body" ? body : nil
        case 5:
            switch name {
            case "facts": facts
            case "areas": areas
            case "links": links
            default: nil
            }
        case 6: name == "cities" ? cities : nil
        case 7:
            switch name {
            case "dormant": dormant
            case "sources": sources
            case "hasBody": !body.isEmpty
            default: nil
            }
        case 8:
            switch name {
            case "modelURL": modelURL
            case "contacts": contacts
            case "hasFacts": !facts.isEmpty
            case "hasAreas": !areas.isEmpty
            case "hasLinks": !links.isEmpty
            default: nil
            }
        case 9: name == "paperwork" ? paperwork : nil
        case 10:
            switch name {
            case "modelTitle": modelTitle
            case "statusSlug": statusSlug
            case "activities": activities
            case "hasSources": !sources.isEmpty
            default: nil
            }
        case 11:
            switch name {
            case "statusLabel": statusLabel
            case "hasContacts": !contacts.isEmpty
            default: nil
            }
        case 12: name == "hasPaperwork" ? !paperwork.isEmpty : nil
        case 13: name == "hasActivities" ? !activities.isEmpty : nil
        case 16: name == "paperworkMissing" ? paperwork.filter { !$0.onFile }.count : nil
        default: nil
        }
    }
}

struct PaperworkItem: ViewModel {
    let paperLabel: String
    let onFile: Bool
    let paperState: String
    let paperDetail: String?
    let basis: String

    func child(named name: String) -> Any? {
        switch name {
        case "paperLabel": paperLabel
        case "onFile": onFile
        case "paperState": paperState
        case "paperDetail": paperDetail
        case "hasPaperDetail": paperDetail != nil
        case "basis": basis
        default: nil
        }
    }
}

struct ActivityView: ViewModel {
    let date: String
    let kindLabel: String
    let activityTitle: String
    let activityLink: String?

    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "kindLabel": kindLabel
        case "activityTitle": activityTitle
        case "activityLink": activityLink
        case "hasActivityLink": activityLink != nil
        default: nil
        }
    }
}

struct ContactView: ViewModel {
    let contactName: String
    let email: String?
    let phone: String?
    let contactCity: String?

    func child(named name: String) -> Any? {
        switch name {
        case "contactName": contactName
        case "email": email
        case "phone": phone
        case "contactCity": contactCity
        case "hasEmail": email != nil
        case "hasPhone": phone != nil
        case "hasContactCity": contactCity != nil
        default: nil
        }
    }
}

struct SourceView: ViewModel {
    let sourceTitle: String
    let sourceURL: String?
    let retrieved: String?

    func child(named name: String) -> Any? {
        switch name {
        case "sourceTitle": sourceTitle
        case "sourceURL": sourceURL
        case "retrieved": retrieved
        case "hasSourceURL": sourceURL != nil
        case "hasRetrieved": retrieved != nil
        default: nil
        }
    }
}

struct LetterGroup: ViewModel {
    let letter: String
    let anchor: String
    let cities: [CityRow]

    func child(named name: String) -> Any? {
        switch name {
        case "letter": letter
        case "anchor": anchor
        case "cities": cities
        default: nil
        }
    }
}

struct CityRow: ViewModel {
    let name: String
    let url: String
    let country: String
    let partnerCount: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "country": country
        case "partnerCount": partnerCount
        default: nil
        }
    }
}

struct CitiesView: ViewModel {
    let summary: String
    let letters: [LetterGroup]

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "letters": letters
        default: nil
        }
    }
}

struct PartnerRow: ViewModel {
    let statusSlug: String
    let partnerName: String
    let partnerURL: String
    let partnerCountry: String
    let partnerCountryURL: String
    let yearText: String
    let modelTitle: String
    let statusLabel: String
    let partnershipTitle: String
    let partnershipURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "statusSlug": statusSlug
        case "partnerName": partnerName
        case "partnerURL": partnerURL
        case "partnerCountry": partnerCountry
        case "partnerCountryURL": partnerCountryURL
        case "yearText": yearText
        case "modelTitle": modelTitle
        case "statusLabel": statusLabel
        case "partnershipTitle": partnershipTitle
        case "partnershipURL": partnershipURL
        default: nil
        }
    }
}

struct NetworkLink: ViewModel {
    let title: String
    let url: String
    let isSeat: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "isSeat": isSeat
        default: nil
        }
    }
}

struct CityView: ViewModel {
    /// The city and its partners as inline SVG, when the city has coordinates.
    let map: UTF8Text?
    let legend: String
    let countryName: String
    let countryURL: String
    let regionName: String?
    let regionURL: String?
    let kindLabel: String?
    let facts: [FactView]
    let body: String
    let partners: [PartnerRow]
    let networks: [NetworkLink]

    func child(named name: String) -> Any? {
        switch name {
        case "countryName": countryName
        case "countryURL": countryURL
        case "regionName": regionName
        case "regionURL": regionURL
        case "kindLabel": kindLabel
        case "facts": facts
        case "body": body
        case "partners": partners
        case "networks": networks
        case "map": map
        case "hasMap": map != nil
        case "legend": legend
        case "hasRegion": regionURL != nil
        case "hasKind": kindLabel != nil
        case "hasFacts": !facts.isEmpty
        case "hasBody": !body.isEmpty
        case "hasPartners": !partners.isEmpty
        case "partnerCount": partners.count
        case "hasNetworks": !networks.isEmpty
        default: nil
        }
    }
}

struct CountryRow: ViewModel {
    let name: String
    let url: String
    let cityCount: Int
    let partnershipCount: Int

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "cityCount": cityCount
        case "partnershipCount": partnershipCount
        default: nil
        }
    }
}

struct CountriesView: ViewModel {
    let summary: String
    let countries: [CountryRow]

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "countries": countries
        default: nil
        }
    }
}

struct CountryView: ViewModel {
    /// The country's cities as inline SVG.
    let map: UTF8Text?
    let summary: String
    let note: String
    let cities: [CityRow]
    let list: PartnershipListView

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "note": note
        case "cities": cities
        case "list": list
        case "map": map
        case "hasMap": map != nil
        case "hasNote": !note.isEmpty
        case "cityCount": cities.count
        case "partnershipCount": list.items.count
        default: nil
        }
    }
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
        listHeading: String = "", list: LazyList = LazyList(count: 0) { _ in () }, links: [LinkView] = []
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

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "body": body
        case "facts": facts
        case "members": members
        case "organisations": organisations
        case "listHeading": listHeading
        case "list": list
        case "links": links
        case "hasSummary": summary != nil
        case "hasBody": !body.isEmpty
        case "hasFacts": !facts.isEmpty
        case "hasMembers": !members.isEmpty
        case "memberCount": members.count
        case "hasOrganisations": !organisations.isEmpty
        case "hasList": !list.items.isEmpty
        case "listCount": list.items.count
        case "hasLinks": !links.isEmpty
        default: nil
        }
    }
}

struct SearchPageView: ViewModel {
    let citiesURL: String
    /// search-index.js of this language, and search.js at the output root.
    let indexScript: String
    let pageScript: String

    func child(named name: String) -> Any? {
        switch name {
        case "citiesURL": citiesURL
        case "indexScript": indexScript
        case "pageScript": pageScript
        default: nil
        }
    }
}

struct MapPageView: ViewModel {
    /// The world map as inline SVG.
    let map: UTF8Text
    /// The models' colours as an HTML list.
    let legend: String
    /// Cities that have no coordinates and so are not on the map.
    let unmapped: [LinkView]

    func child(named name: String) -> Any? {
        switch name {
        case "map": map
        case "legend": legend
        case "unmapped": unmapped
        case "hasUnmapped": !unmapped.isEmpty
        default: nil
        }
    }
}

struct StatsRow: ViewModel {
    let rowLabel: String
    let rowValue: String
    let extra: String?

    func child(named name: String) -> Any? {
        switch name {
        case "rowLabel": rowLabel
        case "rowValue": rowValue
        case "extra": extra
        case "hasExtra": extra != nil
        default: nil
        }
    }
}

struct ChartView: ViewModel {
    let chartID: String
    let chartTitle: String
    /// The chart as inline SVG, drawn at build time.
    let svg: String
    let note: String?
    let headers: [String]
    let rows: [StatsRow]

    func child(named name: String) -> Any? {
        switch name {
        case "chartID": chartID
        case "chartTitle": chartTitle
        case "svg": svg
        case "note": note
        case "hasNote": note != nil
        case "headers": headers
        case "rows": rows
        default: nil
        }
    }
}

struct StatsView: ViewModel {
    let summary: String
    let concentration: String?
    let charts: [ChartView]
    /// The open data files, relative to the page.
    let dataJSON: String
    let dataCSV: String
    let dataGeoJSON: String

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "concentration": concentration
        case "hasConcentration": concentration != nil
        case "charts": charts
        case "dataJSON": dataJSON
        case "dataCSV": dataCSV
        case "dataGeoJSON": dataGeoJSON
        default: nil
        }
    }
}

struct BodyView: ViewModel {
    let body: String

    func child(named name: String) -> Any? {
        switch name {
        case "body": body
        default: nil
        }
    }
}

struct NotFoundView: ViewModel {
    let citiesURL: String
    let partnershipsURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "citiesURL": citiesURL
        case "partnershipsURL": partnershipsURL
        default: nil
        }
    }
}

/// A view model Mustache reads through `child(named:)`: a switch over its fields, which is many times faster than the
/// Mirror reflection Mustache uses otherwise, and also offers derived values such as `hasPartners`.
protocol ViewModel: MustacheObject, Sendable {}
