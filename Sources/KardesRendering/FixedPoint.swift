#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers with a fixed number of decimals, as `String(format: "%.4f", value)` writes them, straight from the C
/// library.
///
/// Foundation's `String(format:)` reaches the same C `printf` formatting for `%f` through `NSString` and a
/// format parser, which cost more than the rest of a city page's facts. The output is the same: both use the C
/// library with the "C" locale, which this process never changes.
enum FixedPoint {
    /// `value` with `decimals` digits after the point (0…17), e.g. `41.0082` for 41.00823 with 4.
    static func format(_ value: Double, decimals: Int) -> String {
        precondition((0...17).contains(decimals))
        // 309 digits before the point and 17 after are the most a double can need.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 352) { buffer in
            let length = withVaList([value]) { vsnprintf(buffer.baseAddress!, buffer.count, "%.\(decimals)f", $0) }
            precondition(length >= 0 && Int(length) < buffer.count)
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(length)), as: UTF8.self)
        }
    }
}
