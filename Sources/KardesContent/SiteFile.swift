import KardesModel

public enum SiteFile {
    static let keys = ["title", "description", "base_url", "languages", "owner", "markdown", "dormant_after_years", "portable", "legal_checklist"]

    /// Parses `content/site.yml`.
    /// - Throws: nothing; problems (malformed YAML, wrong types, an unknown language) come back as diagnostics.
    public static func parse(_ text: String, path: String) -> Parsed<SiteConfig> {
        var fm: FrontMatter
        do {
            fm = try FrontMatter(yaml: text, file: path, firstLine: 1)
        } catch {
            return Parsed(entry: nil, diagnostics: [error])
        }
        var config = SiteConfig(title: fm.text("title", required: true, example: "Kardeş Kentler Rehberi") ?? "")
        config.description = fm.text("description")
        if let base = fm.string("base_url") {
            if base.value.hasPrefix("https://") || base.value.hasPrefix("http://") {
                config.baseURL = base.value.hasSuffix("/") ? base.value : base.value + "/"
            } else {
                fm.error("bad-url",
                    "'base_url' must be an absolute http(s) URL, found '\(base.value)'", at: base.location,
                    fix: "write it as 'base_url: https://example.org/rehber/' or remove it")
            }
        }
        let languages = fm.strings("languages", example: "[tr, en]")
        if !languages.isEmpty {
            for language in languages where !(2...3).contains(language.value.count) || !language.value.allSatisfy({ $0.isASCII && $0.isLowercase }) {
                fm.error("bad-language",
                    "'\(language.value)' is not a language code", at: language.location,
                    fix: "use two-letter ISO 639-1 codes such as tr, en, de")
            }
            config.languages = languages.map(\.value)
        }
        config.owner = fm.cityReference("owner")
        if let options = fm.record("markdown", example: "{ unsafe_html: false, smart_punctuation: true }", { fm, mapping in
            fm.checkKeys(of: mapping, in: "markdown", known: ["unsafe_html", "smart_punctuation"])
            return (mapping["unsafe_html"]?.bool, mapping["smart_punctuation"]?.bool)
        }) {
            config.unsafeHTML = options.0 ?? false
            config.smartPunctuation = options.1 ?? true
        }
        config.dormantAfterYears = fm.int("dormant_after_years", example: "5") ?? 5
        config.portable = fm.bool("portable") ?? false
        config.legalChecklist = fm.bool("legal_checklist") ?? true
        let diagnostics = fm.finish(known: keys)
        return Parsed(entry: diagnostics.contains { $0.severity == .error } ? nil : config, diagnostics: diagnostics)
    }
}

/// The vocabulary of areas of cooperation.
public enum AreaVocabulary {
    /// The vocabulary kardes ships; a site's `content/areas.yml` adds to it or retitles entries.
    public static let defaults: [Area] = [
        ("culture", "Kültür", "Culture"), ("education", "Eğitim", "Education"), ("economy", "Ekonomi ve ticaret", "Economy and trade"),
        ("tourism", "Turizm", "Tourism"), ("environment", "Çevre", "Environment"), ("urban-planning", "Kentsel planlama", "Urban planning"),
        ("health", "Sağlık", "Health"), ("social-services", "Sosyal hizmetler", "Social services"), ("youth", "Gençlik", "Youth"),
        ("sport", "Spor", "Sport"), ("governance", "Yerel yönetişim", "Local governance"),
        ("disaster-management", "Afet yönetimi", "Disaster management"), ("transport", "Ulaşım", "Transport"),
        ("water", "Su ve atık su", "Water and sanitation"), ("energy", "Enerji", "Energy"), ("agriculture", "Tarım", "Agriculture"),
        ("science", "Bilim ve teknoloji", "Science and technology"), ("heritage", "Kültürel miras", "Cultural heritage"),
        ("gender-equality", "Kadın ve toplumsal cinsiyet eşitliği", "Gender equality"), ("migration", "Göç", "Migration"),
        ("trade", "Ticaret", "Trade"), ("economic-development", "Ekonomik kalkınma", "Economic development"),
        ("technology", "Teknoloji", "Technology"), ("waste-management", "Atık yönetimi", "Waste management"),
    ].map { Area(slug: $0.0, titles: ["tr": $0.1, "en": $0.2]) }

    /// Parses `content/areas.yml`: `slug: { tr: …, en: … }` per area.
    public static func parse(_ text: String, path: String) -> Parsed<[Area]> {
        var fm: FrontMatter
        do {
            fm = try FrontMatter(yaml: text, file: path, firstLine: 1)
        } catch {
            return Parsed(entry: nil, diagnostics: [error])
        }
        var areas: [Area] = []
        for pair in fm.pairs {
            guard Slug.isValid(pair.key) else {
                fm.error("bad-area-slug",
                    "'\(pair.key)' is not a valid area slug", at: fm.location(of: pair.keyNode),
                    fix: "use lower-case ASCII letters, digits and '-', such as '\(Slug.make(from: pair.key))'")
                continue
            }
            guard case .mapping(let mapping) = pair.value else {
                fm.wrongType(pair.key, pair.value, expected: "a mapping of language to title", example: "{ tr: Kültür, en: Culture }")
                continue
            }
            var titles: [String: String] = [:]
            for (key, value) in mapping { if let language = key.string, let title = value.string { titles[language] = title } }
            areas.append(Area(slug: pair.key, titles: titles))
        }
        let diagnostics = fm.log.diagnostics
        return Parsed(entry: diagnostics.contains { $0.severity == .error } ? nil : areas, diagnostics: diagnostics)
    }

    /// The defaults with a site's entries merged in (a site's titles win), sorted by slug.
    public static func merged(_ site: [Area]) -> [Area] {
        var bySlug = Dictionary(uniqueKeysWithValues: defaults.map { ($0.slug, $0) })
        for area in site {
            let titles = (bySlug[area.slug]?.titles ?? [:]).merging(area.titles) { $1 }
            bySlug[area.slug] = Area(slug: area.slug, titles: titles)
        }
        return bySlug.values.sorted { $0.slug < $1.slug }
    }
}

/// An interface text file of a theme: `templates/strings/<language>.yml`, one `key: text` per line.
public enum StringsFile {
    public static func parse(_ text: String, path: String) -> Parsed<[String: String]> {
        var fm: FrontMatter
        do {
            fm = try FrontMatter(yaml: text, file: path, firstLine: 1)
        } catch {
            return Parsed(entry: nil, diagnostics: [error])
        }
        var table: [String: String] = [:]
        for pair in fm.pairs {
            guard case .scalar(let scalar) = pair.value else {
                fm.wrongType(pair.key, pair.value, expected: "text", example: "Kentler")
                continue
            }
            table[pair.key] = scalar.string
        }
        let diagnostics = fm.log.diagnostics
        return Parsed(entry: diagnostics.isEmpty ? table : nil, diagnostics: diagnostics)
    }
}
