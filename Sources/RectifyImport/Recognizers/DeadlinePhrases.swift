import RectifyCore

/// A dated step a report plans: "预计2026年4月底前完成", "计划11月底完成改建装修",
/// "2026年4月1日前投入使用". The latest one of an open item is its deadline, earlier ones are
/// milestones.
struct PlannedDate: Sendable {
    var date: CalendarDate
    var precision: DeadlinePrecision
    /// The clause, from the planning word to the clause end: "预计10月31日前完成检查整改".
    var phrase: String
    var line: Int
    /// Paragraph and offset, to keep document order.
    var paragraph: Int
    var offset: Int
    /// The year was not written ("10月31日前") and comes from the reference date.
    var guessedYear = false
}

enum DeadlinePhrases {
    /// Words before a date that make it a plan, not a record: 预计, 计划, 有望 …
    static let planningWords = [
        "预计", "计划", "有望", "力争", "争取", "确保", "将于", "将在", "拟于", "拟在", "预期", "目标", "时限", "期限",
        "最迟", "务必", "须于", "要求",
        // "剩余66.6万元待绩效考核结束后于2025年第四季度拨付": pending, so planned.
        "待",
    ]
    /// Words right before a date that make it a record of the past or a starting point.
    static let pastWords = ["截至", "截止", "自", "从", "于今", "已于", "已在", "至今"]
    /// Words right before a date that make it recur ("每年12月底前报告"): a routine, not a deadline.
    static let recurringWords = ["每年", "每季度", "每季", "每半年", "每月", "逐年", "年年"]
    /// Whether the date at `start` recurs: one of `recurringWords` ends right before it (or
    /// before 于 / 的 before it).
    static func isRecurring(_ f: [Unicode.Scalar], at start: Int) -> Bool {
        let before = Array(f[max(0, start - 4)..<start])
        return recurringWords.contains { word in
            let w = Array(word.unicodeScalars)
            return before.count >= w.count && before.suffix(w.count).elementsEqual(w)
        }
    }

    /// Words right after a date that make it a starting point or a record.
    static let sinceWords = ["以来", "起", "至今", "开始", "以后"]

    static let lookbackStops = Chars.set("。！？!?，,；;\t")

    /// Planned dates in `range` of a paragraph. A date is planned when a planning word stands
    /// before it in its clause, or 前/以前/之前 follows it ("2025年底前完成"), and nothing in the
    /// clause says the step is already done (已). Dates in quotations are other documents'.
    static func planned(
        in paragraph: Paragraph, index: Int, range: Range<Int>, mentions: [DateMention], quoted: [Bool],
        reference: CalendarDate?, reportDate: CalendarDate?
    ) -> [PlannedDate] {
        let f = paragraph.folded
        var result: [PlannedDate] = []
        for mention in mentions where range.contains(mention.range.lowerBound) && !quoted[mention.range.lowerBound] {
            let start = mention.range.lowerBound, end = mention.range.upperBound
            // Look back to the previous comma or sentence end, across a label's colon
            // ("整改时限：2024年12月底").
            var clauseStart = start
            while clauseStart > max(range.lowerBound, start - 16), !lookbackStops.contains(f[clauseStart - 1]) { clauseStart -= 1 }
            // A bracket closes the clause: "【整改中，预计2025年12月底前完成】已上线…" says nothing
            // done of the plan after it.
            var clauseEnd = f.clauseEnd(after: end)
            if let close = f[end..<clauseEnd].firstIndex(where: { $0 == "】" || $0 == ")" }) { clauseEnd = close }
            let before = Array(f[clauseStart..<start])
            let immediatelyBefore = Array(f[max(clauseStart, start - 3)..<start])
            if pastWords.contains(where: { immediatelyBefore.contains(literal: $0) }) { continue }
            // "每年12月底前报告": a date that comes back every year is a routine, not a deadline.
            if isRecurring(f, at: start) { continue }
            if sinceWords.contains(where: { f.hasLiteral($0, at: end) }) { continue }
            let planningAt = planningWords.compactMap { word in before.occurrences(of: word).last.map { clauseStart + $0 } }.max()
            let deadlineSuffix = ["前", "以前", "之前"].contains { f.hasLiteral($0, at: end) }
            guard planningAt != nil || deadlineSuffix else { continue }
            let rest = Array(f[end..<clauseEnd])
            if rest.contains("已") || rest.contains("了") || Array(f[(planningAt ?? start)..<start]).contains("已") { continue }
            guard let (period, date) = mention.resolve(reference: reference, latest: reportDate, future: true) else { continue }
            var guessedYear = false
            if case .missing = period.year { guessedYear = true }
            var phraseStart = planningAt ?? max(clauseStart, f.clauseStart(before: start))
            var phraseEnd = clauseEnd
            // "1.修订…实施细则。（完成时限：2026年2月底前）": the measure before the bracketed
            // deadline names the step, with its date; the label alone does not.
            if let bracket = f[max(range.lowerBound, phraseStart - 4)..<phraseStart].lastIndex(of: "("),
                let sentenceStart = f[range.lowerBound..<bracket].dropLast().lastIndex(where: Chars.isSentenceEnd).map({ $0 + 1 })
                    ?? Optional(range.lowerBound), bracket - sentenceStart >= 4
            {
                phraseStart = sentenceStart
                if phraseEnd < f.count, f[phraseEnd] == ")" { phraseEnd += 1 }
            }
            result.append(
                PlannedDate(
                    date: date, precision: mention.period.precision,
                    phrase: paragraph.text(phraseStart..<phraseEnd), line: paragraph.line(at: start),
                    paragraph: index, offset: start, guessedYear: guessedYear))
        }
        return result
    }

    /// The deadline (the latest planned date; the first phrase naming it) and the milestones
    /// (earlier planned dates, one per date, in date order).
    static func schedule(_ planned: [PlannedDate]) -> (deadline: PlannedDate?, milestones: [PlannedDate]) {
        guard let latest = planned.map(\.date).max() else { return (nil, []) }
        let deadline = planned.first { $0.date == latest }
        var seen: Set<CalendarDate> = [latest]
        var milestones: [PlannedDate] = []
        for step in planned.sorted(by: { $0.date < $1.date }) where !seen.contains(step.date) {
            seen.insert(step.date)
            milestones.append(step)
        }
        return (deadline, milestones)
    }
}
