import CYaml
import Yams

/// Front matter as libyaml reads it: nodes with their positions, composed from libyaml's events the way Yams's
/// `compose(yaml:)` composes them (with the `.basic` resolver), and read with Yams's constructors.
///
/// Why not Yams's own composer: it allocates an object for every event and a tag object for every node, and checks a
/// mapping's keys for duplicates by hashing whole nodes into a dictionary of arrays; for the ten to thirty fields of a
/// front matter that was about a third of loading a partnership file, and 8 % of a whole build's CPU. The parser
/// underneath is the same libyaml, which Yams bundles (`CYaml`); booleans, whole numbers and numbers are still read
/// by Yams (``Scalar/bool``, ``Scalar/int``, ``Scalar/float``). `YAMLTests` holds this composer to Yams's, node by
/// node and error by error.
public enum YAML {
    /// Where a node starts: line and column from 1, columns counted in Unicode scalars (as libyaml and Yams count).
    public struct Mark: Sendable, Equatable {
        public let line: Int
        public let column: Int
    }

    public enum ScalarStyle: UInt32, Sendable {
        case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
    }

    public struct Scalar: Sendable {
        public let string: String
        /// The tag as libyaml gives it (`tag:yaml.org,2002:int` for `!!int`), `tag:yaml.org,2002:str` for a quoted
        /// scalar without one (as Yams tags it), and empty for a plain scalar without one.
        public let tag: String
        public let style: ScalarStyle
        public let mark: Mark

        /// This scalar as a Yams scalar (without its position), for Yams's constructors.
        var yams: Yams.Node.Scalar {
            Yams.Node.Scalar(string, Tag(Tag.Name(rawValue: tag), .basic, YAML.constructor), Yams.Node.Scalar.Style(rawValue: style.rawValue) ?? .any)
        }

        /// `true`, `yes`, `on` and their opposites in any case, unless quoted or tagged as text (Yams's `Bool`).
        public var bool: Bool? { Bool.construct(from: yams) }
        /// A whole number in any form Yams reads (`0x1F`, `1_000`, `1:30` …).
        public var int: Int? { Int.construct(from: yams) }
        /// A number in any form Yams reads (`.inf`, `1e3`, `1_000.5` …).
        public var float: Double? { Double.construct(from: yams) }
    }

    public struct Mapping: Sendable, RandomAccessCollection {
        public let pairs: [(key: Node, value: Node)]
        /// The tag as written, empty when none.
        public let tag: String
        public let mark: Mark

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(index: Int) -> (key: Node, value: Node) { pairs[index] }

        /// The value of the last key that is the plain text `key` (Yams's `mapping[key]`: a key tagged other than
        /// as text does not count).
        public subscript(key: String) -> Node? {
            for pair in pairs.reversed() {
                if case .scalar(let scalar) = pair.key, scalar.string == key, YAML.resolvedTag(scalar) == YAML.strTag { return pair.value }
            }
            return nil
        }
    }

    public struct List: Sendable, RandomAccessCollection {
        public let items: [Node]
        /// The tag as written, empty when none.
        public let tag: String
        public let mark: Mark

        public var startIndex: Int { items.startIndex }
        public var endIndex: Int { items.endIndex }
        public subscript(index: Int) -> Node { items[index] }
    }

    public enum Node: Sendable {
        case scalar(Scalar)
        case mapping(Mapping)
        case sequence(List)

        public var mark: Mark {
            switch self {
            case .scalar(let scalar): scalar.mark
            case .mapping(let mapping): mapping.mark
            case .sequence(let list): list.mark
            }
        }

        /// The text of a scalar (Yams's `node.string`, which also reads a mapping by its `!!value` key).
        public var string: String? {
            switch self {
            case .scalar(let scalar): return scalar.string
            case .mapping(let mapping):
                for pair in mapping.pairs {
                    if case .scalar(let key) = pair.key, key.tag == YAML.valueTag { return pair.value.string }
                }
                return nil
            case .sequence: return nil
            }
        }

        public var bool: Bool? { if case .scalar(let scalar) = self { scalar.bool } else { nil } }
        public var int: Int? { if case .scalar(let scalar) = self { scalar.int } else { nil } }
        public var float: Double? { if case .scalar(let scalar) = self { scalar.float } else { nil } }

        /// The items of a list.
        public var sequence: List? { if case .sequence(let list) = self { list } else { nil } }
        /// The pairs of a mapping.
        public var mapping: Mapping? { if case .mapping(let mapping) = self { mapping } else { nil } }
    }

