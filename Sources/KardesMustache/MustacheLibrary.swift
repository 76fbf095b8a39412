/// Templates by name; partials and parents are found here by name when a template is rendered.
///
/// ```swift
/// let library = MustacheLibrary(templates: ["layout": layout, "partnership": partnership])
/// var bytes: [UInt8] = []
/// library.render(page, template: "partnership", into: &bytes)
/// ```
public struct MustacheLibrary: Sendable {
    let templates: [String: MustacheTemplate]

    /// Creates a library.
    /// - Parameter templates: Compiled templates by the name partials and parents use for them.
    public init(templates: [String: MustacheTemplate]) {
        self.templates = templates
    }

    /// Whether there is a template called `name`.
    /// - Parameter name: A template name.
    /// - Returns: True when `name` is in the library.
    public func contains(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// Renders `object` with the named template, appending UTF-8 to `output`.
    /// - Parameters:
    ///   - object: The root of the context stack: a `MustacheObject`, a `[String: Any]` dictionary, …
    ///   - name: The template's name in this library.
    ///   - output: The buffer to append to; nothing is appended when the template is missing.
    /// - Returns: False when there is no template called `name`.
    @discardableResult
    public func render(_ object: Any, template name: String, into output: inout [UInt8]) -> Bool {
        guard let template = templates[name] else { return false }
        var renderer = Renderer(templates: templates, root: object)
        // Swapping the caller's buffer in and out lets the renderer append to it without copying.
        swap(&renderer.output, &output)
        renderer.render(template.code, 0..<template.code.ops.count, Renderer.Scope(indentation: 0..<0, overrides: nil))
        swap(&renderer.output, &output)
        return true
    }

    /// Renders `object` with the named template.
    /// - Parameters:
    ///   - object: The root of the context stack.
    ///   - name: The template's name in this library.
    /// - Returns: The rendered text, or nil when there is no template called `name`.
    public func render(_ object: Any, template name: String) -> String? {
        var output: [UInt8] = []
        guard render(object, template: name, into: &output) else { return nil }
        return String(decoding: output, as: UTF8.self)
    }
}
