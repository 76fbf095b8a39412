import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import KardesPreview

@Suite("Live reload")
struct LiveReloadTests {
    static let diagnostics = """
        content/partnerships/houston-istanbul.md:3:8: error: unknown model 'sister-cty'
            fix: use a model slug from content/models/ (did you mean "sister-city"?)
        content/cities/tr/<istanbul>.md:1:1: error: a \\ backslash & <b>markup</b>\ttab
        """

    // MARK: - Injection

    @Test("a served page carries the script before </body>, and the file on disk does not")
    func injectedPage() async throws {
        let page = "<!doctype html><html><body><h1>İstanbul</h1></body></html>\n"
        let site = try TestSite(files: ["cities/tr/istanbul/index.html": page])
        defer { site.remove() }
        try await site.routes { client async throws in
            let response = try await client.execute(uri: "/cities/tr/istanbul/", method: .get)
            let script = String(decoding: LiveReloadScript.element(build: 0), as: UTF8.self)
            #expect(response.text == "<!doctype html><html><body><h1>İstanbul</h1>" + script + "</body></html>\n")
            #expect(response.text.contains(EventStream.path))
            #expect(response.headers[.contentLength] == String(response.body.readableBytes))
        }
        #expect(try site.contents(of: "cities/tr/istanbul/index.html") == page)
    }

    @Test("a page is stamped with the current build, and its tag changes with each build")
    func buildStamp() async throws {
        let site = try TestSite(files: ["index.html": "<body></body>"])
        defer { site.remove() }
        let liveReload = LiveReload()
        try await site.routes(liveReload: liveReload) { client async throws in
            let first = try await client.execute(uri: "/", method: .get)
            #expect(first.text.contains(#"<script data-kardes-live-reload data-build="0">"#))
            let tag = try #require(first.headers[.eTag])
            await liveReload.publish(.failed(diagnostics: "x"))
            await liveReload.publish(.rebuilt(changedPaths: ["/style.css"]))
            let second = try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: tag])
            #expect(second.status == .ok)
            #expect(second.text.contains(#"<script data-kardes-live-reload data-build="2">"#))
            #expect(second.headers[.eTag] != tag)
            let head = try await client.execute(uri: "/", method: .head)
            #expect(head.headers[.contentLength] == String(second.body.readableBytes))
        }
    }

    @Test("other files are sent as they are on disk")
    func otherFilesUntouched() async throws {
        let text = "<body>not a page</body>"
        let site = try TestSite(files: ["notes.txt": text, "image.svg": "<svg></svg>", "data.xml": text])
        defer { site.remove() }
        try await site.routes { client async throws in
            #expect(try await client.execute(uri: "/notes.txt", method: .get).text == text)
            #expect(try await client.execute(uri: "/image.svg", method: .get).text == "<svg></svg>")
            #expect(try await client.execute(uri: "/data.xml", method: .get).text == text)
        }
    }

    @Test(
        "the script goes before the last </body> in any case, or at the end",
        arguments: [
            ("<body>a</body>", "<body>a", "</body>"),
            ("<BODY>a</BODY >\n", "<BODY>a", "</BODY >\n"),
            ("<body>\"</body>\" in text</body>", "<body>\"</body>\" in text", "</body>"),
            ("<p>fragment", "<p>fragment", ""),
            ("", "", ""),
            ("</bodyguard>", "</bodyguard>", ""),
        ])
    func injectionPosition(page: String, before: String, after: String) {
        let injected = ScriptInjection.inject(into: ByteBuffer(string: page), build: 7)
        #expect(String(buffer: injected) == before + String(decoding: LiveReloadScript.element(build: 7), as: UTF8.self) + after)
    }

    @Test("the script listens to the events stream and shows diagnostics only as text")
    func scriptSource() {
        let source = LiveReloadScript.source
        #expect(source.contains("new EventSource(\"/__kardes/events\")"))
        #expect(source.contains("textContent"))
        #expect(!source.contains("innerHTML ="))
        #expect(!source.contains("insertAdjacentHTML"))
        #expect(!source.lowercased().contains("</script"))
    }

    // MARK: - Events stream

    @Test("the events stream is an event stream that is never cached")
    func streamHeaders() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            let connection = try await server.openEventStream()
            let head = connection.receivedText.lowercased()
            #expect(head.hasPrefix("http/1.1 200"))
            #expect(head.contains("content-type: text/event-stream"))
            #expect(head.contains("cache-control: no-cache"))
            #expect(head.contains("retry: 1000"))
            connection.close()
        }
    }

    @Test("a connected page hears a rebuild and a failure, with the diagnostics text unchanged")
    func rebuiltAndFailed() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            let connection = try await server.openEventStream()
            await server.liveReload.publish(.rebuilt(changedPaths: ["/cities/tr/istanbul/", "/style.css"]))
            await server.liveReload.publish(.failed(diagnostics: Self.diagnostics))
            let events = try await server.events(on: connection, count: 3)
            #expect(events.map(\.type) == ["hello", "rebuilt", "failed"])
            #expect(events[0].build == 0)
            #expect(events[1] == ReceivedEvent(type: "rebuilt", build: 1, changedPaths: ["/cities/tr/istanbul/", "/style.css"]))
            #expect(events[2] == ReceivedEvent(type: "failed", build: 2, diagnostics: Self.diagnostics))
        }
    }

    @Test("a page that connects while the build is failing gets the failure at once, and not after a good build")
    func failureFirst() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            await server.liveReload.publish(.failed(diagnostics: Self.diagnostics))
            let failing = try await server.openEventStream()
            let events = try await server.events(on: failing, count: 2)
            #expect(events.map(\.type) == ["hello", "failed"])
            #expect(events[1].diagnostics == Self.diagnostics)

            await server.liveReload.publish(.rebuilt(changedPaths: []))
            let fixed = try await server.openEventStream()
            await server.liveReload.publish(.rebuilt(changedPaths: ["/"]))
            let later = try await server.events(on: fixed, count: 2)
            #expect(later.map(\.type) == ["hello", "rebuilt"])
            #expect(later[0].build == 2)
            #expect(later[1].changedPaths == ["/"])
        }
    }

    @Test("every connected page hears each event")
    func severalPages() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            let first = try await server.openEventStream()
            let second = try await server.openEventStream()
            await server.liveReload.publish(.rebuilt(changedPaths: ["/style.css"]))
            #expect(try await server.events(on: first, count: 2).last?.changedPaths == ["/style.css"])
            #expect(try await server.events(on: second, count: 2).last?.changedPaths == ["/style.css"])
        }
    }

    @Test("the hello names the server run, so pages notice a restart")
    func serverIdentity() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let first = try await RunningServer.with(site) { server async throws in
            try await server.events(on: try await server.openEventStream(), count: 1)[0].server
        }
        let second = try await RunningServer.with(site) { server async throws in
            try await server.events(on: try await server.openEventStream(), count: 1)[0].server
        }
        #expect(first != nil)
        #expect(first != second)
    }

    @Test("a page that goes away is unsubscribed at the next keep-alive")
    func pageGoesAway() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await RunningServer.with(site, keepAliveInterval: .milliseconds(50)) { server async throws in
            let connection = try await server.openEventStream()
            try await connection.receive(containing: ": keep-alive")
            #expect(await server.liveReload.connectedPages == 1)
            connection.close()
            let deadline = ContinuousClock.now + .seconds(60)
            while await server.liveReload.connectedPages > 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await server.liveReload.connectedPages == 0)
        }
    }

    @Test("only GET reaches the events stream")
    func streamMethods() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.routes { client async throws in
            let response = try await client.execute(uri: "/__kardes/events", method: .post)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET")
        }
    }

    // MARK: - Frames

    @Test("JSON strings escape quotes, backslashes and control characters, keeping one line")
    func quoting() {
        #expect(EventFrame.quoted("a\"b\\c\nd\re\tf\u{1}g ü") == #""a\"b\\c\nd\re\tf\u0001g ü""#)
        #expect(!EventFrame.quoted(Self.diagnostics).contains("\n"))
    }
}

