import Hummingbird

/// The bytes of the events stream: server-sent events whose `data:` line is one JSON object with a `type`.
///
/// ```
/// retry: 1000
/// data: {"type":"hello","server":"6F1C…","build":2}
///
/// data: {"type":"rebuilt","build":3,"changedPaths":["/cities/tr/istanbul/","/style.css"]}
///
/// : keep-alive
///
/// ```
enum EventFrame {
    /// A comment line, ignored by `EventSource`, that keeps proxies from closing a quiet connection.
    static let keepAlive = ByteBuffer(string: ": keep-alive\n\n")

    /// What a page receives first: a one-second reconnection delay, the hello, and the remembered failure if the
    /// last build failed.
    static func opening(server: String, build: Int, failure: String?) -> ByteBuffer {
        var text = "retry: 1000\n" + data(#"{"type":"hello","server":\#(quoted(server)),"build":\#(build)}"#)
        if let failure { text += frame(for: .failed(diagnostics: failure), build: build) }
        return ByteBuffer(string: text)
    }

    /// The frame announcing a build.
    static func event(_ event: PreviewEvent, build: Int) -> ByteBuffer {
        ByteBuffer(string: frame(for: event, build: build))
    }

    private static func frame(for event: PreviewEvent, build: Int) -> String {
        switch event {
        case .rebuilt(let paths):
            let list = paths.map(quoted).joined(separator: ",")
            return data(#"{"type":"rebuilt","build":\#(build),"changedPaths":[\#(list)]}"#)
        case .failed(let diagnostics):
            return data(#"{"type":"failed","build":\#(build),"diagnostics":\#(quoted(diagnostics))}"#)
        }
    }

    private static func data(_ json: String) -> String {
        "data: \(json)\n\n"
    }

    /// A JSON string literal; control characters are escaped, so the object always stays on one `data:` line.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
