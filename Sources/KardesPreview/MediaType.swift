/// The `Content-Type` the server sends for a file, chosen by its extension as static hosts do.
enum MediaType {
    /// Types sent without a charset.
    private static let binary: [String: String] = [
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "pdf": "application/pdf",
    ]
    /// Textual types; kardes writes every text file as UTF-8, so they all say so.
    private static let text: [String: String] = [
        "html": "text/html",
        "htm": "text/html",
        "css": "text/css",
        "js": "text/javascript",
        "mjs": "text/javascript",
        "json": "application/json",
        "webmanifest": "application/manifest+json",
        "geojson": "application/geo+json",
        "svg": "image/svg+xml",
        "xml": "application/xml",
        "csv": "text/csv",
        "txt": "text/plain",
    ]

    /// The `Content-Type` of HTML pages, the ones that get the live-reload script.
    static let html = "text/html; charset=utf-8"

    /// The `Content-Type` for a file name.
    /// - Parameter fileName: the last path component, such as `istanbul.geojson`.
    /// - Returns: the media type, with `; charset=utf-8` on text types, or `application/octet-stream`.
    static func forFile(named fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: ".") else { return "application/octet-stream" }
        let fileExtension = fileName[fileName.index(after: dot)...].lowercased()
        if let type = text[fileExtension] { return type + "; charset=utf-8" }
        return binary[fileExtension] ?? "application/octet-stream"
    }
}
