/// What a labelled field of a problem block holds.
enum FieldKind: String, Sendable, CaseIterable {
    /// 问题1： 【问题】 存在问题： 问题描述： 问题编号1：
    case problem
    /// 整改措施：
    case measures
    /// 整改目标：
    case target
    /// 责任领导： 牵头领导：
    case leader
    /// 责任科室： 责任单位： 责任部门：
    case department
    /// 责任人：
    case person
    /// 整改时限： 完成时限： 整改期限：
    case deadline
    /// 完成情况： 整改进展： 整改状态： 整改结果：
    case status
}

/// A labelled field in a paragraph: "整改时限：2025年6月30日", "【牵头领导】刘振华".
struct Field: Sendable {
    var kind: FieldKind
    /// The label as written, without brackets or colon.
    var label: String
    var paragraph: Int
    /// Where the label starts, and where its value starts and ends (offsets in the paragraph).
    var labelStart: Int
    var value: Range<Int>
    /// "问题1：", "问题编号3：", "问题二：".
    var number: Int?
}

/// Finds labelled fields: a label at the start of a paragraph or after a sentence or clause
/// end, a table cell break or a numbering marker, followed by a colon (or inside 【】).
/// A value runs to the next label in the same paragraph or to its end.
///
/// A label with one damaged character ("整改时�") is still read when the rest matches and
/// it is followed by a colon: re-published copies lose characters.
enum FieldLabels {
    static let labels: [(String, FieldKind)] = [
        ("存在问题", .problem), ("问题描述", .problem), ("问题内容", .problem), ("反馈问题", .problem), ("问题清单", .problem),
        ("具体问题", .problem), ("问题表现", .problem), ("问题编号", .problem), ("问题", .problem),
        // Audit reports and their ledgers name the problem by who found it.
        ("审计发现问题", .problem), ("审计发现的问题", .problem), ("审计查出问题", .problem), ("审计查出的问题", .problem),
        ("审计指出问题", .problem), ("审计指出的问题", .problem), ("巡察发现问题", .problem), ("巡察发现的问题", .problem),
        ("巡视发现问题", .problem), ("巡视发现的问题", .problem), ("发现的问题", .problem),
        // OA notices and 督办 lists: "整改事项一：…", a matter to rectify, numbered like 问题二：.
        ("整改事项", .problem), ("问题名称", .problem),
        ("整改措施", .measures), ("主要措施", .measures), ("整改举措", .measures), ("具体措施", .measures),
        ("整改目标", .target), ("整改要求", .target),
        ("责任领导", .leader), ("牵头领导", .leader), ("分管领导", .leader), ("包保领导", .leader), ("责任校领导", .leader),
        ("责任科室", .department), ("责任单位", .department), ("责任部门", .department), ("责任股室", .department),
        ("牵头科室", .department), ("牵头单位", .department), ("牵头部门", .department), ("责任处室", .department),
        ("配合科室", .department), ("配合单位", .department),
        ("具体责任人", .person), ("责任人", .person), ("经办人", .person),
        ("整改时限", .deadline), ("完成时限", .deadline), ("整改期限", .deadline), ("完成期限", .deadline),
        ("时限要求", .deadline), ("整改时间", .deadline), ("完成时间", .deadline),
        ("整改进展情况", .status), ("整改完成情况", .status), ("整改落实情况", .status), ("完成情况", .status),
        ("整改进展", .status), ("整改状态", .status), ("整改结果", .status), ("进展情况", .status), ("整改情况", .status),
        ("落实情况", .status), ("办理情况", .status), ("完成状态", .status), ("当前状态", .status), ("目前状态", .status),
        ("整改进度", .status), ("目前进展", .status), ("当前进展", .status), ("工作进展", .status), ("推进情况", .status),
        ("完成进度", .status), ("落实进度", .status), ("是否完成", .status), ("是否整改到位", .status), ("是否销号", .status),
        // Clerks' short labels: "进展：已完成", "进度：80%", "状态：已整改".
        ("进展", .status), ("进度", .status), ("状态", .status),
    ]

    private static let sorted: [(word: [Unicode.Scalar], text: String, kind: FieldKind)] = labels
        .map { (Array($0.0.unicodeScalars), $0.0, $0.1) }.sorted { $0.word.count > $1.word.count }

    static let damaged: Unicode.Scalar = "\u{FFFD}"

    /// Characters after which a label may start.
    static let separators = Chars.set("。；;，,：:！？!?\t 】])")

    /// The label kind of a whole table cell ("反馈问题", "整改时限"), if any.
    static func columnKind(_ cell: [Unicode.Scalar]) -> FieldKind? {
        let trimmed = cell.filter { $0 != " " && $0 != ":" }
        if ["序号", "编号", "序"].contains(where: { trimmed.elementsEqual($0.unicodeScalars) }) { return nil }
        // 问题类别, 问题类型, 问题来源: what kind of problem or where it came from, not the problem.
        if trimmed.count <= 8, ["类别", "类型", "方面", "来源"].contains(where: { trimmed.suffix(2).elementsEqual($0.unicodeScalars) }) { return nil }
        for entry in sorted where trimmed.elementsEqual(entry.word) { return entry.kind }
        // "问题内容及表现", "整改完成时限": a cell that ends or starts with a label.
        for entry in sorted where entry.word.count >= 2 {
            if trimmed.count <= entry.word.count + 4,
                trimmed.starts(with: entry.word) || trimmed.suffix(entry.word.count).elementsEqual(entry.word)
            {
                return entry.kind
            }
        }
        return nil
    }

