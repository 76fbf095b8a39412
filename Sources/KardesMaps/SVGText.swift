/// Text and numbers as they are written into the SVG, the same bytes on every run and platform.
enum SVGText {
    /// `value` escaped for a double-quoted attribute; characters XML forbids are dropped.
    static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// `value` escaped for element content.
    static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    private static func escape(_ value: String, quotes: Bool) -> String {
        // Most labels and URLs need nothing escaped or dropped: return them as they are, without a copy.
        guard needsEscaping(value, quotes: quotes) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(quotes ? " " : scalar)
            default:
                // XML 1.0 allows no other C0 controls, no C1 controls (HTML), no non-characters U+FFFE/U+FFFF.
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether ``escape(_:quotes:)`` might change `value`: false only when no UTF-8 byte can start something it
    /// escapes or drops. C1 controls (U+0080…U+009F) start with the byte C2, U+FFFE and U+FFFF with EF; other
    /// characters starting with those bytes are kept by `escape`, which the caller then runs for nothing.
    private static func needsEscaping(_ value: String, quotes: Bool) -> Bool {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0..<0x20, 0x7F, 0xC2, 0xEF: return true
            case UInt8(ascii: "\""), UInt8(ascii: "'"): if quotes { return true }
            default: continue
            }
        }
        return false
    }

    /// A number given in tenths, with one decimal at most: 123 → "12.3", 120 → "12", −5 → "-0.5".
    static func tenths(_ value: Int) -> String {
        let negative = value < 0
        let magnitude = value.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 { text += "." + String(fraction) }
        return text
    }

    /// The most bytes ``writeTenths(_:to:)`` writes: a sign, 18 digits (`Int.min`), a point and a decimal.
    static let maximumTenthsLength = 21

    /// Writes `value` (in tenths) as ``tenths(_:)`` does, without making a string.
    ///
    /// - Parameters:
    ///   - value: the number in tenths.
    ///   - target: room for at least ``maximumTenthsLength`` bytes.
    /// - Returns: how many bytes were written.
    @inline(__always)
    static func writeTenths(_ value: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 0
        if value < 0 {
            target[0] = UInt8(ascii: "-")
            length = 1
        }
        let magnitude = value.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        if whole < 10 {
            // Most steps along a map's outline: one digit.
            target[length] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: whole)
            length += 1
        } else {
            // Digits of the whole part, written from the last one back.
            var digits = 2
            var rest = whole / 100
            while rest > 0 {
                digits += 1
                rest /= 10
            }
            rest = whole
            for index in stride(from: length + digits - 1, through: length, by: -1) {
                target[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            length += digits
        }
        if fraction != 0 {
            target[length] = UInt8(ascii: ".")
            target[length + 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: fraction)
            length += 2
        }
        return length
    }

    /// `value` rounded to one decimal and written as by ``tenths(_:)``.
    static func number(_ value: Double) -> String {
        tenths(toTenths(value))
    }

    /// `value · 10`, rounded half away from zero; non-finite values become 0.
    @inline(__always)
    static func toTenths(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        // Clamping before rounding gives the same result, as the bounds are whole numbers.
        let scaled = max(min(value * 10, 1e12), -1e12)
        // Rounded by hand: `rounded(.toNearestOrAwayFromZero)` is a call into libm on x86-64, and the maps of a
        // large site round tens of millions of coordinates. `scaled - whole` is exact (Sterbenz's lemma: `whole` is 0
        // or within a factor of 2 of `scaled`), so the comparisons with ±0.5 decide as `rounded` does.
        // Written without branches: which way a coordinate rounds is a coin toss the processor cannot predict.
        let whole = Int(scaled)
        let rest = scaled - Double(whole)
        let up = rest >= 0.5 ? 1 : 0, down = rest <= -0.5 ? 1 : 0
        return whole &+ up &- down
    }
}
