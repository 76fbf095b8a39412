import Foundation
import KardesModel
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test(
        "Turkish letters follow Turkish rules",
        arguments: [
            ("İstanbul", "istanbul"), ("Şanlıurfa", "sanliurfa"), ("Ağrı", "agri"), ("Üsküdar", "uskudar"), ("Çorum", "corum"),
            ("Iğdır", "igdir"), ("ÖDEMİŞ", "odemis"), ("Kahramanmaraş", "kahramanmaras"),
        ])
    func turkish(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    @Test(
        "other diacritics are stripped and spaces become dashes",
        arguments: [
            ("Köln", "koln"), ("Poix-du-Nord", "poix-du-nord"), ("Córdoba", "cordoba"), ("Ho Chi Minh City", "ho-chi-minh-city"),
            ("Kraków", "krakow"), ("Łódź", "lodz"), ("São Paulo", "sao-paulo"), ("Düsseldorf", "dusseldorf"), ("Straße", "strasse"),
        ])
    func latin(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    @Test("other scripts are transliterated", arguments: [("Москва", "moskva"), ("東京", "dong-jing"), ("Αθήνα", "athena"), ("Київ", "kiiv")])
    func scripts(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    @Test("a slug never escapes the output folder", arguments: ["../../etc/passwd", "..", "/abs/path", "a/../b", ".hidden", "C:\\Windows"])
    func escape(name: String) {
        let slug = Slug.make(from: name)
        #expect(!slug.contains("/") && !slug.contains(".") && !slug.contains("\\"))
    }

    @Test("text without letters or digits gives an empty slug")
    func empty() {
        #expect(Slug.make(from: "—!?") == "")
        #expect(!Slug.isValid(""))
        #expect(Slug.isValid("houston-istanbul"))
        #expect(!Slug.isValid("Houston"))
    }
}

@Suite("Partial dates")
struct PartialDateTests {
    @Test("year, month and day forms parse", arguments: ["1920", "2005-06", "2002-10-11", "2024-02-29"])
    func valid(text: String) throws {
        let date = try #require(PartialDate(parsing: text))
        #expect(date.description == text)
    }

    @Test("anything else is rejected", arguments: ["20", "2002-13", "2002-10-32", "2023-02-29", "2002/10/11", "2002-1-5", "ikibin", "", "2002-10-11T00:00"])
    func invalid(text: String) {
        #expect(PartialDate(parsing: text) == nil)
    }

    @Test("dates sort by year, then month, then day")
    func order() throws {
        let dates = try ["2002-10-11", "1920", "2002", "2002-10"].map { try #require(PartialDate(parsing: $0)) }
        #expect(dates.sorted().map(\.description) == ["1920", "2002", "2002-10", "2002-10-11"])
    }
}

@Suite("City references")
struct CityReferenceTests {
    let here = SourceLocation(file: "x.md", line: 2, column: 3)

    @Test("the country code comes after the last comma, in any case")
    func lastComma() {
        #expect(CityReference("Córdoba, Nariño, co", at: here).parse() == .success(.name("Córdoba, Nariño", CountryCode("CO")!)))
        #expect(CityReference("tr/uskudar", at: here).parse() == .success(.id(City.ID(country: CountryCode("TR")!, slug: "uskudar"))))
    }

    @Test("unknown codes and malformed references are told apart")
    func failures() {
        #expect(CityReference("London, UK", at: here).parse() == .failure(.unknownCountry("UK")))
        #expect(CityReference("Houston", at: here).parse() == .failure(.malformed))
        #expect(CityReference(", TR", at: here).parse() == .failure(.malformed))
    }

    @Test("country codes are checked against the platform's region list")
    func codes() {
        #expect(CountryCode("tr")?.code == "TR")
        #expect(CountryCode("XX") == nil)
        #expect(CountryCode("TUR") == nil)
        #expect(CountryCode("DE")?.name(in: "tr") == "Almanya")
        #expect(CountryCode("TR")?.name(in: "en") == "Türkiye")
    }
}

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test("a diagnostic prints like a compiler message with its fix")
    func format() {
        let diagnostic = Diagnostic.error(
            "unknown-model", at: SourceLocation(file: "content/partnerships/houston-istanbul.md", line: 3, column: 8), "unknown model 'sister-cty'",
            fix: "use a model slug from content/models/ (did you mean 'sister-city'?)")
        #expect(
            diagnostic.description
                == "content/partnerships/houston-istanbul.md:3:8: error: unknown model 'sister-cty'\n    fix: use a model slug from content/models/ (did you mean 'sister-city'?)"
        )
    }

    @Test("suggestions find close words only")
    func suggestions() {
        #expect(Suggestion.closest(to: "sister-cty", in: ["sister-city", "municipal-cooperation"]) == "sister-city")
        #expect(Suggestion.closest(to: "estabished", in: ["established", "ended"]) == "established")
        #expect(Suggestion.closest(to: "zzzz", in: ["established", "ended"]) == nil)
    }

    @Test("diagnostics sort by file, line and column")
    func sorting() {
        let a = Diagnostic.error("x", at: SourceLocation(file: "a.md", line: 9, column: 1), "x", fix: "y")
        let b = Diagnostic.error("x", at: SourceLocation(file: "b.md", line: 1, column: 1), "x", fix: "y")
        let c = Diagnostic.warning("x", at: SourceLocation(file: "a.md", line: 2, column: 5), "x", fix: "y")
        #expect([b, a, c].sorted() == [c, a, b])
    }
}

@Suite("Slugs kept between calls")
struct SlugCacheTests {
    static let names = ["Москва", "東京", "Αθήνα", "Київ", "İstanbul", "Köln", "Şanlıurfa", "Ōta", "São Paulo", "القاهرة", "서울", "Zürich"]

    @Test("prepared, asked again and asked from many threads at once, a name's slug is the same")
    func sameSlug() async {
        let first = Self.names.map { Slug.make(from: $0) }
        Slug.prepare(Self.names)
        #expect(Self.names.map { Slug.make(from: $0) } == first)
        let together = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { Self.names.map { Slug.make(from: $0) } } }
            var all: [[String]] = []
            for await slugs in group { all.append(slugs) }
            return all
        }
        #expect(together.allSatisfy { $0 == first })
        #expect(first[0] == "moskva" && first[4] == "istanbul" && first[6] == "sanliurfa")
    }
}


