import Hummingbird

/// Answers every request of the preview: the events stream, files from the site root, redirects and errors.
///
/// Only `GET` and `HEAD` are answered. Every file response carries `Cache-Control: no-cache` and an `ETag`, so the
/// browser asks again each time and gets `304 Not Modified` while the file is unchanged. HTML responses, including
/// the site's `404.html`, carry the live-reload script.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let root: SiteRoot
    let liveReload: LiveReload
    let logRequests: Bool
    private let files = FileReader()

    init(root: SiteRoot, liveReload: LiveReload, logRequests: Bool) {
        self.root = root
        self.liveReload = liveReload
        self.logRequests = logRequests
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let response = await answer(request, context: context)
        if logRequests {
            context.logger.info("\(request.method) \(request.uri) \(response.status.code)")
        }
        return response
    }

    private func answer(_ request: Request, context: Context) async -> Response {
        let path = request.uri.path
        if path == EventStream.path {
            guard request.method == .get else { return .text(.methodNotAllowed, headers: [.allow: "GET"], for: request) }
            return EventStream.response(from: liveReload)
        }
        guard request.method == .get || request.method == .head else {
            return .text(.methodNotAllowed, headers: [.allow: "GET, HEAD"], for: request)
        }
        guard let requestPath = RequestPath(raw: path) else { return .text(.forbidden, for: request) }
        switch root.lookup(requestPath) {
        case .file(let file, let status):
            return await serve(file, status: status, for: request, context: context)
        case .folderWithoutSlash:
            let location = path + "/" + (request.uri.query.map { "?" + $0 } ?? "")
            return .text(.movedPermanently, headers: [.location: location, .cacheControl: "no-cache"], for: request)
        case .notFound:
            return await notFound(request, context: context)
        case .outside:
            return .text(.forbidden, for: request)
        }
    }

    /// A file with status 200, or 304 when the client's copy is current.
    private func serve(_ path: String, status: FileStatus, for request: Request, context: Context) async -> Response {
        let type = MediaType.forFile(named: String(path.split(separator: "/").last ?? ""))
        // Read once, so the tag, the length and the stamp in the script agree even if a build is published meanwhile.
        let build = type == MediaType.html ? await liveReload.currentBuild : nil
        let tag = build.map { EntityTag.forInjectedPage(status, build: $0) } ?? EntityTag.forFile(status)
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-cache", .eTag: tag]
        if EntityTag.matches(tag, ifNoneMatch: request.headers[values: .ifNoneMatch]) {
            headers[.contentType] = nil
            headers[.contentLength] = String(Self.length(of: status, build: build))
            return Response(status: .notModified, headers: headers)
        }
        return await content(of: path, status: status, build: build, headers: headers, responseStatus: .ok, for: request, context: context)
    }

    /// The site's own `404.html` with status 404, or a line of plain text when the site has none.
    private func notFound(_ request: Request, context: Context) async -> Response {
        guard let page = root.file(at: "404.html") else { return .text(.notFound, for: request) }
        let headers: HTTPFields = [.contentType: MediaType.html, .cacheControl: "no-cache"]
        let build = await liveReload.currentBuild
        return await content(
            of: page.path, status: page.status, build: build, headers: headers, responseStatus: .notFound, for: request, context: context)
    }

    /// The body of a file: streamed as it is, or, for an HTML page (`build` is set), read whole and given the
    /// live-reload script stamped with `build`. `HEAD` gets the same headers and no body.
    private func content(
        of path: String, status: FileStatus, build: Int?, headers: HTTPFields, responseStatus: HTTPResponse.Status,
        for request: Request, context: Context
    ) async -> Response {
        if request.method == .head {
            var headers = headers
            headers[.contentLength] = String(Self.length(of: status, build: build))
            return Response(status: responseStatus, headers: headers)
        }
        do {
            if let build {
                let page = ScriptInjection.inject(into: try await files.contents(of: path, context: context), build: build)
                return Response(status: responseStatus, headers: headers, body: ResponseBody(byteBuffer: page))
            }
            return Response(status: responseStatus, headers: headers, body: try await files.body(of: path, context: context))
        } catch {
            // The file went away between the lookup and the read, as when a build replaces it.
            return .text(.notFound, for: request)
        }
    }

    /// The length of the body a `GET` would send: HTML pages grow by the script.
    private static func length(of status: FileStatus, build: Int?) -> Int {
        status.size + (build.map { LiveReloadScript.element(build: $0).count } ?? 0)
    }
}

extension Response {
    /// A short plain-text answer naming the status, such as `404 Not Found`; `HEAD` gets only its headers.
    fileprivate static func text(_ status: HTTPResponse.Status, headers: HTTPFields = [:], for request: Request) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        let body = ByteBuffer(string: "\(status.code) \(status.reasonPhrase)\n")
        guard request.method != .head else {
            headers[.contentLength] = String(body.readableBytes)
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
