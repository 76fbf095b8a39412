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

/// One step of a compiled template. Section and block bodies follow their op inline and end at `end`, so a
/// template is one flat array walked by index.
enum Op: Sendable {
    /// Literal UTF-8 bytes.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case value(Path, escaped: Bool)
    /// `{{#name}}`: the body is `ops[index + 1 ..< end]`.
    case section(Path, end: Int)
    /// `{{^name}}`: the body is `ops[index + 1 ..< end]`.
    case invertedSection(Path, end: Int)
    /// `{{$name}}`: the default body is `ops[index + 1 ..< end]`; an override is indented by `overrideIndentation`.
    case block(name: String, end: Int, indentation: [UInt8], overrideIndentation: [UInt8])
    /// `{{>name}}` or `{{<name}}…{{/name}}`.
    case partial(name: String, indentation: [UInt8], overrides: [String: Fragment]?)
}

/// The compiled body of a block override, rendered where the parent template expands that block.
struct Fragment: Sendable {
    let ops: [Op]
}

// MARK: - Compiler

enum Compiler {
    static func compile(_ nodes: [Node]) -> [Op] {
        var ops: [Op] = []
        append(nodes, to: &ops)
        return ops
    }

    static func append(_ nodes: [Node], to ops: inout [Op]) {
        // Index of the text op this loop appended last, while nothing else followed it.
        var lastText: Int?
        for node in nodes {
            if case .text(let text) = node {
                // Joining texts is safe only when the first one does not end a line: indentation of partials is
                // added between texts (tokens), never inside one.
                if let index = lastText, case .text(let previous) = ops[index], previous.last != UInt8(ascii: "\n") {
                    ops[index] = .text(previous + Array(text.utf8))
                } else {
                    lastText = ops.count
                    ops.append(.text(Array(text.utf8)))
                }
                continue
            }
            lastText = nil
            switch node {
            case .text:
                break
            case .variable(let name, let escaped):
                ops.append(.value(Path(name), escaped: escaped))
            case .section(let name, let inverted, let body):
                let index = ops.count
                ops.append(.text([]))
                append(body, to: &ops)
                ops[index] = inverted ? .invertedSection(Path(name), end: ops.count) : .section(Path(name), end: ops.count)
            case .blockExpansion(let name, let body, let indentation, let overrideIndentation):
                let index = ops.count
                ops.append(.text([]))
                append(body, to: &ops)
                ops[index] = .block(
                    name: name, end: ops.count, indentation: Array(indentation.utf8),
                    overrideIndentation: Array(overrideIndentation.utf8))
            case .partial(let name, let indentation, let overrides):
                let fragments = overrides?.mapValues { Fragment(ops: compile($0)) }
                ops.append(.partial(name: name, indentation: Array((indentation ?? "").utf8), overrides: fragments))
            case .blockDefinition:
                // Only found directly inside a parent tag, where the parser turns them into overrides.
                break
            }
        }
    }
}
