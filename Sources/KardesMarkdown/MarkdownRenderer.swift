import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KardesModel

/// Renders CommonMark to HTML with libcmark, keeping entry links (`city:tr/istanbul`) open for the linker.
///
/// The only importer of `CCmark`: no C pointer leaves this file.
public struct MarkdownRenderer: Sendable {
    /// Whether raw HTML and unsafe URLs (`javascript:`) are kept.
    public let unsafeHTML: Bool
    /// Whether straight quotes and dashes become typographic ones.
    public let smartPunctuation: Bool

    public init(unsafeHTML: Bool = false, smartPunctuation: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
    }

    /// A marker no one types, put in place of an entry link's URL while cmark renders.
    static let marker = "kardes-entry-4b1d:"

    /// Renders `markdown`, a body that starts at line `firstLine` of `file`.
    ///
    /// - Parameters:
    ///   - markdown: the Markdown text after the front matter.
    ///   - file: the file, relative to the site root, for the positions of entry links.
    ///   - firstLine: the file's line on which `markdown` starts.
    /// - Returns: the HTML as segments with each entry link's position.
    public func render(_ markdown: String, file: String, firstLine: Int = 1) -> RichText {
        let options = self.options
        return withDocument(markdown) { root, utf8 in
            let links = Self.entryLinks(root, markdown: utf8, file: file, firstLine: firstLine, markingURLs: true)
            // Render without source positions: they would put data-sourcepos attributes into the page.
            guard let htmlPointer = cmark_render_html(root, options & ~CMARK_OPT_SOURCEPOS) else { return .empty }
            // Cut straight from cmark's buffer: each segment's bytes are checked once, as they become a string.
            let segments = Self.split(UnsafeBufferPointer(start: UnsafeRawPointer(htmlPointer).assumingMemoryBound(to: UInt8.self), count: strlen(htmlPointer)))
            free(htmlPointer)
            return RichText(segments: segments, links: links)
        } ?? .empty
    }

    /// The entry links of `markdown`, exactly as ``render(_:file:firstLine:)`` lists them, and whether its HTML is
    /// empty, without rendering the HTML: what a build needs of a body it renders again when it makes the page.
    public func entryLinks(in markdown: String, file: String, firstLine: Int = 1) -> (links: [EntryLink], isEmpty: Bool) {
        withDocument(markdown) { root, utf8 in
            // Every block cmark keeps renders to something; a document without one renders to nothing.
            (Self.entryLinks(root, markdown: utf8, file: file, firstLine: firstLine, markingURLs: false), cmark_node_first_child(root) == nil)
        } ?? ([], true)
    }

