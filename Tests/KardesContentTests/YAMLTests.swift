import Foundation
import KardesModel
import Testing
import Yams

@testable import KardesContent

/// `YAML.compose` against Yams's own composer (`Yams.compose(yaml:)` with the `.basic` resolver, which kardes used
/// before): the same nodes, kinds, texts, resolved tags, styles, positions and typed values, and the same errors at
/// the same places.
@Suite("YAML composer")
struct YAMLTests {
    /// What Yams gives for `yaml`: its node, or its error in the composer's terms.
    static func yams(_ yaml: String) -> Result<Yams.Node?, YAML.Failure> {
        do {
            return .success(try Yams.compose(yaml: yaml, .basic, .default, .utf8))
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let at = YAML.Mark(line: mark.line, column: mark.column)
                return .failure(
                    .syntax(
                        problem: problem, at: at, context: context?.text,
                        contextMark: context.map { YAML.Mark(line: $0.mark.line, column: $0.mark.column) } ?? at))
            case .duplicatedKeysInMapping(let duplicates, let context):
                return .failure(.duplicateKeys(duplicates, at: YAML.Mark(line: context.mark.line, column: context.mark.column)))
            case .reader(let problem, _, _, _):
                return .failure(.reader(problem: problem))
            default:
                Issue.record("unexpected Yams error \(error)")
                return .failure(.memory)
            }
        } catch {
            Issue.record("unexpected error \(error)")
            return .failure(.memory)
        }
    }

    /// The tag Yams's node resolves to under `.basic` (what its equality compares), read without resolving it.
    static func resolved(_ node: Yams.Node) -> String {
        let (name, kindDefault): (String, String) =
            switch node {
            case .scalar(let scalar): (scalar.tag.description, YAML.strTag)
            case .mapping(let mapping): (mapping.tag.description, YAML.mapTag)
            case .sequence(let sequence): (sequence.tag.description, YAML.seqTag)
            case .alias(let alias): (alias.tag.description, "")
            }
        return name.isEmpty || name == "!" ? kindDefault : name
    }

    /// Records every difference between `ours` and Yams's `theirs`, below `path`.
    static func compare(_ ours: YAML.Node, _ theirs: Yams.Node, _ path: String, isKey: Bool = false, source: String) {
        let where_ = "\(path) in \(source.debugDescription)"
        #expect(ours.mark.line == theirs.mark?.line && ours.mark.column == theirs.mark?.column, "position of \(where_)")
        #expect(YAML.resolvedTag(ours) == resolved(theirs), "tag of \(where_)")
        #expect(ours.string == theirs.string, "text of \(where_)")
        switch (ours, theirs) {
        case (.scalar(let a), .scalar(let b)):
            #expect(a.style.rawValue == b.style.rawValue, "style of \(where_)")
            // A key's tag is resolved by Yams's duplicate check (its tag object changes), so typed values are
            // compared for values only, which are what front matter reads as numbers and flags.
            if !isKey {
                #expect(a.bool == theirs.bool, "bool of \(where_)")
                #expect(a.int == theirs.int, "int of \(where_)")
                #expect(a.float == theirs.float || (a.float?.isNaN == true && theirs.float?.isNaN == true), "float of \(where_)")
            }
        case (.mapping(let a), .mapping(let b)):
            #expect(a.count == b.count, "size of \(where_)")
            for (index, (pair, other)) in zip(a, b).enumerated() {
                compare(pair.key, other.key, "\(path).key\(index)", isKey: true, source: source)
                compare(pair.value, other.value, "\(path).value\(index)", source: source)
            }
        case (.sequence(let a), .sequence(let b)):
            #expect(a.count == b.count, "size of \(where_)")
            for (index, (item, other)) in zip(a, b).enumerated() { compare(item, other, "\(path)[\(index)]", source: source) }
        default:
            Issue.record("kind of \(where_): \(ours) against \(theirs)")
        }
    }

    static func check(_ yaml: String) {
        let ours = Result { () throws(YAML.Failure) in try YAML.compose(yaml) }
        switch (ours, yams(yaml)) {
        case (.success(let a), .success(let b)):
            switch (a, b) {
            case (nil, nil): break
            case (let a?, let b?): compare(a, b, "root", source: yaml)
            default: Issue.record("one document is empty and the other is not in \(yaml.debugDescription)")
            }
        case (.failure(let a), .failure(let b)):
            if case .syntax(let problem, let at, let context, let contextMark) = a, case .syntax(let p, let m, let c, let cm) = b {
                #expect(problem == p && at == m && context == c, "error in \(yaml.debugDescription)")
                if context != nil { #expect(contextMark == cm, "error context position in \(yaml.debugDescription)") }
            } else {
                #expect(a == b, "error in \(yaml.debugDescription)")
            }
        case (.success, .failure(let b)):
            Issue.record("composed \(yaml.debugDescription), which Yams rejects with \(b)")
        case (.failure(let a), .success):
            Issue.record("rejected \(yaml.debugDescription) with \(a), which Yams composes")
        }
    }

    static let cases: [String] = [
        // Plain fields as front matter has them, Turkish letters and other scripts before values (columns count scalars).
        "title: Houston – İstanbul\ncities: [\"Houston, US\", \"İstanbul, TR\"]\nestablished: 2002-10-11\nstatus: active\n",
        "name: Üsküdar\nnames: { en: Uskudar, ja: ユスキュダル, ru: Ускюдар }\ncoordinates: [41.0214, 29.0125]\npopulation: 520000\n",
        "şehir: \"Şanlıurfa\"\n 'ğ': x\n",
        "a: 😀😀 b\nb: [😀, x]\n",
        // Empty values, nulls, flags, numbers in every form Yams reads.
        "a:\nb: ~\nc: null\nd: !!null x\ne: ''\nf: \"\"\n",
        "a: yes\nb: No\nc: ON\nd: off\ne: true\nf: 'true'\ng: !!str yes\nh: !!bool yes\ni: y\n",
        "a: 1\nb: -17\nc: 0x1F\nd: 0o17\ne: 1_000\nf: 1:30\ng: '12'\nh: !!int 12\ni: 12.5\nj: +3\nk: 0b101\n",
        "a: 1.5\nb: -.5e3\nc: .inf\nd: -.Inf\ne: .nan\nf: 1_000.25\ng: 1:30.5\nh: 41.0082\ni: \"41.0\"\n",
        // Styles and block scalars.
        "a: plain\nb: 'single ''quoted'''\nc: \"double \\\"quoted\\\" \\u00e7 \\0 nul\"\nd: |\n  literal\n  text\ne: >-\n  folded\n  text\n",
        "a: |+\n  kept\n\nb: x\n",
        // Tags: core, custom, verbatim, non-specific; on scalars, lists and mappings.
        "a: !!str 12\nb: !custom thing\nc: !<tag:example.com,2000:app/x> y\nd: ! 12\ne: !!seq [1]\nf: !!map {x: 1}\ng: !x [1]\n",
        "%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n",
        // Anchors and aliases, redefined anchors, aliases of collections.
        "a: &x 1\nb: *x\nc: &x 2\nd: *x\n",
        "base: &b { name: x, kind: y }\nother: *b\nlist: &l [1, 2]\nagain: *l\n",
        "a: &k key\n*k : value\n",
        // Nested records as front matter has them.
        "contacts:\n  - { name: \"Dış İlişkiler\", email: a@b.c }\n  - name: X\n    phone: '1'\ncouncil_decision: { date: 2001-05-10, number: \"2001/123\" }\n",
        "activities:\n- date: 2005-06\n  kind: visit\n  title: \"Ziyaret\"\n- date: 2006\n  kind: other\n  title: x\n",
        "sources:\n  - https://example.org\n  - title: \"Özcan 2006: 21\"\n    retrieved: 2020-01-01\n",
        // Keys that are, and are not, the same key under the basic resolver.
        "a: 1\na: 2\n",
        "a: 1\n'a': 2\n",
        "a: 1\n!!str a: 2\n",
        "1: x\n!!int 1: y\n",
        "b: 1\na: 2\nb: 3\na: 4\nc: 5\n",
        "outer:\n  x: 1\n  x: 2\ny: 3\ny: 4\n",
        "? [a, b]\n: 1\n? [a, b]\n: 2\n",
        "? {a: 1}\n: x\nb: y\n",
        "<<: {a: 1}\nb: 2\n",
        // Documents: none, comments only, explicit markers, a second document.
        "", "# only a comment\n", "---\na: 1\n", "a: 1\n...\n", "a: 1\n---\nb: 2\n", "--- x\n", "[1, 2]\n", "just text\n",
        // Malformed YAML: errors and their positions.
        "a: b: c\n", "a: 'unclosed\n", "a: \"unclosed\n", "a:\n\t- x\n", "a: [1, 2\n", "a: {x: 1\n", "- a\nb: c\n",
        "a: *nowhere\n", "a: &x [*x]\n", "a: 1\n b: 2\n", "key: value\n  other: x\n", "a: @x\n", "a: `x\n", "a: \u{01}\n",
        "? a\n? a\n", "a: !<> x\n", "%YAML 2.0\n---\na: 1\n", "a: |\n text\n  more\n less\n",
    ]

    @Test("composes what Yams composes, node by node, and fails where Yams fails")
    func matchesYams() {
        for yaml in Self.cases { Self.check(yaml) }
    }

    @Test("composes every front matter and YAML file of the demo site, the theme and the test fixtures as Yams does")
    func matchesYamsOnFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var count = 0
        for folder in ["content", "templates", "Tests"] {
            guard let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            for case let path as String in files where path.hasSuffix(".md") || path.hasSuffix(".yml") {
                guard let text = try? String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(path), encoding: .utf8)
                else { continue }
                let yaml = path.hasSuffix(".yml") ? text : ((try? SplitFile.split(text, file: path))?.yaml ?? "")
                Self.check(yaml)
                count += 1
            }
        }
        #expect(count > 100)
    }

    @Test("positions, kinds and errors as front matter reports them")
    func frontMatterDiagnostics() throws {
        #expect(throws: Diagnostic.self) { try FrontMatter(yaml: "a: 1\na: 2\n", file: "f.md", firstLine: 2) }
        do {
            _ = try FrontMatter(yaml: "x: 1\nb: 1\nb: 2\n", file: "f.md", firstLine: 2)
            Issue.record("duplicate keys were accepted")
        } catch {
            #expect(error.problem == "the key 'b' appears twice")
            #expect(error.location.line == 3 && error.location.column == 1)
        }
        do {
            _ = try FrontMatter(yaml: "title: x\ncities: [a, b\n", file: "f.md", firstLine: 2)
            Issue.record("an unclosed list was accepted")
        } catch {
            #expect(error.code == "malformed-yaml")
            #expect(error.problem.contains("while parsing a flow sequence that starts at line 3, column 9"))
        }
        let empty = try FrontMatter(yaml: "# nothing\n", file: "f.md", firstLine: 2)
        #expect(empty.pairs.isEmpty)
    }
}
