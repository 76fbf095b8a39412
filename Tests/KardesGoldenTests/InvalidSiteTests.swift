import Foundation
import KardesBuild
import KardesModel
import Testing

/// Builds every site under `Fixtures/invalid/` over a good build and checks the full text of its diagnostics and that the
/// output folder is untouched. `KARDES_RECORD=1` rewrites `expected/diagnostics.txt`.
@Suite("Invalid sites")
struct InvalidSiteTests {
    /// Fixtures whose `expected/diagnostics.txt` holds what kardes should print but does not yet; recording leaves them alone.
    static let knownIssues: [String: Comment] = [:]

    @Test("an invalid site fails with its diagnostics and changes nothing in the output folder", arguments: Fixture.invalid)
    func invalid(fixture: Fixture) async throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        let output = folder.appendingPathComponent("public")
        try await buildSite(Fixture.twinning.site, into: output)
        try Tree.backdate(output)
        let before = try Tree(output)
        try #require(!before.files.isEmpty)

        var diagnostics: [Diagnostic] = []
        do {
            try await buildSite(fixture.site, into: output)
            Issue.record("\(fixture.name) built without errors")
        } catch {
            guard case .content(let reported) = error else {
                Issue.record("expected content errors, got: \(error)")
                return
            }
            diagnostics = reported
        }
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.contains { $0.severity == .error })
        #expect(diagnostics == diagnostics.sorted(), "diagnostics are reported sorted by file and position")

        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let expectedFile = fixture.expected.appendingPathComponent("diagnostics.txt")
        if let knownIssue = Self.knownIssues[fixture.name] {
            let expected = try String(contentsOf: expectedFile, encoding: .utf8)
            withKnownIssue(knownIssue) { #expect(text == expected) }
        } else if Fixture.recording {
            try FileManager.default.createDirectory(at: fixture.expected, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: expectedFile)
        } else {
            let expected = try String(contentsOf: expectedFile, encoding: .utf8)
            #expect(text == expected, "re-record with KARDES_RECORD=1 if the change is intended")
        }

        let after = try Tree(output)
        #expect(after.paths == before.paths, "the failed build added or removed files")
        #expect(after.folders == before.folders, "the failed build added or removed folders")
        if let difference = after.contentDifference(from: before) { Issue.record("the failed build changed the output: \(difference)") }
        let touched = after.paths.filter { before.files[$0] != nil && after.files[$0]!.modified != before.files[$0]!.modified }
        #expect(touched.isEmpty, "the failed build rewrote \(touched)")
    }

    @Test("the not-UTF-8 fixture really holds a Windows-1254 'ş'")
    func notUTF8FixtureBytes() throws {
        let url = Fixture.root.appendingPathComponent("invalid/not-utf8/site/content/partnerships/uskudar-uskup.md")
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(bytes.firstIndex(of: 0xFE) == 16)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    @Test("a source that is missing its content folder is an environment failure")
    func missingContent() async throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        await #expect {
            try await buildSite(folder, into: folder.appendingPathComponent("public"))
        } throws: { error in
            guard let failure = error as? BuildFailure, case .environment(let problem, _) = failure else { return false }
            return problem.hasPrefix("no content folder at ")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))
    }
}
