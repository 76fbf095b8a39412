import Foundation
import Hummingbird

/// Tells every open page about builds: the rebuilder publishes events, each connected page hears them.
///
/// It remembers the last failure, so a page opened while the build is broken shows the error at once, until a
/// successful build clears it. Each page gets its own stream; the stream of a page that went away is dropped the
/// next time writing to it fails, which the keep-alive comments ensure happens within one keep-alive interval.
///
/// ```swift
/// let liveReload = LiveReload()
/// await liveReload.publish(.rebuilt(changedPaths: ["/cities/tr/istanbul/", "/style.css"]))
/// await liveReload.publish(.failed(diagnostics: "content/partnerships/houston-istanbul.md:3:8: error: …"))
/// ```
public actor LiveReload {
    /// One connected page: its id and the frames written to it.
    struct Subscription: Sendable {
        let id: Int
        let frames: AsyncStream<ByteBuffer>
    }

    /// Identifies this server run, so pages reload after a restart.
    private let server = UUID().uuidString
    /// How many events were published; pages compare it after reconnecting to notice what they missed.
    private var build = 0
    private var failure: String?
    private var pages: [Int: AsyncStream<ByteBuffer>.Continuation] = [:]
    private var nextID = 0

    /// Creates a live-reload hub with no connected pages and no remembered failure.
    public init() {}

    /// Sends an event to every connected page and remembers a failure for pages opened later.
    /// - Parameter event: a finished build, successful or not.
    public func publish(_ event: PreviewEvent) {
        build += 1
        switch event {
        case .rebuilt: failure = nil
        case .failed(let diagnostics): failure = diagnostics
        }
        broadcast(EventFrame.event(event, build: build))
    }

    /// How many events were published, which pages are stamped with when they are sent.
    var currentBuild: Int { build }

    /// The number of pages connected now.
    var connectedPages: Int { pages.count }

    /// Connects a page: its stream starts with the hello and, while the last build is failing, that failure.
    func subscribe() -> Subscription {
        // Bounded, so a page that stops reading cannot hold an ever-growing backlog.
        let (frames, continuation) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .bufferingNewest(64))
        continuation.yield(EventFrame.opening(server: server, build: build, failure: failure))
        nextID += 1
        pages[nextID] = continuation
        return Subscription(id: nextID, frames: frames)
    }

    /// Forgets a page whose connection ended.
    func unsubscribe(_ id: Int) {
        pages.removeValue(forKey: id)?.finish()
    }

    /// Sends a keep-alive comment to every page at a fixed interval until the task is cancelled.
    /// - Throws: `CancellationError` when the task is cancelled.
    func sendKeepAlives(every interval: Duration) async throws {
        while true {
            try await Task.sleep(for: interval)
            broadcast(EventFrame.keepAlive)
        }
    }

    private func broadcast(_ frame: ByteBuffer) {
        for page in pages.values { page.yield(frame) }
    }
}
