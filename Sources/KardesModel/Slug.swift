import Foundation
import Synchronization

/// Turns names into URL slugs: lower-case ASCII letters, digits and single `-`.
///
/// Turkish letters map by Turkish rules (`ı→i İ→i ş→s ğ→g ç→c ö→o ü→u`), other Latin diacritics are
/// stripped, other scripts are transliterated to Latin first (`Москва` → `moskva`, `東京` → `dong-jing`),
/// and anything else becomes `-`. A slug never contains `/`, `.` or `..`, so it cannot leave the output folder.
public enum Slug {
    private static let turkish: [Character: String] = [
        "ı": "i", "İ": "i", "ş": "s", "Ş": "s", "ğ": "g", "Ğ": "g", "ç": "c", "Ç": "c", "ö": "o", "Ö": "o", "ü": "u",
        "Ü": "u", "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h", "ŋ": "ng", "Ŋ": "ng", "ŧ": "t",
        "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ĳ": "ij", "Ĳ": "ij",
        // Modifier letters that transliteration leaves behind (aspiration, glottal stops).
        "ʰ": "h", "ʱ": "h", "ʼ": "", "ʻ": "", "ʹ": "", "ʾ": "", "ʿ": "", "ˀ": "",
    ]

    /// The slug for `name`; empty when the name has no letters or digits at all.
    public static func make(from name: String) -> String {
        // Names in ASCII take a few string operations; others may need the platform's transliterator, which costs
        // tens of microseconds, so their slugs are kept for the next asker (the linker asks for every name the loader
        // read; see ``prepare(_:)``).
        if isASCII(name) { return compute(from: name) }
        if let known = made.withLock({ $0[name] }) { return known }
        let slug = compute(from: name)
        made.withLock { $0[name] = slug }
        return slug
    }

    /// Makes and keeps the slugs of `names` in the background, so that later calls of ``make(from:)`` find them: a
    /// loader calls it for the names it reads, rather than leave the work to a later step with fewer cores busy.
    ///
    /// One serial queue does the work, so the threads reading files never wait on the one transliterator
    /// (``Transliteration``) while it learns a script; ``make(from:)`` gives the same slug whether or not it is done.
    public static func prepare(_ names: some Sequence<String>) {
        let pending = names.filter { !isASCII($0) }
        guard !pending.isEmpty else { return }
        preparing.async { for name in pending { _ = make(from: name) } }
    }

    private static let preparing = DispatchQueue(label: "kardes.slug.prepare")

    private static func isASCII(_ name: String) -> Bool { name.utf8.allSatisfy { $0 < 0x80 } }

    /// Slugs of names outside ASCII, by name. A name's slug never changes, so the cache is never emptied; it holds
    /// one entry per distinct name a process has seen.
    private static let made = Mutex<[String: String]>([:])

    private static func compute(from name: String) -> String {
        var mapped = ""
        mapped.reserveCapacity(name.utf8.count)
        var needsTransform = false
        for character in name {
            if let replacement = turkish[character] {
                mapped += replacement
            } else {
                mapped.append(character)
                if !character.isASCII { needsTransform = true }
            }
        }
        if needsTransform {
            // Latin letters with diacritics only need their marks dropped; that is cheap, while the platform's
            // transliterator is slow to start, so it runs only for letters of other scripts.
            let stripped = String(String.UnicodeScalarView(mapped.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                !$0.properties.isDiacritic || $0.isASCII
            }))
            if stripped.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.isAlphabetic }) {
                let latin = Transliteration.toLatin.apply(to: mapped) ?? mapped
                mapped = Transliteration.stripDiacritics.apply(to: latin) ?? latin
            } else {
                mapped = stripped
            }
            mapped = mapped.reduce(into: "") { result, character in
                if let replacement = turkish[character] {
                    result += replacement
                } else if character.isASCII {
                    result.append(character)
                } else {
                    result += spelledOut(character)
                }
            }
        }
        var slug = ""
        var pendingDash = false
        for scalar in mapped.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingDash = true
            }
        }
        return slug
    }

    /// A letter the platform cannot transliterate (Lao, Tibetan, Khmer …), spelt by its Unicode name: the name's last
    /// word for letters and vowel signs (`LAO LETTER PO` → `po`), nothing for other marks and symbols.
    static func spelledOut(_ character: Character) -> String {
        var result = ""
        for scalar in character.unicodeScalars {
            guard let name = scalar.properties.name, name.contains("LETTER") || name.contains("VOWEL SIGN"),
                let last = name.split(separator: " ").last, last.allSatisfy({ $0.isLetter })
            else { continue }
            result += last.lowercased()
        }
        return result
    }

    /// Whether `text` is already a valid slug (what `make` would return for itself): lower-case ASCII letters and
    /// digits in runs joined by single dashes, which is exactly what `make` returns unchanged, checked byte by byte
    /// (every content file's name is checked).
    public static func isValid(_ text: String) -> Bool {
        var previousWasDash = true  // a dash first is as wrong as two in a row
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousWasDash = false
            case UInt8(ascii: "-") where !previousWasDash: previousWasDash = true
            default: return false
            }
        }
        return !text.isEmpty && !previousWasDash
    }
}
