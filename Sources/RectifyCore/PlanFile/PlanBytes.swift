import Foundation

/// A mapping's key as bytes in the document (JSON or YAML); `switch key { case "id": … }`
/// compares bytes. A JSON key written with escapes (`"\u0069d"`) is compared by what it means, as Yams reads it.
package struct FieldKey: Equatable {
    let bytes: UnsafeRawBufferPointer
    /// Set only for a key with escapes.
    let unescaped: String?

    package static func == (a: FieldKey, b: FieldKey) -> Bool {
        if a.unescaped != nil || b.unescaped != nil { return a.text == b.text }
        return a.bytes.count == b.bytes.count
            && (a.bytes.count == 0 || memcmp(a.bytes.baseAddress!, b.bytes.baseAddress!, a.bytes.count) == 0)
    }

    package static func ~= (pattern: StaticString, key: FieldKey) -> Bool {
        if let unescaped = key.unescaped {
            return pattern.withUTF8Buffer { unescaped.utf8.elementsEqual($0) }
        }
        return pattern.utf8CodeUnitCount == key.bytes.count
            && (key.bytes.count == 0 || memcmp(pattern.utf8Start, key.bytes.baseAddress!, key.bytes.count) == 0)
    }

    /// FNV-1a of what the key means (all 64 bits).
    var fullHash: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        if let unescaped {
            for b in unescaped.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        } else {
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return h
    }

    package var text: String { unescaped ?? String(decoding: bytes, as: UTF8.self) }
}

/// White space at the ends of a string's UTF-8 bytes: the scalars Foundation's
/// `.whitespacesAndNewlines` trims (and Unicode's White_Space), matched as bytes. "May", because
/// a false "yes" only costs a call to Foundation's trimming.
enum WhiteSpaceBytes {
    static func mayStart(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let first = b.first else { return false }
        if first < 0x80 { return first == 0x20 || (0x09...0x0D).contains(first) }
        return isSpace(b, at: 0)
    }

    static func mayEnd(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let last = b.last else { return false }
        if last < 0x80 { return last == 0x20 || (0x09...0x0D).contains(last) }
        let n = b.count
        return (n >= 2 && isSpace(b, at: n - 2)) || (n >= 3 && isSpace(b, at: n - 3))
    }

    /// Whether a non-ASCII white space scalar is encoded at `i`: U+0085, U+00A0 (C2 85, C2 A0),
    /// U+1680 (E1 9A 80), U+2000–200A, U+2028, U+2029, U+202F (E2 80 xx), U+205F (E2 81 9F),
    /// U+3000 (E3 80 80).
    private static func isSpace(_ b: UnsafeRawBufferPointer, at i: Int) -> Bool {
        let n = b.count
        switch b[i] {
        case 0xC2: return i + 1 < n && (b[i + 1] == 0x85 || b[i + 1] == 0xA0)
        case 0xE1: return i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80
        case 0xE2:
            guard i + 2 < n else { return false }
            if b[i + 1] == 0x80 { return (0x80...0x8A).contains(b[i + 2]) || [0xA8, 0xA9, 0xAF].contains(b[i + 2]) }
            return b[i + 1] == 0x81 && b[i + 2] == 0x9F
        case 0xE3: return i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80
        default: return false
        }
    }
}

/// UTF-8 validation without generics (the standard library's `String(validating:)` is generic and
/// costs more than the parse around it). Well-formed per Unicode 15 table 3-7: no overlong forms,
/// no surrogates, nothing above U+10FFFF.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            func continuation(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
                i + k < n && range.contains(bytes[i + k])
            }
            switch b0 {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0:
                guard continuation(1, 0xA0...0xBF), continuation(2) else { return false }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard continuation(1), continuation(2) else { return false }
                i += 3
            case 0xED:
                guard continuation(1, 0x80...0x9F), continuation(2) else { return false }
                i += 3
            case 0xF0:
                guard continuation(1, 0x90...0xBF), continuation(2), continuation(3) else { return false }
                i += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                i += 4
            case 0xF4:
                guard continuation(1, 0x80...0x8F), continuation(2), continuation(3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
