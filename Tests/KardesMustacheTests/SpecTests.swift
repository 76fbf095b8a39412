import Foundation
import KardesMustache
import Mustache
import Testing

@Suite("Mustache specification")
struct SpecTests {
    /// Cases where swift-mustache 2.1.1 itself renders something other than the specification expects. Our engine
    /// follows the specification there; everywhere else it must match swift-mustache byte for byte.
    static let referenceDeviations: Set<String> = [
        // swift-mustache indents the override of a standalone, unindented block by the tag's (empty) indentation,
        // not by the indentation of the block's default content.
        "~inheritance: Intrinsic indentation",
        "~inheritance: Nested block reindentation",
    ]

    @Test("the spec files are all there")
    func specFilesLoad() {
        let files = Set(SpecCase.all.map(\.file))
        #expect(files == Set(SpecCase.files))
        #expect(SpecCase.all.count > 100)
    }

    @Test("renders every spec case as the spec expects", arguments: SpecCase.all)
    func rendersSpecCase(_ spec: SpecCase) throws {
        var templates: [String: KardesMustache.MustacheTemplate] = [:]
        for (name, text) in spec.templates {
            templates[name] = try KardesMustache.MustacheTemplate(text)
        }
        let library = KardesMustache.MustacheLibrary(templates: templates)
        #expect(library.render(spec.data(), template: "__test__") == spec.expected)
    }

    @Test("swift-mustache differs from the spec only on the listed cases, and from us only there")
    func referenceDeviatesOnlyOnListedCases() throws {
        var deviations: Set<String> = []
        var differences: Set<String> = []
        for spec in SpecCase.all {
            let engines = try #require(EnginePair(templates: spec.templates), "\(spec.key)")
            let (ours, reference) = engines.render(spec.data(), template: "__test__")
            if reference != Array(spec.expected.utf8) { deviations.insert(spec.key) }
            if ours != reference { differences.insert(spec.key) }
        }
        #expect(deviations == Self.referenceDeviations)
        #expect(differences == Self.referenceDeviations)
    }
}
