import Foundation
import KardesCheck
import KardesContent
import KardesLinking
import KardesModel
import KardesRendering

/// Validates everything a build would — content, links, templates, every page rendered in memory — plus the checks of
/// `ContentChecker`, and writes nothing.
///
/// - Parameters:
///   - request: the site to check (its output folder is not touched).
///   - today: the current date, for dates in the future.
/// - Returns: every error and warning, sorted by location.
/// - Throws: `BuildFailure.environment` when the site cannot be read at all.
public func check(_ request: BuildRequest, today: PartialDate) async throws(BuildFailure) -> [Diagnostic] {
    // Checking renders no page, so no body's HTML is wanted: every body is kept as its entry links only.
    var loader = request.loader
    loader.deferBodiesAbove = 0
    let loaded = try await loader.loadCollecting()
    let linked: LinkedSite
    do {
        linked = try Linker(language: loaded.config.defaultLanguage, referenceYear: request.referenceYear).link(loaded)
    } catch {
        guard case .content(let diagnostics) = error else { throw error }
        return diagnostics
    }
    var diagnostics = linked.warnings + ContentChecker(today: today).check(loaded, linked)
    do {
        _ = try await render(loaded, request: request)
    } catch {
        guard case .content(let problems) = error else { throw error }
        diagnostics += problems.filter { !diagnostics.contains($0) }
    }
    return diagnostics.sorted()
}
