import Foundation

/// Whole-text helpers of the JSON plan reader: where a document's first trailing comma or
/// repeated key is, and a string's escapes undone.
extension JSONCursor {
    /// The first trailing comma or repeated key in a JSON document, as line, column (in
    /// characters, both from 1) and a sentence; nil when there is none (other faults are
    /// left to Yams, which names them).
    static func syntaxError(in text: String) -> (line: Int, column: Int, problem: String)? {
        let utf8 = Array(text.utf8)
        let failure: Failure? = utf8.withUnsafeBytes { bytes in
            var cursor = JSONCursor(bytes)
            do {
                try cursor.skipValue()
                try cursor.end()
                return nil
            } catch let failure as Failure {
                return failure
            } catch {
                return nil
            }
        }
        guard let failure, let problem = failure.problem else { return nil }
        let before = utf8[..<failure.offset]
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = String(decoding: utf8[lineStart..<failure.offset], as: UTF8.self).count + 1
        return (line, column, problem)
    }

    static func unescape(_ text: String) throws -> String {
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pendingHigh: UInt32?
        while let c = scalars.next() {
            guard c == "\\" else {
                out.unicodeScalars.append(c)
                continue
            }
            guard let e = scalars.next() else { throw Failure() }
            switch e {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "/": out.append("/")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                var value: UInt32 = 0
                for _ in 0..<4 {
                    guard let h = scalars.next(), let digit = UInt32(String(h), radix: 16) else { throw Failure() }
                    value = value * 16 + digit
                }
                if (0xD800...0xDBFF).contains(value) {
                    pendingHigh = value
                    continue
                }
                if (0xDC00...0xDFFF).contains(value), let high = pendingHigh {
                    value = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                    pendingHigh = nil
                }
                guard let scalar = Unicode.Scalar(value) else { throw Failure() }
                out.unicodeScalars.append(scalar)
            default: throw Failure()
            }
        }
        return out
    }
}
