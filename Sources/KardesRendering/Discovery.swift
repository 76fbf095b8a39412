import KardesLinking
import KardesModel

/// The files that need the site's absolute address (`base_url`): the Atom feed, the sitemap and robots.txt.
public enum Discovery {
    /// How many partnerships the feed carries.
    public static let feedLength = 50

    static func escape(_ text: String) -> String {
        // Most texts (every page address) hold none of the five; then there is nothing to replace.
        if !text.utf8.contains(where: isEscaped) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A partial date as an RFC 3339 time at midnight UTC, missing parts taken as the first.
    static func timestamp(_ date: PartialDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month ?? 1))-\(two(date.day ?? 1))T00:00:00Z"
    }

    /// `feed.xml`: the newest partnerships (by establishment) as an Atom feed. Its time comes from the content, never
    /// from the clock, so the same content gives the same bytes.
    public static func atomFeed(_ site: LinkedSite, baseURL: String) -> String {
        // Newest first, then by slug; each date looked up once, not twice in every comparison of the sort.
        let dated = site.partnershipOrder.compactMap { id in site.partnerships[id]?.established.map { (id: id, date: $0) } }
            .sorted { a, b in a.date != b.date ? a.date > b.date : a.id.slug < b.id.slug }
            .map(\.id)
        let entries = dated.prefix(feedLength)
        let newest = entries.compactMap { site.partnerships[$0]?.lastSignOfLife }.max()
            ?? site.partnerships.values.compactMap(\.lastSignOfLife).max()
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(site.language))">
            <title>\(escape(site.config.title))</title>
            \(site.config.description.map { "<subtitle>\(escape($0))</subtitle>\n" } ?? "")<id>\(escape(baseURL))</id>
            <link rel="self" href="\(escape(baseURL))feed.xml"/>
            <link rel="alternate" type="text/html" href="\(escape(baseURL))"/>
            <updated>\(newest.map(timestamp) ?? "1970-01-01T00:00:00Z")</updated>
            <author><name>\(escape(site.config.title))</name></author>
            <generator>kardes</generator>

            """
        for id in entries {
            let partnership = site.partnerships[id]!
            let url = baseURL + Route.partnership(id)
            let cities = (site.partnershipCities[id] ?? []).map { "\(site.name(of: $0)) (\(site.countryName($0.country)))" }
            let summary = [cities.joined(separator: ", "), site.model(partnership.model.value)?.title, partnership.purpose]
                .compactMap { $0 }.joined(separator: " · ")
            xml += """
                <entry>
                <title>\(escape(site.title(of: id)))</title>
                <id>\(escape(url))</id>
                <link rel="alternate" type="text/html" href="\(escape(url))"/>
                <published>\(timestamp(partnership.established!))</published>
                <updated>\(timestamp(partnership.lastSignOfLife ?? partnership.established!))</updated>
                <summary>\(escape(summary))</summary>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// `sitemap.xml`: every page of every language.
    public static func sitemap(pages: [String], baseURL: String) -> String {
        String(decoding: sitemapBytes(pages: pages, baseURL: baseURL), as: UTF8.self)
    }

    /// ``sitemap(pages:baseURL:)`` as UTF-8 bytes, written as bytes: tens of thousands of addresses were as many
    /// interpolated strings appended one by one.
    public static func sitemapBytes(pages: [String], baseURL: String) -> [UInt8] {
        var xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        let base = Array(escape(baseURL).utf8), open = Array("<url><loc>".utf8), close = Array("</loc></url>\n".utf8)
        let suffix = Array("index.html".utf8)
        xml.reserveCapacity(xml.count + pages.count * (base.count + open.count + close.count + 48))
        for page in pages.sorted() {
            var page = page
            let appended: Bool = page.withUTF8 { bytes in
                // ASCII without any of the five escaped characters: escaping the base address and the path apart
                // then gives what escaping them together does (no character spans the two). Others go the long way.
                guard bytes.allSatisfy({ $0 < 0x80 && !Self.isEscaped($0) }) else { return false }
                let end = bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix) ? bytes.count - suffix.count : bytes.count
                xml += open
                xml += base
                xml.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<end]))
                xml += close
                return true
            }
            if !appended {
                let path = page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page
                xml += Array("<url><loc>\(escape(baseURL + path))</loc></url>\n".utf8)
            }
        }
        return xml + Array("</urlset>\n".utf8)
    }

    /// Whether ``escape(_:)`` replaces `byte`.
    @inline(__always)
    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// `robots.txt`: everything may be crawled; the sitemap is named.
    public static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
