/// The numbering styles of this genre's headings. A report nests them in the order it first
/// uses them (一、 above （一） above 1. above （1） above ①), which `Outline` follows.
enum HeadingStyle: Hashable, Sendable {
    /// 一、
    case chineseTop
    /// （一） (一)
    case chineseParen
    /// 1. 1．
    case arabicDot
    /// 1、
    case arabicComma
    /// （1） (1)
    case arabicParen
    /// ①
    case circled
    /// 第一， 第二、: an ordinal opening a paragraph (市委巡视 reports list problems so).
    case ordinal
    /// 第1项： 第十二项: a numbered task (生态环境保护督察 整改 reports number their problems so).
    case task
    /// An unnumbered "针对“…”问题的整改情况" paragraph.
    case concern
    /// A labelled problem: "问题1：", "问题二：", "【问题】", "问题编号3：", "问题描述：".
    case labelled
    /// A row of a table flattened to text, under a header row naming the columns.
    case tableRow
    /// Decimal outline numbers as quality offices and 等级评审 reports write them: "1 " (depth 1,
    /// kept only over "1.1" headings of its own), "1.1", "1.1.1"; each depth is a level.
    case decimal(Int)
}

/// A numbering marker at the start of a paragraph.
struct HeadingMarker: Hashable, Sendable {
    var style: HeadingStyle
    var number: Int?
    /// Characters the marker takes, including a following space.
    var length: Int
    /// The paragraph is a "针对“…”问题的整改情况" heading (numbered or not).
    var isConcern = false
    /// A decimal number's first component ("2" of "2.3").
    var lead: Int?

    /// Parses the marker at the start of folded text, or recognises a concern heading.
    static func parse(_ f: [Unicode.Scalar]) -> HeadingMarker? {
        if let label = FieldLabels.label(f, at: 0), label.kind == .problem {
            return HeadingMarker(style: .labelled, number: label.number, length: 0)
        }
        guard var marker = numbered(f) ?? decimal(f, bare: true) else {
            return isConcernHeading(f, from: 0) ? HeadingMarker(style: .concern, number: nil, length: 0, isConcern: true) : nil
        }
        marker.isConcern = isConcernHeading(f, from: marker.length)
        return marker
    }

    static func numbered(_ f: [Unicode.Scalar]) -> HeadingMarker? {
        guard let first = f.first else { return nil }
        if first == "(" {
            var i = 1
            while i < f.count, f[i] == " " { i += 1 }
            let start = i
            if i < f.count, Chars.isDigit(f[i]) {
                let run = f.digitRun(at: i)
                guard run.count <= 3 else { return nil }
                i = run.upperBound
                while i < f.count, f[i] == " " { i += 1 }
                guard i < f.count, f[i] == ")" else { return nil }
                return HeadingMarker(style: .arabicParen, number: f.number(in: run), length: skipSpace(f, i + 1))
            }
            while i < f.count, Chars.isChineseNumeral(f[i]), i - start < 4 { i += 1 }
            guard i > start, i < f.count, f[i] == ")" else { return nil }
            return HeadingMarker(
                style: .chineseParen, number: Chars.chineseNumber(f[start..<i]), length: skipSpace(f, i + 1))
        }
        if Chars.isDigit(first) {
            let run = f.digitRun(at: 0)
            // Up to 1999 (a long ledger pasted as text); "2025." would be a year.
            guard run.count <= 3 || run.count == 4 && first == "1", run.upperBound < f.count else { return nil }
            let sep = f[run.upperBound]
            let after = run.upperBound + 1
            if sep == "." {
                // "2.5万" is a number, not a heading; "2.5 抗菌药物…" is a decimal heading;
                // "1.120呼叫受理…", "1.2024年…": three digits or more after the dot are no outline
                // number (those have two at most) but the problem's own text.
                if after < f.count, Chars.isDigit(f[after]) {
                    if let d = decimal(f) { return d }
                    let text = f.digitRun(at: after)
                    guard text.count >= 3, text.upperBound < f.count, Chars.isHan(f[text.upperBound]),
                        !"万千百亿元倍米吨克升".unicodeScalars.contains(f[text.upperBound])
                    else { return nil }
                    return HeadingMarker(style: .arabicDot, number: f.number(in: run), length: after)
                }
                return HeadingMarker(style: .arabicDot, number: f.number(in: run), length: skipSpace(f, after))
            }
            if sep == "、" {
                return HeadingMarker(style: .arabicComma, number: f.number(in: run), length: skipSpace(f, after))
            }
            return decimal(f)
        }
        if first == "第", let task = task(f) { return task }
        if first == "第" {
            // "第一，推进…力度不够。": the ordinal and a comma; "第一批" or "第三季度" are not headings.
            var i = 1
            while i < f.count, Chars.isChineseNumeral(f[i]), i < 4 { i += 1 }
            guard i > 1, i < f.count, f[i] == "," || f[i] == "、" else { return nil }
            return HeadingMarker(style: .ordinal, number: Chars.chineseNumber(f[1..<i]), length: skipSpace(f, i + 1))
        }
        if let n = Chars.circledNumber(first) {
            return HeadingMarker(style: .circled, number: n, length: skipSpace(f, 1))
        }
        if Chars.isChineseNumeral(first) {
            var i = 0
            while i < f.count, Chars.isChineseNumeral(f[i]), i < 4 { i += 1 }
            guard i < f.count, f[i] == "、" || f[i] == "." else { return nil }
            return HeadingMarker(style: .chineseTop, number: Chars.chineseNumber(f[0..<i]), length: skipSpace(f, i + 1))
        }
        return nil
    }

