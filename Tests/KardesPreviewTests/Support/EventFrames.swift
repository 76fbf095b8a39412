import Foundation

/// One live-reload message, decoded from a `data:` line of the events stream.
struct ReceivedEvent: Decodable, Equatable {
    var type: String
    var build: Int?
    var server: String?
    var changedPaths: [String]?
    var diagnostics: String?

    /// Every message in the text received so far, in order; chunk-size lines and comments are skipped.
    static func all(in text: String) throws -> [ReceivedEvent] {
        try text.split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix("data: ") }
            .map { try JSONDecoder().decode(ReceivedEvent.self, from: Data($0.dropFirst("data: ".count).utf8)) }
    }
}

extension RunningServer {
    /// Opens the events stream as a page does and waits for the first message.
    func openEventStream() async throws -> RawConnection {
        let connection = try RawConnection(port: port)
        try connection.send("GET /__kardes/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        try await connection.receive(containing: #""type":"hello""#)
        return connection
    }

    /// Waits until `count` messages have arrived on a stream, and returns all of them.
    func events(on connection: RawConnection, count: Int) async throws -> [ReceivedEvent] {
        try await connection.receive { bytes in
            ((try? ReceivedEvent.all(in: String(decoding: bytes, as: UTF8.self)).count) ?? 0) >= count
        }
        return try ReceivedEvent.all(in: connection.receivedText)
    }
}
