import Foundation
import KardesModel
import Mustache
import Yams

/// The templates, stylesheet and interface text a site is rendered with: the embedded default theme with the
/// site's own `templates/` files laid over it, file by file.
public struct Theme: Sendable {
    /// Every theme file by path relative to `templates/`.
    public let files: [String: String]
    let library: MustacheLibrary
    let strings: [String: [String: String]]

    /// The default theme as embedded in the binary.
    public static var defaultFiles: [String: String] { embeddedTheme }

    /// Builds the theme from the default files and a site's overrides.
    /// - Parameter overrides: files of the site's `templates/` folder by relative path.
    /// - Throws: `BuildFailure.content` with a diagnostic at the template's line and column when a template does not parse,
    ///   or when a strings file is not a mapping of keys to text.
    public init(overrides: [String: String] = [:]) throws(BuildFailure) {
        let files = embeddedTheme.merging(overrides) { $1 }
        var log = DiagnosticLog()
        var library = MustacheLibrary()
        var strings: [String: [String: String]] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let file = "templates/\(path)"
            if path.hasSuffix(".mustache") {
                do {
                    library.register(try MustacheTemplate(string: text), named: String(path.dropLast(".mustache".count)))
                } catch let error as MustacheTemplate.ParserError {
                    log.append(
                        .error(
                            at: SourceLocation(file: file, line: error.context.lineNumber, column: error.context.columnNumber),
                            "template error: \(error.error)", fix: "check that every {{#section}} and {{^section}} is closed by {{/section}} with the same name"))
                } catch {
                    log.append(.error(at: SourceLocation(file: file), "template error: \(error)", fix: "check the template's tags"))
                }
            } else if path.hasPrefix("strings/"), path.hasSuffix(".yml") {
                let language = String(path.dropFirst("strings/".count).dropLast(".yml".count))
                do {
                    guard let table = try Yams.load(yaml: text) as? [String: Any] else { throw YamlError.no }
                    strings[language] = table.compactMapValues { $0 as? String ?? ($0 as? any CustomStringConvertible)?.description }
                } catch {
                    log.append(.error(at: SourceLocation(file: file), "the interface text cannot be read: \(error)", fix: "write one 'key: text' per line"))
                }
            }
        }
        try log.throwIfErrors()
        for name in ["layout", "home", "partnerships", "partnership", "cities", "city", "countries", "country", "list", "page", "404"]
        where library.getTemplate(named: name) == nil {
            throw .content([.error(at: SourceLocation(file: "templates/\(name).mustache"), "the theme has no template '\(name)'", fix: "add templates/\(name).mustache")])
        }
        self.files = files
        self.library = library
        self.strings = strings
    }

    /// The interface text for `language`: its own table over the English one, so a missing line shows in English.
    public func strings(for language: String) -> [String: String] {
        (strings["en"] ?? [:]).merging(strings[language] ?? [:]) { $1 }
    }

    /// Static files copied to the output as they are (the stylesheet).
    public var assets: [(path: String, contents: String)] {
        files.filter { !$0.key.hasSuffix(".mustache") && !$0.key.hasPrefix("strings/") && !$0.key.hasSuffix(".md") }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func render(_ object: Any, template: String) -> String {
        library.render(object, withTemplate: template) ?? ""
    }
}
