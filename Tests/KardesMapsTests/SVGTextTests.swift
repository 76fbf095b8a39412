@testable import KardesMaps
import Testing

@Suite("SVG numbers")
struct SVGTextTests {
    @Test(
        "numbers appended as bytes read exactly as the text form",
        arguments: [0, 1, -1, 9, 10, -10, 15, -15, 99, 100, 101, 1234, -98765, 1_000_000_007, -2_147_483_648, Int.max, Int.min])
    func appendedTenthsMatchText(value: Int) {
        var bytes = SVGBytes()
        bytes.append("x")
        bytes.appendTenths(value)
        #expect(bytes.string == "x" + SVGText.tenths(value))
    }

    @Test("every value from -2000 to 2000 is appended as its text form")
    func appendedTenthsRange() {
        for value in -2000...2000 {
            var bytes = SVGBytes()
            bytes.appendTenths(value)
            #expect(bytes.string == SVGText.tenths(value))
        }
    }
}
