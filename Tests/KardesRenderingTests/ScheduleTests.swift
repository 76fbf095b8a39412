import Foundation
import KardesLinking
import Testing

@testable import KardesRendering

/// The order of rendering only spreads the work over the cores; every page must still be rendered exactly once.
@Suite("Render schedule")
struct ScheduleTests {
    @Test("every job is in exactly one batch, costliest first, and no batch of several jobs outweighs a share", arguments: [1, 2, 8])
    func batches(cores: Int) async throws {
        let site = try await SearchIndexFixture.site()
        let renderer = Renderer(theme: try Theme(), language: "tr")
        let jobs = renderer.jobs(for: site)
        let batches = Renderer.schedule(jobs, site: site, cores: cores)
        let scheduled = batches.flatMap { $0 }
        #expect(scheduled.count == jobs.count)
        #expect(Set(scheduled.map { "\($0)" }) == Set(jobs.map { "\($0)" }))
        let costs = scheduled.map { Renderer.cost(of: $0, in: site) }
        #expect(costs == costs.sorted(by: >))
        let share = max(1, costs.reduce(0, +) / (cores * 32))
        for batch in batches where batch.count > 1 {
            #expect(batch.map { Renderer.cost(of: $0, in: site) }.reduce(0, +) <= share)
        }
        // The list of every partnership costs more than a partnership's own page.
        #expect(Renderer.cost(of: .partnerships, in: site) > Renderer.cost(of: .partnership(site.partnershipOrder[0]), in: site))
    }
}