    /// "1.1 三级查房…", "2.3.1疑难…", and with `bare` "1 医疗质量…方面": up to four components of
    /// at most two digits, then a Han character that is no unit or date ("2.5万元", "1年", "3.5%"
    /// are quantities). A bare number is only a candidate: `Outline` keeps it over "1.x" headings.
    static func decimal(_ f: [Unicode.Scalar], bare: Bool = false) -> HeadingMarker? {
        var parts: [Int] = []
        var i = 0
        while i < f.count, Chars.isDigit(f[i]), parts.count < 4 {
            let run = f.digitRun(at: i)
            guard run.count <= 2, let n = f.number(in: run), n > 0 else { return nil }
            parts.append(n)
            i = run.upperBound
            guard i + 1 < f.count, f[i] == ".", Chars.isDigit(f[i + 1]) else { break }
            i += 1
        }
        guard !parts.isEmpty, i < f.count else { return nil }
        let next = skipSpace(f, i)
        // A quantity: "2.5万元", "1.2倍"; bare, also "3年", "5名", "10余人".
        let units = parts.count > 1 ? "万千百亿元倍米吨个人家次年月日" : "万千百亿元个项条人家次年月日天周时分倍米吨件份台名岁号批期届轮余多类处所种场层级位张本篇起户支辆套块床"
        guard next < f.count, next - i <= 3, parts.count > 1 || bare, Chars.isHan(f[next]),
            !units.unicodeScalars.contains(f[next])
        else { return nil }
        return HeadingMarker(style: .decimal(parts.count), number: parts.last, length: next, lead: parts.first)
    }

    /// "第1项：" / "第十二项 ": a task number; "第3项工作" or "第一项任务是" in a sentence are not.
    private static func task(_ f: [Unicode.Scalar]) -> HeadingMarker? {
        var i = 1
        let arabic = i < f.count && Chars.isDigit(f[i])
        while i < f.count, arabic ? Chars.isDigit(f[i]) : Chars.isChineseNumeral(f[i]), i < 5 { i += 1 }
        guard i > 1, i + 1 < f.count, f[i] == "项", [":", " ", ",", "、", "."].contains(f[i + 1]) else { return nil }
        let number = arabic ? f.number(in: 1..<i) : Chars.chineseNumber(f[1..<i])
        return HeadingMarker(style: .task, number: number, length: skipSpace(f, i + 2))
    }

    /// "一是" / "二是" at `index`: the start of a listed point; returns its number and length.
    static func listItem(_ f: [Unicode.Scalar], at index: Int = 0) -> (number: Int, length: Int)? {
        var i = index
        while i < f.count, Chars.isChineseNumeral(f[i]), i - index < 3 { i += 1 }
        guard i > index, i < f.count, f[i] == "是", let n = Chars.chineseNumber(f[index..<i]), n > 0 else { return nil }
        return (n, i + 1 - index)
    }

    /// "针对“…”问题的整改情况": the quoted problem followed closely by 问题, in the first sentence;
    /// or, without quotes, a first sentence "针对…问题的整改情况" (also with 关于).
    static func isConcernHeading(_ f: [Unicode.Scalar], from start: Int) -> Bool {
        guard f.hasLiteral("针对", at: start) || f.hasLiteral("关于", at: start), start + 2 < f.count else { return false }
        let end = min(f.sentenceEnd(after: start), start + 120)
        let sentence = Array(f[start..<end])
        let endsAsHeading = ["问题的整改情况", "问题整改情况", "问题的整改落实情况", "问题整改落实情况"].contains { word in
            sentence.count >= word.unicodeScalars.count && sentence.suffix(word.unicodeScalars.count).elementsEqual(word.unicodeScalars)
        }
        guard f.hasLiteral("针对", at: start), Chars.isOpenQuote(f[start + 2]) else { return endsAsHeading }
        var i = start + 3
        let limit = min(f.count, start + 120)
        while i < limit, !Chars.isCloseQuote(f[i]) { i += 1 }
        guard i < limit else { return false }
        let tail = Array(f[(i + 1)..<min(f.count, i + 8)])
        guard let at = tail.firstOccurrence(of: "问题"), at <= 3 else { return endsAsHeading }
        return true
    }

    private static func skipSpace(_ f: [Unicode.Scalar], _ index: Int) -> Int {
        var i = index
        while i < f.count, f[i] == " " { i += 1 }
        return i
    }
}
