import KardesMarkdown
import KardesModel
import Testing

@Suite("Markdown")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    func html(_ text: RichText) -> String { text.html { "[\($0.kind.rawValue):\($0.target)]" } }

    @Test("CommonMark renders with smart punctuation")
    func smart() {
        let text = renderer.render("\"Kardeş\" kentler -- 1920...", file: "a.md")
        #expect(html(text) == "<p>“Kardeş” kentler – 1920…</p>\n")
    }

    @Test("entry links are kept open with their position in the file")
    func entryLinks() throws {
        let text = renderer.render("Giriş.\n\nBkz. [Houston](city:us/houston) ve [model](model:sister-city#tarih).", file: "content/x.md", firstLine: 5)
        #expect(text.links.count == 2)
        let first = try #require(text.links.first)
        #expect(first.kind == .city && first.target == "us/houston")
        #expect(first.location == SourceLocation(file: "content/x.md", line: 7, column: 6))
        #expect(text.links[1].fragment == "tarih")
        #expect(html(text) == "<p>Giriş.</p>\n<p>Bkz. <a href=\"[city:us/houston]\">Houston</a> ve <a href=\"[model:sister-city]\">model</a>.</p>\n")
    }

    @Test(
        "an entry link's column counts Unicode scalars, after indentation and on lines ending in CRLF",
        arguments: [
            ("Şimdi **ğ** [Köln](city:de/koln)", 1, 13), ("Satır\n  [Köln](city:de/koln) devam", 2, 3),
            ("a\r\nçç [x](city:tr/x)", 2, 4), ("東京 [x](city:jp/x)\n\n- 🇹🇷 [y](city:tr/y)", 1, 4),
            ("- [x](city:tr/x)", 1, 3), ("> alıntı\n> [x](city:tr/x)", 2, 3),
        ])
    func entryLinkColumns(body: String, line: Int, column: Int) throws {
        let link = try #require(renderer.render(body, file: "content/x.md").links.first)
        #expect(link.location.line == line)
        #expect(link.location.column == column)
    }

    @Test("entry links at the start, at the end and side by side are cut out of the HTML in order, among many k's")
    func entrySegments() throws {
        let text = renderer.render("[a](city:tr/a)[b](city:tr/b) kk kardeş k\n\nkent [c](city:tr/c)", file: "a.md")
        #expect(text.links.map(\.target) == ["tr/a", "tr/b", "tr/c"])
        #expect(text.segments.filter { if case .link = $0 { true } else { false } } == [.link(0), .link(1), .link(2)])
        #expect(html(text) == "<p><a href=\"[city:tr/a]\">a</a><a href=\"[city:tr/b]\">b</a> kk kardeş k</p>\n<p>kent <a href=\"[city:tr/c]\">c</a></p>\n")
        let last = try #require(text.links.last)
        #expect(last.location.line == 3 && last.location.column == 6)
        // A link on the last line, with and without a line end after it.
        for body in ["x\ny\n[z](city:tr/z)", "x\ny\n[z](city:tr/z)\n", "\n\n\n[z](city:tr/z)\n\n"] {
            let link = try #require(renderer.render(body, file: "a.md").links.first)
            #expect(link.location.line == body.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("[z]") }! + 1)
            #expect(link.location.column == 1)
        }
        #expect(renderer.render("", file: "a.md").segments.isEmpty)
    }

    @Test("raw HTML and unsafe URLs are dropped unless allowed")
    func safety() {
        let source = "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>kalın</b>"
        let safe = html(renderer.render(source, file: "a.md"))
        #expect(!safe.contains("<script>") && !safe.contains("javascript:") && !safe.contains("<b>"))
        let unsafe = html(MarkdownRenderer(unsafeHTML: true).render(source, file: "a.md"))
        #expect(unsafe.contains("<script>") && unsafe.contains("<b>kalın</b>"))
    }

    @Test("ordinary links pass through unchanged")
    func ordinaryLinks() {
        let text = renderer.render("[site](https://example.org/) [mail](mailto:a@example.org)", file: "a.md")
        #expect(text.links.isEmpty)
        #expect(html(text).contains("href=\"https://example.org/\""))
    }
}

@Suite("Markdown: entry links without HTML")
struct EntryLinkOutlineTests {
    static let bodies = [
        "", "\n\n", "   \n", "[ref]: https://example.org/\n", "Düz metin.", "# Başlık\n\n- [Houston](city:us/houston)\n- [x](https://e.org)",
        "Giriş.\n\n> Alıntı [model](model:sister-city#tarih)\n\n    kod [a](city:tr/x)\n",
        "Satır\n  [Köln](city:de/koln) girintili devam\n\n1. [ağ](network:nalas)\n", "<div>ham</div>\n", "***\n",
        "[boş]()", "Çok [bir](city:tr/a) [iki](city:tr/b)\n\n[üç](partnership:a-b)",
    ]

    @Test("lists the same links as rendering, and knows when the HTML is empty", arguments: bodies)
    func sameAsRendering(body: String) {
        for renderer in [MarkdownRenderer(), MarkdownRenderer(unsafeHTML: true, smartPunctuation: false)] {
            let rendered = renderer.render(body, file: "content/p.md", firstLine: 4)
            let outline = renderer.entryLinks(in: body, file: "content/p.md", firstLine: 4)
            #expect(outline.links == rendered.links)
            #expect(outline.isEmpty == rendered.isEmpty)
        }
    }

    @Test("a deferred body is empty only when its HTML would be")
    func deferredEmptiness() {
        let fingerprint = RichText.fingerprint(of: "x")
        #expect(RichText(deferred: .init(file: "a.md", fingerprint: fingerprint, isEmpty: true), links: []).isEmpty)
        #expect(!RichText(deferred: .init(file: "a.md", fingerprint: fingerprint, isEmpty: false), links: []).isEmpty)
        #expect(RichText.fingerprint(of: "Kardeş") != RichText.fingerprint(of: "Kardes"))
        #expect(RichText.fingerprint(of: "") == 0xcbf2_9ce4_8422_2325)
    }
}
