import Foundation
import KardesScaffold
import Testing

@Suite("new, init and import on the command line", .enabled(if: CLI.isBuilt, "the kardes executable is not built; run 'swift build' first"))
struct CommandLineTests {
    @Test("kardes init DIR creates a site that kardes build builds at once")
    func initThenBuild() throws {
        let parent = try temporaryFolder()
        defer { remove(parent) }
        let site = parent.appendingPathComponent("uskudar").path
        let created = try CLI.run(["init", site, "--owner", "Üsküdar, TR"])
        #expect(created.status == 0)
        #expect(created.stdout == "created 7 files in \(site); build the site with: kardes build --source \(site)\n")
        let built = try CLI.run(["build", "--source", site, "--quiet"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: site + "/public/index.html"))
    }

    @Test("kardes init refuses a folder that is not empty: exit 1, naming it, and the folder is unchanged")
    func initNonEmpty() throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        try write("keep\n", to: "notes.txt", in: folder)
        let result = try CLI.run(["init", folder.path, "--owner", "Üsküdar, TR"])
        #expect(result.status == 1)
        #expect(result.stderr == "kardes: error: \(folder.path) is not empty\n    fix: choose a new or empty folder: kardes init my-site\n")
        #expect(try files(below: folder).keys.sorted() == ["notes.txt"])
    }

    @Test("kardes init without --owner and not on a terminal is a usage error (exit 2) that shows the option")
    func initWithoutOwner() throws {
        let parent = try temporaryFolder()
        defer { remove(parent) }
        let result = try CLI.run(["init", parent.appendingPathComponent("x").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--owner \"Üsküdar, TR\""))
    }

    @Test("kardes new without arguments and not on a terminal is a usage error (exit 2) that shows both forms")
    func newWithoutArguments() throws {
        let result = try CLI.run(["new"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("kardes new partnership") && result.stderr.contains("kardes new city"))
    }

    @Test("kardes new partnership over an existing file: exit 1, naming the file, which keeps its bytes")
    func newPartnershipExisting() throws {
        let site = try newSite()
        defer { remove(site.deletingLastPathComponent()) }
        let first = try CLI.run(["new", "partnership", "İstanbul, TR", "Houston, US", "--model", "sister-city", "--source", site.path])
        #expect(first.status == 0)
        #expect(first.stdout == "wrote content/partnerships/istanbul-houston.md\n")
        let before = try files(below: site)
        let second = try CLI.run(["new", "partnership", "İstanbul, TR", "Houston, US", "--model", "sister-city", "--established", "2002", "--source", site.path])
        #expect(second.status == 1)
        #expect(second.stderr.hasPrefix("kardes: error: content/partnerships/istanbul-houston.md already exists\n    fix: "))
        #expect(try files(below: site) == before)
    }

    @Test("kardes new in a folder that holds no site says so, and writes nothing", arguments: [
        ["new", "city", "Üsküdar, TR"], ["new", "partnership", "İstanbul, TR", "Houston, US", "--model", "sister-city"],
    ])
    func newOutsideSite(arguments: [String]) throws {
        let folder = try temporaryFolder()
        defer { remove(folder) }
        let result = try CLI.run(arguments + ["--source", folder.path])
        let left = try files(below: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no content folder"))
        #expect(left.isEmpty)
    }

    @Test("kardes import of a table with a bad row: each problem as FILE:row:column: error, a summary, exit 1, nothing written")
    func importBadRow() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        var sheet = Spreadsheet(count: 30)
        sheet.rows[10]["model"] = "sister-cty"
        let csv = site.deletingLastPathComponent().appendingPathComponent("tablo.csv")
        try sheet.data().write(to: csv)
        let before = try files(below: site)
        let result = try CLI.run(["import", csv.path, "--source", site.path])
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                \(csv.path):12:6: error: unknown model 'sister-cty' (did you mean 'sister-city'?)
                    fix: use a model slug from content/models/: sister-city, municipal-cooperation, decentralised-cooperation
                kardes import: 1 error; nothing was imported

                """)
        #expect(result.stdout.isEmpty)
        #expect(try files(below: site) == before)
    }

    @Test("kardes import, --dry-run and a second import: what is written, what would be, and notes for existing rows")
    func importTwice() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        let csv = site.deletingLastPathComponent().appendingPathComponent("tablo.csv")
        try Spreadsheet(count: 3).data().write(to: csv)

        let dry = try CLI.run(["import", csv.path, "--source", site.path, "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.hasSuffix("kardes import: would write 5 files, 0 existing left alone\n"))
        #expect(!exists("content/partnerships/kardes-0.md", in: site))

        let first = try CLI.run(["import", csv.path, "--source", site.path])
        #expect(first.status == 0)
        #expect(first.stdout.contains("wrote content/partnerships/kardes-0.md\n"))
        #expect(first.stdout.hasSuffix("kardes import: wrote 5 files, 0 existing left alone\n"))

        let second = try CLI.run(["import", csv.path, "--source", site.path])
        #expect(second.status == 0)
        #expect(second.stdout == "kardes import: wrote 0 files, 3 existing left alone\n")
        #expect(second.stderr.contains("\(csv.path):2:1: note: the partnership exists as content/partnerships/kardes-0.md; left as it is\n"))
    }

    @Test("kardes import --skip-bad-rows writes the good rows and counts the bad rows it skipped")
    func importSkipBadRows() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        var sheet = Spreadsheet(count: 10)
        sheet.rows[2]["model"] = "sister-cty"
        sheet.rows[2]["established"] = "dün"
        sheet.rows[5]["status"] = "actve"
        let csv = site.deletingLastPathComponent().appendingPathComponent("tablo.csv")
        try sheet.data().write(to: csv)
        let result = try CLI.run(["import", csv.path, "--source", site.path, "--skip-bad-rows"])
        #expect(result.status == 1)
        #expect(exists("content/partnerships/kardes-0.md", in: site))
        #expect(!exists("content/partnerships/kardes-2.md", in: site))
        #expect(result.stdout.hasSuffix(", 2 bad rows skipped\n"))
    }

    @Test("when a file cannot be written during an import, the summary does not claim that nothing was imported")
    func importWriteFailure() throws {
        let site = try emptySite()
        defer { remove(site.deletingLastPathComponent()) }
        // content/cities/tr is a file, so the city file of Çankaya cannot be written; the partnership file can.
        try write("not a folder\n", to: "content/cities/tr", in: site)
        let csv = site.deletingLastPathComponent().appendingPathComponent("tablo.csv")
        try Data("cities;coordinates;model\r\nÇankaya, TR | Köln, DE;39.92,32.85 | -;sister-city\r\n".utf8).write(to: csv)
        let result = try CLI.run(["import", csv.path, "--source", site.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: cannot write content/cities/tr/cankaya.md"))
        let written = exists("content/partnerships/cankaya-koln.md", in: site)
        #expect(!(written && result.stderr.contains("nothing was imported")))
    }
}