    /// A problem that stops the YAML from being read, with what libyaml or the composer said about it.
    public enum Failure: Error, Sendable, Equatable {
        /// A syntax error: libyaml's problem, where it noticed it, and the construct it was in and where that started.
        case syntax(problem: String, at: Mark, context: String?, contextMark: Mark)
        /// Keys that appear more than once in one mapping (sorted), at the first one's first occurrence.
        case duplicateKeys([String], at: Mark)
        /// Bytes that are not text (libyaml's reader).
        case reader(problem: String)
        case memory
    }

    // MARK: - Composing

    static let strTag = "tag:yaml.org,2002:str"
    static let mapTag = "tag:yaml.org,2002:map"
    static let seqTag = "tag:yaml.org,2002:seq"
    static let valueTag = "tag:yaml.org,2002:value"

    /// Yams's default constructor, immutable, made once (each `Constructor.default` builds three tables).
    nonisolated(unsafe) static let constructor = Constructor.default

    /// The one document of `yaml`, or nil when it holds none (empty, or comments only).
    /// - Throws: ``Failure`` for malformed YAML, an undefined alias, more than one document, or duplicate keys.
    public static func compose(_ yaml: String) throws(Failure) -> Node? {
        var text = yaml
        let result = text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Result<Node?, Failure> in
            var composer = Composer()
            yaml_parser_initialize(&composer.parser)
            defer { yaml_parser_delete(&composer.parser) }
            yaml_parser_set_encoding(&composer.parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&composer.parser, bytes.baseAddress, bytes.count)
            return Result { () throws(Failure) -> Node? in try composer.singleRoot() }
        }
        return try result.get()
    }

    /// The tag Yams resolves a scalar's to with the `.basic` resolver: text unless tagged otherwise.
    static func resolvedTag(_ scalar: Scalar) -> String { scalar.tag.isEmpty || scalar.tag == "!" ? strTag : scalar.tag }

    /// The tag Yams resolves a node's to with the `.basic` resolver.
    static func resolvedTag(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): resolvedTag(scalar)
        case .mapping(let mapping): mapping.tag.isEmpty || mapping.tag == "!" ? mapTag : mapping.tag
        case .sequence(let list): list.tag.isEmpty || list.tag == "!" ? seqTag : list.tag
        }
    }

    /// Yams's node equality (`==` on `Node`): the same kind, content and resolved tag.
    static func equal(_ a: Node, _ b: Node) -> Bool {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            return x.string == y.string && resolvedTag(x) == resolvedTag(y)
        case (.mapping(let x), .mapping(let y)):
            return x.pairs.count == y.pairs.count && zip(x.pairs, y.pairs).allSatisfy { equal($0.key, $1.key) && equal($0.value, $1.value) }
                && resolvedTag(a) == resolvedTag(b)
        case (.sequence(let x), .sequence(let y)):
            return x.items.count == y.items.count && zip(x.items, y.items).allSatisfy { equal($0, $1) } && resolvedTag(a) == resolvedTag(b)
        default:
            return false
        }
    }

    /// Yams's node order (`<` on `Node`), by which it sorts the duplicate keys it reports.
    static func less(_ a: Node, _ b: Node) -> Bool {
        func lexicographic(_ x: [Node], _ y: [Node]) -> Bool {
            for (p, q) in zip(x, y) {
                if less(p, q) { return true }
                if less(q, p) { return false }
            }
            return x.count < y.count
        }
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return x.string < y.string
        case (.mapping(let x), .mapping(let y)): return lexicographic(x.pairs.map(\.key), y.pairs.map(\.key))
        case (.sequence(let x), .sequence(let y)): return lexicographic(x.items, y.items)
        default: return false
        }
    }

    /// Reads events from a libyaml parser and builds nodes, as Yams's `Parser` does.
    private struct Composer {
        var parser = yaml_parser_t()
        /// Nodes by anchor name; a later anchor of the same name replaces an earlier one, and a collection's anchor
        /// counts from its end (an alias inside it is undefined), as in Yams.
        var anchors: [String: Node] = [:]

        /// The next event; the caller deletes it.
        mutating func parse() throws(Failure) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw failure() }
            return event
        }

        /// The type of the next event, which is dropped.
        mutating func skip() throws(Failure) -> yaml_event_type_t {
            var event = try parse()
            defer { yaml_event_delete(&event) }
            return event.type
        }

        mutating func singleRoot() throws(Failure) -> Node? {
            _ = try skip()  // the stream's start
            guard try skip() != YAML_STREAM_END_EVENT else { return nil }  // else the document's start
            var first = try parse()
            let root = try node(from: &first)
            _ = try skip()  // the document's end
            var last = try parse()
            defer { yaml_event_delete(&last) }
            guard last.type == YAML_STREAM_END_EVENT else {
                throw .syntax(
                    problem: "but found another document", at: Self.mark(last.start_mark), context: "expected a single document in the stream",
                    contextMark: Mark(line: 1, column: 1))
            }
            return root
        }

        /// The node `event` starts, with the events after it that belong to it; `event` is deleted.
        mutating func node(from event: inout yaml_event_t) throws(Failure) -> Node {
            let mark = Self.mark(event.start_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                defer { yaml_event_delete(&event) }
                let data = event.data.scalar
                // libyaml checked that the text is UTF-8; a scalar may hold NUL characters, so its length counts.
                let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                let tag = data.quoted_implicit == 1 ? YAML.strTag : Self.string(data.tag) ?? ""
                let node = Node.scalar(Scalar(string: value, tag: tag, style: ScalarStyle(rawValue: data.style.rawValue) ?? .any, mark: mark))
                if let anchor = Self.string(data.anchor) { anchors[anchor] = node }
                return node
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor)
                yaml_event_delete(&event)
                guard let name, let node = anchors[name] else {
                    throw .syntax(problem: "found undefined alias", at: mark, context: nil, contextMark: mark)
                }
                return node
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                let anchor = Self.string(data.anchor), tag = data.implicit != 0 ? "" : Self.string(data.tag) ?? ""
                yaml_event_delete(&event)
                var items: [Node] = []
                while true {
                    var next = try parse()
                    if next.type == YAML_SEQUENCE_END_EVENT {
                        yaml_event_delete(&next)
                        break
                    }
                    items.append(try node(from: &next))
                }
                let node = Node.sequence(List(items: items, tag: tag, mark: mark))
                if let anchor { anchors[anchor] = node }
                return node
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                let anchor = Self.string(data.anchor), tag = data.implicit != 0 ? "" : Self.string(data.tag) ?? ""
                yaml_event_delete(&event)
                var pairs: [(key: Node, value: Node)] = []
                while true {
                    var next = try parse()
                    if next.type == YAML_MAPPING_END_EVENT {
                        yaml_event_delete(&next)
                        break
                    }
                    let key = try node(from: &next)
                    var valueEvent = try parse()
                    pairs.append((key, try node(from: &valueEvent)))
                }
                try Self.checkDuplicates(pairs)
                let node = Node.mapping(Mapping(pairs: pairs, tag: tag, mark: mark))
                if let anchor { anchors[anchor] = node }
                return node
            default:
                yaml_event_delete(&event)
                fatalError("libyaml gave an event that cannot start a node")
            }
        }

        static func checkDuplicates(_ pairs: [(key: Node, value: Node)]) throws(Failure) {
            // Almost always every key is a different plain text: one set of strings says so. Otherwise Yams's own
            // grouping by node equality decides, and its order and first position are reproduced.
            var seen = Set<String>(minimumCapacity: pairs.count)
            var simple = true
            for pair in pairs {
                guard case .scalar(let scalar) = pair.key, seen.insert(scalar.string).inserted else {
                    simple = false
                    break
                }
            }
            if simple { return }
            var groups: [(first: Node, count: Int)] = []
            for pair in pairs {
                if let index = groups.firstIndex(where: { equal($0.first, pair.key) }) {
                    groups[index].count += 1
                } else {
                    groups.append((pair.key, 1))
                }
            }
            let duplicates = groups.filter { $0.count > 1 }.map(\.first).sorted(by: less)
            guard let first = duplicates.first else { return }
            throw .duplicateKeys(duplicates.map { $0.string ?? "<uncovertable>" }, at: first.mark)
        }

        func failure() -> Failure {
            func text(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
            switch parser.error {
            case YAML_MEMORY_ERROR:
                return .memory
            case YAML_READER_ERROR:
                return .reader(problem: text(parser.problem))
            default:
                return .syntax(
                    problem: text(parser.problem), at: Self.mark(parser.problem_mark), context: parser.context.map { String(cString: $0) },
                    contextMark: Self.mark(parser.context_mark))
            }
        }

        static func mark(_ mark: yaml_mark_t) -> Mark { Mark(line: mark.line + 1, column: mark.column + 1) }

        static func string(_ pointer: UnsafePointer<UInt8>?) -> String? {
            guard let pointer else { return nil }
            return String.decodeCString(pointer, as: UTF8.self, repairingInvalidCodeUnits: true)?.result
        }
    }
}
