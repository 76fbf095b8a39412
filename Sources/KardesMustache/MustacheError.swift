/// A template that could not be parsed, with the place where parsing stopped.
///
/// `line` and `column` are 1-based and counted exactly as swift-mustache counts
/// `MustacheTemplate.ParserError.context.lineNumber` and `columnNumber`, so a diagnostic points at the same place
/// whichever engine parsed the template.
public struct MustacheError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong. The first cases carry the names of swift-mustache's `MustacheTemplate.Error` cases.
    public enum Kind: String, Sendable, Hashable {
        /// A closing tag `{{/name}}` does not match the open section.
        case sectionCloseNameIncorrect
        /// A tag is badly formed, for example `{{name` or `{{{name}}`.
        case unfinishedName
        /// The template ended while a section was still open.
        case expectedSectionEnd
        /// A set-delimiter tag `{{=<% %>=}}` is badly formed.
        case invalidSetDelimiter
        /// A block `{{$name(x)}}` has a transform.
        case transformAppliedToInheritanceSection
        /// A parent `{{<parent}}` contains something other than blocks and text.
        case illegalTokenInsideInheritSection
        /// Declared by swift-mustache and kept for the same names; swift-mustache 2.1.1 never reports it.
        case textInsideInheritSection
        /// A configuration tag `{{% NAME: VALUE }}` is badly formed.
        case invalidConfigVariableSyntax
        /// A configuration tag names an unknown variable or content type.
        case unrecognisedConfigVariable
        /// The template ended inside a tag (swift-mustache's internal `Parser.Error.overflow`).
        case overflow
        /// A transform such as `{{uppercased(name)}}`: swift-mustache accepts it, this engine does not support it.
        case unsupportedTransform
        /// A dynamic partial or parent name such as `{{>*name}}`: swift-mustache accepts it, this engine does not.
        case unsupportedDynamicName
        /// `{{%CONTENT_TYPE:TEXT}}`: swift-mustache switches off HTML escaping, this engine does not support it.
        case unsupportedContentType
    }

    /// What went wrong.
    public let kind: Kind
    /// The 1-based line where parsing stopped.
    public let line: Int
    /// The 1-based column (in characters) where parsing stopped.
    public let column: Int

    /// Creates an error.
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - line: The 1-based line.
    ///   - column: The 1-based column.
    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// `line:column: kind`, like a compiler diagnostic.
    public var description: String { "\(line):\(column): \(kind.rawValue)" }
}
