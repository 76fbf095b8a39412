import Testing

@testable import KardesRendering

@Suite("sitemap.xml")
struct SitemapTests {
    /// The sitemap as it was written before it was written as bytes: one interpolated string per address.
    static func reference(pages: [String], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            let path = page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page
            xml += "<url><loc>\(Discovery.escape(baseURL + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    static let pages = [
        "index.html", "cities/tr/istanbul/index.html", "cities/index.html", "404.html", "stats/index.html", "a&b/index.html",
        "search/<q>/index.html", "quote\"d/index.html", "it's/index.html", "şehir/üsküdar/index.html", "\u{301}combining/index.html",
        "map/index.htm", "xindex.html", "index.html/index.html", "dup/index.html", "dup/index.html",
    ]

    @Test("its bytes are those of the addresses escaped one string at a time", arguments: [
        "https://example.org/rehber/", "https://example.org/a&b/", "https://örnek.org/", "https://example.org/x\u{301}", "",
    ])
    func sameBytes(baseURL: String) {
        #expect(Discovery.sitemapBytes(pages: Self.pages, baseURL: baseURL) == Array(Self.reference(pages: Self.pages, baseURL: baseURL).utf8))
        #expect(Discovery.sitemap(pages: Self.pages, baseURL: baseURL) == Self.reference(pages: Self.pages, baseURL: baseURL))
        #expect(Discovery.sitemap(pages: [], baseURL: baseURL) == Self.reference(pages: [], baseURL: baseURL))
    }

    @Test("an address with a character to escape is escaped")
    func escapes() {
        let xml = Discovery.sitemap(pages: ["a&b/index.html"], baseURL: "https://example.org/")
        #expect(xml.contains("<loc>https://example.org/a&amp;b/</loc>"))
    }
}
