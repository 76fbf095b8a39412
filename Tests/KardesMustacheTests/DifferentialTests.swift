import KardesMustache
import Mustache
import Testing

@Suite("Byte-identical to swift-mustache")
struct DifferentialTests {
    @Test("generated templates and data render identically", arguments: 0..<400)
    func generatedCase(seed: Int) {
        var generator = CaseGenerator(seed: UInt64(seed))
        let templates = generator.templates()
        let data = generator.data()
        guard let engines = EnginePair(templates: templates) else {
            // A template one engine refuses must be refused by the other at the same place.
            for (name, text) in templates {
                #expect(ParseOutcome.ours(text) == ParseOutcome.reference(text), "template \(name): \(text.debugDescription)")
            }
            return
        }
        let (ours, reference) = engines.render(data, template: "main")
        #expect(
            ours == reference,
            """
            seed \(seed)
            templates: \(templates)
            ours:      \(String(decoding: ours, as: UTF8.self).debugDescription)
            reference: \(String(decoding: reference, as: UTF8.self).debugDescription)
            """)
    }

    @Test("almost every generated case parses, so the comparison above is of renders, not of errors")
    func generatedCasesParse() {
        var parsed = 0
        var bytes = 0
        for seed in 0..<400 {
            var generator = CaseGenerator(seed: UInt64(seed))
            let templates = generator.templates()
            guard let engines = EnginePair(templates: templates) else { continue }
            parsed += 1
            bytes += engines.render(generator.data(), template: "main").ours.count
        }
        print("generated cases: \(parsed) of 400 parse, \(bytes) bytes rendered")
        #expect(parsed >= 380)
    }

    @Test("value kinds print and test alike", arguments: [
        "{{v}}|{{{v}}}|{{#v}}[{{.}}]{{/v}}|{{^v}}none{{/v}}",
        "{{#v}}{{#.}}<{{.}}>{{/.}}{{/v}}",
        "{{^v}}{{.}}{{/v}}",
        "{{v.name}}{{#v}}{{name}}{{/v}}",
    ])
    func valueKinds(template: String) throws {
        let values: [Any] = [
            "text", Substring("sub<string>"), 0, -12, 3.25, 1e100, true, false, String?.none as Any, String?.some("some") as Any,
            Int?.some(7) as Any, [Int](), ["a", "b"], [1, 2], [String?.none as Any, "z"], ["name": "dict"] as [String: String],
            ["name": 1] as [String: Any], [String: Any](), TestObject(["name": "object"]), [TestObject(["name": "in array"])],
            Set(["only"]), ["r", "s"].reversed(), "İ<ü>&\"'ş",
        ]
        let engines = try #require(EnginePair(templates: ["t": template]))
        for value in values {
            for root in [TestObject(["v": value]), ["v": value] as [String: Any]] as [Any] {
                let (ours, reference) = engines.render(root, template: "t")
                #expect(
                    ours == reference,
                    "\(value): \(String(decoding: ours, as: UTF8.self)) vs \(String(decoding: reference, as: UTF8.self))")
            }
        }
    }

    @Test("lookups climb the context stack past missing names only")
    func stackLookups() throws {
        let template = "{{#outer}}{{#inner}}{{name}}/{{outerOnly}}/{{rootOnly}}/{{.name}}/{{inner.name}}{{/inner}}{{/outer}}"
        let engines = try #require(EnginePair(templates: ["t": template]))
        let data = TestObject([
            "rootOnly": "root",
            "name": "root-name",
            "outer": TestObject(["outerOnly": "outer", "inner": TestObject(["name": String?.none as Any])]),
        ])
        let (ours, reference) = engines.render(data, template: "t")
        #expect(ours == reference)
        #expect(String(decoding: ours, as: UTF8.self) == "nil/outer/root/nil/nil")
    }

    @Test("indented partials indent every line, as swift-mustache does")
    func indentedPartials() throws {
        let templates = [
            "t": "<ul>\n  {{>item}}\n\t{{>list}}\n</ul>\n",
            "item": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n",
            "list": "a\r\n{{#items}}{{.}}\n{{/items}}\n  {{>item}}\nend",
        ]
        let engines = try #require(EnginePair(templates: templates))
        let (ours, reference) = engines.render(["items": ["x", "y\nz"]] as [String: Any], template: "t")
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
    }
}
