/// A Markdown body rendered to HTML, with its entry links (`city:tr/istanbul`) left open until the page that shows
/// it is known, because links are relative to that page.
public struct RichText: Hashable, Sendable {
    /// A run of finished HTML, or the URL of the entry link with that index in `links`.
    public enum Segment: Hashable, Sendable {
        case html(String)
        case link(Int)
    }

    /// Where a body whose HTML is not held in memory comes from: a build reads a partnership's file again when it
    /// renders the partnership's page, so a directory of 100,000 partnerships does not keep every body's HTML at once.
    public struct Deferred: Hashable, Sendable {
        /// The file, relative to the site root.
        public let file: String
        /// A hash of the Markdown text, to tell whether the file still holds the text that was checked.
        public let fingerprint: UInt64
        /// Whether the HTML is empty.
        public let isEmpty: Bool

        public init(file: String, fingerprint: UInt64, isEmpty: Bool) {
            self.file = file
            self.fingerprint = fingerprint
            self.isEmpty = isEmpty
        }
    }

    /// The HTML; empty for a deferred body (see ``deferred``).
    public let segments: [Segment]
    public let links: [EntryLink]
    /// Set when the HTML is not held here but made again from the file when it is shown.
    public let deferred: Deferred?

    public init(segments: [Segment], links: [EntryLink]) {
        self.segments = segments
        self.links = links
        self.deferred = nil
    }

    /// A body whose HTML is made again from its file when it is shown; `links` are its entry links, as rendering
    /// that file gives them.
    public init(deferred: Deferred, links: [EntryLink]) {
        self.segments = []
        self.links = links
        self.deferred = deferred
    }

    public static let empty = RichText(segments: [], links: [])

    public var isEmpty: Bool { deferred?.isEmpty ?? segments.isEmpty }

    /// FNV-1a over the UTF-8 of `text`: the fingerprint of a deferred body.
    public static func fingerprint(of text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
            return hash
        }
    }

    /// The HTML with each entry link's URL filled in by `url`.
    public func html(resolving url: (EntryLink) -> String) -> String {
        // A body without entry links is its one segment, taken as it is; otherwise room for the whole text is made
        // once, rather than the text copied into larger memory as it grows.
        if segments.count == 1, case .html(let text) = segments[0] { return text }
        var result = ""
        var room = 0
        for segment in segments { if case .html(let text) = segment { room += text.utf8.count } else { room += 64 } }
        result.reserveCapacity(room)
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
