import Foundation
import KardesContent
import KardesModel

/// Writes new entries and new sites: what `kardes new` and `kardes init` do. Never overwrites a file.
public struct Scaffold: Sendable {
    /// The site folder (holding `content/`).
    public let root: URL

    public init(root: URL) { self.root = root }

    /// A problem that stops a scaffold before anything is written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let problem: String
        public let fix: String
        public var description: String { "error: \(problem)\n    fix: \(fix)" }
    }

    // MARK: - Partnerships

    /// What `kardes new partnership` needs.
    public struct PartnershipRequest: Sendable {
        public var cities: [String]
        public var model: String
        public var established: String?
        public var status: String?
        public init(cities: [String], model: String, established: String? = nil, status: String? = nil) {
            self.cities = cities
            self.model = model
            self.established = established
            self.status = status
        }
    }

    /// Writes `content/partnerships/<slug>.md`, where the slug joins the cities' slugs in the given order.
    ///
    /// - Returns: the path written, relative to the site root.
    /// - Throws: `Failure` with the same words as a build for a bad city reference, an unknown country or model,
    ///   an invalid date or status; and when a partnership file of that name exists anywhere below partnerships/.
    public func newPartnership(_ request: PartnershipRequest) throws(Failure) -> String {
        try requireSite()
        let arguments = SourceLocation(file: "command line")
        guard request.cities.count >= 2 else {
            throw Failure(problem: "a partnership needs two or more cities, found \(request.cities.count)", fix: "name every city: kardes new partnership \"İstanbul, TR\" \"Houston, US\" --model sister-city")
        }
        var slugs: [String] = []
        for text in request.cities {
            let reference = CityReference(text, at: arguments)
            if let problem = reference.diagnostic() { throw Failure(problem: problem.problem, fix: problem.fix) }
            switch reference.parse() {
            case .success(.name(let name, _)): slugs.append(Slug.make(from: name))
            case .success(.id(let id)):
                guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content/cities/\(id).md").path) else {
                    throw Failure(
                        problem: "no city '\(id)': content/cities/\(id).md does not exist",
                        fix: "refer to the city by name, as \"Name, \(id.country)\", or create it first with kardes new city")
                }
                slugs.append(id.slug)
            case .failure: break
            }
        }
        let models = modelSlugs()
        guard models.contains(request.model) else {
            let problem = CooperationModel.unknown(request.model, at: arguments, known: models)
            throw Failure(problem: problem.problem, fix: problem.fix)
        }
        if let established = request.established, PartialDate(parsing: established) == nil {
            throw Failure(problem: "invalid date '\(established)' for --established", fix: "write the date as YYYY, YYYY-MM or YYYY-MM-DD, such as 2002-10-11")
        }
        if let status = request.status, Partnership.Status(rawValue: status) == nil {
            let options = Partnership.Status.allCases.map(\.rawValue)
            throw Failure(problem: "'\(status)' is not a valid status\(Suggestion.didYouMean(status, in: options))", fix: "use one of: \(options.joined(separator: ", "))")
        }
        let slug = slugs.joined(separator: "-")
        if let existing = existingFile(named: "\(slug).md", below: "content/partnerships") {
            throw Failure(problem: "\(existing) already exists", fix: "edit that file, or give the new one another name by hand; kardes never overwrites a file")
        }
        let path = "content/partnerships/\(slug).md"
        try write(Self.partnershipText(request), to: path)
        return path
    }

    /// The text of a new partnership: the given values and every other field, commented out, to fill in.
    public static func partnershipText(_ request: PartnershipRequest) -> String {
        let cities = request.cities.map { "\"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ", ")
        return """
            ---
            cities: [\(cities)]
            model: \(request.model)
            \(request.established.map { "established: \($0)" } ?? "# established: 2002-10-11        # YYYY, YYYY-MM or YYYY-MM-DD; leave out when unknown")
            \(request.status.map { "status: \($0)" } ?? "# status: active                  # active | dormant | ended | proposed")
            # ended: 2019                      # the year it ended; implies status ended
            # title: "…"                       # default: the city names joined by –
            # areas: [culture, economy, education]
            # purpose: "…"                     # purpose and expected benefits
            # council_decision: { date: 2001-05-10, number: "2001/123" }
            # ministry_approval: { date: 2002-01-15, number: "…" }
            # protocol: https://…/protocol.pdf
            # agreement: twinning              # twinning | friendship | cooperation | memorandum | other
            # association: "…"
            # contacts: [{ name: "Dış İlişkiler Müdürlüğü", email: "…", city: "…" }]
            # activities:                      # newest last; kind: visit, project, exchange, trade-mission, culture, aid, other
            #   - { date: 2005-06, kind: visit, title: "…" }
            # links: [https://…]
            # sources: [{ title: "…" }, { url: https://…, retrieved: 2026-11-20 }]
            # draft: true                      # built only with --drafts
            ---

            What the partnership does, in Markdown. Link other entries by their kind and slug, such as
            `[İstanbul](city:tr/istanbul)` or `[the model](model:\(request.model))`.

            """
    }

    // MARK: - Cities

    /// Writes `content/cities/<cc>/<slug>.md` for a reference `"Name, CC"`.
    /// - Throws: `Failure` for a bad reference or country, or when the file exists.
    public func newCity(_ text: String) throws(Failure) -> String {
        try requireSite()
        let reference = CityReference(text, at: SourceLocation(file: "command line"))
        if let problem = reference.diagnostic() { throw Failure(problem: problem.problem, fix: problem.fix) }
        guard case .success(.name(let name, let country)) = reference.parse() else {
            throw Failure(problem: "'\(text)' does not name the city", fix: "write it as \"Name, CC\", such as \"Üsküdar, TR\"")
        }
        let slug = Slug.make(from: name)
        guard !slug.isEmpty else { throw Failure(problem: "the city name '\(name)' has no letters or digits", fix: "write the city's name") }
        let path = "content/cities/\(country.pathComponent)/\(slug).md"
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            throw Failure(problem: "\(path) already exists", fix: "edit that file; kardes never overwrites a file")
        }
        try write(Self.cityText(name: name, country: country), to: path)
        return path
    }

    public static func cityText(name: String, country: CountryCode) -> String {
        """
        ---
        name: "\(name.replacingOccurrences(of: "\"", with: "\\\""))"
        # names: { en: "…", tr: "…" }      # the city's name in other languages
        # aliases: ["…"]                   # other names that mean this city (historic, local)
        \(country.code == "TR" ? "# region: \"…\"                     # the province (il)" : "# region: \"…\"                     # the region or province")
        # kind: town                       # metropolitan | district | provincial-centre | town | other
        # population: 0
        # coordinates: [41.01, 28.97]      # latitude, longitude
        # website: https://…
        # wikidata: Q…
        ---

        """
    }

    // MARK: - Sites

    /// What `kardes init` needs.
    public struct SiteRequest: Sendable {
        /// The publishing municipality, as a city reference (`"Üsküdar, TR"`).
        public var owner: String
        public var title: String?
        /// Copy the default theme into `templates/` to customise it.
        public var withTheme: Bool
        public init(owner: String, title: String? = nil, withTheme: Bool = false) {
            self.owner = owner
            self.title = title
            self.withTheme = withTheme
        }
    }

    /// Creates a new site in `root`, which must be empty or not exist.
    /// - Parameter theme: the default theme's files, copied with `withTheme`.
    /// - Returns: the paths written.
    /// - Throws: `Failure` when the folder holds anything, or the owner is not a city reference.
    public func initSite(_ request: SiteRequest, theme: [String: String]) throws(Failure) -> [String] {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: root.path), !entries.isEmpty {
            throw Failure(problem: "\(root.path) is not empty", fix: "choose a new or empty folder: kardes init my-site")
        }
        let owner = CityReference(request.owner, at: SourceLocation(file: "command line"))
        if let problem = owner.diagnostic() { throw Failure(problem: problem.problem, fix: problem.fix) }
        guard case .success(.name(let ownerName, _)) = owner.parse() else {
            throw Failure(problem: "'\(request.owner)' does not name the municipality", fix: "write it as \"Name, CC\", such as \"Üsküdar, TR\"")
        }
        let title = request.title ?? "\(ownerName) Kardeş Kentleri"
        var files: [(String, String)] = [
            ("content/site.yml", Self.siteText(title: title, owner: request.owner, ownerName: ownerName)),
            ("content/index.md", "---\ntitle: \(Self.yamlQuoted(title))\n---\n\n\(ownerName) belediyesinin kardeş kentleri ve uluslararası iş birlikleri.\nBu metni `content/index.md` dosyasında değiştirebilirsiniz.\n"),
            ("content/partnerships/ornek-ortaklik.md", Self.exampleText(owner: request.owner)),
            (".gitignore", "public/\n"),
        ]
        files += Self.models
        if request.withTheme {
            files += theme.sorted { $0.key < $1.key }.map { ("templates/\($0.key)", $0.value) }
        }
        do {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        } catch {
            throw Failure(problem: "cannot create \(root.path): \(error.localizedDescription)", fix: "check the path and its permissions")
        }
        for (path, text) in files { try write(text, to: path) }
        return files.map(\.0).sorted()
    }

    static func yamlQuoted(_ text: String) -> String { "\"\(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" }

    static func siteText(title: String, owner: String, ownerName: String) -> String {
        """
        title: \(yamlQuoted(title))
        description: \(yamlQuoted("\(ownerName) belediyesinin kardeş kent ilişkileri ve uluslararası iş birlikleri"))
        # base_url: https://example.org/kardes-kentler/   # needed for the feed and sitemap
        languages: [tr]                   # the first at the site root; add en for an English version under /en/
        owner: \(yamlQuoted(owner))
        markdown: { unsafe_html: false, smart_punctuation: true }
        # dormant_after_years: 5          # flag partnerships without recorded activity for longer
        # legal_checklist: true           # check the paperwork of Law 5393 art. 18 and 74 on sister-city relations

        """
    }

    static func exampleText(owner: String) -> String {
        """
        ---
        # An example to copy: replace the second city and the fields, or delete this file.
        cities: [\(yamlQuoted(owner)), "Örnekkent, DE"]
        model: sister-city
        status: proposed
        title: Örnek ortaklık
        # established: 2024-05-01
        # areas: [culture, education]
        # purpose: "…"
        # council_decision: { date: 2024-03-10, number: "…" }
        # ministry_approval: { date: 2024-04-20, number: "…" }
        # protocol: https://…/protocol.pdf
        ---

        Bu bir örnek kayıttır. Gerçek bir ortaklığı `kardes new partnership "\(owner)" "Kent, CC" --model sister-city`
        komutuyla ekleyin, sonra bu dosyayı silin.

        """
    }

    static let models: [(String, String)] = [
        (
            "content/models/sister-city.md",
            "---\ntitle: Kardeş kent ilişkisi\norder: 1\nsummary: Uzak kentler arasında kültürel ve ticari alışverişe dayanan dostluk ilişkisi.\n---\n\nKardeş kent ilişkileri, birbirinden uzak iki kentin halkını kültür, eğitim ve ticaret yoluyla yakınlaştırır.\n"
        ),
        (
            "content/models/municipal-cooperation.md",
            "---\ntitle: Belediyeler arası uluslararası iş birliği\norder: 2\nsummary: İki ya da daha fazla belediyenin teknik bilgi ve deneyim paylaşımı.\n---\n\nBelediyeler bu modelde hizmet üretimindeki bilgi birikimlerini paylaşır ve ortak projeler yürütür.\n"
        ),
        (
            "content/models/decentralised-cooperation.md",
            "---\ntitle: Ademi merkezi iş birliği\norder: 3\nsummary: Yerel yönetimler arasında kalkınma ve insani yardım alanındaki iş birliği.\n---\n\nYerel yönetimler kalkınma ve insani yardım projelerini, çoğu zaman resmî kalkınma yardımıyla desteklenerek birlikte yürütür.\n"
        ),
    ]

    // MARK: - Files

    /// Fails unless `root` holds a `content/` folder, so nothing is written into a folder that is not a site.
    func requireSite() throws(Failure) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(
                problem: "no content folder in \(root.path)",
                fix: "run kardes in a site folder (one holding content/), pass --source DIR, or start a site with 'kardes init'")
        }
    }

    /// The slugs of `content/models/*.md`, in the models' `order` as a build lists them.
    func modelSlugs() -> [String] {
        let folder = root.appendingPathComponent("content/models")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        let models = names.map { name -> (Int, String) in
            let path = "content/models/\(name)"
            let text = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).flatMap { String(data: $0, encoding: .utf8) } ?? ""
            return (ModelFile.parse(text, path: path).entry?.order ?? 0, String(name.dropLast(3)))
        }
        return models.sorted { $0 < $1 }.map(\.1)
    }

    /// A file with this name anywhere below `folder`, relative to the site root.
    func existingFile(named name: String, below folder: String) -> String? {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return nil }
        for case let path as String in enumerator where (path as NSString).lastPathComponent == name {
            return "\(folder)/\(path)"
        }
        return nil
    }

    /// Writes a new file; refuses one that exists.
    func write(_ text: String, to path: String) throws(Failure) {
        let url = root.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw Failure(problem: "\(path) already exists", fix: "kardes never overwrites a file; move it away first if you want a new one")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw Failure(problem: "cannot write \(path): \(error.localizedDescription)", fix: "check the folder's permissions")
        }
    }
}
