import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import KardesPreview

@Suite("Serving static files")
struct StaticFileTests {
    static let contentTypes: [(file: String, type: String)] = [
        ("page.html", "text/html; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("data.json", "application/json; charset=utf-8"),
        ("map.svg", "image/svg+xml; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("partnerships.csv", "text/csv; charset=utf-8"),
        ("cities.geojson", "application/geo+json; charset=utf-8"),
        ("CITIES.GeoJSON", "application/geo+json; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("site.webmanifest", "application/manifest+json; charset=utf-8"),
        ("logo.png", "image/png"),
        ("favicon.ico", "image/x-icon"),
        ("font.woff2", "font/woff2"),
        ("archive.tar", "application/octet-stream"),
        ("LICENSE", "application/octet-stream"),
    ]

    @Test("each kind of file is sent with its content type", arguments: contentTypes)
    func contentType(file: String, type: String) async throws {
        let site = try TestSite(files: [file: "x"])
        defer { site.remove() }
        try await site.routes { client async throws in
            let response = try await client.execute(uri: "/\(file)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == type)
            #expect(response.headers[.cacheControl] == "no-cache")
        }
    }

    @Test("a folder path serves the folder's index.html")
    func folderIndex() async throws {
        let site = try TestSite(files: ["index.html": "home", "cities/tr/istanbul/index.html": "İstanbul"])
        defer { site.remove() }
        try await site.routes { client async throws in
            #expect(try await client.execute(uri: "/", method: .get).text.hasPrefix("home"))
            let city = try await client.execute(uri: "/cities/tr/istanbul/", method: .get)
            #expect(city.status == .ok)
            #expect(city.text.hasPrefix("İstanbul"))
            #expect(city.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test("a percent-encoded path finds the file with the decoded name")
    func encodedName() async throws {
        let site = try TestSite(files: ["cities/tr/üsküdar/index.html": "Üsküdar", "a b.txt": "space"])
        defer { site.remove() }
        try await site.routes { client async throws in
            #expect(try await client.execute(uri: "/cities/tr/%C3%BCsk%C3%BCdar/", method: .get).text.hasPrefix("Üsküdar"))
            #expect(try await client.execute(uri: "/a%20b.txt", method: .get).text == "space")
        }
    }

    @Test("a folder path without the trailing slash redirects to it, keeping the query")
    func trailingSlashRedirect() async throws {
        let site = try TestSite(files: ["cities/index.html": "cities"])
        defer { site.remove() }
        try await site.routes { client async throws in
            let response = try await client.execute(uri: "/cities", method: .get)
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == "/cities/")
            #expect(try await client.execute(uri: "/cities?lang=tr", method: .get).headers[.location] == "/cities/?lang=tr")
        }
    }

    @Test("a folder without index.html and a file asked for as a folder are not found")
    func folderWithoutIndex() async throws {
        let site = try TestSite(files: ["empty/.keep": "", "style.css": "body{}"])
        defer { site.remove() }
        try await site.routes { client async throws in
            #expect(try await client.execute(uri: "/empty/", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/style.css/", method: .get).status == .notFound)
        }
    }

    @Test("a missing file gets the site's 404.html with status 404")
    func notFoundPage() async throws {
        let site = try TestSite(files: ["404.html": "<html><body>Sayfa bulunamadı</body></html>"])
        defer { site.remove() }
        try await site.routes { client async throws in
            let response = try await client.execute(uri: "/cities/nowhere/", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.hasPrefix("<html><body>Sayfa bulunamadı<script data-kardes-live-reload data-build=\"0\">"))
        }
    }

    @Test("a missing file of a site without 404.html gets plain text with status 404")
    func notFoundText() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.routes { client async throws in
            let response = try await client.execute(uri: "/missing.css", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(response.text == "404 Not Found\n")
        }
    }

    @Test("a missing root folder answers 404 until a build creates it")
    func missingRoot() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root)
        try await site.routes { client async throws in
            #expect(try await client.execute(uri: "/", method: .get).status == .notFound)
            try site.write("home", to: "index.html")
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
        }
    }

    @Test("HEAD sends the headers of GET, with the same Content-Length, and no body", arguments: ["/", "/style.css", "/missing", "/nothing"])
    func head(path: String) async throws {
        let site = try TestSite(files: ["index.html": "<body>home</body>", "style.css": "body { color: red }", "404.html": "gone"])
        defer { site.remove() }
        if path == "/nothing" { try FileManager.default.removeItem(at: site.root.appendingPathComponent("404.html")) }
        try await RunningServer.with(site) { server async throws in
            let get = try await server.request(path)
            let head = try await server.request("HEAD", path)
            #expect(head.status == get.status)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(get.body.count))
            #expect(head.headers["content-type"] == get.headers["content-type"])
            #expect(head.headers["etag"] == get.headers["etag"])
            #expect(head.headers["cache-control"] == get.headers["cache-control"])
        }
    }

    @Test("a matching If-None-Match gets 304, a stale one the file, and rewriting the file changes the tag")
    func entityTags() async throws {
        let site = try TestSite(files: ["style.css": "body { color: red }"])
        defer { site.remove() }
        try await site.routes { client async throws in
            let first = try await client.execute(uri: "/style.css", method: .get)
            let tag = try #require(first.headers[.eTag])
            let revalidated = try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: tag])
            #expect(revalidated.status == .notModified)
            #expect(revalidated.body.readableBytes == 0)
            #expect(revalidated.headers[.eTag] == tag)
            #expect(revalidated.headers[.cacheControl] == "no-cache")
            let list = try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: "\"other\", W/\(tag)"])
            #expect(list.status == .notModified)
            let star = try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: "*"])
            #expect(star.status == .notModified)
            #expect(try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: "\"other\""]).status == .ok)

            try site.write("body { color: blue; }", to: "style.css")
            let rewritten = try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: tag])
            #expect(rewritten.status == .ok)
            #expect(rewritten.text == "body { color: blue; }")
            #expect(rewritten.headers[.eTag] != tag)
        }
    }

    @Test("a 304 goes over the wire without a body")
    func notModifiedOnTheWire() async throws {
        let site = try TestSite(files: ["index.html": "<body>home</body>"])
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            let tag = try #require(try await server.request("/").headers["etag"])
            let revalidated = try await server.request("/", headers: ["If-None-Match": tag])
            #expect(revalidated.status == 304)
            #expect(revalidated.body.isEmpty)
        }
    }

    @Test("a page's tag names the injected script, so it differs from the raw file's tag")
    func pageTag() async throws {
        let site = try TestSite(files: ["index.html": "<body></body>", "copy.txt": "<body></body>"])
        defer { site.remove() }
        try await site.routes { client async throws in
            let page = try #require(try await client.execute(uri: "/", method: .get).headers[.eTag])
            #expect(page.hasSuffix("-lr\(LiveReloadScript.fingerprint)-b0\""))
            let status = try #require(FileStatus(path: site.root.appendingPathComponent("index.html").path))
            #expect(page != EntityTag.forFile(status))
            #expect(try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: page]).status == .notModified)
            let raw = EntityTag.forFile(status)
            #expect(try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: raw]).status == .ok)
        }
    }

    @Test("methods other than GET and HEAD get 405 with Allow", arguments: ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"])
    func methodNotAllowed(method: String) async throws {
        let site = try TestSite(files: ["index.html": "home"])
        defer { site.remove() }
        try await site.routes { client async throws in
            let response = try await client.execute(uri: "/", method: try #require(HTTPRequest.Method(method)))
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, HEAD")
        }
    }

    @Test("a large file arrives whole")
    func largeFile() async throws {
        let text = String(repeating: "0123456789abcdef", count: 40_000)
        let site = try TestSite(files: ["data.json": text, "big.html": "<body>" + text + "</body>"])
        defer { site.remove() }
        try await RunningServer.with(site) { server async throws in
            let data = try await server.request("/data.json")
            #expect(data.text == text)
            #expect(data.headers["content-length"] == String(text.utf8.count))
            let page = try await server.request("/big.html")
            #expect(page.body.count == text.utf8.count + 13 + LiveReloadScript.element(build: 0).count)
            #expect(page.headers["content-length"] == String(page.body.count))
        }
    }
}
