/// The text of an Excel page header or footer (`&L…&C&"方正小标宋简体,常规"&16…台账&R第 &P 页`):
/// its left, centre and right parts without the formatting codes (&"font", &16, &B, &K…) and
/// fields (&P page, &N pages, &D date, &F file, &A sheet), which print no words of the sheet's own.
enum PageHeader {
    static func parts(_ code: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var chars = Array(code)
        chars.append("\u{0}")
        var i = 0
        func close() {
            let part = current.trimmingCharacters(in: .whitespacesAndNewlines)
            // "第  页，共  页" once its fields are gone: no words of the sheet's own.
            if part.unicodeScalars.contains(where: Chars.isHan), !part.allSatisfy({ "第页共，, /".contains($0) }) { parts.append(part) }
            current = ""
        }
        while i < chars.count - 1 {
            let c = chars[i]
            guard c == "&" else {
                current.append(c)
                i += 1
                continue
            }
            let next = chars[i + 1]
            i += 2
            switch next {
            case "&": current.append("&")
            case "L", "C", "R": close()
            case "\"":
                while i < chars.count - 1, chars[i] != "\"" { i += 1 }
                i += 1
            case "K": i += 6
            default:
                if next.isNumber { while i < chars.count - 1, chars[i].isNumber { i += 1 } }
            }
        }
        close()
        return parts
    }
}
