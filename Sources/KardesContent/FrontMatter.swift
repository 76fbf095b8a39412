import Foundation
import KardesModel

/// A file split into its YAML front matter and Markdown body, with the lines each starts on.
public struct SplitFile: Sendable {
    public let yaml: String
    /// The file line of the YAML's first line (2 when the file opens with `---`).
    public let yamlFirstLine: Int
    public let body: String
    public let bodyFirstLine: Int

    /// Splits `text` at its `---` lines.
    /// - Throws: a diagnostic at 1:1 when the file does not open with `---`, or at the end when it is never closed.
    public static func split(_ text: String, file: String) throws(Diagnostic) -> SplitFile {
        // Scans bytes for the `---` lines: splitting the whole text into Character lines is slow on large bodies.
        let bytes = text.utf8
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = bytes.index(start, offsetBy: 3) }
        var lineStart = start
        var line = 1
        var yamlStart: String.Index?
        var yamlFirstLine = 2
        func isFence(_ from: String.Index, _ to: String.Index) -> Bool {
            var end = to
            while end > from, let last = bytes[..<end].last, last == 0x20 || last == 0x09 || last == 0x0D { end = bytes.index(before: end) }
            return bytes[from..<end].elementsEqual("---".utf8)
        }
        var index = start
        while true {
            let atEnd = index == bytes.endIndex
            if atEnd || bytes[index] == 0x0A {
                if yamlStart == nil {
                    guard isFence(lineStart, index) else { break }
                    yamlStart = atEnd ? index : bytes.index(after: index)
                    yamlFirstLine = line + 1
                } else if isFence(lineStart, index) {
                    let yaml = String(text[yamlStart!..<lineStart])
                    let bodyStart = atEnd ? index : bytes.index(after: index)
                    return SplitFile(
                        yaml: yaml.hasSuffix("\n") ? String(yaml.dropLast()) : yaml, yamlFirstLine: yamlFirstLine,
                        body: String(text[bodyStart...]), bodyFirstLine: line + 1)
                }
                if atEnd { break }
                line += 1
                lineStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        guard yamlStart != nil else {
            throw .error(
                "missing-front-matter", at: SourceLocation(file: file), "missing front matter: the file must open with a line '---'",
                fix: "start the file with '---', the YAML fields (such as 'title:'), and another '---' before the text")
        }
        throw .error(
            "unclosed-front-matter", at: SourceLocation(file: file, line: line, column: 1), "front matter is never closed: no second '---' line",
            fix: "add a line '---' after the last YAML field")
    }
}

/// Reads typed values from a YAML mapping, reporting wrong types and missing keys at their positions and
/// unknown keys as warnings with a suggestion.
public struct FrontMatter {
    public let file: String
    let lineOffset: Int
    /// The keys as text, their nodes and their values, by pair index: kept apart so that finding a key compares
    /// strings without copying a pair's two nodes (each copy retains the nodes' contents, and every file asks for
    /// every key its kind knows).
    let keys: [String]
    let keyNodes: [YAML.Node]
    let values: [YAML.Node]
    public private(set) var log = DiagnosticLog()
    /// Which of `pairs` a reader has asked for, by index.
    private var used: [Bool]

    /// Parses `yaml`, which starts at line `firstLine` of `file`.
    /// - Throws: a diagnostic at the YAML parser's position when the YAML is malformed or not a mapping.
    public init(yaml: String, file: String, firstLine: Int) throws(Diagnostic) {
        self.file = file
        self.lineOffset = firstLine - 1
        let node: YAML.Node?
        do {
            node = try YAML.compose(yaml)
        } catch {
            throw Self.diagnostic(for: error, file: file, lineOffset: firstLine - 1)
        }
        guard let node else {
            (keys, keyNodes, values) = ([], [], [])
            used = []
            return
        }
        guard let mapping = node.mapping else {
            throw .error(
                "front-matter-not-mapping", at: Self.location(of: node, file: file, offset: firstLine - 1),
                "the front matter is not a list of 'key: value' fields", fix: "write one field per line, such as 'title: Houston – İstanbul'")
        }
        // One pass over the pairs (the lazy `keys` and `values` views went over them twice, through a closure each).
        var keyNodes: [YAML.Node] = [], values: [YAML.Node] = [], keys: [String] = []
        keyNodes.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        keys.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            keys.append(key.string ?? "")
            keyNodes.append(key)
            values.append(value)
        }
        (self.keys, self.keyNodes, self.values) = (keys, keyNodes, values)
        used = Array(repeating: false, count: keys.count)
    }

