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

    /// Appends `value` (in tenths) as ``tenths(_:)`` writes it, without making a string.
    static func appendTenths(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        if whole == 0 {
            bytes.append(UInt8(ascii: "0"))
        } else {
            // Digits of the whole part, most significant first.
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = whole
            withUnsafeMutableBytes(of: &digits) { buffer in
                while rest > 0 {
                    buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    count += 1
                }
                for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
            }
        }
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction))
        }
    }

    /// `value` rounded to one decimal and written as by ``tenths(_:)``.
    static func number(_ value: Double) -> String {
        tenths(toTenths(value))
    }

    /// `value · 10`, rounded half away from zero; non-finite values become 0.
    static func toTenths(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        let scaled = (value * 10).rounded(.toNearestOrAwayFromZero)
        return Int(max(min(scaled, 1e12), -1e12))
    }
}
