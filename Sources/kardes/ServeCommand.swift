import ArgumentParser
import Foundation
import KardesBuild
import KardesModel
import KardesPreview

/// `kardes serve`: build, serve with live reload, rebuild on every save, until Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it and rebuild it on every change, with live reload.",
        discussion: """
            Builds into the output folder, serves it over HTTP and watches content/ and templates/: every save \
            rebuilds what it touches, open pages reload (stylesheets are swapped in place), and a mistake is shown \
            over the page with its file:line:column until it is fixed. The output folder ends up exactly as \
            `kardes build` leaves it. Stop with Ctrl-C.

            Example:
              kardes serve --source my-site --open
            """)

    @Option(name: .long, help: "The site folder, holding content/.")
    var source: String = "."

    @Option(name: .long, help: "The output folder (default: <source>/public).")
    var output: String?

    @Option(name: .long, help: "The address to listen on. Anything but loopback makes the preview visible to the network.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    @Flag(name: .long, help: "Include entries marked 'draft: true'.")
    var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func serve() async throws {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL
        let request = BuildRequest(
            source: sourceURL, output: output.map { URL(fileURLWithPath: $0) }, includeDrafts: drafts,
            referenceYear: Calendar(identifier: .gregorian).component(.year, from: Date()))
        let options = PreviewOptions(root: request.output, host: host, port: port)
        if !options.isLoopback {
            FileHandle.standardError.write(
                Data("warning: serving on \(host): anyone who can reach this machine can see the preview\n    fix: leave out --host to serve on 127.0.0.1 only\n".utf8))
        }
        let liveReload = LiveReload()
        let rebuilder = Rebuilder(request: request, liveReload: liveReload) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        await rebuilder.rebuild(changed: [])
        try? FileManager.default.createDirectory(at: request.output, withIntermediateDirectories: true)

        let server = PreviewServer(options: options, liveReload: liveReload)
        let opens = open
        let interrupts = Interrupts()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run { url in
                    // Unbuffered, so scripts and editors reading the output see the address at once.
                    FileHandle.standardOutput.write(Data("Serving \(url.absoluteString) (Ctrl-C to stop)\n".utf8))
                    if opens { Self.openInBrowser(url) }
                }
            }
            group.addTask { await rebuilder.run(watching: SourceWatcher(source: sourceURL).changes()) }
            group.addTask { await interrupts.first() }
            // The first task to end (Ctrl-C, or the server failing) stops the others.
            do {
                try await group.next()
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
        print("Stopped.")
    }

    /// Runs ``serve()``, printing a server failure (a port in use) like a build error: what, then what to do.
    func run() async throws {
        do {
            try await serve()
        } catch let error as PreviewError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }

    static func openInBrowser(_ url: URL) {
        for opener in ["/usr/bin/xdg-open", "/usr/bin/open"] where FileManager.default.isExecutableFile(atPath: opener) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: opener)
            process.arguments = [url.absoluteString]
            try? process.run()
            return
        }
    }
}

/// Ctrl-C (SIGINT) and SIGTERM as something to wait for, so the server stops cleanly instead of being killed.
struct Interrupts: Sendable {
    func first() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        for await _ in stream { break }
        sources.forEach { $0.cancel() }
    }
}
