import Foundation
import Synchronization

/// The two ICU transforms slugs use, each through one transliterator shared by every thread.
///
/// An "Any-Latin" transliterator builds the transliterator of each script it meets (Cyrillic-Latin, Han-Latin …)
/// from its rules the first time, and keeps it: Han-Latin alone takes some 70 ms. `String.applyingTransform` takes a
/// transliterator from CoreFoundation's cache, which opens another whenever the ones it has are in use, so a loader
/// busy on every core built every script's rules once per thread. Here the ICU library Foundation itself links is
/// called directly (its C functions, found at run time) through one transliterator per transform, used by one thread
/// at a time, as a name takes microseconds once its script is known; where those functions cannot be found,
/// `applyingTransform` does the work. The result is the same either way (a test holds the two to each other): both
/// run the same ICU transliterator over the whole text, read through the same kind of callbacks.
public enum Transliteration: Sendable {
    /// All text that can be, in Latin script (ideographs as Mandarin).
    case toLatin
    /// Diacritics removed (Foundation's `.stripDiacritics`).
    case stripDiacritics

    /// The ICU identifier of the transform, as CoreFoundation's `CFStringTransform` names it.
    var identifier: String {
        switch self {
        case .toLatin: "Any-Latin"
        case .stripDiacritics: "NFD; [[[:Mn:]&[:Diacritic:]]-[:Grapheme_Link:]-[:ccc=0:]-[:ccc=8:]-[\\u0338]] Remove; NFC"
        }
    }

    /// Foundation's name of the transform, for the fallback.
    var foundationTransform: StringTransform {
        switch self {
        case .toLatin: .toLatin
        case .stripDiacritics: .stripDiacritics
        }
    }

    /// `text` transformed, or `nil` when the transform fails.
    public func apply(to text: String) -> String? {
        if let icu = ICU.functions {
            let result = ICU.withTransliterator(of: self) { handle -> String?? in
                if handle == nil { handle = icu.open(identifier) }
                return handle.map { icu.transliterate(text, with: $0) }
            }
            if let result { return result }
        }
        return text.applyingTransform(foundationTransform, reverse: false)
    }

    /// ICU's transliterator functions and the one transliterator of each transform.
    private enum ICU {
        /// An opened `UTransliterator`. Used by one thread at a time (under its lock).
        struct Handle: @unchecked Sendable {
            let pointer: OpaquePointer
        }

        typealias Open = @convention(c) (
            UnsafePointer<UInt16>?, Int32, Int32, UnsafePointer<UInt16>?, Int32, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>
        ) -> OpaquePointer?
        /// `utrans_trans(transliterator, replaceable, callbacks, start, &limit, &status)`.
        typealias Transliterate = @convention(c) (
            OpaquePointer?, UnsafeMutableRawPointer?, UnsafeRawPointer?, Int32, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>
        ) -> Void

        struct Functions: @unchecked Sendable {
            let open: Open
            let transliterate: Transliterate

            /// `utrans_openU(id, UTRANS_FORWARD, no rules)`.
            func open(_ identifier: String) -> Handle? {
                let id = Array(identifier.utf16)
                var status: Int32 = 0
                let made = id.withUnsafeBufferPointer { open($0.baseAddress, Int32($0.count), 0, nil, 0, nil, &status) }
                guard let made, status <= 0 else { return nil }
                return Handle(pointer: made)
            }

            /// `text` transliterated in place by ICU, which reads and edits it through ``Replaceable/callbacks``.
            func transliterate(_ text: String, with transliterator: Handle) -> String? {
                let replaceable = Replaceable(units: Array(text.utf16))
                var limit = Int32(replaceable.units.count)
                var status: Int32 = 0
                withExtendedLifetime(replaceable) {
                    transliterate(transliterator.pointer, Unmanaged.passUnretained(replaceable).toOpaque(), Replaceable.callbacks, 0, &limit, &status)
                }
                guard status <= 0 else { return nil }
                return String(decoding: replaceable.units, as: UTF16.self)
            }
        }

        /// The text ICU transliterates, as UTF-16, read and edited through callbacks that behave as CoreFoundation's
        /// for a `CFMutableString` do, so a transform gives what `applyingTransform` gives even where the two differ
        /// from ICU's own strings: a position inside a surrogate pair reads as the lone low surrogate, as in
        /// CoreFoundation, where ICU would read the whole character (and Han-Latin then spaces two such characters).
        final class Replaceable {
            var units: [UInt16]

