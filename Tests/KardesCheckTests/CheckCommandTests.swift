import Foundation
import Testing

/// A partnership with a relative link (an error of `kardes check`) and a Turkish sister-city relation without
/// paperwork (five warnings).
let withErrorAndWarnings: [String: String] = [
    "content/partnerships/uskudar-houston.md": entry("cities: [\"Üsküdar, TR\", \"Houston, US\"]", "model: sister-city"),
    "content/partnerships/keighley-poix-du-nord.md": entry(
        "cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city", "links: [www.keighley.gov.uk]"),
]

/// Only the five paperwork warnings.
let withWarnings: [String: String] = [
    "content/partnerships/uskudar-houston.md": entry("cities: [\"Üsküdar, TR\", \"Houston, US\"]", "model: sister-city")
]

/// Nothing to report.
let clean: [String: String] = [
    "content/partnerships/keighley-poix-du-nord.md": entry("cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-city", "established: 1920")
]

/// Runs `kardes check --source <site>` with `arguments` on a temporary site made of `files`.
func runCheck(_ files: [String: String], _ arguments: String...) throws -> CLI.Result {
    let site = try TestSite(files)
    defer { site.remove() }
    return try CLI.run(["check", "--source", site.root.path] + arguments)
}

/// The objects of a JSON array, parsed with JSONSerialization.
func jsonObjects(_ text: String) throws -> [[String: Any]] {
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(parsed as? [[String: Any]], "not a JSON array of objects: \(text)")
}

@Suite("kardes check on the command line", .enabled(if: CLI.isBuilt, "the kardes executable is not built; run 'swift build' first"))
struct CheckCommandTests {
    @Test("--format json prints an array of objects with exactly file, line, column, severity, code, message, hint")
    func jsonShape() throws {
        let result = try runCheck(withErrorAndWarnings, "--format", "json")
        let objects = try jsonObjects(result.stdout)
        #expect(objects.count == 6)
        for object in objects {
            #expect(Set(object.keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
            #expect(object["file"] is String)
            #expect(object["line"] is Int)
            #expect(object["column"] is Int)
            #expect(["error", "warning"].contains(object["severity"] as? String))
            #expect((object["code"] as? String)?.isEmpty == false)
            #expect((object["message"] as? String)?.isEmpty == false)
            #expect((object["hint"] as? String)?.isEmpty == false)
        }
        #expect(result.stderr.isEmpty, "JSON output leaves stderr empty: \(result.stderr)")
        #expect(result.status == 1)
    }

    @Test("the JSON objects carry each diagnostic's place, severity, code, message and hint, sorted by place")
    func jsonContent() throws {
        let objects = try jsonObjects(try runCheck(withErrorAndWarnings, "--format", "json").stdout)
        let badLink = try #require(objects.first { $0["code"] as? String == "bad-link" })
        #expect(badLink["file"] as? String == "content/partnerships/keighley-poix-du-nord.md")
        #expect(badLink["severity"] as? String == "error")
        #expect(badLink["message"] as? String == "'www.keighley.gov.uk' in 'links' is not an absolute http(s) URL")
        #expect(badLink["hint"] as? String == "write the whole address, starting with https://")
        let council = try #require(objects.first { $0["code"] as? String == "paperwork-council-decision" })
        #expect(council["file"] as? String == "content/partnerships/uskudar-houston.md")
        #expect(council["line"] as? Int == 3)
        #expect(council["column"] as? Int == 8)
        #expect(council["severity"] as? String == "warning")
        let files = objects.map { $0["file"] as? String ?? "" }
        #expect(files == files.sorted())
    }

    @Test("a clean site gives an empty JSON array and exit code 0")
    func jsonClean() throws {
        let result = try runCheck(clean, "--format", "json")
        #expect(try jsonObjects(result.stdout).isEmpty)
        #expect(result.status == 0)
    }

