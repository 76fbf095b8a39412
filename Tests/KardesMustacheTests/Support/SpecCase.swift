import Foundation
import Testing

/// One test of the official Mustache specification, from the JSON files in `Spec/`.
struct SpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let template: String
    let partials: [String: String]
    let expected: String
    /// The case's data as JSON, decoded again by `data()`: `Any` is not `Sendable`.
    let dataJSON: Data

    var testDescription: String { "\(file): \(name)" }

    /// The key naming this case in lists of known deviations.
    var key: String { "\(file): \(name)" }

    /// The data as Swift values: JSON booleans become `Bool`, numbers `Int` or `Double`, `null` stays `NSNull`.
    func data() -> Any {
        let object = (try? JSONSerialization.jsonObject(with: dataJSON, options: [.fragmentsAllowed])) ?? NSNull()
        return Self.swiftValue(object)
    }

    /// The template and partials, named for a library; the template is `__test__`.
    var templates: [String: String] {
        partials.merging(["__test__": template]) { _, test in test }
    }

    static func swiftValue(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            return dictionary.mapValues(swiftValue)
        case let array as [Any]:
            return array.map(swiftValue)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": return number.boolValue
            case "d", "f": return number.doubleValue
            default: return number.intValue
            }
        default:
            return value
        }
    }

    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    /// Every case of every file, in file order.
    static let all: [SpecCase] = files.flatMap { file -> [SpecCase] in
        let path = testsDirectory() + "/Spec/\(file).json"
        guard let data = FileManager.default.contents(atPath: path),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let tests = root["tests"] as? [[String: Any]]
        else { return [] }
        return tests.map { test in
            SpecCase(
                file: file,
                name: test["name"] as? String ?? "",
                template: test["template"] as? String ?? "",
                partials: test["partials"] as? [String: String] ?? [:],
                expected: test["expected"] as? String ?? "",
                dataJSON: (try? JSONSerialization.data(withJSONObject: test["data"] ?? NSNull(), options: [.fragmentsAllowed]))
                    ?? Data())
        }
    }
}
