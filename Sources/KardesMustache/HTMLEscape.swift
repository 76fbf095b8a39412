// MARK: - HTML escaping

/// Replacements swift-mustache's `String.htmlEscape()` makes, by byte.
private let lessThan = Array("&lt;".utf8)
private let greaterThan = Array("&gt;".utf8)
private let ampersand = Array("&amp;".utf8)
private let quote = Array("&quot;".utf8)
private let apostrophe = Array("&#39;".utf8)

/// Whether each byte is one that escaping replaces; a pointer that lives as long as the process, so reading it checks
/// no bounds.
nonisolated(unsafe) private let specialBytes: UnsafePointer<Bool> = {
    let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
    table.initialize(repeating: false, count: 256)
    for byte in "<>&\"'".utf8 { table[Int(byte)] = true }
    return UnsafePointer(table)
}()

/// Appends `string` to `output`, HTML-escaped exactly as swift-mustache escapes it.
///
/// swift-mustache compares whole `Character`s, so a `<` that a combining mark (or a prepended mark) joins into a
/// larger character is not escaped. That can only happen when a non-ASCII byte touches the special byte; then
/// this falls back to the character loop, otherwise it escapes byte by byte.
func appendEscaped(_ string: String, to output: inout [UInt8]) {
    let start = output.count
    // Read in place: `withUTF8` needs a `var` copy of the string, a retain and a release for every escaped tag.
    // A string without contiguous UTF-8 (bridged from Objective-C) is made native first.
    let finished =
        string.utf8.withContiguousStorageIfAvailable { appendEscaped(bytes: $0, to: &output) }
        ?? { var native = string; return native.withUTF8 { appendEscaped(bytes: $0, to: &output) } }()
    if !finished {
        output.removeSubrange(start...)
        appendEscapedByCharacter(string, to: &output)
    }
}

/// Appends `substring` to `output`, HTML-escaped.
func appendEscaped(_ substring: Substring, to output: inout [UInt8]) {
    var substring = substring
    let start = output.count
    let finished = substring.withUTF8 { appendEscaped(bytes: $0, to: &output) }
    if !finished {
        output.removeSubrange(start...)
        appendEscapedByCharacter(String(substring), to: &output)
    }
}

/// The fast path; returns false (having appended part of the text) when a special byte touches non-ASCII.
private func appendEscaped(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
    var runStart = 0
    let special = specialBytes
    for index in 0..<bytes.count {
        // One load says whether the byte is one of the five; most bytes of most texts are not.
        guard special[Int(bytes[index])] else { continue }
        let replacement: [UInt8]
        switch bytes[index] {
        case UInt8(ascii: "<"): replacement = lessThan
        case UInt8(ascii: ">"): replacement = greaterThan
        case UInt8(ascii: "&"): replacement = ampersand
        case UInt8(ascii: "\""): replacement = quote
        case UInt8(ascii: "'"): replacement = apostrophe
        default: continue
        }
        if (index + 1 < bytes.count && bytes[index + 1] >= 0x80) || (index > 0 && bytes[index - 1] >= 0x80) {
            return false
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        output.append(contentsOf: replacement)
        runStart = index + 1
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    return true
}

private func appendEscapedByCharacter(_ string: String, to output: inout [UInt8]) {
    for character in string {
        switch character {
        case "<": output.append(contentsOf: lessThan)
        case ">": output.append(contentsOf: greaterThan)
        case "&": output.append(contentsOf: ampersand)
        case "\"": output.append(contentsOf: quote)
        case "'": output.append(contentsOf: apostrophe)
        default: output.append(contentsOf: character.utf8)
        }
    }
}
