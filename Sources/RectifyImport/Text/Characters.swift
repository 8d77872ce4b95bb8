/// Character classes and folding for report text.
///
/// Reports mix full-width and half-width punctuation and digits ("（1）" and "(1)", "１２" and
/// "12"). Recognisers work on a folded copy of the text that has the same length as the
/// original, so a match found in the folded copy is cut from the original by the same offsets.
enum Chars {
    /// Full-width ASCII to ASCII, other spaces to " ", dashes to "-"; one character to one.
    static func fold(_ c: Character) -> Character {
        let scalars = c.unicodeScalars
        guard scalars.count == 1, let s = scalars.first else { return c }
        switch s.value {
        case 0xFF01...0xFF5E: return Character(Unicode.Scalar(s.value - 0xFEE0)!)
        case 0x3000, 0x00A0, 0x2000...0x200B, 0x202F, 0x205F: return " "
        case 0x2010...0x2015, 0x2212, 0xFE63: return "-"
        case 0x301C: return "~"
        case 0x3001: return "、"
        default: return c
        }
    }

    static func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }

    static func digitValue(_ c: Character) -> Int? { c.wholeNumberValue.flatMap { isDigit(c) ? $0 : nil } }

    static func isASCIILetter(_ c: Character) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }

    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || fold(c) == " " }

    /// Chinese numerals as used in headings and 一是/二是 lists.
    static let chineseDigits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    static func isChineseNumeral(_ c: Character) -> Bool { chineseDigits[c] != nil || c == "十" || c == "百" }

    /// The value of a Chinese numeral up to 999 ("十四" = 14, "二十" = 20, "一百零三" = 103).
    static func chineseNumber<C: Collection<Character>>(_ text: C) -> Int? {
        guard !text.isEmpty else { return nil }
        var total = 0
        var digit: Int?
        for c in text {
            if let d = chineseDigits[c] {
                digit = d
            } else if c == "十" {
                total += (digit ?? 1) * 10
                digit = nil
            } else if c == "百" {
                total += (digit ?? 1) * 100
                digit = nil
            } else {
                return nil
            }
        }
        return total + (digit ?? 0)
    }

    /// ①…⑳ as 1…20.
    static func circledNumber(_ c: Character) -> Int? {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, (0x2460...0x2473).contains(s.value) else {
            return nil
        }
        return Int(s.value - 0x2460) + 1
    }

    /// Ends a sentence.
    static func isSentenceEnd(_ c: Character) -> Bool { "。！？!?".contains(c) }

    /// Ends a clause: sentence ends plus commas, semicolons and colons (folded forms).
    static func isClauseEnd(_ c: Character) -> Bool { "。！？!?，,；;：:、".contains(c) }

    static func isOpenQuote(_ c: Character) -> Bool { "“\"「‘『".contains(c) }
    static func isCloseQuote(_ c: Character) -> Bool { "”\"」’』".contains(c) }
}

extension Array where Element == Character {
    /// Whether `literal` occurs at `index`.
    func hasLiteral(_ literal: String, at index: Int) -> Bool {
        guard index >= 0 else { return false }
        var i = index
        for c in literal {
            guard i < count, self[i] == c else { return false }
            i += 1
        }
        return true
    }

    /// Offsets where `literal` starts, from `from` up to `to` (exclusive end of the match start).
    func occurrences(of literal: String, from: Int = 0, to: Int? = nil) -> [Int] {
        let pattern = Array(literal)
        guard let first = pattern.first else { return [] }
        let limit = Swift.min(to ?? count, count - pattern.count + 1)
        var result: [Int] = []
        var i = Swift.max(0, from)
        while i < limit {
            if self[i] == first, hasLiteral(literal, at: i) { result.append(i) }
            i += 1
        }
        return result
    }

    func firstOccurrence(of literal: String, from: Int = 0, to: Int? = nil) -> Int? {
        let pattern = Array(literal)
        guard let first = pattern.first else { return nil }
        let limit = Swift.min(to ?? count, count - pattern.count + 1)
        var i = Swift.max(0, from)
        while i < limit {
            if self[i] == first, hasLiteral(literal, at: i) { return i }
            i += 1
        }
        return nil
    }

    func contains(literal: String) -> Bool { firstOccurrence(of: literal) != nil }

    /// The run of ASCII digits starting at `index` (empty when none).
    func digitRun(at index: Int) -> Range<Int> {
        var end = index
        while end < count, Chars.isDigit(self[end]) { end += 1 }
        return index..<end
    }

    func number(in range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9 else { return nil }
        var value = 0
        for i in range { value = value * 10 + (self[i].wholeNumberValue ?? 0) }
        return value
    }

    /// The start of the clause containing `index` (just after the previous clause end).
    func clauseStart(before index: Int) -> Int {
        var i = Swift.min(index, count) - 1
        while i >= 0, !Chars.isClauseEnd(self[i]) { i -= 1 }
        return i + 1
    }

    /// The end of the clause containing `index` (the offset of the next clause end, or `count`).
    func clauseEnd(after index: Int) -> Int {
        var i = Swift.max(index, 0)
        while i < count, !Chars.isClauseEnd(self[i]) { i += 1 }
        return i
    }

    func sentenceEnd(after index: Int) -> Int {
        var i = Swift.max(index, 0)
        while i < count, !Chars.isSentenceEnd(self[i]) { i += 1 }
        return i
    }
}

enum Quotation {
    /// Marks the characters inside “…” and 《…》: quoted documents and titles, whose dates and
    /// words are not this report's plans. An opening mark without a close within 300
    /// characters is a typo, not a quotation.
    static func mask(_ f: [Character]) -> [Bool] {
        var mask = [Bool](repeating: false, count: f.count)
        var i = 0
        while i < f.count {
            let close: Character? = f[i] == "“" ? "”" : f[i] == "《" ? "》" : nil
            guard let close else {
                i += 1
                continue
            }
            let limit = min(f.count, i + 300)
            var j = i + 1
            var depth = 1
            while j < limit {
                if f[j] == f[i] { depth += 1 }
                if f[j] == close {
                    depth -= 1
                    if depth == 0 { break }
                }
                j += 1
            }
            guard j < limit else {
                i += 1
                continue
            }
            for k in i...j { mask[k] = true }
            i = j + 1
        }
        return mask
    }
}
