/// A place in a source file: the file relative to the site root, and a 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The file, relative to the site root (`content/partnerships/houston-istanbul.md`).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: Self, b: Self) -> Bool { (a.file, a.line, a.column) < (b.file, b.line, b.column) }
}

/// One problem found in the content, with where it is, what is wrong and what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// How bad a problem is: errors fail the build, warnings do not.
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    /// A stable name for the kind of problem (`unknown-model`), for editors and the catalogue in docs/errors.md.
    public var code: String
    public var location: SourceLocation
    /// What is wrong, in one sentence without a full stop.
    public var problem: String
    /// What to do about it.
    public var fix: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ problem: String, fix: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.problem = problem
        self.fix = fix
    }

    /// An error of kind `code` at `location`.
    public static func error(_ code: String, at location: SourceLocation, _ problem: String, fix: String) -> Diagnostic {
        Diagnostic(.error, code, at: location, problem, fix: fix)
    }

    /// A warning of kind `code` at `location`.
    public static func warning(_ code: String, at location: SourceLocation, _ problem: String, fix: String) -> Diagnostic {
        Diagnostic(.warning, code, at: location, problem, fix: fix)
    }

    public var description: String { "\(location): \(severity.rawValue): \(problem)\n    fix: \(fix)" }

    /// Sorted by location, then errors before warnings, then by text, so reports are stable.
    public static func < (a: Self, b: Self) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity == .error }
        return a.problem < b.problem
    }
}

/// Why a build stopped. Stages throw only this.
public enum BuildFailure: Error, Sendable, CustomStringConvertible {
    /// Problems in the content; every one of the build, sorted by location.
    case content([Diagnostic])
    /// A problem outside the content: a folder that cannot be written, a port in use.
    case environment(problem: String, fix: String)

    public var description: String {
        switch self {
        case .content(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
        case .environment(let problem, let fix): "error: \(problem)\n    fix: \(fix)"
        }
    }
}

/// Collects diagnostics while a stage works, then fails once with all of them.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning }.sorted() }

    /// Throws `BuildFailure.content` with every diagnostic (sorted) when any is an error.
    public func throwIfErrors() throws(BuildFailure) {
        if hasErrors { throw .content(diagnostics.sorted()) }
    }
}
