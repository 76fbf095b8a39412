import KardesMustache
import Mustache

/// A view-model stand-in that both engines read through the same `child(named:)`.
struct TestObject: KardesMustache.MustacheObject, Mustache.MustacheParent, CustomStringConvertible {
    let fields: [String: Any]

    init(_ fields: [String: Any]) {
        self.fields = fields
    }

    func child(named name: String) -> Any? {
        // Like a view model's `switch`: a missing name is nil, a present one is whatever the field holds.
        guard let value = fields[name] else { return nil }
        return value
    }

    /// Deterministic, so `{{.}}` on an object prints the same text from both engines and across runs.
    var description: String { "TestObject(\(fields.keys.sorted().joined(separator: ",")))" }
}

/// Both engines over the same templates.
struct EnginePair {
    let ours: KardesMustache.MustacheLibrary
    let reference: Mustache.MustacheLibrary

    /// Parses every template with both engines; nil when either refuses one of them.
    init?(templates: [String: String]) {
        var ours: [String: KardesMustache.MustacheTemplate] = [:]
        var reference: [String: Mustache.MustacheTemplate] = [:]
        for (name, text) in templates {
            guard let template = try? KardesMustache.MustacheTemplate(text),
                let referenceTemplate = try? Mustache.MustacheTemplate(string: text)
            else { return nil }
            ours[name] = template
            reference[name] = referenceTemplate
        }
        self.ours = KardesMustache.MustacheLibrary(templates: ours)
        self.reference = Mustache.MustacheLibrary(templates: reference)
    }

    /// Our output and swift-mustache's, as bytes.
    func render(_ object: Any, template name: String) -> (ours: [UInt8], reference: [UInt8]) {
        var bytes: [UInt8] = []
        ours.render(object, template: name, into: &bytes)
        return (bytes, Array((reference.render(object, withTemplate: name) ?? "").utf8))
    }
}

/// What parsing `text` gives in each engine: nil, or the error kind with line and column.
struct ParseOutcome: Equatable, CustomStringConvertible {
    let kind: String
    let line: Int
    let column: Int

    static func ours(_ text: String) -> ParseOutcome? {
        do {
            _ = try KardesMustache.MustacheTemplate(text)
            return nil
        } catch {
            return ParseOutcome(kind: error.kind.rawValue, line: error.line, column: error.column)
        }
    }

    static func reference(_ text: String) -> ParseOutcome? {
        do {
            _ = try Mustache.MustacheTemplate(string: text)
            return nil
        } catch let error as Mustache.MustacheTemplate.ParserError {
            return ParseOutcome(
                kind: String(describing: error.error), line: error.context.lineNumber, column: error.context.columnNumber)
        } catch {
            return ParseOutcome(kind: "unexpected \(error)", line: 0, column: 0)
        }
    }

    var description: String { "\(line):\(column): \(kind)" }
}

/// SplitMix64: small, fast and the same on every platform, so generated cases are stable.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int(next() % UInt64(choices.count))]
    }

    mutating func chance(_ percent: Int) -> Bool {
        Int(next() % 100) < percent
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

/// The folder of this test target's sources, found from `#filePath` so tests can read files next to them.
func testsDirectory(_ filePath: String = #filePath) -> String {
    var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
    while let last = parts.last, last != "KardesMustacheTests" { parts.removeLast() }
    return parts.joined(separator: "/")
}
