import Foundation
import Testing

@testable import KardesRendering

@Suite("Fixed-point numbers")
struct FixedPointTests {
    static let values: [Double] = [
        0, -0.0, 1, -1, 41.00823, 28.97836, -33.86785, 151.20732, 0.00005, 0.00015, 0.000049999, 2.5, -2.5, 179.99995,
        -179.99995, 89.999999, 1e-7, 123456.654321, 1e15, -1e-300, .pi, -.pi, 0.1 + 0.2,
    ]

    @Test("writes what String(format:) writes", arguments: values)
    func sameAsFoundation(value: Double) {
        for decimals in [0, 1, 4, 6] {
            #expect(FixedPoint.format(value, decimals: decimals) == String(format: "%.\(decimals)f", value))
        }
    }
}
