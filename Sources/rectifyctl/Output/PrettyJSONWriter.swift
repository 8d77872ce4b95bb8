import Foundation

/// Writes JSON as it goes, byte for byte as `JSONEncoder` with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` would (two-space indent, `"key" : value`, an
/// empty container as an empty line), so `check --json` streams without changing its output.
/// Keys are written in the order given: callers give them sorted.
struct PrettyJSONWriter {
    var out: OutputBuffer
    /// Per open container: whether it has a member yet.
    private var filled: [Bool] = []

    init(_ out: OutputBuffer) { self.out = out }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an object member; its value follows.
    mutating func key(_ name: StaticString) {
        separate()
        out.append(byte: UInt8(ascii: "\""))
        out.append(name)
        out.append("\" : " as StaticString)
    }

    /// A key that is not known in advance (a count's state), written as a string would be.
    mutating func key(_ name: String) {
        separate()
        string(name)
        out.append(" : " as StaticString)
    }

    /// Starts an array element; its value follows.
    mutating func element() { separate() }

    mutating func string(_ text: String) {
        out.append(byte: UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                out.bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): out.append("\\\"" as StaticString)
                case UInt8(ascii: "\\"): out.append("\\\\" as StaticString)
                case 0x08: out.append("\\b" as StaticString)
                case 0x0C: out.append("\\f" as StaticString)
                case 0x0A: out.append("\\n" as StaticString)
                case 0x0D: out.append("\\r" as StaticString)
                case 0x09: out.append("\\t" as StaticString)
                case 0..<0x20:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append("\\u00" as StaticString)
                    out.append(byte: hex[Int(byte >> 4)])
                    out.append(byte: hex[Int(byte & 0xF)])
                default: out.append(byte: byte)
                }
            }
        }
        out.append(byte: UInt8(ascii: "\""))
        out.flushIfFull()
    }

    /// Bytes that are already a JSON string's contents (dates, times: digits and punctuation).
    mutating func string(bytes: [UInt8]) {
        out.append(byte: UInt8(ascii: "\""))
        out.bytes.append(contentsOf: bytes)
        out.append(byte: UInt8(ascii: "\""))
    }

    mutating func int(_ value: Int) { out.append(String(value)) }

    mutating func bool(_ value: Bool) { out.append(value ? "true" as StaticString : "false") }

    /// As `JSONEncoder` writes a `Double`: whole numbers below 2^53 without a fraction, others as
    /// Swift describes them (`0.25`, `1e-05`).
    mutating func double(_ value: Double) {
        if value.rounded(.towardZero) == value, value.magnitude < 9_007_199_254_740_992 {
            if value == 0 && value.sign == .minus { out.append("-0" as StaticString) } else { int(Int(value)) }
        } else {
            out.append(value.description)
        }
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(byte: bracket)
        filled.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = filled.removeLast()
        out.append(byte: UInt8(ascii: "\n"))
        if !hadMembers { out.append(byte: UInt8(ascii: "\n")) }
        out.append(spaces: filled.count * 2)
        out.append(byte: bracket)
        out.flushIfFull()
    }

    private mutating func separate() {
        if filled[filled.count - 1] { out.append(byte: UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
        out.append(byte: UInt8(ascii: "\n"))
        out.append(spaces: filled.count * 2)
    }
}
