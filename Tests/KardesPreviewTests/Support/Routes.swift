import Hummingbird
import HummingbirdTesting

@testable import KardesPreview

extension TestSite {
    /// Runs `test` against the preview's responder in-process, with no socket, as `app.test(.router)` does.
    /// - Parameters:
    ///   - liveReload: the hub the application publishes from.
    ///   - test: gets the client that sends requests straight to the responder.
    func routes<Value>(
        liveReload: LiveReload = LiveReload(), _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let options = PreviewOptions(root: root, port: 0)
        return try await PreviewServer(options: options, liveReload: liveReload).makeApplication().test(.router, test)
    }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }
}