    /// The label at `i` (not checking what precedes it): its kind, text, number and where the
    /// value starts.
    static func label(_ f: [Unicode.Scalar], at i0: Int) -> (kind: FieldKind, text: String, number: Int?, valueStart: Int)? {
        var i = i0
        var bracket: Unicode.Scalar?
        if i < f.count, f[i] == "【" || f[i] == "[" {
            bracket = f[i] == "【" ? "】" : "]"
            i += 1
        }
        for entry in sorted {
            guard matches(f, entry.word, at: i) else { continue }
            var p = i + entry.word.count
            var number: Int?
            if entry.kind == .problem {
                let run = f.digitRun(at: p)
                if !run.isEmpty, run.count <= 3 {
                    number = f.number(in: run)
                    p = run.upperBound
                    // "问题1-1：", "问题2-3：" (section-problem, as reports under 方面 number them):
                    // the last part numbers the problem within its section.
                    while p + 1 < f.count, f[p] == "-" {
                        let part = f.digitRun(at: p + 1)
                        guard !part.isEmpty, part.count <= 3 else { break }
                        number = f.number(in: part)
                        p = part.upperBound
                    }
                } else {
                    var q = p
                    while q < f.count, Chars.isChineseNumeral(f[q]), q - p < 3 { q += 1 }
                    if q > p {
                        number = Chars.chineseNumber(f[p..<q])
                        p = q
                    } else if p < f.count, let circled = Chars.circledNumber(f[p]) {
                        number = circled  // 问题①：
                        p += 1
                    }
                }
            }
            if let bracket {
                guard p < f.count, f[p] == bracket else { continue }
                p += 1
                if p < f.count, f[p] == ":" { p += 1 }
            } else {
                guard p < f.count, f[p] == ":" else { continue }
                p += 1
            }
            // A damaged label must still be followed by a colon and be long enough to be sure.
            if entry.word.count < 3, f[i..<(i + entry.word.count)].contains(damaged) { continue }
            return (entry.kind, entry.text, number, p)
        }
        return nil
    }

    static func matches(_ f: [Unicode.Scalar], _ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= f.count else { return false }
        var damagedCount = 0
        for k in 0..<word.count where f[i + k] != word[k] {
            guard f[i + k] == damaged, word.count >= 3 else { return false }
            damagedCount += 1
            if damagedCount > 1 { return false }
        }
        return true
    }

    /// Every field in `range` of a paragraph, in order; values end where the next label starts.
    /// With `bracketed` (a problem's statement), a label may also open a bracket after the
    /// problem ("1.…不高（整改时限：2025年9月）。"); a value inside a bracket ends at its close.
    static func fields(
        in f: [Unicode.Scalar], paragraph: Int, range: Range<Int>, markerEnd: Int = 0, bracketed: Bool = false
    ) -> [Field] {
        var found: [(kind: FieldKind, text: String, number: Int?, start: Int, valueStart: Int)] = []
        var i = range.lowerBound
        let end = min(range.upperBound, f.count)
        while i < end {
            let opensBracket = bracketed && i > 0 && f[i - 1] == "("
            let atBoundary = i == 0 || i == markerEnd || separators.contains(f[i - 1]) || opensBracket
            if atBoundary, let l = label(f, at: i) {
                found.append((l.kind, l.text, l.number, i, l.valueStart))
                i = l.valueStart
                continue
            }
            i += 1
        }
        return found.enumerated().map { k, l in
            var valueEnd = k + 1 < found.count ? found[k + 1].start : end
            if isInsideBracket(f, at: l.start, from: range.lowerBound),
                let close = f[l.valueStart..<valueEnd].firstIndex(of: ")")
            {
                valueEnd = close
            }
            while valueEnd > l.valueStart, [" ", "\t", "。", ";", "；", ",", "，"].contains(f[valueEnd - 1]) { valueEnd -= 1 }
            return Field(
                kind: l.kind, label: l.text, paragraph: paragraph, labelStart: l.start,
                value: l.valueStart..<max(l.valueStart, valueEnd), number: l.number)
        }
    }

    /// Whether `index` stands inside a round bracket opened before it (from `lower`) and not
    /// yet closed: "（整改时限：2025年12月）".
    static func isInsideBracket(_ f: [Unicode.Scalar], at index: Int, from lower: Int) -> Bool {
        var i = index - 1
        while i >= lower {
            if f[i] == ")" { return false }
            if f[i] == "(" { return true }
            i -= 1
        }
        return false
    }
}
