import Foundation
import Testing

@testable import KardesPreview

/// Requests that try to reach files outside the root, sent byte for byte over a socket because URL libraries
/// would normalise them first.
@Suite("Only files inside the root are served")
struct PathSafetyTests {
    static let escapes: [String] = [
        "/../secret.txt",
        "/cities/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/..%2fsecret.txt",
        "/cities%2F..%2F..%2Fsecret.txt",
        "/..%2Fsecret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/cities\\..\\..\\secret.txt",
        "/secret.txt%00.html",
        "/%00",
        "//secret.txt",
        "/./secret.txt",
        "/..",
        "/%2e%2e",
        "..",
        "../secret.txt",
        "secret.txt",
        "http://127.0.0.1/../secret.txt",
        "/%ff%fe",
    ]

    @Test("an escaping request target gets 403 or 404 and never the file outside", arguments: escapes)
    func escape(target: String) async throws {
        let site = try TestSite(files: ["index.html": "home", "cities/index.html": "cities"])
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            let response = try await server.request(target)
            #expect([400, 403, 404].contains(response.status), "\(target) got \(response.status)")
            #expect(!response.text.contains(TestSite.secretText))
        }
    }

    @Test("an absolute path means a file below the root, not on the machine")
    func absolutePath() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            let secret = site.secret.path
            let response = try await server.request(secret)
            #expect(response.status == 404)
            #expect(!response.text.contains(TestSite.secretText))
            #expect(try await server.request("/etc/passwd").status == 404)
        }
    }

    @Test("a raw NUL byte in the request line is refused")
    func nulByte() async throws {
        let site = try TestSite(files: ["index.html": "home"])
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            let connection = try RawConnection(port: server.port)
            try connection.send("GET /index.html\0/../../secret.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            try await connection.receive()
            #expect(!connection.receivedText.contains(TestSite.secretText))
            #expect(!connection.receivedText.contains("200 OK"))
        }
    }

    @Test("a symbolic link to a file outside the root is refused")
    func linkToOutsideFile() async throws {
        let site = try TestSite(files: ["index.html": "home"])
        defer { site.remove() }
        try site.link("leak.txt", to: site.secret)
        try await RunningServer.with(site) { server async throws in
            let response = try await server.request("/leak.txt")
            #expect([403, 404].contains(response.status))
            #expect(!response.text.contains(TestSite.secretText))
            #expect(try await server.request("HEAD", "/leak.txt").status == response.status)
        }
    }

    @Test("a symbolic link to a folder outside the root is refused, with or without the file name")
    func linkToOutsideFolder() async throws {
        let site = try TestSite(files: ["index.html": "home"])
        defer { site.remove() }
        try site.link("outside", to: site.folder)
        try await RunningServer.with(site) { server async throws in
            for target in ["/outside/secret.txt", "/outside/", "/outside", "/outside/public/../secret.txt"] {
                let response = try await server.request(target)
                #expect([403, 404].contains(response.status), "\(target) got \(response.status)")
                #expect(!response.text.contains(TestSite.secretText))
            }
        }
    }

    @Test("an index.html that links outside the root is not served for its folder")
    func indexLinkOutside() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("cities"), withIntermediateDirectories: true)
        try site.link("cities/index.html", to: site.secret)
        try await RunningServer.with(site) { server async throws in
            let response = try await server.request("/cities/")
            #expect([403, 404].contains(response.status))
            #expect(!response.text.contains(TestSite.secretText))
        }
    }

    @Test("a 404.html that links outside the root is not used")
    func notFoundPageLinkOutside() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.link("404.html", to: site.secret)
        try await RunningServer.with(site) { server async throws in
            let response = try await server.request("/missing")
            #expect(response.status == 404)
            #expect(response.text == "404 Not Found\n")
        }
    }

    @Test("a symbolic link to a file inside the root is served")
    func linkInside() async throws {
        let site = try TestSite(files: ["style.css": "body{}"])
        defer { site.remove() }
        try site.link("alias.css", to: site.root.appendingPathComponent("style.css"))
        try await RunningServer.with(site) { server async throws in
            let response = try await server.request("/alias.css")
            #expect(response.status == 200)
            #expect(response.text == "body{}")
        }
    }

    @Test("a root given through a symbolic link still serves its files")
    func linkedRoot() async throws {
        let site = try TestSite(files: ["index.html": "home"])
        defer { site.remove() }
        let linkedRoot = site.folder.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: linkedRoot, withDestinationURL: site.root)
        let options = PreviewOptions(root: linkedRoot, port: 0)
        try await PreviewServer(options: options, liveReload: LiveReload()).makeApplication().test(.router) { client async throws in
            #expect(try await client.execute(uri: "/", method: .get).text.hasPrefix("home"))
            #expect(try await client.execute(uri: "/../secret.txt", method: .get).status == .forbidden)
        }
    }
}

@Suite("Request paths")
struct RequestPathTests {
    @Test("a path is split into decoded segments, remembering the trailing slash")
    func segments() throws {
        let path = try #require(RequestPath(raw: "/cities/tr/%C3%BCsk%C3%BCdar/"))
        #expect(path.segments == ["cities", "tr", "üsküdar"])
        #expect(path.hasTrailingSlash)
        let file = try #require(RequestPath(raw: "/style.css"))
        #expect(file.segments == ["style.css"])
        #expect(!file.hasTrailingSlash)
        let root = try #require(RequestPath(raw: "/"))
        #expect(root.segments.isEmpty)
        #expect(root.hasTrailingSlash)
    }

    @Test(
        "a path that could leave the root is refused",
        arguments: ["", "a", "/..", "/a/../b", "/%2e%2E/", "/a%2fb", "/a%2Fb", "/a\\b", "/a%5Cb", "/a%00", "//a", "/a//b", "/./a", "/%zz", "/%"])
    func refused(raw: String) {
        #expect(RequestPath(raw: raw) == nil)
    }

    @Test("names with dots that do not step out are allowed", arguments: ["/...", "/.well-known/x", "/a..b", "/a/..b/"])
    func dottedNames(raw: String) {
        #expect(RequestPath(raw: raw) != nil)
    }
}