    private var options: Int32 {
        var options = CMARK_OPT_SOURCEPOS
        if smartPunctuation { options |= CMARK_OPT_SMART }
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Parses `markdown` and hands the document and the text's bytes to `body`, freeing the document afterwards;
    /// nil when cmark fails.
    private func withDocument<T>(_ markdown: String, _ body: (OpaquePointer, [UInt8]) -> T) -> T? {
        let options = self.options
        let utf8 = Array(markdown.utf8)
        guard let root = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, options) }
            } ?? cmark_parse_document("", 0, options)
        }) else { return nil }
        defer { cmark_node_free(root) }
        return body(root, utf8)
    }

    /// Every entry link of the document in order, with its position; with `markingURLs` each link's URL is replaced
    /// by the marker and its index, for ``split(_:)`` to find in the HTML.
    private static func entryLinks(_ root: OpaquePointer, markdown: [UInt8], file: String, firstLine: Int, markingURLs: Bool) -> [EntryLink] {
        var links: [EntryLink] = []
        // Where each line starts in `markdown`, found once the first entry link needs it.
        var lineStarts: [Int] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_LINK, let urlPointer = cmark_node_get_url(node)
            else { continue }
            let url = String(cString: urlPointer)
            guard let (kind, target, fragment) = Self.entryLink(in: url) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if lineStarts.isEmpty { lineStarts = Self.lineStarts(markdown) }
            let column = markdown.withUnsafeBufferPointer { bytes -> Int in
                guard line >= 1, line <= lineStarts.count else { return Self.column(in: UnsafeBufferPointer(rebasing: bytes[0..<0]), byteColumn: 1) }
                let start = lineStarts[line - 1]
                let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
                return Self.column(in: UnsafeBufferPointer(rebasing: bytes[start..<end]), byteColumn: Int(cmark_node_get_start_column(node)))
            }
            let location = SourceLocation(file: file, line: line + firstLine - 1, column: column)
            links.append(EntryLink(kind: kind, target: target, fragment: fragment, text: Self.text(of: node), location: location))
            if markingURLs { cmark_node_set_url(node, "\(Self.marker)\(links.count - 1)") }
        }
        return links
    }

    /// The 1-based column, in Unicode scalars, of a link that cmark places at `byteColumn` (1-based, in bytes).
    ///
    /// cmark counts bytes, and on a paragraph's continuation lines it counts from after the indentation it stripped,
    /// so the `[` that opens the link is looked for at both places.
    static func column(in line: UnsafeBufferPointer<UInt8>, byteColumn: Int) -> Int {
        var offset = max(0, byteColumn - 1)
        if offset >= line.count || line[offset] != UInt8(ascii: "[") {
            let indent = line.prefix { $0 == 0x20 || $0 == 0x09 }.count
            if offset + indent < line.count, line[offset + indent] == UInt8(ascii: "[") { offset += indent }
        }
        // Scalars are counted by their first bytes: the text came from a Swift string, so it is valid UTF-8, and
        // every scalar has exactly one byte that is not a continuation byte (10xxxxxx).
        var scalars = 0
        for index in 0..<min(offset, line.count) where line[index] & 0xC0 != 0x80 { scalars += 1 }
        return scalars + 1
    }

    /// The offset of the first byte of each line of `text` (lines end at "\n"; the last may be empty).
    static func lineStarts(_ text: [UInt8]) -> [Int] {
        var starts = [0]
        text.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            // `memchr` finds each line end a word or more at a time.
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
                starts.append(offset)
            }
        }
        return starts
    }

    /// The plain text inside a node: its text and code children, in order.
    static func text(of node: OpaquePointer) -> String {
        var result = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                result += String(cString: literal)
            } else {
                result += text(of: current)
            }
            child = cmark_node_next(current)
        }
        return result
    }

    /// `(kind, target, fragment)` when `url` names an entry (`city:us/houston#partners`).
    static func entryLink(in url: String) -> (EntryLink.Kind, String, String?)? {
        guard let colon = url.firstIndex(of: ":"), let kind = EntryLink.Kind(rawValue: String(url[..<colon])) else { return nil }
        var rest = String(url[url.index(after: colon)...])
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        return (kind, rest, fragment)
    }

    /// Cuts the HTML at each marker into text and link segments (a byte scan: most bodies have one or no link).
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [RichText.Segment] {
        let marker = Array(Self.marker.utf8)
        var segments: [RichText.Segment] = []
        var textStart = 0
        var index = 0
        guard let base = bytes.baseAddress else { return [] }
        while index + marker.count <= bytes.count {
            // The next byte that could start a marker, found by `memchr` (most bodies have no entry link at all).
            guard let found = memchr(base + index, Int32(marker[0]), bytes.count - marker.count + 1 - index) else { break }
            index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            guard UnsafeBufferPointer(rebasing: bytes[index..<index + marker.count]).elementsEqual(marker) else {
                index += 1
                continue
            }
            if index > textStart { segments.append(.html(String(decoding: UnsafeBufferPointer(rebasing: bytes[textStart..<index]), as: UTF8.self))) }
            var end = index + marker.count
            var number = 0
            while end < bytes.count, (0x30...0x39).contains(bytes[end]) {
                number = number * 10 + Int(bytes[end] - 0x30)
                end += 1
            }
            segments.append(.link(number))
            textStart = end
            index = end
        }
        if textStart < bytes.count { segments.append(.html(String(decoding: UnsafeBufferPointer(rebasing: bytes[textStart...]), as: UTF8.self))) }
        return segments
    }
}
