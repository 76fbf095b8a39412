import Foundation
import KardesBuild
import KardesModel

/// Rebuilds the site for `kardes serve`, one build at a time, and tells the open pages what changed.
///
/// It reads bursts of changed paths from a ``SourceWatcher`` in order, so builds never overlap. Each rebuild goes
/// through a `BuildSession`: it re-reads the changed files, renders the pages they touch and rewrites only files whose
/// bytes changed, leaving the folder as `kardes build` would. Pages showing a rewritten file reload, stylesheets are
/// swapped in place, and a failed build shows its diagnostics over every page until the next good one.
public actor Rebuilder {
    /// What to build.
    public var request: BuildRequest { session.request }
    private var session: BuildSession
    let liveReload: LiveReload
    /// Where the one line per rebuild and the diagnostics go (the terminal).
    let log: @Sendable (String) -> Void

    /// Creates a rebuilder.
    /// - Parameters:
    ///   - request: the build to run on every change.
    ///   - liveReload: the hub the server's pages listen to.
    ///   - log: prints a line (or a block of diagnostics) to the terminal.
    public init(request: BuildRequest, liveReload: LiveReload, log: @escaping @Sendable (String) -> Void) {
        self.session = BuildSession(request: request)
        self.liveReload = liveReload
        self.log = log
    }

    /// What one build did, for the terminal line and for tests.
    public struct Outcome: Sendable {
        /// Files written or removed, relative to the output folder.
        public let changedFiles: [String]
        /// All files of the site, when the build succeeded.
        public let files: Int
        /// Files rendered again.
        public let rendered: Int
        /// The diagnostics text of a failed build, as printed and as shown in the pages.
        public let failure: String?
        public let milliseconds: Int
    }

    /// Builds the site once, publishes the result and prints one line.
    /// - Parameter changed: the source paths that changed, for the terminal line; empty for the first build.
    @discardableResult
    public func rebuild(changed: Set<String>) async -> Outcome {
        let started = ContinuousClock.now
        let outcome: Outcome
        do {
            // Taken out and stored back, also after a failure (the session then remembers what it could not build):
            // an actor's stored property cannot be mutated across an await. Left in its place is an empty session, so
            // the one being built is held once and changes in place rather than copying the whole site's state.
            // Builds never overlap (`run` awaits each), so nothing sees the empty one.
            var session = self.session
            self.session = BuildSession(request: session.request)
            let attempt: Result<BuildSession.Report, BuildFailure>
            do {
                attempt = .success(changed.isEmpty ? try await session.build() : try await session.rebuild(changed: changed))
            } catch {
                attempt = .failure(error)
            }
            self.session = session
            let result = try attempt.get()
            let report = result.build
            let elapsed = Self.milliseconds(since: started)
            outcome = Outcome(
                changedFiles: report.write.changedPaths, files: report.files, rendered: result.rendered, failure: nil, milliseconds: elapsed)
            await liveReload.publish(.rebuilt(changedPaths: report.write.changedPaths.map(PreviewEvent.urlPath(forOutputFile:))))
            for warning in report.warnings where !changed.isEmpty && changed.contains(warning.location.file) { log(warning.description) }
        } catch {
            let text = Self.describe(error)
            outcome = Outcome(changedFiles: [], files: 0, rendered: 0, failure: text, milliseconds: Self.milliseconds(since: started))
            await liveReload.publish(.failed(diagnostics: text))
        }
        log(Self.line(for: outcome, changed: changed))
        if let failure = outcome.failure { log(failure) }
        return outcome
    }

    /// Rebuilds on every burst of changes until the stream ends or the task is cancelled.
    public func run(watching changes: AsyncStream<Set<String>>) async {
        for await paths in changes {
            if Task.isCancelled { return }
            await rebuild(changed: paths)
        }
    }

    /// `content/partnerships/houston-istanbul.md changed: 4 files written in 38 ms`, or the failure's summary.
    static func line(for outcome: Outcome, changed: Set<String>) -> String {
        let sorted = changed.sorted()
        let what = sorted.isEmpty ? "built" : (sorted.count <= 3 ? sorted.joined(separator: ", ") : "\(sorted[0]) and \(sorted.count - 1) more") + " changed"
        if outcome.failure != nil { return "\(what): build failed in \(outcome.milliseconds) ms; the pages show the errors until they are fixed" }
        let pages = outcome.changedFiles.filter { $0.hasSuffix(".html") }.count
        return "\(what): \(outcome.rendered) files rendered, \(outcome.changedFiles.count) rewritten (\(pages) pages) of \(outcome.files) in \(outcome.milliseconds) ms"
    }

    /// The text `kardes build` prints for a failure: each diagnostic, then a summary.
    static func describe(_ failure: BuildFailure) -> String {
        switch failure {
        case .content(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }.count
            return (diagnostics.map(\.description) + ["kardes: \(errors) error\(errors == 1 ? "" : "s"); nothing was written"]).joined(separator: "\n")
        case .environment: return failure.description
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
