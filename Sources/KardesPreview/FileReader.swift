import Hummingbird

/// Reads files through Hummingbird's `FileIO`, which does the reading on NIO's thread pool instead of blocking a
/// request task.
struct FileReader: Sendable {
    private let fileIO = FileIO()

    /// A body that streams the file in chunks; its length is the file's size when the body was made.
    /// - Throws: `HTTPError(.notFound)` when the file cannot be read.
    func body(of path: String, context: some RequestContext) async throws -> ResponseBody {
        try await fileIO.loadFile(path: path, context: context)
    }

    /// The whole file in memory, for pages that get the live-reload script.
    /// - Throws: `HTTPError(.notFound)` when the file cannot be read, or the error of a failed read.
    func contents(of path: String, context: some RequestContext) async throws -> ByteBuffer {
        let (chunks, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
        try await body(of: path, context: context).write(ChunkForwarder(continuation: continuation))
        var contents = ByteBuffer()
        for await chunk in chunks {
            var chunk = chunk
            contents.writeBuffer(&chunk)
        }
        return contents
    }
}

/// A body writer that hands each chunk to an unbounded stream, so a body can be gathered into one buffer.
private struct ChunkForwarder: ResponseBodyWriter {
    let continuation: AsyncStream<ByteBuffer>.Continuation

    mutating func write(_ buffer: ByteBuffer) async throws {
        continuation.yield(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        continuation.finish()
    }
}
