/// Walks compiled ops and appends the output, with swift-mustache 2.1.1's rendering rules.
struct Renderer {
    /// What swift-mustache keeps in its `MustacheContext` besides the stack.
    struct Scope {
        /// Prepended to lines inside standalone partials and indented blocks: a range of the renderer's
        /// ``indentations`` (a range of bytes rather than an array, so that frames and scopes are copied without a
        /// retain).
        var indentation: Range<Int>
        /// Block overrides of the parent tags being rendered; the outermost child's override wins.
        var overrides: [String: Fragment]?
    }

    /// One call of swift-mustache's `MustacheTemplate.render(context:)`: a template, a section body, a block.
    ///
    /// swift-mustache indents a token's output when the output of the *current call* so far ends with `"\n"`;
    /// a nested call's first token is instead indented by the caller, once for the whole nested output. Keeping
    /// where each call and its current token started reproduces that on one flat buffer.
    struct Frame {
        let callStart: Int
        var tokenStart: Int
        let indentation: Range<Int>
    }

    let templates: [String: MustacheTemplate]
    var output: [UInt8] = []
    /// The context stack, innermost last. Its entries are not retained: each is kept alive while it is on the stack
    /// by `root` or by ``with(_:_:)``'s caller, whose argument lives until the call returns, so a lookup reads each
    /// level without a retain and a release.
    private(set) var stack: [Unmanaged<ContextEntry>] = []
    var frames: [Frame] = []
    /// The indentations of the scopes being rendered, one after another: a partial or block that adds to its
    /// scope's indentation appends the sum here, and removes it once rendered.
    var indentations: [UInt8] = []
    private let root: ContextEntry

    init(templates: [String: MustacheTemplate], root: Any) {
        self.templates = templates
        self.root = ContextEntry.make(root)
        stack = [Unmanaged.passUnretained(self.root)]
    }

    /// Renders `body` with `entry` on top of the stack; `entry`, an argument, lives until this returns.
    @inline(__always)
    mutating func with(_ entry: ContextEntry, _ body: (inout Renderer) -> Void) {
        stack.append(Unmanaged.passUnretained(entry))
        body(&self)
        stack.removeLast()
    }

    // MARK: Calls

    /// Renders `code.ops[range]` as one call.
    mutating func render(_ code: Code, _ range: Range<Int>, _ scope: Scope) {
        let ops = code.ops
        frames.append(Frame(callStart: output.count, tokenStart: output.count, indentation: scope.indentation))
        defer { frames.removeLast() }
        var index = range.lowerBound
        /// Where the current token's output starts, for a call it makes: only nested calls read it (see
        /// ``indentIfNeeded(from:_:)``), so it is set before those alone.
        func startToken(_ renderer: inout Renderer) { renderer.frames[renderer.frames.count - 1].tokenStart = renderer.output.count }
        while index < range.upperBound {
            switch ops[index] {
            case .text(let start, let end):
                let from = output.count
                output.append(contentsOf: UnsafeBufferPointer(rebasing: code.texts[start..<end]))
                indentIfNeeded(from: from, scope)
                index += 1

            case .value(let path, let escaped):
                if let value = lookUp(code, path) {
                    let start = output.count
                    append(value, escaped: escaped)
                    indentIfNeeded(from: start, scope)
                }
                index += 1

            case .section(let path, let end):
                startToken(&self)
                renderSection(lookUp(code, path), code, index + 1..<end, scope)
                index = end

            case .invertedSection(let path, let end):
                startToken(&self)
                renderInvertedSection(lookUp(code, path), code, index + 1..<end, scope)
                index = end

            case .block(let block, let end):
                startToken(&self)
                let (indentation, overrideIndentation) = (code.blocks[block].indentation, code.blocks[block].overrideIndentation)
                if let override = scope.overrides?[code.blocks[block].name] {
                    if indentation.isEmpty, !overrideIndentation.isEmpty {
                        // An intrinsic indentation was not in the template text before the tag, so write it as the
                        // text an indented tag would have had before it.
                        let start = output.count
                        output.append(contentsOf: overrideIndentation)
                        indentIfNeeded(from: start, scope)
                    }
                    render(override.code, 0..<override.code.ops.count, within: scope, indentedBy: overrideIndentation, overrides: scope.overrides)
                } else {
                    render(code, index + 1..<end, within: scope, indentedBy: indentation, overrides: scope.overrides)
                }
                index = end

            case .partial(let partial):
                startToken(&self)
                let (name, indentation, overrides) = (code.partials[partial].name, code.partials[partial].indentation, code.partials[partial].overrides)
                if let template = templates[name] {
                    var merged = scope.overrides
                    if let overrides {
                        merged = scope.overrides?.merging(overrides) { outer, _ in outer } ?? overrides
                    }
                    render(template.code, 0..<template.code.ops.count, within: scope, indentedBy: indentation, overrides: merged)
                }
                index += 1
            }
        }
    }

