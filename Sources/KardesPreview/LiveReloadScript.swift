/// The script the server adds to every HTML page it sends, so pages follow the builds.
///
/// It listens to ``EventStream/path`` with an `EventSource`, which reconnects by itself when the server restarts.
/// Each message is one JSON object with a `type`:
/// - `hello` (`server`, `build`): sent first on every connection. When it names another build than the one the page
///   was sent at (`data-build` on the script element), or, after a reconnection, another server run, the page
///   missed something and reloads.
/// - `rebuilt` (`build`, `changedPaths`): hides the error overlay; reloads when a changed path is this page
///   (`/x/` and `/x/index.html` are the same) or anything the page loaded (scripts, images, data, frames, per
///   the Resource Timing list); otherwise swaps each changed `<link rel=stylesheet>` for a cache-busted copy
///   without a reload (every same-origin one when a changed stylesheet came in through `@import`).
/// - `failed` (`build`, `diagnostics`): shows the diagnostics in a full-page overlay, as text, until the next
///   successful build or the close button (or Escape).
///
/// The overlay lives in a shadow root, so the page's styles cannot hide or restyle it, and follows the reader's
/// light or dark colour scheme.
enum LiveReloadScript {
    /// The plain JavaScript source, without the `<script>` element.
    static let source = """
        (() => {
          "use strict";
          if (!("EventSource" in window)) return;
          const clean = (path) => {
            try { path = decodeURI(path); } catch (_) {}
            return path.replace(/\\/index\\.html$/, "/");
          };
          const local = (href) => {
            try {
              const url = new URL(href, location.href);
              return url.origin === location.origin ? clean(url.pathname) : null;
            } catch (_) { return null; }
          };
          const shown = () => {
            const paths = new Set([clean(location.pathname)]);
            for (const entry of performance.getEntriesByType("resource")) paths.add(local(entry.name));
            for (const frame of document.querySelectorAll("iframe[src]")) paths.add(local(frame.src));
            return paths;
          };
          const isStyle = (path) => path.endsWith(".css");
          const stylesheets = () => Array.from(document.querySelectorAll('link[rel~="stylesheet"][href]'))
            .filter((link) => !link.hasAttribute("data-kardes-stale") && local(link.href) !== null);
          // A fresh copy is added next to the old link, which goes when the copy has loaded, so the page never shows
          // unstyled in between; the old one is marked stale so a quick second build does not copy it again.
          const restyle = (links) => {
            for (const link of links) {
              const url = new URL(link.href, location.href);
              url.searchParams.set("kardes-reload", Date.now());
              const fresh = link.cloneNode();
              link.setAttribute("data-kardes-stale", "");
              fresh.href = url.href;
              fresh.onload = fresh.onerror = () => link.remove();
              link.after(fresh);
            }
          };
          // Changed stylesheets linked by the page are swapped; one that only arrived through @import is found in
          // the loaded resources and swaps every stylesheet, since its importer is unknown.
          const swapStyles = (styles, used) => {
            const links = stylesheets();
            const linked = links.filter((link) => styles.includes(local(link.href)));
            const imported = styles.some((path) => used.has(path) && !linked.some((link) => local(link.href) === path));
            restyle(imported ? links : linked);
          };
          let overlay = null;
          const hide = () => {
            if (overlay) overlay.remove();
            overlay = null;
          };
          const element = (parent, name, text) => {
            const child = document.createElement(name);
            if (text) child.textContent = text;
            parent.appendChild(child);
            return child;
          };
          // Built from elements and textContent, never innerHTML, so diagnostics can never become markup.
          const show = (text) => {
            if (overlay) return void (overlay.shadowRoot.querySelector("pre").textContent = text);
            overlay = document.createElement("kardes-build-error");
            overlay.setAttribute("role", "alertdialog");
            overlay.setAttribute("aria-modal", "true");
            overlay.setAttribute("aria-label", "kardes: the build failed");
            overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;display:block";
            const root = overlay.attachShadow({ mode: "open" });
            element(root, "style", `.panel{box-sizing:border-box;height:100%;overflow:auto;padding:2rem;background:#fff;
        color:#1d1d1f;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
        h1{margin:0 3rem .5rem 0;font-size:1.25rem;color:#b3261e}p{margin:0 0 1rem}
        pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:inherit}
        button{position:absolute;top:1rem;right:1rem;font:inherit;font-size:1.25rem;line-height:1;padding:.25rem .6rem;
        color:inherit;background:transparent;border:1px solid currentColor;border-radius:4px;cursor:pointer}
        @media (prefers-color-scheme:dark){.panel{background:#1c1c1e;color:#f2f2f7}h1{color:#ff8a80}}`);
            const panel = element(root, "div");
            panel.className = "panel";
            const close = element(panel, "button", "×");
            close.type = "button";
            close.setAttribute("aria-label", "Close");
            close.onclick = hide;
            element(panel, "h1", "Build failed");
            element(panel, "p", "This page shows the last good build. It updates after the next successful build.");
            element(panel, "pre", text);
            overlay.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });
            document.documentElement.appendChild(overlay);
            close.focus();
          };
          // The build this page was sent at; a different one in the first hello means the page is already old.
          let build = Number(document.currentScript && document.currentScript.dataset.build);
          let server = null;
          const receive = (event) => {
            if (event.type === "hello") {
              const missed = server === null ? Number.isInteger(build) && event.build !== build : event.server !== server || event.build !== build;
              if (missed) return location.reload();
              server = event.server;
            }
            build = event.build;
            if (event.type === "failed") show(event.diagnostics);
            if (event.type !== "rebuilt") return;
            hide();
            const changed = event.changedPaths.map(clean);
            const used = shown();
            if (changed.some((path) => !isStyle(path) && used.has(path))) return location.reload();
            const styles = changed.filter(isStyle);
            if (styles.length > 0) swapStyles(styles, used);
          };
          const connect = () => {
            const source = new EventSource("\(EventStream.path)");
            source.onmessage = (message) => {
              try { receive(JSON.parse(message.data)); } catch (_) {}
            };
            source.onerror = () => {
              if (source.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
            };
          };
          connect();
        })();
        """

    /// The `<script>` element injected into pages, as UTF-8 bytes.
    /// - Parameter build: the number of builds published when the page is sent; the page compares it with the
    ///   events stream's hello, so a build that finished between sending the page and its connecting still reloads it.
    /// - Returns: `<script data-kardes-live-reload data-build="3">…</script>` and a line break.
    static func element(build: Int) -> [UInt8] {
        Array("<script data-kardes-live-reload data-build=\"\(build)\">\n\(source)\n</script>\n".utf8)
    }

    /// A short hash of ``source`` (32-bit FNV-1a), so page tags change when the script does.
    static let fingerprint: String = {
        let hash = source.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        return String(hash, radix: 16)
    }()
}
