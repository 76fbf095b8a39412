import KardesModel
import KardesRendering
import Testing

@Suite("Theme")
struct ThemeTests {
    @Test("the default theme is embedded and parses")
    func embedded() throws {
        let theme = try Theme()
        #expect(theme.files["layout.mustache"] != nil)
        #expect(theme.files["style.css"] != nil)
        #expect(theme.strings(for: "tr")["cities"] == "Kentler")
        #expect(theme.strings(for: "en")["cities"] == "Cities")
    }

    @Test("a site's template overrides that one file")
    func override() throws {
        let theme = try Theme(overrides: ["page.mustache": "{{<layout}}{{$main}}<p>custom</p>{{/main}}{{/layout}}"])
        #expect(theme.files["page.mustache"]?.contains("custom") == true)
        #expect(theme.files["city.mustache"] == (try Theme()).files["city.mustache"])
    }

    @Test("a broken template is reported at its line and column")
    func broken() throws {
        do {
            _ = try Theme(overrides: ["page.mustache": "<main>\n{{#items}}\n<p>x</p>\n"])
            Issue.record("expected a template error")
        } catch {
            guard case .content(let diagnostics) = error else { Issue.record("wrong failure \(error)"); return }
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.location.file == "templates/page.mustache")
            #expect(diagnostics.first?.problem.hasPrefix("template error") == true)
        }
    }
}
