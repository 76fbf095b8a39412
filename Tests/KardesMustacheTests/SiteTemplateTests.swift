import Foundation
import KardesMustache
import Mustache
import Testing

/// The site's real templates (`templates/*.mustache` at the repository root), rendered by both engines.
@Suite("Site templates")
struct SiteTemplateTests {
    static let templatesDirectory = URL(fileURLWithPath: testsDirectory())
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates").path

    static func siteTemplates() throws -> [String: String] {
        var templates: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: templatesDirectory) where file.hasSuffix(".mustache") {
            templates[String(file.dropLast(".mustache".count))] = try String(
                contentsOfFile: templatesDirectory + "/" + file, encoding: .utf8)
        }
        return templates
    }

    static func link(_ title: String, _ url: String) -> TestObject {
        TestObject(["title": title, "url": url, "name": title])
    }

    /// A partnership page like the one `Renderer` builds, with HTML specials and Turkish and CJK text.
    static func partnershipPage(number: Int = 0) -> TestObject {
        let meta = TestObject([
            "lang": "tr",
            "title": "İstanbul – Kyoto <kardeş şehir> \(number)",
            "documentTitle": "İstanbul – Kyoto | Kardeş Şehirler",
            "description": String?.some("Two cities & one \"partnership\"") as Any,
            "canonical": "https://example.org/tr/partnerships/istanbul-kyoto/",
            "structuredData": #"{"@type":"Thing","name":"İstanbul & 京都"}"#,
            "stylesheet": "/style.css",
            "favicon": "/favicon.svg",
            "homeURL": "/tr/",
            "searchURL": "/tr/search/",
            "languageRoot": "/tr/",
            "portable": false,
            "hasLanguages": true,
            "languages": [
                TestObject(["code": "tr", "url": "/tr/", "name": "Türkçe", "current": true]),
                TestObject(["code": "ja", "url": "/ja/", "name": "日本語", "current": false]),
            ],
            "nav": [link("Şehirler", "/tr/cities/"), link("Ülkeler", "/tr/countries/")],
            "hasBreadcrumbs": true,
            "breadcrumbs": [link("Ana sayfa", "/tr/"), link("Kardeşlikler", "/tr/partnerships/")],
            "hasFooterPages": false,
            "footerPages": [TestObject](),
            "browse": [link("Harita", "/tr/map/")],
        ])
        let content = TestObject([
            "modelURL": "/tr/models/sister-city/",
            "modelTitle": "Kardeş şehir",
            "statusSlug": "active",
            "statusLabel": "Etkin",
            "dormant": number % 2 == 0,
            "cities": [
                TestObject(["url": "/tr/cities/tr/istanbul/", "name": "İstanbul", "countryURL": "/tr/countries/tr/", "country": "Türkiye"]),
                TestObject(["url": "/tr/cities/jp/kyoto/", "name": "京都市", "countryURL": "/tr/countries/jp/", "country": "Japonya"]),
            ],
            "hasFacts": true,
            "facts": [
                TestObject(["label": "Kuruluş", "value": "1972", "hasLink": false]),
                TestObject(["label": "Kaynak", "value": "Belediye <site>", "hasLink": true, "link": "https://example.org/?a=1&b=2"]),
            ],
            "hasPaperwork": true,
            "paperwork": [
                TestObject(["onFile": true, "paperState": "✓", "paperLabel": "Protokol", "hasPaperDetail": true, "paperDetail": "1972-05-01",
                            "basis": "arşiv"]),
                TestObject(["onFile": false, "paperState": "✗", "paperLabel": "Karar", "hasPaperDetail": false, "basis": "—"]),
            ],
            "hasAreas": true,
            "areas": [link("Kültür & sanat", "/tr/areas/culture/")],
            "hasBody": true,
            "body": "<p>İki şehir arasındaki <em>kardeşlik</em> ilişkisi.</p>\n<p>京都と・イスタンブール</p>",
            "hasActivities": true,
            "activities": [
                TestObject(["date": "2019-04-01", "kindLabel": "Ziyaret", "hasActivityLink": true, "activityLink": "https://example.org/a",
                            "activityTitle": "Heyet \"ziyareti\""]),
                TestObject(["date": "2020-01-01", "kindLabel": "Sergi", "hasActivityLink": false, "activityTitle": "Sergi"]),
            ],
            "hasContacts": true,
            "contacts": [TestObject(["contactName": "Ayşe Yılmaz", "hasEmail": true, "email": "ayse@example.org", "hasPhone": false,
                                     "hasContactCity": true, "contactCity": "İstanbul"])],
            "hasLinks": true,
            "links": ["https://example.org/1", "https://example.org/2?x=<y>"],
            "hasSources": true,
            "sources": [TestObject(["hasSourceURL": true, "sourceURL": "https://example.org/s", "sourceTitle": "Kaynak 1",
                                    "hasRetrieved": true, "retrieved": "2024-01-02"])],
            // For the list templates, which read other names.
            "items": [TestObject(["url": "/tr/p/1/", "title": "Bir", "hasYear": true, "yearText": "1972", "modelTitle": "Kardeş",
                                  "statusSlug": "active", "statusLabel": "Etkin", "dormant": false,
                                  "cityLinks": [TestObject(["url": "/a/", "name": "A", "country": "TR", "separator": ", "])]])],
        ])
        let site = TestObject(["title": "Kardeş Şehirler", "description": String?.some("Şehirler & ortaklıklar") as Any])
        let strings: [String: String] = [
            "skip_to_content": "İçeriğe geç", "main_navigation": "Ana gezinme", "search": "Ara", "search_label": "Sitede ara",
            "search_placeholder": "Şehir, ülke…", "languages": "Diller", "breadcrumbs": "Konum", "cities": "Şehirler", "facts": "Bilgiler",
            "paperwork": "Belgeler", "paperwork_note": "Arşiv durumu", "areas": "Alanlar", "description": "Açıklama",
            "activities": "Etkinlikler", "contacts": "İletişim", "links": "Bağlantılar", "sources": "Kaynaklar", "retrieved": "erişim",
            "possibly_dormant": "Belki durgun", "footer_navigation": "Alt gezinme", "browse": "Gezin", "made_with": "kardes ile yapıldı",
        ]
        return TestObject(["meta": meta, "content": content, "site": site, "t": strings])
    }

    @Test("every site template renders a partnership page identically")
    func siteTemplatesRenderIdentically() throws {
        let templates = try Self.siteTemplates()
        #expect(templates["layout"] != nil && templates["partnership"] != nil)
        let engines = try #require(EnginePair(templates: templates))
        let page = Self.partnershipPage()
        for name in templates.keys.sorted() {
            let (ours, reference) = engines.render(page, template: name)
            #expect(ours == reference, "template \(name)")
        }
        let (ours, _) = engines.render(page, template: "partnership")
        let html = String(decoding: ours, as: UTF8.self)
        #expect(html.contains("<title>İstanbul – Kyoto | Kardeş Şehirler</title>"))
        #expect(html.contains("<h1>İstanbul – Kyoto &lt;kardeş şehir&gt; 0</h1>"))
    }

    /// Prints how long both engines take for the same renders; not a timed assertion.
    /// `KARDES_MUSTACHE_RENDERS=20000 swift test -c release …` gives the comparison in the report.
    @Test("speed of both engines on the layout and partnership templates")
    func speed() throws {
        let count = Int(ProcessInfo.processInfo.environment["KARDES_MUSTACHE_RENDERS"] ?? "") ?? 200
        let engines = try #require(EnginePair(templates: try Self.siteTemplates()))
        let pages = (0..<10).map { Self.partnershipPage(number: $0) }
        let clock = ContinuousClock()
        var bytes = 0
        let oursTime = clock.measure {
            var output: [UInt8] = []
            for index in 0..<count {
                output.removeAll(keepingCapacity: true)
                engines.ours.render(pages[index % pages.count], template: "partnership", into: &output)
                bytes += output.count
            }
        }
        let referenceTime = clock.measure {
            for index in 0..<count {
                bytes += engines.reference.render(pages[index % pages.count], withTemplate: "partnership")?.utf8.count ?? 0
            }
        }
        print("\(count) renders of partnership+layout: KardesMustache \(oursTime), swift-mustache \(referenceTime) (\(bytes) bytes)")
        #expect(bytes > 0)
    }
}
