import CXXHash
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 128-bit digest of a file's bytes (XXH3-128 from the xxHash library), the same on every run and machine.
///
/// A build keeps the digest of each file it writes, with the file's stamp right after writing. The next build
/// compares the digest of what it made with the kept one; when they are equal and the file's stamp has not moved, the
/// file still holds those bytes, and it is left alone without being read. It is not a cryptographic hash: it tells
/// kardes' own files apart, which nobody chooses to make collide, and a file anything else wrote or touched has
/// another stamp and is compared byte for byte.
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The digest of `bytes`.
    public init(of bytes: [UInt8]) {
        let hash = bytes.withUnsafeBytes { XXH3_128bits($0.baseAddress, $0.count) }
        self.init(high: hash.high64, low: hash.low64)
    }

    /// 32 lower-case hexadecimal digits.
    public var description: String {
        var bytes: [UInt8] = []
        appendHex(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``description``'s 32 digits to `bytes` (the build state writes one per file).
    public func appendHex(to bytes: inout [UInt8]) {
        for value in [high, low] {
            for shift in stride(from: 60, through: 0, by: -4) {
                let digit = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
                bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            }
        }
    }

    /// The digest written as ``description``, or nil.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 32, let high = UInt64(text.prefix(16), radix: 16), let low = UInt64(text.suffix(16), radix: 16) else { return nil }
        self.init(high: high, low: low)
    }
}

/// Size, modification and change times and inode of a file: what changes when anything writes or replaces it.
public struct FileStamp: Codable, Equatable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The stamp of the file at `path`, or nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp in a file's status.
    public init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
        let (mtime, ctime) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (mtime, ctime) = (info.st_mtim, info.st_ctim)
        #endif
        modified = Int64(mtime.tv_sec) * 1_000_000_000 + Int64(mtime.tv_nsec)
        changed = Int64(ctime.tv_sec) * 1_000_000_000 + Int64(ctime.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
