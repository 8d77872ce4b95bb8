/// A table copied out of Excel (or saved as tab-separated text) quotes a cell that holds a line
/// break (Alt+Enter): `2⇥"1.建立验收制度↵2.规范温湿度记录"⇥药房⇥…`. Such a row is joined back onto its
/// first line, the cell without its quotes (a doubled quote is one), the lines it took left
/// blank so line numbers stay; without a tab, or with a quote that does not close within ten
/// lines before a tab or the line's end, nothing is changed.
enum QuotedCells {
    static let maxLines = 10

    static func join(_ raw: [[Unicode.Scalar]]) -> [[Unicode.Scalar]] {
        var out = raw
        var k = 0
        while k < raw.count {
            defer { k += 1 }
            guard raw[k].contains("\t"), opensQuotedCell(raw[k]), let (row, last) = record(raw, from: k), last > k else { continue }
            out[k] = row
            for m in (k + 1)...last { out[m] = [] }
            k = last
        }
        return out
    }

    /// A cell of the line (after a tab or at its start) opens with a quote.
    static func opensQuotedCell(_ line: [Unicode.Scalar]) -> Bool {
        line.indices.contains { line[$0] == "\"" && ($0 == 0 || line[$0 - 1] == "\t") }
    }

    /// The row starting at line `k` with its quoted cells unquoted, and the last line it takes.
    static func record(_ raw: [[Unicode.Scalar]], from k: Int) -> ([Unicode.Scalar], Int)? {
        var out: [Unicode.Scalar] = []
        var line = k
        var i = 0
        var cellStart = true
        while i < raw[line].count {
            let c = raw[line][i]
            guard cellStart, c == "\"" else {
                out.append(c)
                cellStart = c == "\t"
                i += 1
                continue
            }
            i += 1
            var broken = false
            while true {
                let chars = raw[line]
                if i >= chars.count {
                    guard line + 1 < raw.count, line + 1 - k < maxLines else { return nil }
                    line += 1
                    i = 0
                    broken = true
                    continue
                }
                if chars[i] == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        out.append("\"")
                        i += 2
                        continue
                    }
                    i += 1
                    guard i >= chars.count || chars[i] == "\t" else { return nil }
                    break
                }
                // A line break inside the cell: a space only between Latin letters or digits.
                if broken, let last = out.last, Chars.isASCIILetter(last) || Chars.isDigit(last),
                    Chars.isASCIILetter(chars[i]) || Chars.isDigit(chars[i])
                {
                    out.append(" ")
                }
                broken = false
                out.append(chars[i])
                i += 1
            }
            cellStart = false
        }
        return (out, line)
    }
}
