import Foundation

/// A minimal pull parser over UTF-8 JSON bytes, for reading large plan files straight into
/// the model without building a tree. Any malformed input throws `JSONCursor.Failure`; the
/// caller then reads the file through Yams to say what is wrong and where. It is strict where
/// Yams is lenient (a trailing comma, a key twice in one object): those failures carry their
/// byte offset and a sentence, and `syntaxError(in:)` finds them for the slow path too.
package struct JSONCursor: PlanCursor {
    package struct Failure: Error {
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

    /// Bytes read so far (the caller may give back the pages before this offset).
    package var offset: Int { index }

    package init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    @inline(__always)
    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20: skipSpaceRun()
            case 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// A run of spaces, eight bytes at a time (pretty-printed plans are half indentation): the
    /// first byte that is not a space ends the run, found by its position in the word.
    private mutating func skipSpaceRun() {
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x2020_2020_2020_2020
            if word != 0 {
                index += UInt64(littleEndian: word).trailingZeroBitCount / 8
                return
            }
            index += 8
        }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw Failure() }
        index += 1
    }

    @inline(__always)
    private mutating func peek() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// True (and consumed) when the next value is `null`.
    package mutating func consumeNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    package var isAtStringValue: Bool {
        mutating get { peek() == UInt8(ascii: "\"") }
    }

    package var isAtObject: Bool {
        mutating get { peek() == UInt8(ascii: "{") }
    }

    /// A value read through `read`, or the one `memo` holds for the bytes that follow (an
    /// object or a string repeated byte for byte is read once: `SpanMemo`).
    package mutating func memoized<T>(_ memo: SpanMemo<T>, _ read: (inout JSONCursor) throws -> T) throws -> T {
        skipSpace()
        let start = index
        // Objects and strings only: they end where their own bytes say (a number does not).
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "\"") else {
            return try read(&self)
        }
        if let (value, length) = memo.value(at: UnsafeRawBufferPointer(rebasing: bytes[start...])) {
            index = start + length
            return value
        }
        let value = try read(&self)
        memo.insert(value, for: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        return value
    }

    /// Reads an object, calling `field` for each key; `field` must consume the value.
    ///
    /// Keys are handed over as bytes (`FieldKey`), not strings: a plan of 100,000 items has over
    /// a million of them. A key seen twice is a failure with a sentence; checking costs no
    /// allocation: a 64-bit filter of the keys so far, and only when it says "maybe" are the
    /// object's earlier keys read again.
    package mutating func object(_ field: (inout JSONCursor, FieldKey) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        let objectStart = index - 1
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        // The full hashes of the first 16 keys, compared exactly; a filter for any later ones.
        // (A 64-bit filter alone said "maybe" for most notice entries, of fifteen keys each, and
        // the check read the object's keys again: a twentieth of delivering the cold backlog.)
        try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { seen in
            var count = 0
            var filter: UInt64 = 0
            while true {
                skipSpace()
                let keyOffset = index
                let key = try keyBytes()
                let hash = key.fullHash
                var maybe = false
                for i in 0..<min(count, seen.count) where seen[i] == hash {
                    maybe = true
                    break
                }
                if count < seen.count {
                    seen[count] = hash
                } else {
                    let bit: UInt64 = 1 << ((hash >> 7) & 63)
                    if filter & bit != 0 { maybe = true }
                    filter |= bit
                }
                count += 1
                if maybe, Self.hasKey(key, in: bytes, objectAt: objectStart, before: keyOffset) {
                    throw Failure("the key '\(key.text)' appears twice in one object; keep one.", at: keyOffset)
                }
                try expect(UInt8(ascii: ":"))
                try field(&self, key)
                if try separator(closing: UInt8(ascii: "}")) { return }
            }
        }
    }

    /// Whether the object starting at `objectAt` has `key` among its keys before `end` (the rare
    /// path of the duplicate check: the filter said "maybe").
    private static func hasKey(_ key: FieldKey, in bytes: UnsafeRawBufferPointer, objectAt start: Int, before end: Int) -> Bool {
        var cursor = JSONCursor(bytes)
        cursor.index = start + 1
        while cursor.index < end {
            cursor.skipSpace()
            guard cursor.index < end, let other = try? cursor.keyBytes() else { return false }
            if other == key { return true }
            guard (try? cursor.expect(UInt8(ascii: ":"))) != nil, (try? cursor.skipValue()) != nil else { return false }
            cursor.skipSpace()
            guard cursor.index < end, cursor.bytes[cursor.index] == UInt8(ascii: ",") else { return false }
            cursor.index += 1
        }
        return false
    }

    /// A key's bytes as they stand between the quotes (escapes are compared as written).
    private mutating func keyBytes() throws -> FieldKey {
        try expect(UInt8(ascii: "\""))
        let start = index
        var high: UInt8 = 0
        let escaped = try scanToQuote(high: &high)
        defer { index += 1 }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        guard escaped else { return FieldKey(bytes: raw, unescaped: nil) }
        guard UTF8Check.isValid(raw) else { throw Failure() }
        return FieldKey(bytes: raw, unescaped: try Self.unescape(String(decoding: raw, as: UTF8.self)))
    }

    package mutating func array(_ element: (inout JSONCursor) throws -> Void) throws {
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
    package mutating func skipValue() throws {
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

    package mutating func string() throws -> String {
        let (raw, escaped, ascii) = try stringBytes()
        // ASCII needs no validation; other text is checked here (invalid UTF-8 sends the file to
        // the slow path, which names the line), then made a String without the generic validator.
        guard ascii || UTF8Check.isValid(raw) else { throw Failure() }
        let text = String(decoding: raw, as: UTF8.self)
        return escaped ? try Self.unescape(text) : text
    }

    /// A string with white space trimmed at both ends, as the YAML path trims (Foundation's
    /// trimming runs only when an end may be white space).
    package mutating func trimmedString() throws -> String {
        let (raw, escaped, ascii) = try stringBytes()
        guard ascii || UTF8Check.isValid(raw) else { throw Failure() }
        let text = String(decoding: raw, as: UTF8.self)
        if escaped { return PlanText.trimmed(try Self.unescape(text)) }
        guard WhiteSpaceBytes.mayStart(raw) || WhiteSpaceBytes.mayEnd(raw) else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A string's bytes, for values read without making a String (dates, times, words of a
    /// closed set); an escaped one is unescaped first.
    package mutating func withStringBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        let (raw, escaped, ascii) = try stringBytes()
        guard ascii || UTF8Check.isValid(raw) else { throw Failure() }
        guard escaped else { return try body(raw) }
        var text = try Self.unescape(String(decoding: raw, as: UTF8.self))
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }

    /// The bytes between the quotes, whether they hold an escape, whether they are all ASCII.
    private mutating func stringBytes() throws -> (UnsafeRawBufferPointer, escaped: Bool, ascii: Bool) {
        try expect(UInt8(ascii: "\""))
        let start = index
        var high: UInt8 = 0
        let escaped = try scanToQuote(high: &high)
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        index += 1
        return (raw, escaped, high < 0x80)
    }

    /// Moves to the closing quote of a string whose first byte is at `index`; returns whether
    /// it holds an escape, and ORs its bytes into `high` (for the ASCII test). Byte by byte:
    /// plan strings are short, and eight at a time measured slower.
    @inline(__always)
    private mutating func scanToQuote(high: inout UInt8) throws -> Bool {
        var escaped = false
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { return escaped }
            if b == UInt8(ascii: "\\") {
                escaped = true
                index += 2
                continue
            }
            if b < 0x20 { throw Failure() }
            high |= b
            index += 1
        }
        throw Failure()
    }

    package mutating func int() throws -> Int {
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

    /// A number as a Double (what JSONEncoder writes for a Date: seconds since 2001).
    package mutating func double() throws -> Double {
        skipSpace()
        let start = index
        while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
        guard index > start, let value = Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        else { throw Failure() }
        return value
    }

    private static let numberBytes: Set<UInt8> = Set("0123456789+-.eE".utf8)

    package mutating func bool() throws -> Bool {
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

    package mutating func end() throws {
        skipSpace()
        guard index == bytes.count else { throw Failure() }
    }
}
