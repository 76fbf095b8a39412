/// Why the preview server could not serve.
public enum PreviewError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Listening on the address failed, usually because another program uses the port.
    case cannotListen(host: String, port: Int, reason: String)

    /// The problem and what to do about it, for the terminal.
    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            return "cannot serve on \(host):\(port): \(reason)\n    fix: stop the program using port \(port), or choose another port"
        }
    }
}
