import Foundation
import KardesBuild
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches a site's `content/` and `templates/` folders and reports changed files, a burst of events at a time.
///
/// Editors save in several steps (a temporary file, a rename, a change of mode), so events are gathered until the
/// folder has been quiet for ``quietPeriod`` and then reported together, as one set of paths relative to the site
/// folder (`content/partnerships/houston-istanbul.md`). On Linux it uses inotify, with a watch on every folder (new
/// folders are watched as they appear); elsewhere it compares the folders' file times every ``pollInterval``.
///
/// ```swift
/// for await paths in SourceWatcher(source: site).changes() { print("changed:", paths.sorted()) }
/// ```
public struct SourceWatcher: Sendable {
    /// The site folder.
    public let source: URL
    /// How long the folders must stay quiet before a burst of events is reported.
    public var quietPeriod: Duration = .milliseconds(30)
    /// How often folders are compared where inotify is not available.
    public var pollInterval: Duration = .milliseconds(250)

    /// The folders watched below the site folder.
    public static let folders = ["content", "templates"]

    public init(source: URL) { self.source = source.standardizedFileURL }

    /// Sets of changed paths, one per burst, until the task reading them is cancelled.
    public func changes() -> AsyncStream<Set<String>> {
        let (stream, continuation) = AsyncStream.makeStream(of: Set<String>.self)
        let stop = Arc(Atomic<Bool>(false))
        let watcher = self
        let thread = Thread {
            #if os(Linux)
            watcher.watchWithInotify(continuation, stop: stop)
            #else
            watcher.poll(continuation, stop: stop)
            #endif
            continuation.finish()
        }
        thread.name = "kardes-watcher"
        continuation.onTermination = { _ in stop.value.store(true, ordering: .relaxed) }
        thread.start()
        return stream
    }

    /// Shares one atomic flag between the watching thread and the stream's termination handler.
    final class Arc<Value: ~Copyable>: Sendable where Value: Sendable {
        let value: Value
        init(_ value: consuming Value) { self.value = value }
    }

    #if os(Linux)
    private func watchWithInotify(_ continuation: AsyncStream<Set<String>>.Continuation, stop: Arc<Atomic<Bool>>) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return poll(continuation, stop: stop) }
        defer { close(descriptor) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
        var folders: [Int32: String] = [:]  // watch descriptor → folder relative to the site ("" for the site itself)

        func watch(_ relative: String) {
            let path = relative.isEmpty ? source.path : source.path + "/" + relative
            let wd = inotify_add_watch(descriptor, path, mask)
            guard wd >= 0 else { return }
            folders[wd] = relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                var isFolder: ObjCBool = false
                let child = relative.isEmpty ? name : relative + "/" + name
                guard relative.isEmpty ? Self.folders.contains(name) : true else { continue }
                if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder), isFolder.boolValue { watch(child) }
            }
        }
        // The site folder itself, so that a templates/ folder made later is noticed and watched.
        watch("")

        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        let quietMilliseconds = Int32(quietPeriod.components.seconds * 1000 + quietPeriod.components.attoseconds / 1_000_000_000_000_000)
        while !stop.value.load(ordering: .relaxed) {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // While events are pending, wait only the quiet period for more; otherwise wake now and then to notice `stop`.
            let ready = Glibc.poll(&request, 1, pending.isEmpty ? 200 : max(quietMilliseconds, 1))
            if ready == 0 {
                if !pending.isEmpty {
                    continuation.yield(pending)
                    pending = []
                }
                continue
            }
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var offset = 0
            while offset < count {
                let (wd, eventMask, nameLength, name): (Int32, UInt32, Int, String) = buffer.withUnsafeBytes { raw in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    let start = offset + MemoryLayout<inotify_event>.size
                    let bytes = raw[start..<(start + Int(event.len))].prefix { $0 != 0 }
                    return (event.wd, event.mask, Int(event.len), String(decoding: bytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + nameLength
                guard let folder = folders[wd] else { continue }
                if folder.isEmpty && !Self.folders.contains(name) { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }  // editors' swap and backup files
                if eventMask & UInt32(IN_ISDIR) != 0 {
                    if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch(relative) }
                }
                if eventMask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
                pending.insert(relative)
            }
        }
    }
    #endif

    /// Compares file times every ``pollInterval``: the fallback where inotify is not available.
    private func poll(_ continuation: AsyncStream<Set<String>>.Continuation, stop: Arc<Atomic<Bool>>) {
        var last = SourceSnapshot(source: source, folders: Self.folders)
        let interval = Double(pollInterval.components.seconds) + Double(pollInterval.components.attoseconds) / 1e18
        while !stop.value.load(ordering: .relaxed) {
            Thread.sleep(forTimeInterval: interval)
            var current = SourceSnapshot(source: source, folders: Self.folders)
            guard current != last else { continue }
            // Wait until two looks agree, so a save in several steps is one change.
            while !stop.value.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: interval / 2)
                let again = SourceSnapshot(source: source, folders: Self.folders)
                if again == current { break }
                current = again
            }
            continuation.yield(Set(current.changes(since: last)))
            last = current
        }
    }
}
