import KardesContent
import KardesModel
import Testing

/// The path every test entry pretends to come from.
let partnershipPath = "content/partnerships/houston-istanbul.md"

/// `lines` joined into a file with a trailing newline, so tests can count lines by eye.
func file(_ lines: String...) -> String { file(lines) }

/// `lines` joined into a file with a trailing newline.
func file(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

/// A compact form of a diagnostic for `#expect`: "line:column severity: problem".
func summary(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.location.line):\(diagnostic.location.column) \(diagnostic.severity.rawValue): \(diagnostic.problem)"
}

extension Parsed {
    /// The errors only.
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings only.
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Parses a partnership file at `partnershipPath`.
func partnership(_ text: String) -> Parsed<Partnership> { PartnershipFile.parse(text, path: partnershipPath) }
