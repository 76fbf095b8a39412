import Foundation

/// A quick, conservative test that text is already in Unicode Normalization Form C, so that most files in other
/// scripts (Cyrillic, Greek, Arabic, CJK, Hangul) skip Foundation's normalisation, which is slow.
///
/// Text is certainly NFC when every scalar is a starter (canonical combining class 0) that is its own NFC form and
/// that cannot compose with the scalar before it. The last condition is why only scripts known to have no such
/// composing starters are accepted (Hangul jamo, several Indic vowel signs and a few others do compose, so their
/// blocks are left out); anything else, and every combining mark, answers "not sure", and the caller normalises.
enum NFCCheck {
    /// Whether `text` is certainly in NFC; false means "normalise to find out".
    static func isCertainlyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isCertainlyNFC(utf8:))
    }

    /// ``isCertainlyNFC(_:)`` of the text whose valid UTF-8 is `bytes`. Only scalars from U+0300 up are looked at, and
    /// in UTF-8 each of those starts with a byte from 0xCC up, which no other byte is: the rest (ASCII, Latin letters,
    /// continuation bytes) is passed over a byte at a time without decoding.
    static func isCertainlyNFC(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0xCC {
                index &+= 1
                continue
            }
            // A lead byte of a valid sequence: 110xxxxx, 1110xxxx or 11110xxx, followed by its continuation bytes.
            let value: UInt32
            if lead < 0xE0 {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index &+= 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index &+= 3
            } else {
                value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F)
                index &+= 4
            }
            if value < tableEnd {
                guard table[Int(value - tableStart)] else { return false }
                continue
            }
            guard alwaysNFC.contains(where: { $0.contains(value) }) else { return false }
        }
        return true
    }

    private static let tableStart: UInt32 = 0x300
    private static let tableEnd: UInt32 = 0x3100

    /// Blocks above the table whose every scalar is a starter without a canonical decomposition and composes with
    /// nothing: CJK ideographs, Hangul syllables (a syllable composes with a following trailing jamo, which is not
    /// accepted), fullwidth and halfwidth forms, and the emoji and pictograph planes' main blocks.
    private static let alwaysNFC: [ClosedRange<UInt32>] = [
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF00...0xFFEF, 0x1F300...0x1FAFF,
    ]

    /// Blocks below U+3100 whose starters never compose with a preceding scalar, so a starter there is NFC when it
    /// is its own NFC form.
    private static let acceptedBlocks: [ClosedRange<UInt32>] = [
        0x0370...0x03FF,  // Greek and Coptic
        0x0400...0x052F,  // Cyrillic, Cyrillic Supplement
        0x0530...0x058F,  // Armenian
        0x0590...0x05FF,  // Hebrew
        0x0600...0x06FF,  // Arabic
        0x0700...0x074F,  // Syriac
        0x0900...0x097F,  // Devanagari
        0x0E00...0x0E7F,  // Thai
        0x10A0...0x10FF,  // Georgian
        0x1200...0x139F,  // Ethiopic
        0x1780...0x17FF,  // Khmer
        0x1E00...0x1EFF,  // Latin Extended Additional
        0x1F00...0x1FFF,  // Greek Extended
        0x2000...0x2BFF,  // punctuation, currency, letterlike, arrows, mathematical and other symbols
        0x3000...0x30FF,  // CJK symbols and punctuation, Hiragana, Katakana
    ]

    /// For each scalar from U+0300 to U+30FF: whether it is certainly NFC on its own and after anything.
    private static let table: [Bool] = {
        var table = [Bool](repeating: false, count: Int(tableEnd - tableStart))
        for block in acceptedBlocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass == .notReordered else { continue }
                let alone = String(Character(scalar))
                table[Int(value - tableStart)] = alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars)
            }
        }
        return table
    }()
}
