import Foundation

/// A response as read off the wire, parsed just enough for the tests.
struct RawResponse {
    let status: Int
    /// Header fields by lowercased name.
    let headers: [String: String]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// Parses the bytes of one response whose connection the server closed after it.
    init(parsing bytes: [UInt8]) throws {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            throw RawConnection.Failure(description: "no end of header in:\n\(String(decoding: bytes, as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawConnection.Failure(description: "bad status line: \(lines[0])")
        }
        self.status = status
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let name = line[..<colon].lowercased()
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        self.headers = headers
        self.body = Array(bytes[(end + separator.count)...])
    }
}