    static func diagnostic(for failure: YAML.Failure, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: YAML.Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column) }
        let fix = "check the YAML syntax here: indentation, a missing ':' or an unclosed quote; quote values that contain ': ' or start with '[', '{', '*' or '&'"
        switch failure {
        case .syntax(let problem, let mark, let context, let contextMark):
            // libyaml names where it noticed the problem; the context says where the broken construct started.
            var what = problem
            if let context, !context.isEmpty {
                let start = at(contextMark)
                what += " \(context) that starts at line \(start.line), column \(start.column)"
            }
            return .error("malformed-yaml", at: at(mark), "malformed YAML: \(what)", fix: fix)
        case .duplicateKeys(let duplicates, let mark):
            return .error(
                "duplicate-key", at: at(mark), "the key '\(duplicates.joined(separator: "', '"))' appears twice",
                fix: "keep one of them and delete the other")
        case .reader(let problem):
            return .error("malformed-yaml", at: SourceLocation(file: file, line: lineOffset + 1), "malformed YAML: \(problem)", fix: fix)
        case .memory:
            return .error("malformed-yaml", at: SourceLocation(file: file, line: lineOffset + 1), "malformed YAML: memory", fix: fix)
        }
    }

    static func location(of node: YAML.Node, file: String, offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line + offset, column: node.mark.column)
    }

    /// Where `node` stands in the file.
    public func location(of node: YAML.Node) -> SourceLocation {
        Self.location(of: node, file: file, offset: lineOffset)
    }

    /// The start of the front matter (the opening `---`).
    public var start: SourceLocation { SourceLocation(file: file, line: max(1, lineOffset), column: 1) }

    // MARK: - Lookup

    /// The value node for `key`, marking the key as known.
    public mutating func node(_ key: String) -> YAML.Node? {
        // By index, so that no pair is copied; every pair with this key counts as asked for, the first one answers.
        var found: Int?
        for index in keys.indices where keys[index] == key {
            used[index] = true
            if found == nil { found = index }
        }
        guard let found else { return nil }
        if case .scalar(let scalar) = values[found], scalar.tag == "tag:yaml.org,2002:null" || (scalar.string.isEmpty && scalar.style == .plain) {
            return nil
        }
        return values[found]
    }

    public mutating func error(_ code: String, _ problem: String, at location: SourceLocation, fix: String) {
        log.append(.error(code, at: location, problem, fix: fix))
    }

    public mutating func warning(_ code: String, _ problem: String, at location: SourceLocation, fix: String) {
        log.append(.warning(code, at: location, problem, fix: fix))
    }

    mutating func missing(_ key: String, example: String) {
        error("missing-key", "missing required key '\(key)'", at: start, fix: "add a line '\(key): \(example)' to the front matter")
    }

    mutating func wrongType(_ key: String, _ node: YAML.Node, expected: String, example: String) {
        error("wrong-type", "'\(key)' must be \(expected), found \(Self.describe(node))", at: location(of: node), fix: "write it as '\(key): \(example)'")
    }

    /// `node.float`: a plain number such as `41.0082` is read with `Double(_:)` straight away, which is what Yams does
    /// for it after looking for `.inf`, `.nan`, underscores and sexagesimal colons (a Foundation search each, for
    /// both coordinates of every city); anything else is left to Yams.
    static func number(_ node: YAML.Node) -> Double? {
        if case .scalar(let scalar) = node, scalar.style == .any || scalar.style == .plain,
            !scalar.string.isEmpty,
            scalar.string.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == 0x65 || $0 == 0x45 })
        {
            return Double(scalar.string)
        }
        return node.float
    }

    static func describe(_ node: YAML.Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping of fields"
        case .sequence: "a list"
        }
    }

    // MARK: - Typed values

    /// A string value. Numbers and dates are accepted as their text.
    public mutating func string(_ key: String, required: Bool = false, example: String = "…") -> Located<String>? {
        guard let node = node(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            wrongType(key, node, expected: "text", example: example)
            return nil
        }
        let text = scalar.string.trimmingWhitespaceAndNewlines()
        if required && text.isEmpty {
            missing(key, example: example)
            return nil
        }
        return Located(text, at: location(of: node))
    }

    public mutating func text(_ key: String, required: Bool = false, example: String = "…") -> String? {
        string(key, required: required, example: example)?.value
    }

    public mutating func int(_ key: String, example: String = "1") -> Int? {
        guard let node = node(key) else { return nil }
        guard let value = node.int else {
            wrongType(key, node, expected: "a whole number", example: example)
            return nil
        }
        return value
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard let value = node.bool else {
            wrongType(key, node, expected: "true or false", example: "false")
            return nil
        }
        return value
    }

    public mutating func date(_ key: String) -> PartialDate? {
        guard let node = node(key) else { return nil }
        return date(node, key: key)
    }

    mutating func date(_ node: YAML.Node, key: String) -> PartialDate? {
        guard case .scalar(let scalar) = node, let date = PartialDate(parsing: scalar.string) else {
            error("invalid-date",
                "invalid date \(Self.describe(node)) for '\(key)'", at: location(of: node),
                fix: "write the date as YYYY, YYYY-MM or YYYY-MM-DD, such as '\(key): 2002-10-11'")
            return nil
        }
        return date
    }

    /// A list of strings; a single string is accepted as a list of one.
    public mutating func strings(_ key: String, example: String = "[…]") -> [Located<String>] {
        guard let node = node(key) else { return [] }
        let items: [YAML.Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [node]
        default:
            wrongType(key, node, expected: "a list", example: example)
            return []
        }
        var result: [Located<String>] = []
        for item in items {
            guard case .scalar(let scalar) = item else {
                wrongType(key, item, expected: "a list of text items", example: example)
                continue
            }
            result.append(Located(scalar.string, at: location(of: item)))
        }
        return result
    }

    /// A list of mappings, each read by `read`.
    public mutating func records<T>(_ key: String, example: String, _ read: (inout FrontMatter, YAML.Mapping) -> T?) -> [T] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            wrongType(key, node, expected: "a list", example: example)
            return []
        }
        return sequence.compactMap { item -> T? in
            guard case .mapping(let mapping) = item else {
                wrongType(key, item, expected: "a list of '{ … }' records", example: example)
                return nil
            }
            return read(&self, mapping)
        }
    }

    /// One mapping, read by `read`.
    public mutating func record<T>(_ key: String, example: String, _ read: (inout FrontMatter, YAML.Mapping) -> T?) -> T? {
        guard let node = node(key) else { return nil }
        guard case .mapping(let mapping) = node else {
            wrongType(key, node, expected: "a record of fields", example: example)
            return nil
        }
        return read(&self, mapping)
    }

    /// A string field inside a record, checking the record's keys against `known`.
    mutating func checkKeys(of mapping: YAML.Mapping, in key: String, known: [String]) {
        for (keyNode, _) in mapping {
            let name = keyNode.string ?? ""
            if !known.contains(name) {
                warning("unknown-key",
                    "unknown field '\(name)' in '\(key)'\(Suggestion.didYouMean(name, in: known))", at: location(of: keyNode),
                    fix: "the fields of '\(key)' are: \(known.joined(separator: ", "))")
            }
        }
    }

    mutating func string(in mapping: YAML.Mapping, _ field: String, of key: String) -> String? {
        guard let node = mapping[field] else { return nil }
        guard case .scalar(let scalar) = node else {
            wrongType("\(key).\(field)", node, expected: "text", example: "…")
            return nil
        }
        return scalar.string.isEmpty ? nil : scalar.string
    }

    mutating func date(in mapping: YAML.Mapping, _ field: String, of key: String) -> PartialDate? {
        guard let node = mapping[field] else { return nil }
        return date(node, key: "\(key).\(field)")
    }

    /// The key–value pairs in the order of the file.
    var pairs: [(key: String, keyNode: YAML.Node, value: YAML.Node)] {
        keys.indices.map { (key: keys[$0], keyNode: keyNodes[$0], value: values[$0]) }
    }

    /// Where each key's value starts.
    public var valueLocations: [String: SourceLocation] {
        Dictionary(zip(keys, values.map(location(of:)))) { first, _ in first }
    }

    /// Warns about every key of the front matter that no reader asked for.
    public mutating func finish(known: [String]) -> [Diagnostic] {
        for index in keys.indices where !used[index] {
            warning("unknown-key",
                "unknown key '\(keys[index])'\(Suggestion.didYouMean(keys[index], in: known))", at: location(of: keyNodes[index]),
                fix: "remove it or use one of: \(known.joined(separator: ", "))")
        }
        return log.diagnostics
    }
}
