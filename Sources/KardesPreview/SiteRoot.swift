#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The built output folder, and the only place files are served from.
///
/// Paths are resolved with `realpath`, which follows every symbolic link on the way, and the result must lie inside
/// the resolved root: a link inside the site that points at another file of the site is served, one that points
/// outside is refused. The root is resolved again for every request, so a build that replaces the whole folder is
/// picked up.
struct SiteRoot: Sendable {
    /// Where a request path leads.
    enum Lookup: Hashable, Sendable {
        /// A regular file inside the root, by its resolved path.
        case file(path: String, status: FileStatus)
        /// A folder asked for without the trailing slash.
        case folderWithoutSlash
        /// Nothing to serve there.
        case notFound
        /// The path resolves outside the root.
        case outside
    }

    /// The root folder as given, not yet resolved.
    let path: String

    /// Finds the file a checked request path stands for; a folder stands for its `index.html`.
    /// - Parameter request: the checked path from the request line.
    /// - Returns: the file to serve, or why there is none.
    func lookup(_ request: RequestPath) -> Lookup {
        guard let root = Self.resolve(path) else { return .notFound }
        let relative = request.segments.joined(separator: "/")
        switch Self.locate(relative.isEmpty ? root : root + "/" + relative, inside: root) {
        case .file(let path, let status):
            return request.hasTrailingSlash ? .notFound : .file(path: path, status: status)
        case .folder(let folder):
            guard request.hasTrailingSlash else { return .folderWithoutSlash }
            if case .file(let path, let status) = Self.locate(folder + "/index.html", inside: root) {
                return .file(path: path, status: status)
            }
            return .notFound
        case .missing:
            return .notFound
        case .outside:
            return .outside
        }
    }

    /// Finds a file by its path relative to the root, as the 404 page is found.
    /// - Parameter relative: a path without a leading slash, such as `404.html`.
    /// - Returns: the resolved path and status of a regular file inside the root, or `nil`.
    func file(at relative: String) -> (path: String, status: FileStatus)? {
        guard let root = Self.resolve(path), case .file(let path, let status) = Self.locate(root + "/" + relative, inside: root) else {
            return nil
        }
        return (path, status)
    }

    private enum Location {
        case file(String, FileStatus)
        case folder(String)
        case missing
        case outside
    }

    private static func locate(_ candidate: String, inside root: String) -> Location {
        guard let resolved = resolve(candidate) else { return .missing }
        guard resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/") else { return .outside }
        guard let status = FileStatus(path: resolved) else { return .missing }
        switch status.kind {
        case .file: return .file(resolved, status)
        case .folder: return .folder(resolved)
        case .other: return .missing
        }
    }

    /// The canonical absolute path with every symbolic link, `.` and `..` resolved, or `nil` if it does not exist.
    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
