// MARK: - Render plan

/// A tag name split once at compile time, so rendering never splits strings.
struct Path: Sendable {
    /// The dot-separated parts, empty parts dropped (as `String.split` drops them in swift-mustache).
    let components: [String]
    /// False for `.` and `.name`: look only at the top of the context stack, never further down.
    let climbsStack: Bool

    init(_ name: String) {
        components = name.split(separator: ".").map(String.init)
        climbsStack = name.first != "." && !components.isEmpty
    }
}

/// A compiled template or block override: a flat array of ops, and the texts and tag names they refer to by index.
///
/// Ops hold numbers rather than arrays and strings, so walking them retains nothing: `switch ops[index]` copies the
/// op, and a copied `[UInt8]` or `Path` payload was a retain and a release on memory every core shares, for every
/// text and tag of every page.
struct Code: Sendable {
    let ops: [Op]
    /// The literal texts, one after another; a `.text` op names a range of it.
    let texts: [UInt8]
    /// The tag names of `.value` and section ops.
    let paths: [Path]
}

/// One step of a compiled template. Section and block bodies follow their op inline and end at `end`, so a
/// template is one flat array walked by index.
enum Op: Sendable {
    /// Literal UTF-8 bytes: `texts[start..<end]` of the code.
    case text(start: Int, end: Int)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`; `path` indexes the code's paths.
    case value(path: Int, escaped: Bool)
    /// `{{#name}}`: the body is `ops[index + 1 ..< end]`.
    case section(path: Int, end: Int)
    /// `{{^name}}`: the body is `ops[index + 1 ..< end]`.
    case invertedSection(path: Int, end: Int)
    /// `{{$name}}`: the default body is `ops[index + 1 ..< end]`; an override is indented by `overrideIndentation`.
    case block(name: String, end: Int, indentation: [UInt8], overrideIndentation: [UInt8])
    /// `{{>name}}` or `{{<name}}…{{/name}}`.
    case partial(name: String, indentation: [UInt8], overrides: [String: Fragment]?)
}

/// The compiled body of a block override, rendered where the parent template expands that block.
struct Fragment: Sendable {
    let code: Code
}

// MARK: - Compiler

enum Compiler {
    static func compile(_ nodes: [Node]) -> Code {
        var builder = Builder()
        builder.append(nodes)
        return Code(ops: builder.ops, texts: builder.texts, paths: builder.paths)
    }

    struct Builder {
        var ops: [Op] = []
        var texts: [UInt8] = []
        var paths: [Path] = []

        mutating func path(_ name: String) -> Int {
            paths.append(Path(name))
            return paths.count - 1
        }

        mutating func append(_ nodes: [Node]) {
            // Index of the text op this loop appended last, while nothing else followed it.
            var lastText: Int?
            for node in nodes {
                if case .text(let text) = node {
                    // Joining texts is safe only when the first one does not end a line: indentation of partials is
                    // added between texts (tokens), never inside one. The last text op's bytes are the last in
                    // `texts`, so joining appends to both.
                    if let index = lastText, case .text(let start, let end) = ops[index], end == texts.count,
                        texts[start..<end].last != UInt8(ascii: "\n")
                    {
                        texts.append(contentsOf: text.utf8)
                        ops[index] = .text(start: start, end: texts.count)
                    } else {
                        lastText = ops.count
                        let start = texts.count
                        texts.append(contentsOf: text.utf8)
                        ops.append(.text(start: start, end: texts.count))
                    }
                    continue
                }
                lastText = nil
                switch node {
                case .text:
                    break
                case .variable(let name, let escaped):
                    ops.append(.value(path: path(name), escaped: escaped))
                case .section(let name, let inverted, let body):
                    let index = ops.count
                    ops.append(.text(start: 0, end: 0))
                    let named = path(name)
                    append(body)
                    ops[index] = inverted ? .invertedSection(path: named, end: ops.count) : .section(path: named, end: ops.count)
                case .blockExpansion(let name, let body, let indentation, let overrideIndentation):
                    let index = ops.count
                    ops.append(.text(start: 0, end: 0))
                    append(body)
                    ops[index] = .block(
                        name: name, end: ops.count, indentation: Array(indentation.utf8),
                        overrideIndentation: Array(overrideIndentation.utf8))
                case .partial(let name, let indentation, let overrides):
                    let fragments = overrides?.mapValues { Fragment(code: compile($0)) }
                    ops.append(.partial(name: name, indentation: Array((indentation ?? "").utf8), overrides: fragments))
                case .blockDefinition:
                    // Only found directly inside a parent tag, where the parser turns them into overrides.
                    break
                }
            }
        }
    }
}
