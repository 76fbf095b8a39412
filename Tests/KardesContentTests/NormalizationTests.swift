import Foundation
@testable import KardesContent
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

    @Test("the quick check accepts a scalar only when it is its own NFC form")
    func quickCheckSingles() {
        for value in Array(0x300..<0x3100) + Array(0xAC00...0xAC40) + Array(0x4E00...0x4E40) + Array(0x1F600...0x1F640) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = String(Character(scalar))
            if NFCCheck.isCertainlyNFC(text) {
                #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8), "U+\(String(value, radix: 16))")
            }
        }
        // Singletons and composition exclusions are never accepted.
        for value: UInt32 in [0x0340, 0x0374, 0x037E, 0x0387, 0x0958, 0x1F71, 0x2126, 0x212B, 0x2329, 0xF900] {
            #expect(!NFCCheck.isCertainlyNFC(String(Character(Unicode.Scalar(value)!))), "U+\(String(value, radix: 16))")
        }
    }

    @Test("the quick check reads every scalar of a text, of each length in UTF-8, wherever it stands")
    func quickCheckPositions() {
        // Accepted: Greek, Cyrillic, Devanagari, CJK, Hangul, an emoji; refused: a combining mark, a singleton, and a
        // scalar of each length outside what is accepted.
        let accepted: [UInt32] = [0x3B1, 0x439, 0x915, 0x4E00, 0xAC00, 0x1F600, 0x2013]
        let refused: [UInt32] = [0x301, 0x2126, 0x93C, 0x1D15E, 0xF900]
        for value in accepted + refused {
            let scalar = String(Character(Unicode.Scalar(value)!))
            for text in [scalar, "Ağrı " + scalar, scalar + " İzmir", "çok " + scalar + " şey", String(repeating: "é", count: 40) + scalar + "x"] {
                #expect(NFCCheck.isCertainlyNFC(text) == accepted.contains(value), "U+\(String(value, radix: 16)) in \(text)")
            }
        }
        #expect(NFCCheck.isCertainlyNFC(""))
        #expect(NFCCheck.isCertainlyNFC("Şanlıurfa – Москва – 東京 – 서울 – 🙂"))
    }

    @Test("text the quick check accepts is NFC, and reading always gives NFC, over random mixes of scripts and marks")
    func quickCheckMixes() throws {
        // Starters of many scripts, and what composes with them: combining marks, Hangul jamo, Indic vowel signs.
        let alphabet: [UInt32] = [
            0x41, 0x65, 0x131, 0x130, 0xE7, 0x391, 0x3B1, 0x399, 0x41C, 0x439, 0x418, 0x5D0, 0x627, 0x622, 0x928, 0x915, 0x995, 0x9C7,
            0xB47, 0xBC6, 0xE01, 0x1E00, 0x1F00, 0x3042, 0x304B, 0x30AB, 0x4E00, 0xAC00, 0xAC01, 0x1100, 0x1161, 0x11A8, 0x1F600,
            0x300, 0x301, 0x308, 0x327, 0x653, 0x654, 0x93C, 0x9BE, 0x9D7, 0xB3E, 0xB56, 0xBBE, 0xCD5, 0x102E, 0x1B35, 0x3099,
            0x2000, 0x2126, 0x20AC, 0xFF21,
        ]
        var seed: UInt64 = 20_261_203
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        for _ in 0..<4000 {
            let length = 1 + next() % 6
            let text = String(String.UnicodeScalarView((0..<length).map { _ in Unicode.Scalar(alphabet[next() % alphabet.count])! }))
            let nfc = text.precomposedStringWithCanonicalMapping
            if NFCCheck.isCertainlyNFC(text) { #expect(Array(nfc.utf8) == Array(text.utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
            let read = try ContentLoader.decode(Data(text.utf8), path: "content/x.md").get()
            #expect(Array(read.utf8) == Array(nfc.utf8))
        }
    }
}
