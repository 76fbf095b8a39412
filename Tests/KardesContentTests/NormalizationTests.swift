import Foundation
import KardesContent
import Testing

@Suite("Reading text files")
struct NormalizationTests {
    @Test("decomposed letters are composed (NFC), whatever the editor saved", arguments: [
        ("U\u{308}sku\u{308}dar", "Üsküdar"), ("S\u{327}anlıurfa", "Şanlıurfa"), ("Ko\u{308}ln", "Köln"), ("e\u{301}", "é"),
        ("\u{1100}\u{1161}", "\u{AC00}"),
    ])
    func composed(input: String, expected: String) throws {
        let text = try ContentLoader.decode(Data(input.utf8), path: "content/x.md").get()
        #expect(text == expected)
        #expect(Array(text.utf8) == Array(expected.utf8))
    }

    @Test("text already in NFC is kept byte for byte", arguments: ["İstanbul, Üsküdar, Ağrı, Çorum", "Łódź – Kraków", "Москва", "東京", "plain ASCII"])
    func kept(input: String) throws {
        let text = try ContentLoader.decode(Data(input.utf8), path: "content/x.md").get()
        #expect(Array(text.utf8) == Array(input.utf8))
    }

    @Test("every character below U+0300 is its own NFC form, so such text needs no normalising")
    func latinBlocksAreComposed() {
        for value in 0x20..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8), "U+\(String(value, radix: 16))")
        }
    }
}
