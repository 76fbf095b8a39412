import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import KardesPreview

/// The live-reload script in a real browser: headless Chromium, driven over the DevTools protocol by a Node script.
///
/// Off by default, because it needs `chromium` and Node 20 or later (`--experimental-websocket`); run it with
/// `KARDES_BROWSER_TESTS=1 swift test --filter BrowserTests`. A small control server lets the Node script publish
/// events and restart the preview server between its checks.
@Suite("Live reload in a browser", .enabled(if: ProcessInfo.processInfo.environment["KARDES_BROWSER_TESTS"] == "1"))
struct BrowserTests {
    @Test("pages reload, swap stylesheets, show and hide the failure overlay, and reload after a restart")
    func browser() async throws {
        let site = try TestSite(files: [
            "index.html": """
                <!doctype html><html><head><link rel="stylesheet" href="/style.css"><link rel="stylesheet" href="/print.css">
                <script src="/app.js"></script></head><body><h1>Kardeş</h1><img src="/logo.svg" alt=""></body></html>
                """,
            "other/index.html": "<!doctype html><html><body><p>other</p></body></html>",
            "style.css": "h1 { color: red }",
            "print.css": "h1 { font-weight: bold }",
            "app.js": "window.appLoaded = true;",
            "logo.svg": "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'></svg>",
        ])
        defer { site.remove() }
        let harness = site.folder.appendingPathComponent("harness.mjs")
        try Self.harness.write(to: harness, atomically: true, encoding: .utf8)
        let session = BrowserSession(root: site.root)
        let sitePort = try await session.start()
        do {
            try await drive(session: session, sitePort: sitePort, harness: harness, folder: site.folder)
        } catch {
            await session.stop()
            throw error
        }
        await session.stop()
    }

