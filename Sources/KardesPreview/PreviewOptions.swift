import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where the preview server serves from and how it listens.
public struct PreviewOptions: Sendable {
    /// The built output folder; nothing outside it is ever served.
    public var root: URL
    /// The interface to listen on. The loopback default keeps the preview private to this machine.
    public var host: String
    /// The port to listen on; `0` picks any free port, which ``PreviewServer/run(onReady:)`` reports.
    public var port: Int
    /// Whether Hummingbird logs every request (and its own notices) at `info` level; otherwise it logs only
    /// critical problems.
    public var logRequests: Bool
    /// How often the events stream sends a comment, so proxies keep it open and closed pages are noticed.
    public var keepAliveInterval: Duration

    /// Creates options for serving a built site.
    /// - Parameters:
    ///   - root: the built output folder, such as `public/`.
    ///   - host: the interface to listen on; `127.0.0.1` by default.
    ///   - port: the port to listen on; `8000` by default, `0` for any free port.
    ///   - logRequests: whether to log every request.
    ///   - keepAliveInterval: the interval between keep-alive comments on the events stream; 15 seconds by default.
    public init(
        root: URL, host: String = "127.0.0.1", port: Int = 8000, logRequests: Bool = false,
        keepAliveInterval: Duration = .seconds(15)
    ) {
        self.root = root
        self.host = host
        self.port = port
        self.logRequests = logRequests
        self.keepAliveInterval = keepAliveInterval
    }

    /// Whether ``host`` only accepts connections from this machine: `localhost`, `127.0.0.0/8`, `::1`, or an
    /// IPv4-mapped `::ffff:127.x.x.x`. The command warns when this is `false`, because the site is then visible to
    /// the network. Host names other than `localhost` count as not loopback.
    public var isLoopback: Bool {
        let address = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if address.lowercased() == "localhost" { return true }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, address, &ipv4) == 1 {
            return withUnsafeBytes(of: &ipv4) { $0.first } == 127
        }
        var ipv6 = in6_addr()
        guard inet_pton(AF_INET6, address, &ipv6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &ipv6) { Array($0) }
        let loopback = Array(repeating: 0, count: 15) + [1] as [UInt8]
        let mappedPrefix = Array(repeating: 0, count: 10) + [0xFF, 0xFF] as [UInt8]
        return bytes == loopback || (bytes.prefix(12).elementsEqual(mappedPrefix) && bytes[12] == 127)
    }

    /// The address pages are served at, for a port the server actually listens on.
    ///
    /// A server listening on every interface (`0.0.0.0`, `::`) is reported at the loopback address, because
    /// browsers refuse to open the unspecified address.
    func url(port: Int) -> URL? {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let address: String
        switch bare {
        case "0.0.0.0", "": address = "127.0.0.1"
        case "::", "::0": address = "[::1]"
        default: address = bare.contains(":") ? "[\(bare)]" : bare
        }
        return URL(string: "http://\(address):\(port)/")
    }
}
