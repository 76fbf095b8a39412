import KardesContent
import KardesLinking
import KardesModel
import Testing

/// `lines` joined into a file with a trailing newline.
func file(_ lines: String...) -> String { file(lines) }

/// `lines` joined into a file with a trailing newline.
func file(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

/// The model file most tests need.
let sisterCity = ("content/models/sister-city.md", file("---", "title: Kardeş kent ilişkisi", "order: 1", "---"))

/// Reads `files` (path relative to the site root → text) as `ContentLoader` would, in memory.
///
/// Every file must parse without errors: these tests are about linking, not loading.
func content(_ files: [(String, String)], languages: [String] = ["tr"], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> LoadedContent {
    var loaded = LoadedContent(config: SiteConfig(title: "Test", baseURL: "https://example.org/", languages: languages))
    for (path, text) in files {
        let parts = path.split(separator: "/").map(String.init)
        func entry<T>(_ parsed: Parsed<T>) throws -> T {
            let errors = parsed.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(path) does not load: \(errors)", sourceLocation: sourceLocation)
            return try #require(parsed.entry, sourceLocation: sourceLocation)
        }
        switch parts[1] {
        case "partnerships": loaded.partnerships.append(try entry(PartnershipFile.parse(text, path: path)))
        case "cities": loaded.cities.append(try entry(CityFile.parse(text, path: path, country: try #require(CountryCode(parts[2])))))
        case "models": loaded.models.append(try entry(ModelFile.parse(text, path: path)))
        case "networks": loaded.networks.append(try entry(NetworkFile.parse(text, path: path)))
        case "pages": loaded.pages.append(try entry(PageFile.parse(text, path: path)))
        default: Issue.record("no reader for \(path)", sourceLocation: sourceLocation)
        }
    }
    return loaded
}

/// A partnership file between `cities` in the sister-city model.
func twinning(_ cities: String..., model: String = "sister-city") -> String {
    file("---", "cities: [\(cities.map { "\"\($0)\"" }.joined(separator: ", "))]", "model: \(model)", "---")
}

/// Links `content` in Turkish against 2026.
func link(_ content: LoadedContent, language: String = "tr") throws(BuildFailure) -> LinkedSite {
    try Linker(language: language, referenceYear: 2026).link(content)
}

/// The diagnostics a failed link reports; records an issue when it links.
func linkErrors(_ content: LoadedContent, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        _ = try link(content)
        Issue.record("linking succeeded", sourceLocation: sourceLocation)
        return []
    } catch {
        guard case .content(let diagnostics) = error else {
            Issue.record("expected content errors, got \(error)", sourceLocation: sourceLocation)
            return []
        }
        return diagnostics
    }
}

/// `id` as a city ID (`"mk/skopje"`).
func city(_ id: String) -> City.ID {
    let parts = id.split(separator: "/")
    return City.ID(country: CountryCode(String(parts[0]))!, slug: String(parts[1]))
}
