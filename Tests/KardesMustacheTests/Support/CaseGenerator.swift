/// Generates templates and data from a seed, mixing every feature the differential tests compare.
struct CaseGenerator {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    static let names = ["a", "b", "name", "items", "flag", "n", "s", "opt", "user", "list", "dict", "x", "empty", "missing"]
    static let paths = ["user.name", "dict.a", "user.user.s", "a.b", "items.name", "x.missing", ".", ".name", "dict.x.s"]
    static let texts = [
        "Hello ", "x", " ", "\n", "  ", "\t", "<p>", "&amp;", "İstanbul ", "ğüşıöç ĞÜŞİÖÇ", "日本語", "北京", "\r\n", "{x", "}",
        "a}b", "é", "\"q\"", "'s'", "—", "🙂",
    ]
    static let strings = [
        "plain", "", "Üsküdar", "İzmir ılık", "東京 & 大阪", "<b>bold</b>", "a & b", "\"quoted\" 'single'", "line\nbreak",
        "tab\there", "e\u{301}", "<\u{301}", "x>\u{300}y", "\u{600}<", "🙂&🙃", "  spaced  ", "{{name}}",
    ]

    // MARK: Data

    mutating func data() -> Any {
        random.chance(60) ? TestObject(fields(depth: 3)) : fields(depth: 3)
    }

    mutating func fields(depth: Int) -> [String: Any] {
        var fields: [String: Any] = [:]
        for name in Self.names where name != "missing" && random.chance(80) {
            fields[name] = value(depth: depth)
        }
        return fields
    }

    mutating func value(depth: Int) -> Any {
        let kinds = depth > 0 ? 16 : 8
        switch random.int(0...(kinds - 1)) {
        case 0: return random.pick(Self.strings)
        case 1: return random.pick([0, 1, -7, 42, 1_000_000])
        case 2: return random.chance(50)
        case 3: return random.pick([1.5, 0.1, -0.0, 1e20, 3.0])
        case 4: return Substring(random.pick(Self.strings).dropFirst())
        case 5: return String?.none as Any
        case 6: return String?.some(random.pick(Self.strings)) as Any
        case 7: return Int?.some(5) as Any
        case 8: return (0..<random.int(0...3)).map { _ in random.pick(Self.strings) }
        case 9: return (0..<random.int(0...3)).map { _ in TestObject(fields(depth: depth - 1)) }
        case 10: return (0..<random.int(0...3)).map { _ in value(depth: depth - 1) } as [Any]
        case 11: return [Any]()
        case 12: return fields(depth: depth - 1)
        case 13: return ["a": random.pick(Self.strings), "name": "dict-name"] as [String: String]
        case 14: return TestObject(fields(depth: depth - 1))
        default:
            let optionals: [String?] = [nil, "x"]
            return random.chance(50) ? [true, false] : optionals
        }
    }

    // MARK: Templates

    mutating func name() -> String {
        random.chance(75) ? random.pick(Self.names) : random.pick(Self.paths)
    }

    /// A template body; `partials` says whether partial and parent tags may appear.
    mutating func template(depth: Int, partials: Bool) -> String {
        var text = ""
        for _ in 0..<random.int(1...6) {
            text += piece(depth: depth, partials: partials)
        }
        return text
    }

    mutating func piece(depth: Int, partials: Bool) -> String {
        let indent = random.pick(["", "", "  ", "\t", " "])
        switch random.int(0...(depth > 0 ? 11 : 5)) {
        case 0, 1: return random.pick(Self.texts)
        case 2: return "{{\(name())}}"
        case 3: return random.pick(["{{{\(name())}}}", "{{&\(name())}}", "{{ \(name()) }}"])
        case 4: return random.chance(50) ? "{{! a comment }}" : "\n\(indent){{! standalone\ncomment }}\n"
        case 5: return random.chance(70) ? "\n" : " — "
        case 6, 7, 8:
            let sigil = random.chance(65) ? "#" : "^"
            let name = name()
            let body = template(depth: depth - 1, partials: partials)
            if random.chance(50) {
                return "\n\(indent){{\(sigil)\(name)}}\n\(body)\n\(indent){{/\(name)}}\n"
            }
            return "{{\(sigil)\(name)}}\(body){{/\(name)}}"
        case 9:
            guard partials else { return "{{\(name())}}" }
            let partial = random.pick(["p1", "p2", "nope"])
            return random.chance(50) ? "\n\(indent){{>\(partial)}}\n" : "{{> \(partial)}}"
        case 10:
            // Blocks only where partials may be, so no override contains a block of its own name (which recurses
            // forever in both engines).
            guard partials else { return "{{\(name())}}" }
            let body = template(depth: depth - 1, partials: partials)
            // A standalone block is indented here: swift-mustache indents an override of an unindented one
            // differently from the specification, which this engine follows (see `SpecTests.referenceDeviations`).
            let blockIndent = indent.isEmpty ? " " : indent
            return random.chance(50) ? "{{$blk}}\(body){{/blk}}" : "\n\(blockIndent){{$other}}\n\(body)\n{{/other}}\n"
        default:
            guard partials else { return "{{#flag}}f{{/flag}}" }
            let block = template(depth: depth - 1, partials: false)
            if random.chance(50) {
                return "{{<parent}}{{$blk}}\(block){{/blk}}{{/parent}}"
            }
            return "\n\(indent){{<parent}}\n  {{$other}}\n  \(block)\n  {{/other}}\n  ignored text\n{{/parent}}\n"
        }
    }

    /// The main template and its partials.
    mutating func templates() -> [String: String] {
        var main = template(depth: 3, partials: true)
        if random.chance(10) {
            main += "{{=<% %>=}}<%name%><%#flag%>[<%s%>]<%/flag%>"
        }
        let parentBody = "P:\n  {{$blk}}default {{name}}{{/blk}}\n{{#items}}\n  {{$other}}\n  other {{s}}\n  {{/other}}\n{{/items}}\n"
        return [
            "main": main,
            "p1": template(depth: 2, partials: false) + (random.chance(50) ? "\n  {{>p2}}\n" : "{{>p2}}"),
            "p2": template(depth: 1, partials: false),
            "parent": random.chance(50) ? parentBody : template(depth: 2, partials: false),
        ]
    }
}
