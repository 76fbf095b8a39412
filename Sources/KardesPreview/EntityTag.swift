import Foundation

/// Strong entity tags for served files, and the `If-None-Match` check that turns a revalidation into `304`.
enum EntityTag {
    /// The tag of a file as it is on disk.
    /// - Parameter status: the file's status; its version changes whenever a build rewrites the file.
    /// - Returns: a quoted tag such as `"1a2b-3f0-17c5…"`.
    static func forFile(_ status: FileStatus) -> String {
        "\"\(status.version)\""
    }

    /// The tag of an HTML page with the live-reload script injected: different from the raw file's tag, and
    /// different again when the script or the build number stamped on it changes, so a revalidated page never
    /// keeps an old stamp.
    /// - Parameters:
    ///   - status: the page's file status.
    ///   - build: the build number in the injected script.
    /// - Returns: a quoted tag such as `"1a2b-3f0-17c5…-lr9e3779b9-b3"`.
    static func forInjectedPage(_ status: FileStatus, build: Int) -> String {
        "\"\(status.version)-lr\(LiveReloadScript.fingerprint)-b\(build)\""
    }

    /// Whether an `If-None-Match` header matches a tag, by the weak comparison RFC 9110 asks for here.
    /// - Parameters:
    ///   - tag: the current quoted tag of the resource.
    ///   - values: every `If-None-Match` field value of the request.
    /// - Returns: `true` when the client's copy is current.
    static func matches(_ tag: String, ifNoneMatch values: [String]) -> Bool {
        let accepted: Set<String> = ["*", tag, "W/" + tag]
        let candidates: [String] = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return candidates.contains(where: accepted.contains)
    }
}