    mutating func renderSection(_ value: Any?, _ code: Code, _ body: Range<Int>, _ scope: Scope) {
        guard let value else { return }
        // Flags, objects and strings, recognised by their exact type before the casts to protocols below (none is a
        // sequence, so the order does not change what renders).
        let type = type(of: value)
        if type == Bool.self {
            if exactly(value, Bool.self) { render(code, body, scope) }
        } else if type == Shared.self {
            with(ObjectEntry(exactly(value, Shared.self))) { $0.render(code, body, scope) }
        } else if type == String.self {
            // Neither a sequence, a flag nor an object: pushed as it is, as `ContextEntry.make` pushes it.
            with(OtherEntry(value)) { $0.render(code, body, scope) }
        } else {
            /// Renders the body with `entry` pushed; `entry` lives until this returns.
            func renderBody(with entry: ContextEntry) { with(entry) { $0.render(code, body, scope) } }
            switch ValueKinds.current.kind(of: value, type) {
            case .sequence(let sequenceType, let objects):
                func each<Sequence: SequenceValue>(_: Sequence.Type) {
                    exactly(value, Sequence.self).forEachMustacheEntry(objects: objects, renderBody)
                }
                each(sequenceType)
            case .object(let objectType):
                renderBody(with: ContextEntry.make(value, as: objectType))
            case .unknown:
                if let sequence = value as? any SequenceValue {
                    sequence.forEachMustacheEntry(renderBody)
                } else if let bool = value as? Bool {
                    if bool { render(code, body, scope) }
                } else {
                    renderBody(with: ContextEntry.make(value))
                }
            }
        }
    }

    mutating func renderInvertedSection(_ value: Any?, _ code: Code, _ body: Range<Int>, _ scope: Scope) {
        guard let value else {
            render(code, body, scope)
            return
        }
        let type = type(of: value)
        if type == Bool.self {
            if !exactly(value, Bool.self) { render(code, body, scope) }
            return
        }
        if type == Shared.self || type == String.self { return }
        let kind = ValueKinds.current.kind(of: value, type)
        if case .object = kind { return }
        if case .sequence(let sequenceType, _) = kind {
            func isEmpty<Sequence: SequenceValue>(_: Sequence.Type) -> Bool { exactly(value, Sequence.self).isEmptyMustacheSequence }
            // swift-mustache pushes the empty sequence itself, so `{{.}}` in the body prints `[]`.
            if isEmpty(sequenceType) {
                with(ContextEntry.make(value)) { $0.render(code, body, scope) }
            }
            return
        }
        if let sequence = value as? any SequenceValue {
            if sequence.isEmptyMustacheSequence {
                with(ContextEntry.make(value)) { $0.render(code, body, scope) }
            }
        } else if let bool = value as? Bool {
            if !bool { render(code, body, scope) }
        }
    }

    // MARK: Indentation

    /// Renders `code.ops[range]` as one call in a scope indented by `extra` more than `outer`, with `overrides`: the
    /// sum of the two indentations is appended to ``indentations`` for the call, unless `extra` is empty.
    mutating func render(_ code: Code, _ range: Range<Int>, within outer: Scope, indentedBy extra: [UInt8], overrides: [String: Fragment]?) {
        guard !extra.isEmpty else {
            render(code, range, Scope(indentation: outer.indentation, overrides: overrides))
            return
        }
        let start = indentations.count
        indentations.append(contentsOf: indentations[outer.indentation])
        indentations.append(contentsOf: extra)
        render(code, range, Scope(indentation: start..<indentations.count, overrides: overrides))
        indentations.removeSubrange(start...)
    }

