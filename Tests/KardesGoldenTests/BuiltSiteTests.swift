import Foundation
import KardesBuild
import KardesModel
import Testing

/// Checks of meaning on the built `twinning` site, which a byte-for-byte golden cannot judge: links lead somewhere,
/// names are shown, the order is Turkish.
@Suite("Built twinning site")
struct BuiltSiteTests {
    /// Builds the twinning fixture into a new folder and returns its files, then removes the folder.
    func built(portable: Bool? = nil) async throws -> Tree {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        try await build(BuildRequest(source: Fixture.twinning.site, output: folder, portable: portable, referenceYear: 2026))
        return try Tree(folder)
    }

    /// Every `href` and `src` in `html`.
    static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { String(html[Range($0.range(at: 1), in: html)!]) }
    }

    /// The file a relative link from `page` leads to, or nil when it leaves the site.
    static func target(of link: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        let path = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        for part in path.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case "..": if parts.popLast() == nil { return nil }
            case ".", "": continue
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.isEmpty || path.hasSuffix("/") ? (joined.isEmpty ? "index.html" : joined + "/index.html") : joined
    }

    static func isExternal(_ link: String) -> Bool {
        ["http://", "https://", "mailto:", "#"].contains { link.hasPrefix($0) }
    }

    @Test("every internal link leads to a file of the site", arguments: [nil, true] as [Bool?])
    func internalLinks(portable: Bool?) async throws {
        let site = try await built(portable: portable)
        var broken: [String] = []
        for page in site.paths where page.hasSuffix(".html") {
            let html = String(decoding: site.files[page]!.bytes, as: UTF8.self)
            for link in Self.links(in: html) where !Self.isExternal(link) {
                #expect(!link.hasPrefix("/"), "\(page) links to the absolute path \(link)")
                if portable == true, !link.split(separator: "#")[0].isEmpty {
                    #expect(!link.split(separator: "#")[0].hasSuffix("/"), "\(page) links to a folder in a portable build: \(link)")
                }
                guard let target = Self.target(of: link, from: page), site.files[target] != nil else {
                    broken.append("\(page) → \(link)")
                    continue
                }
            }
        }
        #expect(broken.isEmpty, "broken links:\n\(broken.prefix(20).joined(separator: "\n"))")
    }

    @Test("every page of the default language has an English twin under en/")
    func languages() async throws {
        let site = try await built()
        let turkish = site.paths.filter { $0.hasSuffix("index.html") && !$0.hasPrefix("en/") }
        #expect(turkish.count > 20)
        for page in turkish {
            #expect(site.files["en/" + page] != nil, "no en/\(page)")
        }
        let home = String(decoding: try #require(site.files["en/index.html"]).bytes, as: UTF8.self)
        #expect(home.contains(#"<html lang="en">"#))
        let turkishHome = String(decoding: try #require(site.files["index.html"]).bytes, as: UTF8.self)
        #expect(turkishHome.contains(#"<html lang="tr">"#))
    }

    @Test("the manifest lists every file kardes wrote")
    func manifest() async throws {
        let site = try await built()
        let manifest = String(decoding: try #require(site.files[".kardes-manifest"]).bytes, as: UTF8.self)
        #expect(manifest.split(separator: "\n").map(String.init) == site.paths.filter { $0 != ".kardes-manifest" })
    }

    @Test("the cities index is in Turkish alphabetical order: İzmir, Keighley, Köln, Poix-du-Nord, Üsküdar, Üsküp")
    func cityOrder() async throws {
        let site = try await built()
        let html = String(decoding: try #require(site.files["cities/index.html"]).bytes, as: UTF8.self)
        let cities = Self.links(in: html).filter { $0.hasPrefix("../cities/") && $0.split(separator: "/").count == 4 }
        #expect(
            cities == [
                "../cities/tr/izmir/", "../cities/gb/keighley/", "../cities/de/koln/", "../cities/fr/poix-du-nord/", "../cities/tr/uskudar/",
                "../cities/mk/skopje/",
            ])
    }

    @Test("lists and cards show the cities' and countries' names")
    func names() async throws {
        let site = try await built()
        let partnership = String(decoding: try #require(site.files["partnerships/uskudar-uskup/index.html"]).bytes, as: UTF8.self)
        let countries = String(decoding: try #require(site.files["countries/index.html"]).bytes, as: UTF8.self)
        let withPlaceholder = site.paths.filter { String(decoding: site.files[$0]!.bytes, as: UTF8.self).contains(">name</a>") }
        #expect(partnership.contains(#"<li><a href="../../cities/tr/uskudar/">Üsküdar</a> <span class="country">"#))
        #expect(partnership.contains(#"<li><a href="../../cities/mk/skopje/">Üsküp</a> <span class="country">"#))
        #expect(countries.contains(#"<a href="../countries/de/">Almanya</a>"#))
        #expect(withPlaceholder.isEmpty, "\(withPlaceholder)")
    }

    @Test("a site with base_url has a feed, a sitemap and robots.txt")
    func baseURLFiles() async throws {
        let site = try await built()
        #expect(site.files["404.html"] != nil)
        #expect(site.files["feed.xml"] != nil)
        #expect(site.files["sitemap.xml"] != nil)
        #expect(site.files["robots.txt"] != nil)
    }
}
