import KardesModel

/// One finished output file, with the sources that fed it so a rebuild can tell which pages a change touches.
public struct RenderedFile: Sendable, Hashable {
    /// The path below the output folder (`cities/tr/istanbul/index.html`).
    public let path: String
    public let contents: [UInt8]
    /// Content files (relative to the site root) and theme files (`templates/…`) the page was made from.
    public let sources: Set<String>
    /// What kind of page it is (`city`, `partnership`, `asset`), for the build summary.
    public let kind: String
    /// Why the file could not be made (a partnership's file changed during the build, see `BodyReader`); writing it
    /// fails with this problem.
    public let problem: Diagnostic?

    public init(path: String, contents: [UInt8], sources: Set<String>, kind: String, problem: Diagnostic? = nil) {
        self.path = path
        self.contents = contents
        self.sources = sources
        self.kind = kind
        self.problem = problem
    }
}

/// Every file of a build, rendered in memory, sorted by path.
public struct RenderedSite: Sendable {
    public let files: [RenderedFile]

    public init(files: [RenderedFile]) { self.files = files.sorted { $0.path < $1.path } }

    /// How many files of each kind.
    public var countsByKind: [String: Int] { files.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 } }
}
