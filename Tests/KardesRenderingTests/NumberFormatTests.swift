import Foundation
import Testing

@testable import KardesRendering

@Suite("Whole numbers in a language's style")
struct NumberFormatTests {
    /// Numbers of every length, around the places where groups start, and a spread of others.
    static let numbers: [Int] = {
        var numbers = Array(0...2_000) + [9_999, 10_000, 10_001, 99_999, 100_000, 999_999, 1_000_000, Int.max]
        var value = 1
        for _ in 0..<18 {
            value *= 10
            numbers += [value - 1, value, value + 1, value * 7 / 3]
        }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            numbers.append(Int(seed >> 34))
        }
        return numbers.filter { $0 >= 0 }
    }()

    @Test(
        "grouping by hand gives what Foundation gives, or is not used",
        arguments: ["tr", "en", "de", "fr", "es", "pl", "pt-BR", "ru", "hi", "ar", "ja", "de-CH", "fa", "bn"])
    func sameAsFoundation(language: String) {
        let style = IntegerFormatStyle<Int>.number.locale(Locale(identifier: language))
        guard let separator = RenderContext.thousandsSeparator(of: style) else { return }
        for number in Self.numbers {
            #expect(RenderContext.grouped(number, separator: separator) == style.format(number), "\(language) \(number)")
        }
    }

    @Test("Turkish and English group by thousands by hand")
    func commonLanguages() {
        #expect(RenderContext.thousandsSeparator(of: .number.locale(Locale(identifier: "tr"))) == ".")
        #expect(RenderContext.thousandsSeparator(of: .number.locale(Locale(identifier: "en"))) == ",")
        #expect(RenderContext.grouped(1_234_567, separator: ".") == "1.234.567")
        #expect(RenderContext.grouped(999, separator: ".") == "999")
    }
}
