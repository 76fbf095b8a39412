/// A growing buffer of UTF-8 bytes that a map is written into, turned into a `String` once at the end.
///
/// A city page's land layer has thousands of numbers. Appending them byte by byte to an `[UInt8]` checks the
/// array's uniqueness and capacity for every byte, so numbers are written through a pointer into room made
/// beforehand (``write(maximum:_:)``), and text goes in with one copy per string.
struct SVGBytes {
    /// The bytes; only the first ``count`` are written, the rest is room.
    private var storage: [UInt8]
    /// How many bytes have been written.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int = 0) {
        storage = [UInt8](repeating: 0, count: max(capacity, 0))
    }

    /// Whether nothing has been written.
    var isEmpty: Bool { count == 0 }

    /// The bytes written, as a string.
    var string: String {
        storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
    }

    /// The bytes written, without the room after them.
    consuming func finished() -> [UInt8] {
        storage.removeLast(storage.count - count)
        return storage
    }

    /// Forgets what was written, keeping the room.
    mutating func removeAll() {
        count = 0
    }

    /// Forgets what was written after the first `count` bytes.
    mutating func truncate(to count: Int) {
        precondition(count >= 0 && count <= self.count)
        self.count = count
    }

    /// Makes room for at least `extra` more bytes.
    mutating func reserve(_ extra: Int) {
        let needed = count + extra
        guard needed > storage.count else { return }
        // Doubling, so a long path grows in few steps.
        storage.append(contentsOf: repeatElement(0, count: max(needed, 2 * storage.count, 256) - storage.count))
    }

    /// Lets `body` write at most `maximum` bytes through a pointer to the end of what was written.
    ///
    /// - Parameters:
    ///   - maximum: an upper bound of what `body` writes; writing more is a memory error.
    ///   - body: writes from the pointer on and returns how many bytes it wrote.
    mutating func write(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        let start = count
        let written = storage.withUnsafeMutableBufferPointer { buffer in
            // `reserve` made the room, so the pointer is not nil.
            body(buffer.baseAddress.unsafelyUnwrapped + start)
        }
        precondition(written >= 0 && written <= maximum, "SVGBytes: wrote \(written) bytes into room for \(maximum)")
        count = start + written
    }

    /// Appends one byte.
    mutating func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Appends the UTF-8 bytes of `text`.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends what `other` holds.
    mutating func append(_ other: SVGBytes) {
        other.storage.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<other.count])) }
    }

    /// Appends `bytes`.
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        write(maximum: bytes.count) { target in
            target.update(from: source, count: bytes.count)
            return bytes.count
        }
    }

    /// Appends `value` (in tenths) as ``SVGText/tenths(_:)`` writes it.
    mutating func appendTenths(_ value: Int) {
        write(maximum: SVGText.maximumTenthsLength) { SVGText.writeTenths(value, to: $0) }
    }
}