    /// Inserts the indentation before the bytes appended since `start` when swift-mustache would have.
    @inline(__always)
    mutating func indentIfNeeded(from start: Int, _ scope: Scope) {
        guard !scope.indentation.isEmpty, output.count > start else { return }
        var index = frames.count - 1
        while true {
            let frame = frames[index]
            if start > frame.callStart {
                // `String.last == "\n"` in swift-mustache: a "\r\n" before is one other character.
                guard output[start - 1] == UInt8(ascii: "\n") else { return }
                if start - 2 >= frame.callStart, output[start - 2] == UInt8(ascii: "\r") { return }
                output.insert(contentsOf: indentations[frame.indentation], at: start)
                return
            }
            // Nothing rendered yet in this call: the caller decides, once, at the start of its token.
            index -= 1
            guard index >= 0, start == frames[index].tokenStart else { return }
        }
    }

    // MARK: Values

    /// Finds the code's `index`th path on the context stack as swift-mustache's `getChild` does.
    func lookUp(_ code: Code, _ index: Int) -> Any? {
        // The stack through a pointer: `stack[level]` copied each level's entry out of the array.
        stack.withUnsafeBufferPointer { stack in lookUp(code.paths[index], names: code.names, in: stack) }
    }

    /// Finds `path` (its parts in `names`) on the context stack `stack` as swift-mustache's `getChild` does.
    private func lookUp(
        _ path: Path, names: UnsafeMutableBufferPointer<String>, in stack: UnsafeBufferPointer<Unmanaged<ContextEntry>>
    ) -> Any? {
        if path.climbsStack && path.count == 1 {
            // Most tags are one plain name: the value comes straight from the level that has it.
            let name = names[path.first]
            var level = stack.count - 1
            while level >= 0 {
                if let child = stack[level]._withUnsafeGuaranteedRef({ $0.child(named: name) }) {
                    return isNull(child) ? nil : child
                }
                level -= 1
            }
            return nil
        }
        var value: Any
        var next = 0
        if path.climbsStack {
            let name = names[path.first]
            var level = stack.count - 1
            var found: Any?
            while level >= 0 {
                if let child = stack[level]._withUnsafeGuaranteedRef({ $0.child(named: name) }) {
                    found = child
                    break
                }
                level -= 1
            }
            guard let found else { return nil }
            value = found
            next = 1
        } else {
            value = stack[stack.count - 1]._withUnsafeGuaranteedRef { $0.value }
        }
        while next < path.count {
            if isNull(value) { return nil }
            guard let child = child(named: names[path.first + next], of: value) else { return nil }
            value = child
            next += 1
        }
        return isNull(value) ? nil : value
    }

    /// Appends a value the way swift-mustache prints it: `String(describing:)` of the value, with one level of
    /// `Optional` unwrapped (a `nil` inside an `Any` prints `nil`).
    mutating func append(_ value: Any, escaped: Bool) {
        // Exact types first (a pointer comparison); a failed cast to `String` from an `Int` took longer than
        // printing it.
        let type = type(of: value)
        if type == String.self {
            append(exactly(value, String.self), escaped: escaped)
        } else if type == Int.self {
            output.append(contentsOf: exactly(value, Int.self).description.utf8)
        } else if type == Bool.self {
            output.append(contentsOf: (exactly(value, Bool.self) ? "true" : "false").utf8)
        } else if type == UTF8Text.self {
            let text = exactly(value, UTF8Text.self)
            if escaped {
                append(text.description, escaped: true)
            } else {
                output.append(contentsOf: text.bytes)
            }
        } else if let string = value as? String {
            append(string, escaped: escaped)
        } else if let int = value as? Int {
            output.append(contentsOf: int.description.utf8)
        } else if let bool = value as? Bool {
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        } else if let substring = value as? Substring {
            if escaped {
                appendEscaped(substring, to: &output)
            } else {
                output.append(contentsOf: substring.utf8)
            }
        } else if let optional = value as? any OptionalValue {
            append(optional.wrappedValue.map { String(describing: $0) } ?? String(describing: value), escaped: escaped)
        } else {
            append(String(describing: value), escaped: escaped)
        }
    }

    mutating func append(_ string: String, escaped: Bool) {
        if escaped {
            appendEscaped(string, to: &output)
        } else {
            output.append(contentsOf: string.utf8)
        }
    }
}
