import ArgumentParser
import Foundation
import KardesBuild
import KardesModel

@main
struct Kardes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kardes",
        abstract: "Build a static directory of city partnerships: sister cities, municipal and decentralised cooperation.",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, InitCommand.self, ImportCommand.self],
        defaultSubcommand: nil)

    /// Runs the command line; usage errors exit 2, content errors 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure || (error as? CommandError) != nil || code.rawValue == 64 {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

typealias CommandError = ValidationError

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Reads content/ (and templates/, when the site customises the theme) and writes a complete static site.
            Nothing is written when the content has errors; all of them are reported together.

            Example:
              kardes build --source my-site --output my-site/public
            """)

    @Option(name: .long, help: "The site folder, holding content/.")
    var source: String = "."

    @Option(name: .long, help: "The output folder (default: <source>/public).")
    var output: String?

    @Flag(name: .long, help: "Include entries marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Make every link name its index.html, so the site works opened from disk.")
    var portable = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Render every page even when nothing changed since the last build.")
    var force = false

    func run() async throws {
        let sourceURL = URL(fileURLWithPath: source)
        var request = BuildRequest(
            source: sourceURL, output: output.map { URL(fileURLWithPath: $0) }, includeDrafts: drafts, portable: portable ? true : nil,
            referenceYear: Calendar(identifier: .gregorian).component(.year, from: Date()), cacheFolder: defaultCacheFolder())
        request.skipsWhenUnchanged = !force
        // The process ends with the build, and the system takes its memory back faster than freeing it would.
        request.freesLinkedSites = false
        let started = Date()
        let terminal = isatty(STDERR_FILENO) == 1 && !quiet
        // KARDES_TIMING=1 prints when each stage starts, for profiling.
        let timing = ProcessInfo.processInfo.environment["KARDES_TIMING"] == "1"
        if timing { FileHandle.standardError.write(Data("allocator: \(Allocator.name)\n".utf8)) }
        do {
            let report = try await build(request) { progress in
                if timing {
                    if progress.done == 0 {
                        FileHandle.standardError.write(
                            Data(String(format: "%8.3f s  %@\n", Date().timeIntervalSince(started), progress.stage.rawValue).utf8))
                    }
                } else if terminal {
                    FileHandle.standardError.write(Data(("\r\u{1B}[K" + progressLine(progress)).utf8))
                }
            }
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            printDiagnostics(report.warnings, quiet: quiet)
            if !quiet && report.upToDate {
                let seconds = Date().timeIntervalSince(started)
                print("kardes: \(report.files) files up to date, nothing changed since the last build (\(String(format: "%.2f", seconds)) s) → \(request.output.path)")
            } else if !quiet {
                let seconds = Date().timeIntervalSince(started)
                let kinds = report.pagesByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                print(
                    "kardes: \(report.files) files (\(kinds)); \(report.write.written) written, \(report.write.unchanged) unchanged, "
                        + "\(report.write.removed) removed in \(String(format: "%.2f", seconds)) s → \(request.output.path)")
            }
        } catch {
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            report(error)
            throw ExitCode(1)
        }
    }
}

/// `rendering [##########··········] 4500/9000`, or the stage's name while its size is unknown.
func progressLine(_ progress: BuildProgress) -> String {
    guard progress.total > 0 else { return "\(progress.stage.rawValue)…" }
    let width = 30
    let filled = progress.done * width / progress.total
    return "\(progress.stage.rawValue) [\(String(repeating: "#", count: filled))\(String(repeating: "·", count: width - filled))] \(progress.done)/\(progress.total)"
}

func printDiagnostics(_ diagnostics: [Diagnostic], quiet: Bool) {
    for diagnostic in diagnostics where !(quiet && diagnostic.severity == .warning) {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

func report(_ failure: BuildFailure) {
    switch failure {
    case .content(let diagnostics):
        printDiagnostics(diagnostics, quiet: false)
        let errors = diagnostics.filter { $0.severity == .error }.count
        // Content errors are found before anything is written, except a file that changed while pages were written.
        let outcome = diagnostics.contains { $0.code == "changed-during-build" }
            ? "the build stopped while writing; the output folder is incomplete until the next build" : "nothing was written"
        FileHandle.standardError.write(Data("kardes: \(errors) error\(errors == 1 ? "" : "s"); \(outcome)\n".utf8))
    case .environment:
        FileHandle.standardError.write(Data((failure.description + "\n").utf8))
    }
}
