import KardesMustache
import Testing

/// The engine tells the most common value types apart by their exact type before casting to protocols; these check
/// that each shortcut renders what the general path renders for the same data.
@Suite("Value shortcuts")
struct FastPathTests {
    struct Row: MustacheObject, Sendable {
        let name: String
        let count: Int
        let flag: Bool
        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "count": count
            case "flag": flag
            default: nil
            }
        }
    }

    struct Page: MustacheObject {
        let values: [String: Any]
        func child(named key: String) -> Any? { values[key] }
    }

    static let rows = [Row(name: "İstanbul & <Köln>", count: 3, flag: true), Row(name: "Izmir", count: 0, flag: false)]
    static let template = """
        {{#list}}[{{name}}|{{{name}}}|{{count}}|{{flag}}|{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}|{{t.hello}}|{{shared.name}}]{{/list}}\
        {{^list}}empty{{/list}}{{#shared}}<{{name}}>{{/shared}}{{^shared}}none{{/shared}}{{#on}}on{{/on}}{{^off}}off{{/off}}
        """

    func render(list: Any) throws -> String? {
        let library = MustacheLibrary(templates: ["main": try MustacheTemplate(Self.template)])
        let page = Page(values: [
            "list": list, "t": ["hello": "merhaba"], "shared": Shared(Row(name: "Ankara", count: 1, flag: true)), "on": true, "off": false,
        ])
        return library.render(page, template: "main")
    }

    @Test("a list of objects renders as the same list of values, an array, or an array of Any")
    func lists() throws {
        let rows = Self.rows
        let expected = try render(list: LazyList(count: rows.count) { rows[$0] as Any })
        #expect(expected?.contains("[İstanbul &amp; &lt;Köln&gt;|İstanbul & <Köln>|3|true|yes|merhaba|Ankara]") == true)
        #expect(expected?.contains("[Izmir|Izmir|0|false|no|merhaba|Ankara]") == true)
        #expect(expected?.hasSuffix("<Ankara>onoff") == true)
        #expect(try render(list: LazyList(count: rows.count, objects: { rows[$0] })) == expected)
        #expect(try render(list: rows) == expected)
        #expect(try render(list: rows.map { $0 as Any }) == expected)
    }

    @Test("empty lists of every kind render the inverted section")
    func emptyLists() throws {
        let none: [Row] = []
        let expected = try render(list: none)
        #expect(expected == "empty<Ankara>onoff")
        #expect(try render(list: LazyList(count: 0, objects: { _ in Row(name: "", count: 0, flag: false) })) == expected)
        #expect(try render(list: [Any]()) == expected)
    }

    @Test("text given as UTF-8 bytes renders as the same text given as a string, escaped or not")
    func utf8Text() throws {
        let library = MustacheLibrary(templates: ["main": try MustacheTemplate("{{{svg}}}|{{svg}}|{{#on}}{{{svg}}}{{/on}}")])
        let text = "<svg><title>İstanbul & Köln “ş”</title></svg>"
        let asString = library.render(Page(values: ["svg": text, "on": true]), template: "main")
        let asBytes = library.render(Page(values: ["svg": UTF8Text(bytes: Array(text.utf8)), "on": true]), template: "main")
        #expect(asBytes == asString)
        #expect(asString?.hasPrefix(text + "|&lt;svg&gt;") == true)
        #expect(UTF8Text(bytes: Array(text.utf8)).description == text)
    }

    /// A value of static type `Any` passed on as a generic value and made `Any` again: an `Any` inside an `Any`,
    /// whose type `type(of:)` sees through and opening the outer one does not.
    struct Wrapped: MustacheObject {
        let values: [String: Any]
        static func twice<Value>(_ value: Value) -> Any { value }
        func child(named key: String) -> Any? { values[key].map { Self.twice($0) } }
    }

    @Test("values inside an Any inside an Any render as themselves")
    func nestedExistentials() throws {
        let template = "{{name}}|{{count}}|{{flag}}|{{#flag}}yes{{/flag}}|{{{svg}}}|{{#shared}}<{{name}}>{{/shared}}|{{shared.name}}|{{#list}}[{{name}}]{{/list}}|{{t.hello}}"
        let library = MustacheLibrary(templates: ["main": try MustacheTemplate(template)])
        let values: [String: Any] = [
            "name": "Köln & <İzmir>", "count": 7, "flag": true, "svg": UTF8Text(bytes: Array("<g/>".utf8)),
            "shared": Shared(Self.rows[1]), "list": Self.rows, "t": ["hello": "merhaba"],
        ]
        let plain = library.render(Page(values: values), template: "main")
        #expect(plain == "Köln &amp; &lt;İzmir&gt;|7|true|yes|<g/>|<Izmir>|Izmir|[İstanbul &amp; &lt;Köln&gt;][Izmir]|merhaba")
        #expect(library.render(Wrapped(values: values), template: "main") == plain)
    }
}
