import Foundation
import KardesMarkdown
import KardesModel

/// Makes the HTML of a deferred body (``RichText/Deferred``) when its page is rendered, by reading its file again.
///
/// The loader keeps a partnership's entry links and a fingerprint of its Markdown rather than its HTML: the HTML of
/// every body of a large directory would be most of a build's memory, and only one page shows each. The file is read,
/// split and rendered exactly as the loader did, so the page is the same as if the HTML had been kept; a file whose
/// text no longer matches the fingerprint changed during the build, and is reported rather than shown.
public struct BodyReader: Sendable {
    /// The site folder, holding `content/`.
    public let root: URL
    /// The Markdown options the content was loaded with.
    public let markdown: MarkdownRenderer

    /// `root` as a file system path.
    let rootPath: String

    public init(root: URL, markdown: MarkdownRenderer) {
        self.root = root
        self.markdown = markdown
        self.rootPath = root.path
    }

    /// `body` with its HTML: itself unless deferred, otherwise rendered from its file.
    /// - Returns: the body, or an error at the file when it cannot be read again or no longer holds the same text.
    public func html(of body: RichText) -> Result<RichText, Diagnostic> {
        guard let deferred = body.deferred else { return .success(body) }
        let changed = Diagnostic.error(
            "changed-during-build", at: SourceLocation(file: deferred.file), "the file changed while the site was being built",
            fix: "build again once the file is saved")
        guard let bytes = FileBytes.read(FileBytes.path(rootPath, deferred.file)),
            case .success(let text) = ContentLoader.decode(bytes: bytes, path: deferred.file),
            let split = try? SplitFile.split(text, file: deferred.file),
            RichText.fingerprint(of: split.body) == deferred.fingerprint
        else { return .failure(changed) }
        let rendered = markdown.render(split.body, file: deferred.file, firstLine: split.bodyFirstLine)
        // The same text gives the same links; a different first line (front matter edited) moves their positions.
        guard rendered.links == body.links else { return .failure(changed) }
        return .success(rendered)
    }
}
