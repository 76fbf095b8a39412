import KardesLinking
import KardesModel

/// The files that need the site's absolute address (`base_url`): the Atom feed, the sitemap and robots.txt.
public enum Discovery {
    /// How many partnerships the feed carries.
    public static let feedLength = 50

    static func escape(_ text: String) -> String {
        // Most texts (every page address) hold none of the five; then there is nothing to replace.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) {
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
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            let path = page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page
            xml += "<url><loc>\(escape(baseURL + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// `robots.txt`: everything may be crawled; the sitemap is named.
    public static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
