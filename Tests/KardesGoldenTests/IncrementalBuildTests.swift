import Foundation
import KardesBuild
import KardesModel
import Testing

/// `kardes serve` rebuilds only what a change touches; after any sequence of edits the output folder must hold exactly
/// the files, with exactly the bytes, that a fresh full build of the same content writes.
@Suite("Incremental rebuilds")
struct IncrementalBuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A small deterministic random source, so a failing sequence can be replayed from its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// One site folder being edited, with the session's output and a fresh full build to compare with.
    struct Workbench {
        let root: URL
        var site: URL { root.appendingPathComponent("site") }
        var output: URL { root.appendingPathComponent("served") }
        var fresh: URL { root.appendingPathComponent("fresh") }
        var session: BuildSession

        init(copying source: URL) throws {
            root = try temporaryFolder()
            try FileManager.default.copyItem(at: source, to: root.appendingPathComponent("site"))
            session = BuildSession(request: BuildRequest(source: root.appendingPathComponent("site"), output: root.appendingPathComponent("served"), referenceYear: 2026))
        }

        func files(in folder: String) throws -> [String] {
            let url = site.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
            return names.filter { $0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
        }

        func read(_ path: String) throws -> String { try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }

        func write(_ path: String, _ text: String) throws {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// The served folder against a fresh full build: nil when identical, else what differs.
        func difference() async throws -> String? {
            try? FileManager.default.removeItem(at: fresh)
            _ = try await build(BuildRequest(source: site, output: fresh, referenceYear: 2026))
            return try Tree(output).contentDifference(from: try Tree(fresh))
        }
    }

    /// The files below the site folder as they are now, to put back with ``restore(_:in:)``.
    static func snapshot(_ bench: Workbench) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = bench.site.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: base + "/" + relative)
            }
        }
        return files
    }

    /// Puts the site folder back as `files` had it; returns the paths that changed.
    static func restore(_ files: [String: Data], in bench: Workbench) throws -> Set<String> {
        let now = try snapshot(bench)
        var changed: Set<String> = []
        for (path, data) in files where now[path] != data {
            try bench.write(path, String(decoding: data, as: UTF8.self))
            changed.insert(path)
        }
        for path in now.keys where files[path] == nil {
            try FileManager.default.removeItem(at: bench.site.appendingPathComponent(path))
            changed.insert(path)
        }
        return changed
    }

    /// One random edit: the paths it touched and what it did, for the failure message.
    static func edit(_ bench: Workbench, _ random: inout Random, step: Int) throws -> (Set<String>, String) {
        let partnerships = try bench.files(in: "content/partnerships")
        let cities = try bench.files(in: "content/cities/tr") + bench.files(in: "content/cities/de") + bench.files(in: "content/cities/mk")
        switch random.below(9) {
        case 0, 1:
            let path = random.pick(partnerships)
            try bench.write(path, try bench.read(path) + "\nBir satır daha (adım \(step)): *değişiklik*.\n")
            return ([path], "body of \(path)")
        case 8:
            // Entry links in the body: one to a country that exists, now and then one to a city that does not (an error).
            let path = random.pick(partnerships)
            let target = random.below(4) == 0 ? "city:zz/hicbir-yer" : "country:tr"
            try bench.write(path, try bench.read(path) + "\nBakınız [orası](\(target)) (adım \(step)).\n")
            return ([path], "link to \(target) in the body of \(path)")
        case 2:
            // Moves a partnership to another city: pages of both cities, countries and indexes change.
            let path = random.pick(partnerships)
            let other = random.pick(partnerships)
            let text = try bench.read(path), donor = try bench.read(other)
            guard let line = donor.split(separator: "\n").first(where: { $0.hasPrefix("cities:") }),
                let own = text.split(separator: "\n").first(where: { $0.hasPrefix("cities:") }), line != own
            else { return ([path], "nothing") }
            try bench.write(path, text.replacingOccurrences(of: String(own), with: String(line)))
            return ([path], "cities of \(path) set to \(line)")
        case 3:
            let path = random.pick(partnerships)
            guard partnerships.count > 3 else { return ([], "nothing") }
            try FileManager.default.removeItem(at: bench.site.appendingPathComponent(path))
            return ([path], "removed \(path)")
        case 4:
            let source = random.pick(partnerships)
            let path = "content/partnerships/eklenen-\(step).md"
            try bench.write(path, try bench.read(source).replacingOccurrences(of: "title:", with: "title: Yeni"))
            return ([path], "added \(path) from \(source)")
        case 5:
            guard let path = cities.isEmpty ? nil : random.pick(cities) else { return ([], "nothing") }
            try bench.write(path, try bench.read(path) + "\nKent notu, adım \(step).\n")
            return ([path], "body of \(path)")
        case 6:
            // A template override: every page using it is rendered again.
            let path = "templates/partnership.mustache"
            let base = try String(contentsOf: Self.repository.appendingPathComponent("templates/partnership.mustache"), encoding: .utf8)
            try bench.write(path, base.replacingOccurrences(of: "</article>", with: "<p>adım \(step)</p></article>"))
            return ([path], "template override")
        default:
            let path = random.pick(partnerships)
            let text = try bench.read(path)
            let status = random.pick(["active", "dormant", "ended", "proposed"])
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let edited = lines.contains { $0.hasPrefix("status:") }
                ? lines.map { $0.hasPrefix("status:") ? "status: \(status)" : $0 } : [lines[0], "status: \(status)"] + lines.dropFirst()
            try bench.write(path, edited.joined(separator: "\n"))
            return ([path], "status of \(path) set to \(status)")
        }
    }

    /// A generated directory of `count` partnerships (Benchmarks/gen-corpus.py), in a folder the caller removes.
    static func corpus(_ count: Int) throws -> URL {
        let folder = try temporaryFolder()
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", repository.appendingPathComponent("Benchmarks/gen-corpus.py").path, "--n", "\(count)", "--out", folder.appendingPathComponent("site").path]
        generator.standardError = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0, "Benchmarks/gen-corpus.py failed")
        return folder
    }

    @Test("random edit sequences leave exactly the files a full build writes", arguments: [("twinning", 1), ("twinning", 2), ("corpus", 3), ("corpus", 4), ("corpus", 5), ("corpus", 6), ("corpus", 7), ("corpus", 8)])
    func randomEdits(site: String, seed: UInt64) async throws {
        let corpus = site == "corpus" ? try Self.corpus(150) : nil
        defer { corpus.map(remove) }
        var bench = try Workbench(copying: corpus?.appendingPathComponent("site") ?? Fixture.twinning.site)
        defer { remove(bench.root) }
        _ = try await bench.session.build()
        var random = Random(state: seed)
        var log: [String] = []
        var failures = 0
        for step in 1...12 {
            let before = try Self.snapshot(bench)
            let (paths, what) = try Self.edit(bench, &random, step: step)
            log.append(what)
            do {
                let report = try await bench.session.rebuild(changed: paths)
                #expect(!report.full)
            } catch {
                // An edit can make the content wrong (two files for the same partnership, say): the output must
                // then be as before, and putting the files back must rebuild to the full build's output.
                failures += 1
                log.append("failed, undone")
                let undone = try Self.restore(before, in: bench)
                _ = try await bench.session.rebuild(changed: undone)
            }
            let difference = try await bench.difference()
            #expect(difference == nil, "after \(log): \(difference ?? "")")
            if difference != nil { return }
        }
        #expect(failures <= 6, "at least half the edits should build: \(log)")
    }

    @Test("a rebuild renders only the pages a body edit touches")
    func renderedCount() async throws {
        let corpus = try Self.corpus(150)
        defer { remove(corpus) }
        var bench = try Workbench(copying: corpus.appendingPathComponent("site"))
        defer { remove(bench.root) }
        let first = try await bench.session.build()
        let path = try bench.files(in: "content/partnerships")[0]
        try bench.write(path, try bench.read(path) + "\nEk bir paragraf.\n")
        let second = try await bench.session.rebuild(changed: [path])
        #expect(second.rendered < first.rendered / 4, "\(second.rendered) of \(first.rendered) rendered again")
        #expect(second.build.write.written >= 1)
        #expect(second.build.write.changedPaths.contains { $0.hasPrefix("partnerships/") })
        #expect(try await bench.difference() == nil)
    }

    @Test("a body edit renders and rewrites only the partnership's page, in every language")
    func bodyEditRendersOnePage() async throws {
        var bench = try Workbench(copying: Fixture.twinning.site)
        defer { remove(bench.root) }
        _ = try await bench.session.build()
        let path = try bench.files(in: "content/partnerships")[0]
        let slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        try bench.write(path, try bench.read(path) + "\nBir paragraf daha, [Türkiye](country:tr) bağlantısıyla.\n")
        let report = try await bench.session.rebuild(changed: [path])
        #expect(report.rendered == 2)
        #expect(report.build.write.changedPaths == ["en/partnerships/\(slug)/index.html", "partnerships/\(slug)/index.html"])
        #expect(try await bench.difference() == nil)
    }

    @Test("an editor's temporary file beside a text edit keeps the one-page path, and alone rebuilds nothing")
    func temporaryFilesIgnored() async throws {
        var bench = try Workbench(copying: Fixture.twinning.site)
        defer { remove(bench.root) }
        _ = try await bench.session.build()
        let path = try bench.files(in: "content/partnerships")[0]
        let slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        try bench.write(path, try bench.read(path) + "\nBir paragraf daha.\n")
        // `sed -i` writes through a temporary file that is gone by the time the rebuild runs; vim probes with `4913`.
        try bench.write("content/partnerships/4913", "")
        let report = try await bench.session.rebuild(changed: [path, "content/partnerships/sedX1b2c3", "content/partnerships/4913"])
        #expect(report.rendered == 2)
        #expect(report.build.write.changedPaths == ["en/partnerships/\(slug)/index.html", "partnerships/\(slug)/index.html"])
        let alone = try await bench.session.rebuild(changed: ["content/partnerships/4913"])
        #expect(alone.rendered == 0)
        #expect(alone.build.write.changedPaths.isEmpty)
        #expect(alone.build.files == report.build.files)
        #expect(try await bench.difference() == nil)
    }

    @Test("a body link that names nothing fails the rebuild with its position, and the fix rebuilds")
    func bodyLinkError() async throws {
        var bench = try Workbench(copying: Fixture.twinning.site)
        defer { remove(bench.root) }
        _ = try await bench.session.build()
        let path = try bench.files(in: "content/partnerships")[0]
        let original = try bench.read(path)
        try bench.write(path, original + "\n[Yok](city:zz/yok-kent)\n")
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        do {
            _ = try await bench.session.rebuild(changed: [path])
            Issue.record("a link to no city built")
        } catch .content(let diagnostics) {
            #expect(diagnostics.map(\.code) == ["unresolved-link"])
            #expect(diagnostics.first?.location == SourceLocation(file: path, line: line, column: 1))
        } catch {
            Issue.record("unexpected \(error)")
        }
        try bench.write(path, original + "\nDüzeltildi.\n")
        _ = try await bench.session.rebuild(changed: [path])
        #expect(try await bench.difference() == nil)
    }

    @Test("a file left broken keeps failing while other files change, and is read again when fixed")
    func brokenWhileOthersChange() async throws {
        var bench = try Workbench(copying: Fixture.twinning.site)
        defer { remove(bench.root) }
        _ = try await bench.session.build()
        let files = try bench.files(in: "content/partnerships")
        let broken = files[0], other = files[1]
        let original = try bench.read(broken)
        try bench.write(broken, original.replacingOccurrences(of: "model:", with: "model: [unclosed"))
        await #expect(throws: BuildFailure.self) { _ = try await bench.session.rebuild(changed: [broken]) }
        try bench.write(other, try bench.read(other) + "\nBaşka bir dosyada değişiklik.\n")
        await #expect(throws: BuildFailure.self) { _ = try await bench.session.rebuild(changed: [other]) }
        try bench.write(broken, original + "\nDüzeltildi.\n")
        _ = try await bench.session.rebuild(changed: [broken])
        #expect(try await bench.difference() == nil)
    }

    @Test("a broken file fails the rebuild, leaves the output as it was, and the fix rebuilds from there")
    func brokenThenFixed() async throws {
        var bench = try Workbench(copying: Fixture.twinning.site)
        defer { remove(bench.root) }
        _ = try await bench.session.build()
        try Tree.backdate(bench.output)
        let before = try Tree(bench.output)
        let path = try bench.files(in: "content/partnerships")[0]
        let original = try bench.read(path)
        try bench.write(path, original.replacingOccurrences(of: "model:", with: "model: [unclosed"))
        await #expect(throws: BuildFailure.self) { _ = try await bench.session.rebuild(changed: [path]) }
        #expect(try Tree(bench.output) == before)
        try bench.write(path, original + "\nDüzeltildi.\n")
        _ = try await bench.session.rebuild(changed: [path])
        #expect(try await bench.difference() == nil)
    }
}
