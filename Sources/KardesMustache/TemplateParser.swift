// MARK: - Parse tree

/// One parsed piece of a template, before it is compiled into a flat `Op` list.
indirect enum Node {
    case text(String)
    case variable(name: String, escaped: Bool)
    case section(name: String, inverted: Bool, body: [Node])
    /// `{{$name}}…{{/name}}` directly inside a parent tag: an override.
    case blockDefinition(name: String, body: [Node])
    /// `{{$name}}…{{/name}}` anywhere else: a place a child template may override. An override is indented by
    /// `overrideIndentation`, the default body by `indentation`.
    case blockExpansion(name: String, body: [Node], indentation: String, overrideIndentation: String)
    /// `{{>name}}` (`overrides` is nil) or `{{<name}}…{{/name}}`.
    case partial(name: String, indentation: String?, overrides: [String: [Node]]?)
}

struct ParseFailure: Error {
    let kind: MustacheError.Kind
}

// MARK: - Parser

/// Reads a template the way swift-mustache 2.1.1's `MustacheTemplate.parse` does.
///
/// The reading rules are copied exactly, quirks included (a lone `{` at the end of a template is an `overflow`
/// error, a standalone closing tag does not make the next line standalone, `\r\n` is one character), because
/// output must be byte-identical to swift-mustache. So the parser works on `Character`s, as swift-mustache does;
/// parsing happens once per template, so its speed does not matter.
struct TemplateParser {
    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        /// Characters of indentation removed from each line of a block inside a parent tag.
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }

        func withDelimiters(start: [Character], end: [Character]) -> State {
            var state = self
            state.startDelimiter = start
            state.endDelimiter = end
            state.isPartialDefinitionTopLevel = false
            return state
        }
    }

    let characters: [Character]
    var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// Parses the whole template.
    static func parse(_ text: String) throws(MustacheError) -> [Node] {
        var parser = TemplateParser(text)
        do {
            return try parser.parseBody(State())
        } catch {
            let (line, column) = parser.lineAndColumn()
            throw MustacheError(kind: error.kind, line: line, column: column)
        }
    }

    /// Line and column of `position`, counted as swift-mustache's `Parser.getContext` counts them: the column is
    /// the number of characters since the last `"\n"` character (a `"\r\n"` character does not end a line there),
    /// the line is one more than the number of newline characters of any kind before `position`.
    func lineAndColumn() -> (Int, Int) {
        var column = 0
        var index = position
        while index > 0 {
            index -= 1
            if characters[index] == "\n" { break }
            column += 1
        }
        let line = characters[..<position].reduce(0) { $1.isNewline ? $0 + 1 : $0 }
        return (line + 1, column + 1)
    }

    // MARK: Body

    mutating func parseBody(_ initialState: State) throws(ParseFailure) -> [Node] {
        var nodes: [Node] = []
        var state = initialState
        var whiteSpaceBefore = ""
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(while: { $0 == " " || $0 == "\t" })
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Inside a block of a parent tag the first line's indentation is removed from every line, so
                    // the block is re-indented where it is expanded.
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = String(whiteSpace)
                }
            }
            let text = try readUntilDelimiterOrNewline(state)
            if current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if reachedEnd { break }

            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try parseName(state)
                try reject(transforms)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let body = try parseBody(state.withSectionName(name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(name: name, inverted: inverted, body: body))

            case "/":
                position += 1
                let namePosition = position
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = namePosition
                    throw ParseFailure(kind: .sectionCloseNameIncorrect)
                }
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                }
                return nodes

            case "!":
                position += 1
                try parseComment(state)
                setNewLine = isStandalone(state)

            case "{", "&":
                let tripleMustache = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                position += 1
                let (name, transforms) = try parseName(state)
                if tripleMustache {
                    guard try read("}") else { throw ParseFailure(kind: .unfinishedName) }
                }
                try reject(transforms)
                nodes.append(.variable(name: name, escaped: false))

            case ">":
                position += 1
                read(while: \.isWhitespace)
                let dynamic = current == "*"
                if dynamic { position += 1 }
                let name = try parsePartialName(state)
                if dynamic { throw ParseFailure(kind: .unsupportedDynamicName) }
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name: name, indentation: whiteSpaceBefore, overrides: nil))
                } else {
                    nodes.append(.partial(name: name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                position += 1
                read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                if sectionName.first == "*" { throw ParseFailure(kind: .unsupportedDynamicName) }
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                }
                if isStandalone(state) {
                    setNewLine = true
                }
                let body = try parseBody(state.withInheritancePartial(sectionName))
                var overrides: [String: [Node]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let name, let blockBody): overrides[name] = blockBody
                    case .text: break
                    default: throw ParseFailure(kind: .illegalTokenInsideInheritSection)
                    }
                }
                nodes.append(.partial(name: sectionName, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                position += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw ParseFailure(kind: .transformAppliedToInheritanceSection) }
                if state.isPartialDefinitionTopLevel {
                    setNewLine = isStandalone(state)
                    let body = try parseBody(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name: name, body: body))
                } else {
                    if !whiteSpaceBefore.isEmpty {
                        nodes.append(.text(whiteSpaceBefore))
                    }
                    setNewLine = isStandalone(state)
                    let body = try parseBody(state.withSectionName(name, newLine: setNewLine))
                    let overrideIndentation =
                        setNewLine && whiteSpaceBefore.isEmpty ? Self.intrinsicIndentation(of: body) : whiteSpaceBefore
                    nodes.append(
                        .blockExpansion(
                            name: name, body: body, indentation: whiteSpaceBefore, overrideIndentation: overrideIndentation))
                    whiteSpaceBefore = ""
                }

            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                try parseConfigVariable(state)
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let (name, transforms) = try parseName(state)
                try reject(transforms)
                nodes.append(.variable(name: name, escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw ParseFailure(kind: .expectedSectionEnd) }
        return nodes
    }

    /// The indentation of the first line of a standalone block's default content.
    ///
    /// The specification (`~inheritance.json`, "Intrinsic indentation" and "Nested block reindentation") indents an
    /// override of a standalone, unindented block like the block's default content. swift-mustache 2.1.1 does not;
    /// this engine follows the specification, and `SpecTests.referenceDeviations` records the difference.
    static func intrinsicIndentation(of body: [Node]) -> String {
        guard case .text(let text) = body.first else { return "" }
        return String(text.prefix { $0 == " " || $0 == "\t" })
    }

    /// swift-mustache accepts transforms such as `{{uppercased(name)}}`; this engine must not silently render them
    /// differently, so it refuses them.
    func reject(_ transforms: [String]) throws(ParseFailure) {
        if !transforms.isEmpty { throw ParseFailure(kind: .unsupportedTransform) }
    }

    // MARK: Tags

    mutating func readUntilDelimiterOrNewline(_ state: State) throws(ParseFailure) -> String {
        guard let delimiterFirst = state.startDelimiter.first else { return "" }
        var total = ""
        while !reachedEnd {
            // `"\r\n"` is a single `Character`, so this stops at both line endings (but not at a lone "\r").
            let text = try read(until: { $0 == "\n" || $0 == "\r\n" || $0 == delimiterFirst }, throwOnOverflow: false)
            total += text
            if current.isNewline {
                break
            } else if current == delimiterFirst {
                if try read(string: state.startDelimiter) { break }
                total.append(delimiterFirst)
                position += 1
            }
        }
        return total
    }

    mutating func parseName(_ state: State) throws(ParseFailure) -> (String, [String]) {
        read(while: \.isWhitespace)
        let text = String(read(while: Self.isSectionNameCharacter))
        read(while: \.isWhitespace)
        guard try read(string: state.endDelimiter) else { throw ParseFailure(kind: .unfinishedName) }

        // Brackets make the name a transform call; parse it as swift-mustache does so bad syntax fails alike.
        var nameParser = TemplateParser(text)
        let function = String(nameParser.read(while: Self.isSectionNameCharacterWithoutBrackets))
        if nameParser.reachedEnd { return (text, []) }
        guard nameParser.current == "(" else { throw ParseFailure(kind: .unfinishedName) }
        nameParser.position += 1
        var transforms = [function]
        while true {
            let name = String(nameParser.read(while: Self.isSectionNameCharacterWithoutBrackets))
            switch nameParser.current {
            case ")":
                nameParser.position += 1
                let closing = nameParser.read(while: { $0 == ")" }).count
                guard closing + 1 == transforms.count, nameParser.reachedEnd else {
                    throw ParseFailure(kind: .unfinishedName)
                }
                return (name, transforms)
            case "(":
                nameParser.position += 1
                transforms.append(name)
            default:
                throw ParseFailure(kind: .unfinishedName)
            }
        }
    }

    mutating func parsePartialName(_ state: State) throws(ParseFailure) -> String {
        read(while: \.isWhitespace)
        let text = String(read(while: Self.isPartialNameCharacter))
        read(while: \.isWhitespace)
        guard try read(string: state.endDelimiter) else { throw ParseFailure(kind: .unfinishedName) }
        return text
    }

    /// Skips a comment up to and past the end delimiter, matching it the way swift-mustache's
    /// `read(untilString:)` does (no back-tracking after a partial match).
    mutating func parseComment(_ state: State) throws(ParseFailure) {
        let delimiter = state.endDelimiter
        guard !delimiter.isEmpty else { return }
        let start = position
        var matched = 0
        while !reachedEnd {
            if characters[position] == delimiter[matched] {
                matched += 1
                if matched == delimiter.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw ParseFailure(kind: .overflow)
    }

    mutating func parseSetDelimiter(_ state: State) throws(ParseFailure) -> State {
        let start: ArraySlice<Character>
        let end: ArraySlice<Character>
        do {
            read(while: \.isWhitespace)
            start = try readSlice(until: \.isWhitespace, throwOnOverflow: true)
            read(while: \.isWhitespace)
            end = try readSlice(until: { $0 == "=" || $0.isWhitespace }, throwOnOverflow: true)
            read(while: \.isWhitespace)
        } catch {
            throw ParseFailure(kind: .invalidSetDelimiter)
        }
        guard try read("=") else { throw ParseFailure(kind: .invalidSetDelimiter) }
        guard try read(string: state.endDelimiter) else { throw ParseFailure(kind: .invalidSetDelimiter) }
        guard !start.isEmpty, !end.isEmpty else { throw ParseFailure(kind: .invalidSetDelimiter) }
        return state.withDelimiters(start: Array(start), end: Array(end))
    }

    /// `{{% CONTENT_TYPE: HTML }}` is accepted and changes nothing (HTML is the only content type here);
    /// `TEXT` would switch escaping off in swift-mustache, so it is refused.
    mutating func parseConfigVariable(_ state: State) throws(ParseFailure) {
        let variable: ArraySlice<Character>
        let value: ArraySlice<Character>
        do {
            read(while: \.isWhitespace)
            variable = read(while: Self.isSectionNameCharacterWithoutBrackets)
            read(while: \.isWhitespace)
            guard try read(":") else { throw ParseFailure(kind: .invalidConfigVariableSyntax) }
            read(while: \.isWhitespace)
            value = read(while: Self.isSectionNameCharacterWithoutBrackets)
            read(while: \.isWhitespace)
            guard try read(string: state.endDelimiter) else { throw ParseFailure(kind: .invalidConfigVariableSyntax) }
        } catch {
            throw ParseFailure(kind: .invalidConfigVariableSyntax)
        }
        guard !variable.isEmpty, !value.isEmpty else { throw ParseFailure(kind: .invalidConfigVariableSyntax) }
        guard String(variable) == "CONTENT_TYPE" else { throw ParseFailure(kind: .unrecognisedConfigVariable) }
        switch String(value) {
        case "HTML": return
        case "TEXT": throw ParseFailure(kind: .unsupportedContentType)
        default: throw ParseFailure(kind: .unrecognisedConfigVariable)
        }
    }

    /// True when only spaces or tabs follow up to a newline (which is then consumed) or the end of the template.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var index = position
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        if index < characters.count, characters[index].isNewline {
            position = index + 1
            return true
        }
        return false
    }

    // MARK: Reading

    var reachedEnd: Bool { position == characters.count }

    /// The current character, or NUL at the end (as swift-mustache's `Parser.current()`).
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func read(_ character: Character) throws(ParseFailure) -> Bool {
        guard !reachedEnd else { throw ParseFailure(kind: .overflow) }
        guard characters[position] == character else { return false }
        position += 1
        return true
    }

    /// Reads `string` if it comes next; running out of characters first is an `overflow`, as in swift-mustache.
    mutating func read(string: [Character]) throws(ParseFailure) -> Bool {
        guard !string.isEmpty else { return true }
        guard characters.count - position >= string.count else { throw ParseFailure(kind: .overflow) }
        guard characters[position..<position + string.count].elementsEqual(string) else { return false }
        position += string.count
        return true
    }

    @discardableResult
    mutating func read(while predicate: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while !reachedEnd, predicate(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    mutating func read(until predicate: (Character) -> Bool, throwOnOverflow: Bool) throws(ParseFailure) -> String {
        String(try readSlice(until: predicate, throwOnOverflow: throwOnOverflow))
    }

    mutating func readSlice(
        until predicate: (Character) -> Bool, throwOnOverflow: Bool
    ) throws(ParseFailure) -> ArraySlice<Character> {
        let start = position
        while !reachedEnd {
            if predicate(characters[position]) { return characters[start..<position] }
            position += 1
        }
        if throwOnOverflow {
            position = start
            throw ParseFailure(kind: .overflow)
        }
        return characters[start..<position]
    }

    static func isSectionNameCharacterWithoutBrackets(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return isNameByte(ascii) || ascii == UInt8(ascii: "*")
    }

    static func isSectionNameCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return isNameByte(ascii) || ascii == UInt8(ascii: "*") || ascii == UInt8(ascii: "(") || ascii == UInt8(ascii: ")")
    }

    static func isPartialNameCharacter(_ character: Character) -> Bool {
        isSectionNameCharacter(character) || character == "/"
    }

    /// Letters, digits and `.-_?`, the characters all three name sets share.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"):
            true
        default:
            false
        }
    }
}
