import ArgumentParser
import Foundation
import KardesBuild
import KardesModel

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site as a build would, and more; write nothing.",
        discussion: """
            Reports every problem in one run: the errors and warnings of a build, plus likely duplicate cities,
            swapped coordinates, dates in the future, links that are not absolute URLs, and the paperwork Turkish law asks
            of sister-city relations (switch that off with 'legal_checklist: false' in site.yml).
            Exit code 0 when clean, 1 when there are errors (or warnings, with --strict).

            Examples:
              kardes check
              kardes check --strict --format json | jq '.[] | select(.severity == "error")'
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "The site folder, holding content/.")
    var source: String = "."

    @Flag(name: .long, help: "Check entries marked 'draft: true' too.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "Output format: text (like a compiler) or json (for editors and CI).")
    var format: Format = .text

    func run() async throws {
        let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        let today = PartialDate(year: now.year!, month: now.month!, day: now.day!)!
        let request = BuildRequest(source: URL(fileURLWithPath: source), includeDrafts: drafts, referenceYear: today.year)
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try await check(request, today: today)
        } catch {
            if format == .json, case .environment(let problem, let fix) = error {
                // Editors and CI read JSON even when the site cannot be read at all.
                print(Self.json([.error("environment", at: SourceLocation(file: source), problem, fix: fix)]))
            } else {
                report(error)
            }
            throw ExitCode(1)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        switch format {
        case .json:
            print(Self.json(diagnostics))
        case .text:
            printDiagnostics(diagnostics, quiet: false)
            let summary = "kardes check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }

    /// One JSON object per problem: file, line, column, severity, code, message, hint (documented in docs/errors.md).
    static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            let file: String, line: Int, column: Int, severity: String, code: String, message: String, hint: String
        }
        let entries = diagnostics.map {
            Entry(
                file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, code: $0.code,
                message: $0.problem, hint: $0.fix)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(entries), as: UTF8.self)) ?? "[]"
    }
}
