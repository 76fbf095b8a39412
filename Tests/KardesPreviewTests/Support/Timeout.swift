/// The test took longer than it may.
struct TimedOut: Error, CustomStringConvertible {
    let description: String
}

/// Runs `body`, failing instead of hanging when it does not finish in time (as a server that wrongly keeps
/// running would).
func withTimeout<Value: Sendable>(
    _ limit: Duration = .seconds(60), _ what: String, _ body: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut(description: "\(what) did not finish within \(limit)")
        }
        defer { group.cancelAll() }
        guard let value = try await group.next() else { throw TimedOut(description: "\(what) produced nothing") }
        return value
    }
}
