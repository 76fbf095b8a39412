#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What the server needs to know about a file on disk: its kind, its size, and what identifies one version of it.
struct FileStatus: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case file, folder, other }

    let kind: Kind
    let size: Int
    /// Inode, size and modification time in nanoseconds: a new build that rewrites the file changes at least one.
    let version: String

    /// Reads the status of an existing path, following symbolic links.
    /// - Parameter path: an absolute path.
    /// - Returns: `nil` when nothing can be read there.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .folder
        default: kind = .other
        }
        size = Int(info.st_size)
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        let nanoseconds = Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec)
        version = [UInt64(info.st_ino), UInt64(info.st_size), UInt64(bitPattern: nanoseconds)]
            .map { String($0, radix: 16) }
            .joined(separator: "-")
    }
}