    @Test("build errors (an unknown model, malformed YAML) are in the JSON too, with their codes and positions")
    func jsonBuildErrors() throws {
        let result = try runCheck(
            [
                "content/partnerships/a.md": entry("cities: [\"Keighley, GB\", \"Poix-du-Nord, FR\"]", "model: sister-cty"),
                "content/partnerships/b.md": "---\ncities: [\"Keighley, GB\"\nmodel: sister-city\n---\n",
            ], "--format", "json")
        let objects = try jsonObjects(result.stdout)
        let codes = objects.map { "\($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0) \($0["code"] as? String ?? "")" }
        #expect(codes.contains("content/partnerships/a.md:3:8 unknown-model"))
        #expect(codes.contains { $0.hasPrefix("content/partnerships/b.md:") && $0.hasSuffix(" malformed-yaml") })
        #expect(result.status == 1)
    }

    @Test("text output: each problem as file:line:column: severity: message with its fix on stderr, then a summary")
    func text() throws {
        let result = try runCheck(withErrorAndWarnings)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "content/partnerships/uskudar-houston.md:3:8: warning: no council decision on file for this sister-city relation"))
        #expect(lines.contains("content/partnerships/keighley-poix-du-nord.md:4:8: error: 'www.keighley.gov.uk' in 'links' is not an absolute http(s) URL"))
        #expect(lines.contains("    fix: write the whole address, starting with https://"))
        #expect(lines.last == "kardes check: 1 error, 5 warnings")
        #expect(result.status == 1)
    }

    @Test("the text and JSON formats report the same problems")
    func sameInBothFormats() throws {
        let text = try runCheck(withErrorAndWarnings).stderr.split(separator: "\n").filter { !$0.hasPrefix("    fix: ") && !$0.hasPrefix("kardes check:") }
        let json = try jsonObjects(try runCheck(withErrorAndWarnings, "--format", "json").stdout).map {
            "\($0["file"]!):\($0["line"]!):\($0["column"]!): \($0["severity"]!): \($0["message"]!)"
        }
        #expect(text.map(String.init) == json)
    }

    @Test("exit codes: 0 clean or warnings only, 1 with errors, and 1 for warnings under --strict", arguments: [
        ("clean", [], Int32(0)), ("clean", ["--strict"], 0),
        ("warnings", [], 0), ("warnings", ["--strict"], 1), ("warnings", ["--format", "json"], 0), ("warnings", ["--strict", "--format", "json"], 1),
        ("errors", [], 1), ("errors", ["--strict"], 1),
    ])
    func exitCodes(site: String, arguments: [String], status: Int32) throws {
        let files = ["clean": clean, "warnings": withWarnings, "errors": withErrorAndWarnings][site]!
        let folder = try TestSite(files)
        defer { folder.remove() }
        let result = try CLI.run(["check", "--source", folder.root.path] + arguments)
        #expect(result.status == status, "\(site) \(arguments): \(result.stderr)")
    }

    @Test("a bad option is a usage error: exit code 2, with the reason on stderr")
    func usageError() throws {
        let result = try runCheck(clean, "--format", "xml")
        #expect(result.status == 2)
        #expect(result.stderr.contains("xml"))
        #expect(result.stdout.isEmpty)
    }

    @Test("a folder without content/ is exit code 1, saying what to do")
    func noContentFolder() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("kardes-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CLI.run(["check", "--source", empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: no content folder at \(empty.path)/content"))
        #expect(result.stderr.contains("kardes init"))
    }

    @Test("check writes nothing: the site folder is the same before and after, and there is no public/")
    func writesNothing() throws {
        let site = try TestSite(withErrorAndWarnings)
        defer { site.remove() }
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: site.root, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                files[url.path] = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true ? Data() : try Data(contentsOf: url)
            }
            return files
        }
        let before = try snapshot()
        _ = try CLI.run(["check", "--source", site.root.path, "--format", "json"])
        _ = try CLI.run(["check", "--source", site.root.path])
        #expect(try snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
    }
}
