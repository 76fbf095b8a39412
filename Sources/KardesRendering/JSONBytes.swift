/// Compact JSON appended to bytes: the bytes Foundation writes for the same values, without its boxing and sorting.
///
/// `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` and `JSONSerialization` with `[.sortedKeys]` cost a
/// tenth of a 10k build; this writer gives their bytes (Tests/KardesRenderingTests/JSONBytesTests.swift compares):
/// - no whitespace; commas come from the last byte written, so callers only open, write and close;
/// - strings: `"` and `\` escaped, `\b \f \n \r \t` short, other bytes below 0x20 as `\u00xx` (lower-case hex),
///   `/` as `\/` unless `escapesSlashes` is off, everything else (U+2028, emoji, Turkish letters) as UTF-8;
/// - Doubles as `description` without a trailing `.0` (`41`, `41.01`, `1e-07`, `1e+21`, `-0`), Ints in decimal;
/// - keys are written as given: callers write them in the order Foundation sorts them, and they need no escaping.
/// A NaN or infinite number clears `isValid`: Foundation refuses the whole value then, and so must the caller.
///
/// ```swift
/// var json = JSONBytes(escapesSlashes: false)
/// json.object { $0.field("name", "Köln"); $0.field("partners", 3) }  // {"name":"Köln","partners":3}
/// ```
struct JSONBytes {
    /// The JSON written so far.
    private(set) var bytes: [UInt8] = []
    /// False once a NaN or infinity was written, which Foundation refuses to encode.
    private(set) var isValid = true
    /// Whether `/` is written `\/`, as `JSONSerialization` does unless told `.withoutEscapingSlashes`.
    let escapesSlashes: Bool

    /// - Parameters:
    ///   - escapesSlashes: `true` for `JSONSerialization`'s bytes, `false` for `.withoutEscapingSlashes`.
    ///   - capacity: bytes to reserve.
    init(escapesSlashes: Bool, capacity: Int = 0) {
        self.escapesSlashes = escapesSlashes
        bytes.reserveCapacity(capacity)
    }

    /// Makes room for at least `count` more bytes, so a long document grows once rather than doubling past its size.
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    // MARK: - Structure

    /// A comma before a value or key unless it opens its object or array or follows its key.
    private mutating func separate() {
        guard let last = bytes.last else { return }
        if last != UInt8(ascii: "{") && last != UInt8(ascii: "[") && last != UInt8(ascii: ":") { bytes.append(UInt8(ascii: ",")) }
    }

    /// An object whose members `body` writes, keys in sorted order.
    mutating func object(_ body: (inout JSONBytes) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        body(&self)
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array whose elements `body` writes.
    mutating func array(_ body: (inout JSONBytes) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        body(&self)
        bytes.append(UInt8(ascii: "]"))
    }

    /// `"key":`, written as given (kardes keys are ASCII letters, `@` and `_`).
    mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    // MARK: - Members, omitted when nil like `encodeIfPresent`

    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        array { json in for value in values { json.string(value) } }
    }

    // MARK: - Values

    /// A JSON string, escaped as Foundation escapes it.
    mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() {
                let escaped = byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (byte == UInt8(ascii: "/") && escapesSlashes)
                guard escaped else { continue }
                // Copy the run before the byte that needs an escape in one go.
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    // Below 0x20: "\u00" and two lower-case hex digits, the first 0 or 1.
                    let low = byte & 0xF
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0") + (byte >> 4))
                    bytes.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A value already written as JSON by another `JSONBytes` (a record made once and written into several
    /// documents), or, when that one was not valid (see ``isValid``), nothing, and this one is not valid either.
    mutating func value(_ json: JSONBytes) {
        guard json.isValid else {
            isValid = false
            return
        }
        separate()
        bytes.append(contentsOf: json.bytes)
    }

    /// An integer in decimal.
    mutating func number(_ value: Int) {
        separate()
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A Double as Foundation writes it: the shortest text that reads back the same, `.0` dropped.
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            isValid = false
            return
        }
        separate()
        var text = value.description
        text.withUTF8 { utf8 in
            // "41.0" → "41"; "1e+16" and "0.5" stay as they are.
            let integral = utf8.count > 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            bytes.append(contentsOf: integral ? UnsafeBufferPointer(rebasing: utf8.dropLast(2)) : utf8)
        }
    }
}