    /// Runs the Node script against the running site, with the control server it publishes through.
    private func drive(session: BrowserSession, sitePort: Int, harness: URL, folder: URL) async throws {
        let router = Router()
        router.post("rebuilt") { request, context in
            let paths = try await request.decode(as: [String].self, context: context)
            await session.publish(.rebuilt(changedPaths: paths))
            return HTTPResponse.Status.ok
        }
        router.post("failed") { request, context in
            let diagnostics = try await request.decode(as: String.self, context: context)
            await session.publish(.failed(diagnostics: diagnostics))
            return HTTPResponse.Status.ok
        }
        router.get("pages") { _, _ in String(await session.connectedPages()) }
        router.post("restart") { _, _ in
            try await session.restart()
            return HTTPResponse.Status.ok
        }
        let control = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await control.test(.live) { client async throws in
            let controlPort = try #require(client.port)
            let output = folder.appendingPathComponent("harness.log")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let log = try FileHandle(forWritingTo: output)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "node", "--experimental-websocket", harness.path, "http://127.0.0.1:\(sitePort)/", "http://127.0.0.1:\(controlPort)",
            ]
            process.standardOutput = log
            process.standardError = log
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                process.terminationHandler = { _ in continuation.resume() }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
            try log.close()
            let text = try String(contentsOf: output, encoding: .utf8)
            #expect(process.terminationStatus == 0, "\(text)")
            #expect(text.contains("all browser checks passed"))
        }
    }

    /// The Node script: starts Chromium, opens pages, publishes events through the control server, and checks the
    /// pages' DOM after each.
    static let harness = #"""
        import { spawn } from "node:child_process";
        import { mkdtempSync, rmSync } from "node:fs";
        import { tmpdir } from "node:os";
        import { join } from "node:path";

        const [site, control] = process.argv.slice(2);
        const profile = mkdtempSync(join(tmpdir(), "kardes-chromium-"));
        const chrome = spawn(process.env.CHROMIUM ?? "chromium", [
          "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
          `--user-data-dir=${profile}`, "about:blank",
        ], { stdio: ["ignore", "ignore", "pipe"] });
        const finish = (code, message) => {
          console.log(message);
          chrome.kill("SIGKILL");
          setTimeout(() => { try { rmSync(profile, { recursive: true, force: true }); } catch (_) {} process.exit(code); }, 300);
        };
        setTimeout(() => finish(1, "timed out"), 90_000).unref();
        const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

        try {
          const socketURL = await new Promise((resolve, reject) => {
            let text = "";
            chrome.stderr.on("data", (data) => {
              text += data;
              const match = text.match(/DevTools listening on (ws:\S+)/);
              if (match) resolve(match[1]);
            });
            chrome.on("exit", () => reject(new Error("chromium exited:\n" + text)));
          });
          const socket = new WebSocket(socketURL);
          await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
          let lastID = 0;
          const pending = new Map();
          socket.onmessage = (message) => {
            const reply = JSON.parse(message.data);
            if (!reply.id || !pending.has(reply.id)) return;
            const { resolve, reject } = pending.get(reply.id);
            pending.delete(reply.id);
            if (reply.error) reject(new Error(JSON.stringify(reply.error))); else resolve(reply.result);
          };
          const send = (method, params = {}, sessionId = undefined) => new Promise((resolve, reject) => {
            const id = ++lastID;
            pending.set(id, { resolve, reject });
            socket.send(JSON.stringify({ id, method, params, sessionId }));
          });
          const open = async (url) => {
            const { targetId } = await send("Target.createTarget", { url });
            const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
            return sessionId;
          };
          const evaluate = async (page, expression) => {
            const { result, exceptionDetails } = await send("Runtime.evaluate", { expression, returnByValue: true }, page);
            if (exceptionDetails) throw new Error(exceptionDetails.text + ": " + expression);
            return result.value;
          };
          const until = async (page, expression, what, limit = 10_000) => {
            const deadline = Date.now() + limit;
            let last = null;
            while (Date.now() < deadline) {
              try { if (await evaluate(page, expression)) return; } catch (error) { last = error; }
              await sleep(50);
            }
            throw new Error(`timed out waiting for ${what}` + (last ? ` (${last.message})` : ""));
          };
          const check = (condition, what) => { if (!condition) throw new Error("failed: " + what); console.log("ok: " + what); };
          const post = async (path, body) => {
            const response = await fetch(control + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
            if (!response.ok) throw new Error(`${path}: ${response.status}`);
          };
          const pages = async () => Number(await (await fetch(control + "/pages")).text());
          const connected = async (count) => {
            await sleep(400);
            const deadline = Date.now() + 10_000;
            while (await pages() !== count) { if (Date.now() > deadline) throw new Error(`expected ${count} pages`); await sleep(50); }
          };
          const loaded = async (page, marker) => {
            await until(page, `document.readyState === "complete" && window.appLoaded === true && window.marker === undefined`, "load");
            await evaluate(page, `window.marker = ${marker}`);
          };
          const overlayText = `document.querySelector("kardes-build-error")?.shadowRoot.querySelector("pre").textContent`;

          const page = await open(site);
          await loaded(page, 1);
          await connected(1);

          await post("/rebuilt", ["/style.css"]);
          await until(page, `Array.from(document.querySelectorAll('link[rel=stylesheet]')).some((l) => l.href.includes("/style.css?kardes-reload="))`, "the stylesheet swap");
          await until(page, `document.querySelectorAll('link[rel=stylesheet]').length === 2`, "the old stylesheet to go");
          check(await evaluate(page, `document.querySelector('link[href="/print.css"]') !== null`), "an unchanged stylesheet is left alone");
          check(await evaluate(page, "window.marker") === 1, "a stylesheet change does not reload the page");
          check(await evaluate(page, `getComputedStyle(document.querySelector("h1")).color`) === "rgb(255, 0, 0)", "styles still apply after the swap");

          await post("/rebuilt", ["/other/", "/cities/tr/istanbul/index.html"]);
          await sleep(500);
          check(await evaluate(page, "window.marker") === 1, "another page's change does not reload this one");

          const diagnostics = "content/partnerships/houston-istanbul.md:3:8: error: unknown model '<b>sister-cty</b>'\n    fix: use a model slug from content/models/";
          await post("/failed", diagnostics);
          await until(page, `${overlayText} === ${JSON.stringify(diagnostics)}`, "the failure overlay");
          check(await evaluate(page, `document.querySelector("kardes-build-error").shadowRoot.querySelector("b") === null`), "diagnostics are text, not markup");
          check(await evaluate(page, "window.marker") === 1, "a failure does not reload the page");

          const other = await open(site + "other/");
          await until(other, `${overlayText} === ${JSON.stringify(diagnostics)}`, "the overlay on a page opened while failing");
          await connected(2);

          await post("/rebuilt", []);
          await until(page, `document.querySelector("kardes-build-error") === null`, "the overlay to go after a good build");
          await until(other, `document.querySelector("kardes-build-error") === null`, "the overlay to go on the other page");
          check(await evaluate(page, "window.marker") === 1, "a good build that changed nothing shown does not reload");

          await post("/rebuilt", ["/index.html"]);
          await loaded(page, 2);
          check(true, "the page reloads when its own path changed, in the index.html form");
          await connected(2);

          await post("/rebuilt", ["/app.js"]);
          await loaded(page, 3);
          check(true, "the page reloads when a script it loaded changed");
          await connected(2);

          await post("/rebuilt", ["/logo.svg"]);
          await loaded(page, 4);
          check(true, "the page reloads when an image it shows changed");
          await connected(2);

          // A page sent before a build it could not hear about (its stream is blocked) reloads on its first hello.
          const { targetId } = await send("Target.createTarget", { url: "about:blank" });
          const { sessionId: late } = await send("Target.attachToTarget", { targetId, flatten: true });
          await send("Network.enable", {}, late);
          await send("Network.setBlockedURLs", { urls: ["*/__kardes/events*"] }, late);
          await send("Page.navigate", { url: site + "other/" }, late);
          await until(late, `document.readyState === "complete" && document.body.textContent.includes("other")`, "the late page");
          await evaluate(late, "window.marker = 9");
          await post("/rebuilt", ["/unrelated.css"]);
          await send("Network.setBlockedURLs", { urls: [] }, late);
          await until(late, "window.marker === undefined", "a reload of a page sent before the last build", 15_000);
          check(await evaluate(page, "window.marker") === 4, "the connected page stays after an unrelated build");
          await connected(3);

          await post("/restart", null);
          await until(page, "window.marker === undefined", "a reload after the server restarted", 15_000);
          await loaded(page, 5);
          check(true, "the page reconnects and reloads after the server restarted");

          finish(0, "all browser checks passed");
        } catch (error) {
          finish(1, String(error.stack ?? error));
        }
        """#
}

/// The preview server under the browser's test, restartable on the same port as `kardes serve` would be.
actor BrowserSession {
    let root: URL
    private var liveReload = LiveReload()
    private var serving: Task<Void, any Error>?
    private var port = 0

    init(root: URL) {
        self.root = root
    }

    /// Starts serving and returns the port.
    func start() async throws -> Int {
        let (ready, continuation) = AsyncStream.makeStream(of: URL.self)
        let options = PreviewOptions(root: root, port: port, keepAliveInterval: .milliseconds(100))
        let server = PreviewServer(options: options, liveReload: liveReload)
        serving = Task {
            defer { continuation.finish() }
            try await server.run { continuation.yield($0) }
        }
        var urls = ready.makeAsyncIterator()
        guard let url = await urls.next(), let port = url.port else {
            throw RawConnection.Failure(description: "the preview server did not start")
        }
        self.port = port
        return port
    }

    /// Stops the server and starts a new one, with a new live-reload hub as a new process would have.
    func restart() async throws {
        await stop()
        liveReload = LiveReload()
        _ = try await start()
    }

    func stop() async {
        serving?.cancel()
        _ = await serving?.result
        serving = nil
    }

    func publish(_ event: PreviewEvent) async {
        await liveReload.publish(event)
    }

    func connectedPages() async -> Int {
        await liveReload.connectedPages
    }
}
