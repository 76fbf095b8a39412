/// What happened to the site, as the rebuilder tells ``LiveReload`` and the pages in the browser hear it.
public enum PreviewEvent: Hashable, Sendable {
    /// A build succeeded and wrote these files.
    ///
    /// Paths are URL paths from the site root: `/cities/tr/istanbul/` or `/cities/tr/istanbul/index.html` for a
    /// page (both are understood), `/style.css` for a stylesheet. A page reloads when it or anything it loaded is
    /// listed; when only stylesheets changed, pages swap them in place.
    case rebuilt(changedPaths: [String])
    /// A build failed; pages show the text over their content until the next successful build.
    ///
    /// Pass the same text the terminal prints (`file:line:column: error: …` lines); it is shown as plain text.
    case failed(diagnostics: String)

    /// The URL path under which a browser sees a file the build wrote, for ``rebuilt(changedPaths:)``.
    ///
    /// A page's `index.html` stands for its folder, as the server serves it; other files keep their name.
    ///
    /// ```swift
    /// PreviewEvent.urlPath(forOutputFile: "cities/tr/istanbul/index.html")  // "/cities/tr/istanbul/"
    /// PreviewEvent.urlPath(forOutputFile: "index.html")                     // "/"
    /// PreviewEvent.urlPath(forOutputFile: "style.css")                      // "/style.css"
    /// ```
    /// - Parameter relativePath: a path relative to the output folder, with `/` separators; a leading `/` or `./`
    ///   is ignored.
    /// - Returns: the path from the site root, starting with `/`, not percent-encoded (pages compare paths decoded).
    public static func urlPath(forOutputFile relativePath: String) -> String {
        var path = Substring(relativePath)
        while path.hasPrefix("./") || path.hasPrefix("/") { path = path.dropFirst(path.hasPrefix("/") ? 1 : 2) }
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { path = path.dropLast("index.html".count) }
        return "/" + path
    }
}
