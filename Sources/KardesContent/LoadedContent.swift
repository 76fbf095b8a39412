import KardesModel

/// Everything read from `content/`, each entry checked on its own but not yet linked to the others.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var models: [CooperationModel]
    public var partnerships: [Partnership]
    public var cities: [City]
    public var networks: [Network]
    public var pages: [Page]
    /// `content/index.md`, shown on the home page.
    public var home: Page?
    public var countryNotes: [CountryNote]
    public var areas: [Area]
    /// Problems found while loading: warnings, and (from `loadCollecting`) errors that linking reports with its own.
    public var diagnostics: [Diagnostic]
    /// Renders bodies that were loaded as ``RichText/Deferred`` (partnerships read by ``ContentLoader``).
    public var bodies: BodyReader?

    public init(
        config: SiteConfig, models: [CooperationModel] = [], partnerships: [Partnership] = [], cities: [City] = [], networks: [Network] = [],
        pages: [Page] = [], home: Page? = nil, countryNotes: [CountryNote] = [], areas: [Area] = AreaVocabulary.defaults,
        diagnostics: [Diagnostic] = []
    ) {
        self.config = config
        self.models = models
        self.partnerships = partnerships
        self.cities = cities
        self.networks = networks
        self.pages = pages
        self.home = home
        self.countryNotes = countryNotes
        self.areas = areas
        self.diagnostics = diagnostics
    }
}
