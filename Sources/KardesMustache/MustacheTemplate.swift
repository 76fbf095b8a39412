/// One parsed template, compiled once into a flat render plan.
///
/// ```swift
/// let page = try MustacheTemplate("{{<layout}}{{$main}}<h1>{{title}}</h1>{{/main}}{{/layout}}")
/// ```
/// Parsing follows swift-mustache 2.1.1 exactly, so a template either renders byte-identically to swift-mustache
/// or is refused with the same error (or, for syntax swift-mustache accepts but this engine does not support —
/// transforms, dynamic names, `CONTENT_TYPE: TEXT` — with an `unsupported…` error).
public struct MustacheTemplate: Sendable {
    let code: Code

    /// Parses and compiles `text`.
    /// - Parameter text: The Mustache source.
    /// - Throws: `MustacheError` with the kind and the 1-based line and column where parsing stopped.
    public init(_ text: String) throws(MustacheError) {
        code = Compiler.compile(try TemplateParser.parse(text))
    }
}