extension SlugTests {
    @Test("a text is a valid slug exactly when making a slug of it gives it back")
    func validity() {
        // Every string of up to three characters from an alphabet with the edge cases, and some longer ones.
        let alphabet = ["a", "z", "0", "9", "-", "A", "_", " ", ".", "'", "’", "ş", "é", "/"]
        var texts = [""]
        for _ in 0..<3 { texts += texts.flatMap { text in alphabet.map { text + $0 } } }
        texts += ["houston-istanbul", "a--b", "-a", "a-", "istanbul-", "ab-cd-ef", "ab'cd", "x1-2y", "İstanbul", "tr/ankara"]
        for text in Set(texts) {
            #expect(Slug.isValid(text) == (!text.isEmpty && Slug.make(from: text) == text), "\(text)")
        }
    }
}

@Suite("Transliteration")
struct TransliterationTests {
    /// Names in many scripts, with marks, letters outside the BMP (where ICU's own strings and CoreFoundation's differ),
    /// scripts ICU cannot transliterate, and a text whose Latin form is several times as long.
    static let samples: [String] = [
        "Москва", "Київ", "Беларусь", "東京", "北京市", "서울특별시", "Αθήνα", "Θεσσαλονίκη", "תל אביב-יפו", "القاهرة", "تهران",
        "मुंबई", "কলকাতা", "ਅੰਮ੍ਰਿਤਸਰ", "சென்னை", "ಬೆಂಗಳೂರು", "กรุงเทพมหานคร", "ວຽງຈັນ", "ཐིམ་ཕུ", "ភ្នំពេញ", "ယangon ရန်ကုန်",
        "Тбилиси", "თბილისი", "Երևան", "አዲስ አበባ", "Ōsaka", "Hà Nội", "Kraków", "İstanbul", "𠀋𡈽 city", "Ελλάδα 🇬🇷", "",
        String(repeating: "中華人民共和國", count: 4),
    ]

    @Test("each transform gives what Foundation's applyingTransform gives")
    func matchesFoundation() {
        for name in Self.samples {
            #expect(Transliteration.toLatin.apply(to: name) == name.applyingTransform(.toLatin, reverse: false), "\(name)")
            let latin = name.applyingTransform(.toLatin, reverse: false) ?? name
            #expect(Transliteration.stripDiacritics.apply(to: latin) == latin.applyingTransform(.stripDiacritics, reverse: false), "\(latin)")
            #expect(Transliteration.stripDiacritics.apply(to: name) == name.applyingTransform(.stripDiacritics, reverse: false), "\(name)")
        }
    }

    @Test("transliterators are shared safely between threads")
    func concurrent() async {
        let expected = Self.samples.map { $0.applyingTransform(.toLatin, reverse: false) }
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<20).allSatisfy { _ in Self.samples.map { Transliteration.toLatin.apply(to: $0) } == expected } }
            }
            for await agreed in group { #expect(agreed) }
        }
    }
}
