import Foundation
@testable import KardesPreview

/// A preview server listening on a free port for the length of a test.
struct RunningServer {
    let port: Int
    let liveReload: LiveReload

    /// Starts a server on port 0 for `site`, runs `body`, then cancels the server and waits until it has stopped.
    static func with<Result>(
        _ site: TestSite, liveReload: LiveReload = LiveReload(), keepAliveInterval: Duration = .seconds(15),
        _ body: (RunningServer) async throws -> Result
    ) async throws -> Result {
        let options = PreviewOptions(root: site.root, port: 0, keepAliveInterval: keepAliveInterval)
        let (ready, readyContinuation) = AsyncStream.makeStream(of: URL.self)
        let serving = Task {
            defer { readyContinuation.finish() }
            try await PreviewServer(options: options, liveReload: liveReload).run { readyContinuation.yield($0) }
        }
        var readyURLs = ready.makeAsyncIterator()
        guard let url = await readyURLs.next(), let port = url.port else {
            try await serving.value
            throw RawConnection.Failure(description: "the server stopped before it was ready")
        }
        do {
            let result = try await body(RunningServer(port: port, liveReload: liveReload))
            serving.cancel()
            try await serving.value
            return result
        } catch {
            serving.cancel()
            _ = await serving.result
            throw error
        }
    }

    /// Sends one request with a raw request target and reads the response until the server closes the connection.
    /// - Parameters:
    ///   - method: the method, sent as given.
    ///   - target: the request target, sent as given, so `..` and percent-encoding reach the server untouched.
    ///   - headers: extra header lines, such as `If-None-Match`.
    func request(_ method: String, _ target: String, headers: [String: String] = [:]) async throws -> RawResponse {
        let connection = try RawConnection(port: port)
        let extra = headers.map { "\($0.key): \($0.value)\r\n" }.joined()
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(extra)\r\n")
        try await connection.receive()
        return try RawResponse(parsing: connection.received)
    }

    /// Sends one `GET` with a raw request target; see ``request(_:_:headers:)``.
    func request(_ target: String, headers: [String: String] = [:]) async throws -> RawResponse {
        try await request("GET", target, headers: headers)
    }
}
