import Foundation

/// The file times of a site's sources at one moment: what a watcher without file-system events compares.
public struct SourceSnapshot: Equatable, Sendable {
    /// Each file and folder below the watched folders, by path relative to the site folder.
    let stamps: [String: BuildState.FileStamp]

    /// Reads the times of every file below `folders` (relative to `source`).
    public init(source: URL, folders: [String]) {
        var stamps: [String: BuildState.FileStamp] = [:]
        for folder in folders {
            for (path, stamp) in BuildState.walk(source.appendingPathComponent(folder).standardizedFileURL.path, relative: folder) {
                stamps[path.hasSuffix("/") ? String(path.dropLast()) : path] = stamp
            }
        }
        self.stamps = stamps
    }

    /// The paths added, removed or changed since `older`, sorted.
    public func changes(since older: SourceSnapshot) -> [String] {
        let added = stamps.filter { older.stamps[$0.key] != $0.value }.map(\.key)
        let removed = older.stamps.keys.filter { stamps[$0] == nil }
        return (added + removed).sorted()
    }
}
