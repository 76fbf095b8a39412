// MARK: - Render plan

/// A tag name split once at compile time, so rendering never splits strings: its parts are the code's
/// `names[first ..< first + count]`.
struct Path: Sendable {
    /// Where the dot-separated parts start in the code's names, and how many there are (empty parts dropped, as
    /// `String.split` drops them in swift-mustache).
    let first: Int
    let count: Int
    /// False for `.` and `.name`: look only at the top of the context stack, never further down.
    let climbsStack: Bool
}

/// A compiled template or block override: a flat array of ops, and the texts, tag names, blocks and partials they
/// refer to by index.
///
/// Immutable once made, and read through pointers it owns: ops, texts and paths hold no references, so walking a
/// template retains nothing (an array of them, read from a struct passed along, was a retain and a release for every
/// text and tag of every page, on memory every core shares).
final class Code: @unchecked Sendable {
    let ops: UnsafeMutableBufferPointer<Op>
    /// The literal texts, one after another; a `.text` op names a range of it.
    let texts: UnsafeMutableBufferPointer<UInt8>
    /// The tag names of `.value` and section ops.
    let paths: UnsafeMutableBufferPointer<Path>
    /// The parts of every path's name.
    let names: UnsafeMutableBufferPointer<String>
    let blocks: [Block]
    let partials: [Partial]

    init(ops: [Op], texts: [UInt8], paths: [Path], names: [String], blocks: [Block], partials: [Partial]) {
        func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
            _ = buffer.initialize(from: array)
            return buffer
        }
        self.ops = copy(ops)
        self.texts = copy(texts)
        self.paths = copy(paths)
        self.names = copy(names)
        self.blocks = blocks
        self.partials = partials
    }

    deinit {
        ops.deallocate()
        texts.deallocate()
        paths.deallocate()
        _ = names.deinitialize()
        names.deallocate()
    }
}

/// One step of a compiled template. Section and block bodies follow their op inline and end at `end`, so a
/// template is one flat array walked by index. Every payload is a number, so an op is copied without a retain.
enum Op: Sendable {
    /// Literal UTF-8 bytes: `texts[start..<end]` of the code.
    case text(start: Int, end: Int)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`; `path` indexes the code's paths.
    case value(path: Int, escaped: Bool)
    /// `{{#name}}`: the body is `ops[index + 1 ..< end]`.
    case section(path: Int, end: Int)
    /// `{{^name}}`: the body is `ops[index + 1 ..< end]`.
    case invertedSection(path: Int, end: Int)
    /// `{{$name}}`: the code's `blocks[block]`; the default body is `ops[index + 1 ..< end]`.
    case block(block: Int, end: Int)
    /// `{{>name}}` or `{{<name}}…{{/name}}`: the code's `partials[partial]`.
    case partial(partial: Int)
}

/// A `{{$name}}` block: an override is indented by `overrideIndentation`.
struct Block: Sendable {
    let name: String
    let indentation: [UInt8]
    let overrideIndentation: [UInt8]
}

/// A `{{>name}}` partial or a `{{<name}}` parent with its block overrides.
struct Partial: Sendable {
    let name: String
    let indentation: [UInt8]
    let overrides: [String: Fragment]?
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
        return Code(
            ops: builder.ops, texts: builder.texts, paths: builder.paths, names: builder.names, blocks: builder.blocks,
            partials: builder.partials)
    }

    struct Builder {
        var ops: [Op] = []
        var texts: [UInt8] = []
        var paths: [Path] = []
        var names: [String] = []
        var blocks: [Block] = []
        var partials: [Partial] = []

        mutating func path(_ name: String) -> Int {
            let components = name.split(separator: ".").map(String.init)
            paths.append(Path(first: names.count, count: components.count, climbsStack: name.first != "." && !components.isEmpty))
            names += components
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
                    blocks.append(Block(name: name, indentation: Array(indentation.utf8), overrideIndentation: Array(overrideIndentation.utf8)))
                    ops[index] = .block(block: blocks.count - 1, end: ops.count)
                case .partial(let name, let indentation, let overrides):
                    let fragments = overrides?.mapValues { Fragment(code: compile($0)) }
                    partials.append(Partial(name: name, indentation: Array((indentation ?? "").utf8), overrides: fragments))
                    ops.append(.partial(partial: partials.count - 1))
                case .blockDefinition:
                    // Only found directly inside a parent tag, where the parser turns them into overrides.
                    break
                }
            }
        }
    }
}
