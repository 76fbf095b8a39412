import Foundation
import Hummingbird

/// The HTTP server behind `kardes serve`: serves the built site, with live reload, until its task is cancelled.
///
/// Stopping is by task cancellation, not by ServiceLifecycle's graceful shutdown: open event streams never end on
/// their own, so a graceful shutdown would wait for them forever. Cancelling ends every stream and closes the
/// listening socket; `run(onReady:)` then returns.
///
/// ```swift
/// let liveReload = LiveReload()
/// let server = PreviewServer(options: PreviewOptions(root: output), liveReload: liveReload)
/// let serving = Task { try await server.run { url in print("Serving at \(url)") } }
/// // On Ctrl-C (a SIGINT DispatchSource, for example): serving.cancel()
/// try await serving.value
/// ```
public struct PreviewServer: Sendable {
    /// Where the server serves from and how it listens.
    public let options: PreviewOptions
    /// The hub the rebuilder publishes build events to.
    public let liveReload: LiveReload

    /// Creates a server; nothing listens until ``run(onReady:)``.
    /// - Parameters:
    ///   - options: the folder to serve, the address, and logging.
    ///   - liveReload: the hub to publish build events to; keep it to call `publish`.
    public init(options: PreviewOptions, liveReload: LiveReload) {
        self.options = options
        self.liveReload = liveReload
    }

    /// Listens and serves until the task is cancelled.
    /// - Parameter onReady: called once, as soon as the server listens, with its address, such as
    ///   `http://127.0.0.1:8000/`; with port `0` the address has the port that was picked.
    /// - Throws: ``PreviewError/cannotListen(host:port:reason:)`` when the address cannot be bound.
    public func run(onReady: @escaping @Sendable (URL) -> Void) async throws {
        let options = options
        let application = makeApplication(onReady: onReady)
        let liveReload = liveReload
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await application.run() }
                group.addTask { try await liveReload.sendKeepAlives(every: options.keepAliveInterval) }
                // Whichever ends first (the server on error or cancellation), the other is stopped with it.
                try await group.next()
                group.cancelAll()
            }
        } catch is CancellationError {
            return
        } catch {
            // Once listening, the server only ends by cancellation, so any other error is about the address.
            throw PreviewError.cannotListen(host: options.host, port: options.port, reason: Self.reason(error))
        }
    }

    /// The Hummingbird application ``run(onReady:)`` runs; tests drive it in-process with `app.test(.router)`.
    /// - Parameter onReady: called with the served address once the server listens.
    /// - Returns: an application that serves ``options`` with live reload.
    func makeApplication(onReady: @escaping @Sendable (URL) -> Void = { _ in }) -> Application<PreviewResponder> {
        let options = options
        let responder = PreviewResponder(
            root: SiteRoot(path: options.root.path), liveReload: liveReload, logRequests: options.logRequests)
        var application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port)),
            onServerRunning: { channel in
                if let port = channel.localAddress?.port, let url = options.url(port: port) { onReady(url) }
            })
        // Quiet unless asked: the command prints what matters (a failure to listen is thrown), and Hummingbird logs
        // the cancellation that stops the server as an error ("Waiting on child channel: CancellationError()").
        application.logger.logLevel = options.logRequests ? .info : .critical
        return application
    }

    /// A listening failure in words: NIO's errors name the system call and errno.
    static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("Address already in use") { return "the port is already in use" }
        if text.contains("Permission denied") { return "permission denied (ports below 1024 need privileges)" }
        if text.contains("Cannot assign requested address") { return "this machine has no such address" }
        return text
    }
}
