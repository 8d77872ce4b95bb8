/// Digits OCR read as letters in text from a scanned PDF: "2O25年l2月3l日" (O for 0, l and I
/// for 1), "8O%". A run of digits and such letters is read as digits when it holds a real digit,
/// does not follow a Latin letter (ISO9001, COVID19 stay) and is followed by a date or count
/// unit (年 月 日 号 % 个 项 条 家 人 次).
enum OCRDigits {
    static let letters: [Unicode.Scalar: Unicode.Scalar] = ["O": "0", "o": "0", "l": "1", "I": "1"]
    static let units: Set<Unicode.Scalar> = ["年", "月", "日", "号", "%", "％", "个", "项", "条", "家", "人", "次"]

    static func repair(_ chars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard chars.contains(where: { letters[$0] != nil }) else { return chars }
        var out = chars
        var i = 0
        while i < chars.count {
            guard Chars.isDigit(chars[i]) || letters[chars[i]] != nil else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, Chars.isDigit(chars[j]) || letters[chars[j]] != nil { j += 1 }
            let run = chars[i..<j]
            let afterLetter = i > 0 && Chars.isASCIILetter(chars[i - 1])
            if !afterLetter, j < chars.count, units.contains(chars[j]), run.contains(where: Chars.isDigit),
                run.contains(where: { letters[$0] != nil })
            {
                for k in i..<j { out[k] = letters[chars[k]] ?? chars[k] }
            }
            i = j
        }
        return out
    }
}
