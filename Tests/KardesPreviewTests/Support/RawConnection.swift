import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A TCP connection to the server under test that sends exactly the bytes it is given.
///
/// HTTP client libraries normalise `..` and percent-encoding away before sending, so the path tests write the
/// request line themselves. Reading is non-blocking and polls with `Task.sleep`, so a waiting test never holds one
/// of the few threads the server needs to answer.
final class RawConnection {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let socketDescriptor: Int32
    private var isClosed = false
    /// Everything received so far.
    private(set) var received: [UInt8] = []
    /// Whether the server closed the connection.
    private(set) var isClosedByServer = false

    /// Connects to `127.0.0.1` at a port.
    init(port: Int) throws {
        #if canImport(Darwin)
        socketDescriptor = socket(AF_INET, SOCK_STREAM, 0)
        #else
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard socketDescriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            _ = systemClose(socketDescriptor)
            throw Failure(description: "connect() to port \(port) failed: errno \(errno)")
        }
        _ = fcntl(socketDescriptor, F_SETFL, fcntl(socketDescriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close()
    }

    /// Closes the connection from this side, as a browser does when a page goes away.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = systemClose(socketDescriptor)
    }

    /// Sends text as it is, byte for byte.
    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { write(socketDescriptor, $0.baseAddress, $0.count) }
            guard sent > 0 else { throw Failure(description: "write() failed: errno \(errno)") }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Reads until `isComplete` holds for everything received, or the server closes the connection.
    /// - Throws: ``Failure`` when neither happens within the timeout.
    func receive(timeout: Duration = .seconds(60), until isComplete: ([UInt8]) -> Bool = { _ in false }) async throws {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !isComplete(received) {
            let count = buffer.withUnsafeMutableBytes { read(socketDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                received += buffer[..<count]
                continue
            }
            if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                isClosedByServer = true
                return
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "timed out; received so far:\n\(String(decoding: received, as: UTF8.self))")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Reads until the received text contains a string.
    func receive(containing text: String, timeout: Duration = .seconds(60)) async throws {
        try await receive(timeout: timeout) { String(decoding: $0, as: UTF8.self).contains(text) }
        guard receivedText.contains(text) else { throw Failure(description: "connection closed before \(text) arrived") }
    }

    /// Everything received so far, as UTF-8 text.
    var receivedText: String { String(decoding: received, as: UTF8.self) }
}

/// The C `close`, which the method of the same name hides inside ``RawConnection``.
private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
