/// A minimal pull parser over UTF-8 JSON bytes, for reading large plan files straight into
/// the model without building a tree. Any malformed input throws `JSONCursor.Failure`; the
/// caller then reads the file through Yams to say what is wrong and where. It is strict where
/// Yams is lenient (a trailing comma, a key twice in one object): those failures carry their
/// byte offset and a sentence, and `syntaxError(in:)` finds them for the slow path too.
struct JSONCursor {
    struct Failure: Error {
        /// Set for the syntax faults Yams would accept; nil for anything Yams explains itself.
        var problem: String?
        var offset = 0
        init() {}
        init(_ problem: String, at offset: Int) {
            self.problem = problem
            self.offset = offset
        }
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw Failure() }
        index += 1
    }

    private mutating func peek() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// True (and consumed) when the next value is `null`.
    mutating func consumeNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    var isAtStringValue: Bool {
        mutating get { peek() == UInt8(ascii: "\"") }
    }

    var isAtObject: Bool {
        mutating get { peek() == UInt8(ascii: "{") }
    }

    /// Reads an object, calling `field` for each key; `field` must consume the value.
    mutating func object(_ field: (inout JSONCursor, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        var keys: [String] = []
        while true {
            skipSpace()
            let keyOffset = index
            let key = try string()
            // A linear search: plan objects have a dozen keys, and a Set per item costs more.
            if keys.contains(key) {
                throw Failure("the key '\(key)' appears twice in one object; keep one.", at: keyOffset)
            }
            keys.append(key)
            try expect(UInt8(ascii: ":"))
            try field(&self, key)
            if try separator(closing: UInt8(ascii: "}")) { return }
        }
    }

    mutating func array(_ element: (inout JSONCursor) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try element(&self)
            if try separator(closing: UInt8(ascii: "]")) { return }
        }
    }

    /// After a member: consumes `,` (false: another follows) or `closing` (true: done).
    private mutating func separator(closing: UInt8) throws -> Bool {
        skipSpace()
        guard index < bytes.count else { throw Failure() }
        if bytes[index] == closing {
            index += 1
            return true
        }
        guard bytes[index] == UInt8(ascii: ",") else { throw Failure() }
        let comma = index
        index += 1
        if peek() == closing {
            throw Failure("a trailing comma before '\(Character(Unicode.Scalar(closing)))'; JSON allows none: remove it.", at: comma)
        }
        return false
    }

    /// Reads any value and drops it: the syntax check of a whole document.
    mutating func skipValue() throws {
        switch peek() {
        case UInt8(ascii: "{"): try object { c, _ in try c.skipValue() }
        case UInt8(ascii: "["): try array { c in try c.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): guard consumeNull() else { throw Failure() }
        default:
            // A number: Yams checks its form; here it only has to end.
            let start = index
            while index < bytes.count, !Self.delimiters.contains(bytes[index]) { index += 1 }
            guard index > start else { throw Failure() }
        }
    }

    private static let delimiters: Set<UInt8> = [0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")]

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

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var escaped = false
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                escaped = true
                index += 2
                continue
            }
            if b < 0x20 { throw Failure() }
            index += 1
        }
        guard index < bytes.count else { throw Failure() }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        index += 1
        guard let text = String(validating: raw, as: UTF8.self) else { throw Failure() }
        return escaped ? try Self.unescape(text) : text
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

    mutating func int() throws -> Int {
        skipSpace()
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > start, index - start < 19 else { throw Failure() }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw Failure()
        }
        var value = 0
        var negative = false
        for i in start..<index {
            if bytes[i] == UInt8(ascii: "-") { negative = true } else { value = value * 10 + Int(bytes[i] - 0x30) }
        }
        return negative ? -value : value
    }

    mutating func bool() throws -> Bool {
        skipSpace()
        if index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "t"), bytes[index + 1] == UInt8(ascii: "r"),
            bytes[index + 2] == UInt8(ascii: "u"), bytes[index + 3] == UInt8(ascii: "e")
        {
            index += 4
            return true
        }
        if index + 5 <= bytes.count, bytes[index] == UInt8(ascii: "f"), bytes[index + 1] == UInt8(ascii: "a"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "s"), bytes[index + 4] == UInt8(ascii: "e")
        {
            index += 5
            return false
        }
        throw Failure()
    }

    mutating func end() throws {
        skipSpace()
        guard index == bytes.count else { throw Failure() }
    }
}
