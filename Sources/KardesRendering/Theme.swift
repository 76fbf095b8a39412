import Foundation
import KardesContent
import KardesModel
import KardesMustache

/// The templates, stylesheet and interface text a site is rendered with: the embedded default theme with the
/// site's own `templates/` files laid over it, file by file.
public struct Theme: Sendable {
    /// Every theme file by path relative to `templates/`.
    public let files: [String: String]
    /// Renders a view model with a named template. Our own engine (KardesMustache); tests put swift-mustache here to
    /// show that both give the same bytes for every page.
    var engine: TemplateEngine
    let strings: [String: [String: String]]
    /// The templates every page may include (the layout and partials), worked out once: each page lists them.
    let sharedTemplates: Set<String>

    /// The default theme as embedded in the binary.
    public static var defaultFiles: [String: String] { embeddedTheme }

    /// Builds the theme from the default files and a site's overrides.
    /// - Parameter overrides: files of the site's `templates/` folder by relative path.
    /// - Throws: `BuildFailure.content` with a diagnostic at the template's line and column when a template does not parse,
    ///   or when a strings file is not a mapping of keys to text.
    public init(overrides: [String: String] = [:]) throws(BuildFailure) {
        let files = embeddedTheme.merging(overrides) { $1 }
        var log = DiagnosticLog()
        var templates: [String: MustacheTemplate] = [:]
        var strings: [String: [String: String]] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let file = "templates/\(path)"
            if path.hasSuffix(".mustache") {
                do throws(MustacheError) {
                    templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(text)
                } catch {
                    let (problem, fix) = Self.explain(error.kind)
                    log.append(
                        .error("template-error", at: SourceLocation(file: file, line: error.line, column: error.column), "template error: \(problem)", fix: fix))
                }
            }
        }
        // A site's strings file changes only the lines it has: it is laid over the default file of its language.
        for layer in [embeddedTheme, overrides] {
            for (path, text) in layer.sorted(by: { $0.key < $1.key }) where path.hasPrefix("strings/") && path.hasSuffix(".yml") {
                let language = String(path.dropFirst("strings/".count).dropLast(".yml".count))
                let parsed = StringsFile.parse(text, path: "templates/\(path)")
                log.append(contentsOf: parsed.diagnostics)
                strings[language, default: [:]].merge(parsed.entry ?? [:]) { $1 }
            }
        }
        try log.throwIfErrors()
        for name in ["layout", "home", "partnerships", "partnership", "cities", "city", "countries", "country", "list", "page", "404"]
        where templates[name] == nil {
            throw .content([.error("missing-template", at: SourceLocation(file: "templates/\(name).mustache"), "the theme has no template '\(name)'", fix: "add templates/\(name).mustache")])
        }
        self.files = files
        self.engine = TemplateEngine(library: MustacheLibrary(templates: templates))
        self.strings = strings
        self.sharedTemplates = Set(
            files.keys.filter { $0.hasSuffix(".mustache") && !Self.pageTemplates.contains(String($0.dropLast(".mustache".count))) }
                .map { "templates/\($0)" })
    }

    /// A template parser error in words, with what to do.
    static func explain(_ error: MustacheError.Kind) -> (String, String) {
        let name = error.rawValue
        let known: [String: (String, String)] = [
            "sectionCloseNameIncorrect": (
                "a section is closed with another name than it was opened with",
                "close {{#name}} or {{^name}} with {{/name}} of the same name, innermost first"
            ),
            "expectedSectionEnd": ("a section is never closed", "add {{/name}} for every {{#name}} and {{^name}}"),
            "unfinishedName": ("a tag is not finished", "close the tag with }} (or }}} after {{{)"),
            "invalidSetDelimiter": ("the delimiter change is malformed", "write it as {{=<% %>=}}: two delimiters separated by a space"),
            "illegalTokenInsideInheritSection": (
                "only {{$block}} overrides may stand inside {{<parent}} … {{/parent}}", "move other tags into a {{$block}}"
            ),
            "textInsideInheritSection": (
                "text stands inside {{<parent}} … {{/parent}} outside any block", "move the text into a {{$block}} … {{/block}}"
            ),
        ]
        return known[name] ?? (name, "check the Mustache tags around this position")
    }

    /// The interface text for `language`: its own table over the English one, so a missing line shows in English.
    public func strings(for language: String) -> [String: String] {
        (strings["en"] ?? [:]).merging(strings[language] ?? [:]) { $1 }
    }

    /// The templates a page kind renders with directly; every other template is a layout or partial any page may use.
    static let pageTemplates: Set<String> = [
        "home", "partnerships", "partnership", "cities", "city", "countries", "country", "list", "page", "404", "map", "stats", "search",
    ]

    /// Static files copied to the output as they are (the stylesheet).
    public var assets: [(path: String, contents: String)] {
        files.filter { !$0.key.hasSuffix(".mustache") && !$0.key.hasPrefix("strings/") && !$0.key.hasSuffix(".md") }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Appends `object` rendered with `template` to `output`; nothing when there is no such template.
    func render(_ object: Any, template: String, into output: inout [UInt8]) {
        engine.render(object, template, &output)
    }
}

/// A Mustache engine as a value: what renders pages. A struct of a closure, so tests can put another engine in.
struct TemplateEngine: Sendable {
    let render: @Sendable (_ object: Any, _ template: String, _ output: inout [UInt8]) -> Void

    init(render: @escaping @Sendable (_ object: Any, _ template: String, _ output: inout [UInt8]) -> Void) {
        self.render = render
    }

    /// Our own engine: templates compiled once, pages appended as bytes.
    init(library: MustacheLibrary) {
        render = { object, template, output in library.render(object, template: template, into: &output) }
    }
}
