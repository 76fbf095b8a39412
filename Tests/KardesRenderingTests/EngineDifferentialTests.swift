import Foundation
import KardesContent
import KardesLinking
import KardesModel
import KardesMustache
@testable import KardesRendering
import Mustache
import Testing

/// Our Mustache engine replaced swift-mustache for speed; this shows that every page of real sites comes out the same,
/// byte for byte, when swift-mustache renders the same view models with the same templates.
@Suite("Our Mustache engine against swift-mustache")
struct EngineDifferentialTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    enum Site: String, CaseIterable, CustomTestStringConvertible {
        case golden, demo, corpus
        var testDescription: String { rawValue }
    }

    @Test("every file of a site renders to the same bytes with both engines", arguments: Site.allCases)
    func sameBytes(site: Site) async throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-engines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let source: URL
        switch site {
        case .golden: source = Self.repository.appendingPathComponent("Tests/KardesGoldenTests/Fixtures/twinning/site")
        case .demo: source = Self.repository
        case .corpus:
            // A generated directory: hundreds of partnerships, other scripts, networks, long bodies.
            source = temporary.appendingPathComponent("site")
            let generator = Process()
            generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            generator.arguments = ["python3", Self.repository.appendingPathComponent("Benchmarks/gen-corpus.py").path, "--n", "400", "--out", source.path]
            generator.standardError = FileHandle.nullDevice
            try generator.run()
            generator.waitUntilExit()
            try #require(generator.terminationStatus == 0, "Benchmarks/gen-corpus.py failed")
        }
        let loaded = try await ContentLoader(root: source).loadCollecting()
        let theme = try Theme()
        var reference = theme
        reference.engine = try ReferenceEngine.make(files: theme.files)
        var compared = 0
        for (index, language) in loaded.config.languages.enumerated() {
            let linked = try Linker(language: language, referenceYear: 2026).link(loaded)
            let prefix = index == 0 ? "" : "\(language)/"
            let ours = await Renderer(theme: theme, language: language, prefix: prefix, writesRootFiles: index == 0).render(linked)
            let theirs = await Renderer(theme: reference, language: language, prefix: prefix, writesRootFiles: index == 0).render(linked)
            #expect(ours.files.map(\.path) == theirs.files.map(\.path))
            let different = zip(ours.files, theirs.files).filter { $0.contents != $1.contents }.map(\.0.path)
            #expect(different.isEmpty, "\(different.count) files differ, such as \(different.prefix(5))")
            compared += ours.files.count
        }
        #expect(compared > (site == .corpus ? 1000 : 50))
    }
}

/// swift-mustache as a `TemplateEngine`, reading our view models through ``Bridged``.
enum ReferenceEngine {
    static func make(files: [String: String]) throws -> TemplateEngine {
        var library = Mustache.MustacheLibrary()
        for (path, text) in files where path.hasSuffix(".mustache") {
            library.register(try Mustache.MustacheTemplate(string: text), named: String(path.dropLast(".mustache".count)))
        }
        let finished = library
        return TemplateEngine { object, template, output in
            output += Array((finished.render(Bridged.wrap(object) as Any, withTemplate: template) ?? "").utf8)
        }
    }
}

/// A view model as swift-mustache reads it: the same `child(named:)`, with what it returns wrapped in turn.
struct Bridged: Mustache.MustacheParent {
    let object: any KardesMustache.MustacheObject

    func child(named name: String) -> Any? { Self.wrap(object.child(named: name)) }

    static func wrap(_ value: Any?) -> Any? {
        guard let value else { return nil }
        if let object = value as? any KardesMustache.MustacheObject { return Bridged(object: object) }
        if let array = value as? [Any] { return array.map { wrap($0) as Any } }
        if let list = value as? KardesMustache.LazyList { return list.elements.map { wrap($0) as Any } }
        if let dictionary = value as? [String: Any] { return dictionary.mapValues { wrap($0) as Any } }
        if let text = value as? KardesMustache.UTF8Text { return text.description }
        return value
    }
}
