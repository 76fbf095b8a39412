import Hummingbird

/// The server-sent events endpoint that the live-reload script listens to.
enum EventStream {
    /// Reserved URL path; a site file at this path is never served.
    static let path = "/__kardes/events"

    /// A never-ending response that writes every frame ``LiveReload`` sends to this page.
    ///
    /// It ends when the client goes away (the next write fails) or the server task is cancelled; either way the
    /// page is unsubscribed.
    static func response(from liveReload: LiveReload) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let subscription = await liveReload.subscribe()
            do {
                for await frame in subscription.frames {
                    try await writer.write(frame)
                }
                try await writer.finish(nil)
            } catch {
                await liveReload.unsubscribe(subscription.id)
                throw error
            }
            await liveReload.unsubscribe(subscription.id)
        })
    }
}