            init(units: [UInt16]) { self.units = units }

            static func of(_ pointer: UnsafeRawPointer?) -> Replaceable { Unmanaged<Replaceable>.fromOpaque(pointer!).takeUnretainedValue() }

            /// A unit, or 0 outside the text (CoreFoundation's inline buffer).
            func unit(_ offset: Int32) -> UInt16 { offset >= 0 && Int(offset) < units.count ? units[Int(offset)] : 0 }

            /// ICU's `UReplaceableCallbacks`: six C function pointers, in this order.
            nonisolated(unsafe) static let callbacks: UnsafeRawPointer = {
                let length: @convention(c) (UnsafeRawPointer?) -> Int32 = { Int32(of($0).units.count) }
                let charAt: @convention(c) (UnsafeRawPointer?, Int32) -> UInt16 = { rep, offset in
                    let text = of(rep)
                    return Int(offset) >= text.units.count ? 0xFFFF : text.unit(offset)
                }
                let char32At: @convention(c) (UnsafeRawPointer?, Int32) -> Int32 = { rep, offset in
                    let text = of(rep)
                    let count = text.units.count
                    if Int(offset) >= count { return 0xFFFF }
                    let first = text.unit(offset)
                    guard UTF16.isLeadSurrogate(first), Int(offset) < count - 1 else { return Int32(first) }
                    let second = text.unit(offset + 1)
                    guard UTF16.isTrailSurrogate(second) else { return Int32(first) }
                    return Int32(0x10000 + ((Int32(first) - 0xD800) << 10) + (Int32(second) - 0xDC00))
                }
                let replace: @convention(c) (UnsafeMutableRawPointer?, Int32, Int32, UnsafePointer<UInt16>?, Int32) -> Void = {
                    rep, start, limit, text, textLength in
                    let replacement = textLength > 0 ? Array(UnsafeBufferPointer(start: text, count: Int(textLength))) : []
                    of(rep).units.replaceSubrange(Int(start)..<Int(limit), with: replacement)
                }
                let extract: @convention(c) (UnsafeMutableRawPointer?, Int32, Int32, UnsafeMutablePointer<UInt16>?) -> Void = {
                    rep, start, limit, target in
                    let text = of(rep)
                    for offset in start..<limit { target![Int(offset - start)] = text.unit(offset) }
                }
                let copy: @convention(c) (UnsafeMutableRawPointer?, Int32, Int32, Int32) -> Void = { rep, start, limit, destination in
                    let text = of(rep)
                    text.units.insert(contentsOf: Array(text.units[Int(start)..<Int(limit)]), at: Int(destination))
                }
                let table = UnsafeMutablePointer<UnsafeRawPointer>.allocate(capacity: 6)
                table[0] = unsafeBitCast(length, to: UnsafeRawPointer.self)
                table[1] = unsafeBitCast(charAt, to: UnsafeRawPointer.self)
                table[2] = unsafeBitCast(char32At, to: UnsafeRawPointer.self)
                table[3] = unsafeBitCast(replace, to: UnsafeRawPointer.self)
                table[4] = unsafeBitCast(extract, to: UnsafeRawPointer.self)
                table[5] = unsafeBitCast(copy, to: UnsafeRawPointer.self)
                return UnsafeRawPointer(table)
            }()
        }

        /// The functions of the ICU library loaded with Foundation (Swift's toolchain renames its symbols with a
        /// `swift_` prefix), or `nil` when it is not found; both from one library.
        static let functions: Functions? = {
            #if canImport(Glibc)
            for prefix in ["swift_", ""] {
                guard let open = dlsym(nil, "\(prefix)utrans_openU"), let transliterate = dlsym(nil, "\(prefix)utrans_trans") else { continue }
                return Functions(open: unsafeBitCast(open, to: Open.self), transliterate: unsafeBitCast(transliterate, to: Transliterate.self))
            }
            #endif
            return nil
        }()

        /// One transliterator per transform, opened on first use and kept as long as the process.
        static let toLatin = Mutex<Handle?>(nil)
        static let stripDiacritics = Mutex<Handle?>(nil)

        static func withTransliterator(of transform: Transliteration, _ body: (inout sending Handle?) -> sending String??) -> String?? {
            switch transform {
            case .toLatin: toLatin.withLock(body)
            case .stripDiacritics: stripDiacritics.withLock(body)
            }
        }
    }
}
