/// A Markdown body rendered to HTML, with its entry links (`city:tr/istanbul`) left open until the page that shows
/// it is known, because links are relative to that page.
public struct RichText: Hashable, Sendable {
    /// A run of finished HTML, or the URL of the entry link with that index in `links`.
    public enum Segment: Hashable, Sendable {
        case html(String)
        case link(Int)
    }

    public let segments: [Segment]
    public let links: [EntryLink]

    public init(segments: [Segment], links: [EntryLink]) {
        self.segments = segments
        self.links = links
    }

    public static let empty = RichText(segments: [], links: [])

    public var isEmpty: Bool { segments.isEmpty }

    /// The HTML with each entry link's URL filled in by `url`.
    public func html(resolving url: (EntryLink) -> String) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .html(let text): result += text
            case .link(let index): result += url(links[index])
            }
        }
        return result
    }
}

/// A link in Markdown that names an entry instead of a URL: `[Houston](city:us/houston)`.
public struct EntryLink: Hashable, Sendable {
    /// The kinds of entry a link can name, spelt as in Markdown.
    public enum Kind: String, Sendable, CaseIterable {
        case city, partnership, model, country, network, page
    }

    public let kind: Kind
    /// What follows the colon: `us/houston`, `sister-city`, `tr`.
    public let target: String
    /// An optional `#fragment` kept after resolving.
    public let fragment: String?
    /// The link's visible text (`Houston`), which may name the entry when the target is misspelt.
    public let text: String
    public let location: SourceLocation

    public init(kind: Kind, target: String, fragment: String?, text: String = "", location: SourceLocation) {
        self.kind = kind
        self.target = target
        self.fragment = fragment
        self.text = text
        self.location = location
    }
}
