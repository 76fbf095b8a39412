@testable import KardesMaps
import Testing

@Suite("SVG numbers")
struct SVGTextTests {
    @Test("numbers appended as bytes read exactly as the text form", arguments: [0, 1, -1, 9, 10, -10, 15, -15, 99, 100, 101, 1234, -98765, 1_000_000_007, -2_147_483_648])
    func appendedTenthsMatchText(value: Int) {
        var bytes: [UInt8] = Array("x".utf8)
        SVGText.appendTenths(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + SVGText.tenths(value))
    }

    @Test("every value from -2000 to 2000 is appended as its text form")
    func appendedTenthsRange() {
        for value in -2000...2000 {
            var bytes: [UInt8] = []
            SVGText.appendTenths(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == SVGText.tenths(value))
        }
    }
}
