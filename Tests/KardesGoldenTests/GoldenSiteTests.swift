import Foundation
import KardesBuild
import KardesModel
import Testing

/// Builds every fixture site and compares the output with `expected/public/` byte for byte.
/// `KARDES_RECORD=1 swift test --filter GoldenSiteTests` rewrites `expected/public/`; review the diff, never hand-edit it.
@Suite("Golden sites")
struct GoldenSiteTests {
    @Test("the fixture builds into exactly the expected files", arguments: Fixture.all)
    func golden(fixture: Fixture) async throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        defer { remove(output.deletingLastPathComponent()) }
        let report = try await buildSite(fixture.site, into: output)
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.description).joined(separator: "\n"))")
        let expectedPublic = fixture.expected.appendingPathComponent("public")
        if Fixture.recording {
            try replace(expectedPublic, with: output)
            return
        }
        let expected = try Tree(expectedPublic)
        try #require(!expected.files.isEmpty, "no expected output in \(expectedPublic.path); record it with KARDES_RECORD=1")
        let built = try Tree(output)
        #expect(built.paths == expected.paths)
        if let difference = built.contentDifference(from: expected) {
            Issue.record("\(fixture.name) differs from expected/public (re-record with KARDES_RECORD=1 if the change is intended):\n\(difference)")
        }
    }

    /// Large sites render each partnership's body again from its file instead of keeping it from loading; the
    /// fixtures are small, so this builds them that way too and holds the result to the same expected files.
    @Test("with every body rendered again from its file, the fixture builds into the same expected files", arguments: Fixture.all)
    func goldenDeferred(fixture: Fixture) async throws {
        guard !Fixture.recording else { return }
        let output = try temporaryFolder().appendingPathComponent("public")
        defer { remove(output.deletingLastPathComponent()) }
        var request = BuildRequest(source: fixture.site, output: output, referenceYear: 2026)
        request.deferBodiesAbove = 0
        _ = try await build(request)
        let built = try Tree(output), expected = try Tree(fixture.expected.appendingPathComponent("public"))
        #expect(built.paths == expected.paths)
        if let difference = built.contentDifference(from: expected) {
            Issue.record("\(fixture.name) built with deferred bodies differs from expected/public:\n\(difference)")
        }
    }

    @Test("there is at least one golden site, found from the source tree")
    func fixturesFound() {
        #expect(Fixture.all.map(\.name).contains("twinning"))
        #expect(Fixture.invalid.count >= 14)
    }
}
