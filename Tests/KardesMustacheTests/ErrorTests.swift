import KardesMustache
import Mustache
import Testing

@Suite("Parse errors")
struct ErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let template: String
        let kind: KardesMustache.MustacheError.Kind
        let line: Int
        let column: Int
        var testDescription: String { "\(kind.rawValue): \(template.debugDescription)" }
    }

    /// Every error swift-mustache 2.1.1 can report, at the line and column it reports.
    static let cases: [Case] = [
        Case(template: "{{#a}}\n  x\n{{/b}}\n", kind: .sectionCloseNameIncorrect, line: 3, column: 4),
        Case(template: "top {{/a}}", kind: .sectionCloseNameIncorrect, line: 1, column: 8),
        Case(template: "{{#a}}{{#b}}\n{{/a}}{{/b}}", kind: .sectionCloseNameIncorrect, line: 2, column: 4),
        Case(template: "line\n{{#a}}\nnever closed\n", kind: .expectedSectionEnd, line: 4, column: 1),
        Case(template: "{{<parent}}{{$b}}x{{/b}}", kind: .expectedSectionEnd, line: 1, column: 25),
        Case(template: "a\nb {{name x}}", kind: .unfinishedName, line: 2, column: 10),
        Case(template: "{{{name}}\n", kind: .unfinishedName, line: 1, column: 10),
        Case(template: "{{na!me}}", kind: .unfinishedName, line: 1, column: 5),
        Case(template: "{{> part x}}", kind: .unfinishedName, line: 1, column: 10),
        Case(template: "{{name(}}", kind: .unfinishedName, line: 1, column: 10),
        Case(template: "x\n{{=<% %> x=}}\n", kind: .invalidSetDelimiter, line: 2, column: 10),
        // The end delimiter runs to the next whitespace ("%>}}"), so the template ends before the closing "=".
        Case(template: "x\n{{=<% %>}}\n", kind: .overflow, line: 3, column: 1),
        Case(template: "{{= <% =}}", kind: .invalidSetDelimiter, line: 1, column: 11),
        Case(template: "{{$block(x)}}{{/block(x)}}", kind: .transformAppliedToInheritanceSection, line: 1, column: 14),
        Case(template: "{{<parent}}\n{{name}}\n{{/parent}}", kind: .illegalTokenInsideInheritSection, line: 3, column: 12),
        Case(template: "{{<parent}}{{#s}}{{/s}}{{/parent}}\nafter", kind: .illegalTokenInsideInheritSection, line: 1, column: 35),
        Case(template: "{{%CONTENT_TYPE}}", kind: .invalidConfigVariableSyntax, line: 1, column: 16),
        Case(template: "{{%COLOUR:HTML}}", kind: .unrecognisedConfigVariable, line: 1, column: 17),
        Case(template: "{{%CONTENT_TYPE:XML}}", kind: .unrecognisedConfigVariable, line: 1, column: 22),
        Case(template: "text {", kind: .overflow, line: 1, column: 6),
        Case(template: "{{! never closed", kind: .overflow, line: 1, column: 4),
        // "\r\n" is one character: it starts line 2 but does not reset the column, as in swift-mustache.
        Case(template: "ab\r\ncd {{name", kind: .overflow, line: 2, column: 13),
        Case(template: "İstanbul\n日本 {{#a}}{{/b}}", kind: .sectionCloseNameIncorrect, line: 2, column: 13),
    ]

    @Test("reports the kind, line and column swift-mustache reports", arguments: cases)
    func matchesReference(_ error: Case) throws {
        let ours = try #require(ParseOutcome.ours(error.template))
        #expect(ours == ParseOutcome(kind: error.kind.rawValue, line: error.line, column: error.column))
        #expect(ParseOutcome.reference(error.template) == ours)
    }

    @Test(
        "refuses syntax swift-mustache accepts but this engine does not support",
        arguments: [
            ("{{uppercased(name)}}", KardesMustache.MustacheError.Kind.unsupportedTransform),
            ("{{#reversed(list)}}{{.}}{{/reversed(list)}}", .unsupportedTransform),
            ("{{>*dynamic}}", .unsupportedDynamicName),
            ("{{<*dynamic}}{{/*dynamic}}", .unsupportedDynamicName),
            ("{{%CONTENT_TYPE:TEXT}}", .unsupportedContentType),
        ])
    func refusesUnsupportedSyntax(template: String, kind: KardesMustache.MustacheError.Kind) {
        #expect(ParseOutcome.reference(template) == nil)
        #expect(ParseOutcome.ours(template)?.kind == kind.rawValue)
    }

    @Test("a content type of HTML is accepted and changes nothing")
    func htmlContentType() throws {
        let engines = try #require(EnginePair(templates: ["t": "{{%CONTENT_TYPE:HTML}}\n{{v}}"]))
        let (ours, reference) = engines.render(["v": "<&>"] as [String: Any], template: "t")
        #expect(ours == reference)
    }
}
