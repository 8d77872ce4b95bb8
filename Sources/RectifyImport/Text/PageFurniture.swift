/// What a PDF puts on every page and a copy from it keeps in the text: page numbers ("— 3 —",
/// "-3-", "第3页 共8页", "3/8") and running headers or footers (the same short line beside
/// every page number, and atop the first page above the title). They are blanked (the line
/// numbers stay), so a sentence or a date cut by the page break ("预计2026年6" … "月30日前完成")
/// joins up again.
enum PageFurniture {
    static func blank(_ lines: [[Unicode.Scalar]]) -> [[Unicode.Scalar]] {
        let folded = lines.map { line in line.map(Chars.fold).filter { !Chars.isSpace($0) && $0 != "\t" } }
        let numbers = folded.indices.filter { isPageNumber(folded[$0]) }
        guard !numbers.isEmpty else { return lines }
        var result = lines
        for n in numbers { result[n] = [] }
        // Running lines: the nearest non-blank line before or after a page number, short and
        // without sentence punctuation, when the same text stands so by two page numbers or more.
        var beside: [String: [Int]] = [:]
        for n in numbers {
            for step in [-1, 1] {
                var i = n + step
                while i >= 0, i < lines.count, folded[i].isEmpty { i += step }
                guard i >= 0, i < lines.count, !numbers.contains(i) else { continue }
                let f = folded[i]
                guard f.count <= 40, !f.contains(where: { Chars.isClauseEnd($0) || Chars.isSentenceEnd($0) }) else { continue }
                beside[String(String.UnicodeScalarView(f)), default: []].append(i)
            }
        }
        for (text, places) in beside where Set(places).count >= 2 {
            for i in places { result[i] = [] }
            // The same header atop the first page, above the report's own title (a line that
            // ends as titles do), is furniture too; a title that is the header is kept.
            let top = folded.indices.filter { !folded[$0].isEmpty }.prefix(3)
            for i in top where String(String.UnicodeScalarView(folded[i])) == text && !places.contains(i) {
                let below = folded[(i + 1)...].filter { !$0.isEmpty }.prefix(3)
                if below.contains(where: { f in
                    String(String.UnicodeScalarView(f)) != text && ["通报", "报告", "情况", "方案"].contains { Array(f.suffix($0.unicodeScalars.count)) == Array($0.unicodeScalars) }
                }) {
                    result[i] = []
                }
            }
        }
        return result
    }

    /// "— 3 —", "－3－", "- 3 -", "第3页", "第3页 共8页", "第 3 页/共 8 页", "3/8".
    static func isPageNumber(_ f: [Unicode.Scalar]) -> Bool {
        guard !f.isEmpty, f.count <= 16 else { return false }
        let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "─", "－", "_", "~", "·", "‐", "―"]
        // — 3 —
        var i = 0
        while i < f.count, dashes.contains(f[i]) { i += 1 }
        let lead = i
        let digits = f.digitRun(at: i)
        if lead > 0, (1...3).contains(digits.count) {
            var j = digits.upperBound
            let trailStart = j
            while j < f.count, dashes.contains(f[j]) { j += 1 }
            if j == f.count, j > trailStart { return true }
        }
        // 第3页 (共8页)
        if f.first == "第" {
            let run = f.digitRun(at: 1)
            if (1...3).contains(run.count), run.upperBound < f.count, f[run.upperBound] == "页" {
                var rest = Array(f[(run.upperBound + 1)...])
                if let first = rest.first, ",，/、".unicodeScalars.contains(first) { rest.removeFirst() }
                if rest.isEmpty { return true }
                if rest.first == "共" {
                    let total = rest.digitRun(at: 1)
                    return (1...3).contains(total.count) && total.upperBound == rest.count - 1 && rest.last == "页"
                }
            }
        }
        // 3/8
        let a = f.digitRun(at: 0)
        if (1...3).contains(a.count), a.upperBound < f.count, f[a.upperBound] == "/" {
            let b = f.digitRun(at: a.upperBound + 1)
            if (1...3).contains(b.count), b.upperBound == f.count, let x = Int(String(String.UnicodeScalarView(f[a]))),
                let y = Int(String(String.UnicodeScalarView(f[b]))), x >= 1, x <= y
            {
                return true
            }
        }
        return false
    }
}
