/// Character classes and folding for report text.
///
/// Reports mix full-width and half-width punctuation and digits ("（1）" and "(1)", "１２" and
/// "12"). Recognisers work on a folded copy of the text that has the same length as the
/// original, so a match found in the folded copy is cut from the original by the same offsets.
enum Chars {
    /// Full-width ASCII to ASCII, other spaces to " ", dashes to "-", traditional characters
    /// to simplified ones, OCR's look-alikes to the characters they stand for; one scalar to one.
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(s.value - 0xFEE0)!
        case 0x3000, 0x00A0, 0x2000...0x200B, 0x202F, 0x205F: return " "
        case 0x2010...0x2015, 0x2212, 0xFE63: return "-"
        case 0x301C: return "~"
        case 0x3400...0x9FFF: return TraditionalFold.table[s] ?? lookalikes[s] ?? s
        default: return s
        }
    }

    /// Characters OCR reads in place of this genre's label and date characters, rare in
    /// reports themselves: "整改时隈", "整改吋限", "6月30曰", "巳完成" (from a scanned PDF).
    static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = ["隈": "限", "吋": "时", "曰": "日", "巳": "已"]

    /// A CJK unified ideograph.
    static func isHan(_ c: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value) }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    static func digitValue(_ c: Unicode.Scalar) -> Int? { isDigit(c) ? Int(c.value - 0x30) : nil }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x41 && c.value <= 0x5A)
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || fold(c) == " " }

    /// Chinese numerals as used in headings and 一是/二是 lists.
    static let chineseDigits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool { chineseDigits[c] != nil || c == "十" || c == "百" }

    /// The value of a Chinese numeral up to 999 ("十四" = 14, "二十" = 20, "一百零三" = 103).
    static func chineseNumber<C: Collection<Unicode.Scalar>>(_ text: C) -> Int? {
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
    static func circledNumber(_ c: Unicode.Scalar) -> Int? {
        (0x2460...0x2473).contains(c.value) ? Int(c.value - 0x2460) + 1 : nil
    }

    static let sentenceEnds = set("。！？!?")
    /// A table cell ends its clause as well: cells are separated by tabs once read.
    static let clauseEnds = set("。！？!?，,；;：:、\t")

    /// Ends a sentence.
    static func isSentenceEnd(_ c: Unicode.Scalar) -> Bool { sentenceEnds.contains(c) }

    /// Ends a clause: sentence ends plus commas, semicolons, colons and cell breaks (folded forms).
    static func isClauseEnd(_ c: Unicode.Scalar) -> Bool { clauseEnds.contains(c) }

    static let openQuotes = set("“\"「‘『")
    static let closeQuotes = set("”\"」’』")
    static func isOpenQuote(_ c: Unicode.Scalar) -> Bool { openQuotes.contains(c) }
    static func isCloseQuote(_ c: Unicode.Scalar) -> Bool { closeQuotes.contains(c) }

    static func set(_ text: String) -> Set<Unicode.Scalar> { Set(text.unicodeScalars) }
}

extension String {
    init<C: Collection<Unicode.Scalar>>(scalars: C) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(view)
    }
}

extension Array where Element == Unicode.Scalar {
    /// Whether `literal` occurs at `index`.
    func hasLiteral(_ literal: String, at index: Int) -> Bool {
        guard index >= 0 else { return false }
        var i = index
        for c in literal.unicodeScalars {
            guard i < count, self[i] == c else { return false }
            i += 1
        }
        return true
    }

    /// Offsets where `literal` starts, from `from` up to `to` (exclusive end of the match start).
    func occurrences(of literal: String, from: Int = 0, to: Int? = nil) -> [Int] {
        var result: [Int] = []
        forEachMatch(of: Array(literal.unicodeScalars), from: from, to: to) {
            result.append($0)
            return true
        }
        return result
    }

    func firstOccurrence(of literal: String, from: Int = 0, to: Int? = nil) -> Int? {
        var found: Int?
        forEachMatch(of: Array(literal.unicodeScalars), from: from, to: to) {
            found = $0
            return false
        }
        return found
    }

    /// Calls `body` with each match start until it returns false.
    private func forEachMatch(of pattern: [Unicode.Scalar], from: Int, to: Int?, _ body: (Int) -> Bool) {
        guard let first = pattern.first else { return }
        let limit = Swift.min(to ?? count, count - pattern.count + 1)
        var i = Swift.max(0, from)
        outer: while i < limit {
            defer { i += 1 }
            guard self[i] == first else { continue }
            for k in 1..<pattern.count where self[i + k] != pattern[k] { continue outer }
            if !body(i) { return }
        }
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
        for i in range { value = value * 10 + (Chars.digitValue(self[i]) ?? 0) }
        return value
    }

    /// Calls `body` with each whole number of at most `maxDigits` digits that starts in `range`:
    /// its digit run and value. A run that goes on from a digit or a decimal point before it
    /// (the fraction of "3.5", a number begun before `range`) is passed over.
    func forEachNumber(in range: Range<Int>, maxDigits: Int, _ body: (Range<Int>, Int) -> Void) {
        var i = range.lowerBound
        while i < range.upperBound {
            guard Chars.isDigit(self[i]) else {
                i += 1
                continue
            }
            let run = digitRun(at: i)
            defer { i = run.upperBound }
            if i > 0, Chars.isDigit(self[i - 1]) || self[i - 1] == "." { continue }
            guard run.count <= maxDigits, let value = number(in: run) else { continue }
            body(run, value)
        }
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
    static func mask(_ f: [Unicode.Scalar]) -> [Bool] {
        var mask = [Bool](repeating: false, count: f.count)
        var i = 0
        while i < f.count {
            let close: Unicode.Scalar? = f[i] == "“" ? "”" : f[i] == "《" ? "》" : nil
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
