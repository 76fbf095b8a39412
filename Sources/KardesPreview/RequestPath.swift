import Foundation

/// The path part of a request target, checked and split into decoded segments before it goes near the disk.
///
/// Every segment is percent-decoded on its own, so an encoded `%2F` can never become a separator, and a path is
/// refused when any segment could step out of the root or confuse the file system: `.`, `..`, an encoded slash, a
/// backslash, a NUL byte, an empty segment in the middle (`//etc`), invalid percent-encoding, or a target that does
/// not start with `/`.
struct RequestPath: Hashable, Sendable {
    /// Decoded segments, without the empty ones produced by the leading and trailing slash.
    let segments: [String]
    /// Whether the target ends with `/`, which asks for a folder.
    let hasTrailingSlash: Bool

    /// Checks a raw, still percent-encoded path from a request line.
    /// - Parameter raw: the path as the client sent it, for example `/cities/tr/%C3%BCsk%C3%BCdar/`.
    /// - Returns: `nil` when the path is refused.
    init?(raw: String) {
        guard raw.hasPrefix("/") else { return nil }
        var parts = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let hasTrailingSlash = parts.last == ""
        if hasTrailingSlash { parts.removeLast() }
        var segments: [String] = []
        for part in parts {
            guard let segment = Self.decode(part) else { return nil }
            segments.append(segment)
        }
        self.segments = segments
        self.hasTrailingSlash = hasTrailingSlash || segments.isEmpty
    }

    /// Decodes one segment, or returns `nil` when it must not reach the file system.
    private static func decode(_ part: Substring) -> String? {
        guard !part.isEmpty, !part.contains("\\"), let decoded = part.removingPercentEncoding else { return nil }
        let forbidden: Set<Character> = ["/", "\\", "\0"]
        guard decoded != ".", decoded != "..", !decoded.contains(where: forbidden.contains) else { return nil }
        return decoded
    }
}
