import Hummingbird

/// Adds the live-reload script to an HTML page on its way out; the file on disk is never changed.
enum ScriptInjection {
    /// The page with ``LiveReloadScript/element(build:)`` inserted just before the last `</body>` (in any letter
    /// case), or appended when the page has none.
    /// - Parameters:
    ///   - page: the page as read from disk.
    ///   - build: the number of builds published so far.
    /// - Returns: the page to send, exactly `LiveReloadScript.element(build:).count` bytes longer.
    static func inject(into page: ByteBuffer, build: Int) -> ByteBuffer {
        let bytes = page.readableBytesView
        let element = LiveReloadScript.element(build: build)
        let position = closingBodyTag(in: Array(bytes)) ?? bytes.count
        var result = ByteBuffer()
        result.reserveCapacity(bytes.count + element.count)
        result.writeBytes(bytes.prefix(position))
        result.writeBytes(element)
        result.writeBytes(bytes.dropFirst(position))
        return result
    }

    /// The offset of the last `</body` that is followed by `>` or white space, ignoring letter case.
    static func closingBodyTag(in bytes: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        let endings = Array("> \t\n\r\u{0C}".utf8)
        guard bytes.count > tag.count else { return nil }
        for start in stride(from: bytes.count - tag.count - 1, through: 0, by: -1) {
            let matches = tag.indices.allSatisfy { lowercased(bytes[start + $0]) == tag[$0] }
            if matches, endings.contains(bytes[start + tag.count]) { return start }
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