@Suite("Server lifecycle and options")
struct PreviewServerTests {
    @Test("run reports the address it listens on and stops when its task is cancelled, even with a page connected")
    func stopsOnCancellation() async throws {
        let site = try TestSite(files: ["index.html": "home"])
        defer { site.remove() }
        try await withTimeout(.seconds(120), "stopping the server") {
            try await RunningServer.with(site) { server async throws in
                let stream = try await server.openEventStream()
                #expect(try await server.request("/").status == 200)
                // Kept open until the server is stopped, which must end the stream rather than wait for it.
                withExtendedLifetime(stream) {}
            }
        }
    }

    @Test("a port already in use is reported as cannotListen")
    func portInUse() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            let options = PreviewOptions(root: site.root, port: server.port)
            let error = await #expect(throws: PreviewError.self) {
                try await withTimeout(.seconds(60), "the second server") {
                    try await PreviewServer(options: options, liveReload: LiveReload()).run { _ in }
                }
            }
            guard case .cannotListen(let host, let port, _) = error else { return }
            #expect(host == "127.0.0.1")
            #expect(port == server.port)
            #expect(error?.description.contains("fix: ") == true)
        }
    }

    @Test(
        "loopback hosts are recognised",
        arguments: [
            ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("LOCALHOST", true), ("::1", true), ("[::1]", true),
            ("::ffff:127.0.0.1", true), ("0.0.0.0", false), ("::", false), ("192.168.1.10", false), ("example.org", false),
        ])
    func loopback(host: String, isLoopback: Bool) {
        #expect(PreviewOptions(root: URL(fileURLWithPath: "/tmp"), host: host).isLoopback == isLoopback)
    }

    @Test(
        "the reported address can be opened in a browser",
        arguments: [
            ("127.0.0.1", "http://127.0.0.1:8123/"), ("localhost", "http://localhost:8123/"), ("::1", "http://[::1]:8123/"),
            ("0.0.0.0", "http://127.0.0.1:8123/"), ("::", "http://[::1]:8123/"),
        ])
    func reportedAddress(host: String, url: String) {
        #expect(PreviewOptions(root: URL(fileURLWithPath: "/tmp"), host: host).url(port: 8123)?.absoluteString == url)
    }

    @Test(
        "written files map to the URL paths pages are served at",
        arguments: [
            ("cities/tr/istanbul/index.html", "/cities/tr/istanbul/"), ("index.html", "/"), ("style.css", "/style.css"),
            ("/style.css", "/style.css"), ("./maps/world.geojson", "/maps/world.geojson"), ("404.html", "/404.html"),
            ("cities/index.html.bak", "/cities/index.html.bak"), ("my-index.html", "/my-index.html"),
        ])
    func urlPath(file: String, path: String) {
        #expect(PreviewEvent.urlPath(forOutputFile: file) == path)
    }
}
