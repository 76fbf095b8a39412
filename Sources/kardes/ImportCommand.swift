import ArgumentParser
import Foundation
import KardesModel
import KardesScaffold

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create partnership entries from a CSV table; overwrite nothing.",
        discussion: """
            Reads the columns of the data/partnerships.csv export (docs/data.md), UTF-8 with or without a byte order
            mark, separated by commas or semicolons. Every bad row is reported as FILE:row:column; when any row is bad
            nothing is imported, unless --skip-bad-rows. A row whose partnership exists is reported and left alone.
            City files are written for cities that have coordinates and no file yet.

            Examples:
              kardes import kardes-kentler.csv --dry-run
              kardes import kardes-kentler.csv --skip-bad-rows
            """)

    @Argument(help: "The CSV file.")
    var file: String

    @Option(name: .long, help: "The site folder, holding content/.")
    var source: String = "."

    @Flag(name: .long, help: "Check and report, write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Import the good rows even when some are bad.")
    var skipBadRows = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("kardes: error: cannot read \(file)\n    fix: check the file's path\n".utf8))
            throw ExitCode(1)
        }
        let report = Importer(root: URL(fileURLWithPath: source)).run(data, file: file, dryRun: dryRun, skipBadRows: skipBadRows)
        printDiagnostics(report.diagnostics.sorted(), quiet: false)
        for (row, existing) in report.existing {
            FileHandle.standardError.write(Data("\(file):\(row):1: note: the partnership exists as \(existing); left as it is\n".utf8))
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 && !skipBadRows {
            let what = report.written.isEmpty ? "nothing was imported" : "only these were written before the error: \(report.written.joined(separator: ", "))"
            FileHandle.standardError.write(Data("kardes import: \(errors) error\(errors == 1 ? "" : "s"); \(what)\n".utf8))
            throw ExitCode(1)
        }
        let verb = dryRun ? "would write" : "wrote"
        for path in report.written { print("\(verb) \(path)") }
        print(
            "kardes import: \(verb) \(report.written.count) file\(report.written.count == 1 ? "" : "s"), \(report.existing.count) existing left alone"
                + (report.badRows > 0 ? ", \(report.badRows) bad row\(report.badRows == 1 ? "" : "s") skipped" : ""))
        if errors > 0 { throw ExitCode(1) }
    }
}
