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

    @Test("there is at least one golden site, found from the source tree")
    func fixturesFound() {
        #expect(Fixture.all.map(\.name).contains("twinning"))
        #expect(Fixture.invalid.count >= 14)
    }
}
