import RectifyCore

/// A deadline given as a span from the day the inspection fed back its findings: "整改期限为3个月",
/// "整改时限：6个月", "要求6个月内整改到位", "整改期限为1年", "限期两个月整改". It falls on the same day
/// of the month that many months after the feedback date (the report's opening says when), the
/// last day of a shorter month: fed back on 2025年6月10日, "3个月" is 2025-09-10.
enum RelativeDeadline {
    /// Labels that make a span a deadline when they stand before it in its clause.
    static let labels = ["整改期限", "整改时限", "完成时限", "整改周期", "时限", "期限", "限期"]
    /// Words after "N个月内" that make it a deadline without a label.
    static let completions = ["整改到位", "整改完成", "完成整改", "整改完毕", "完成", "整改"]

    static func find(in paragraph: Paragraph, range: Range<Int>, base: CalendarDate) -> ItemFields.FieldDeadline? {
        let f = paragraph.folded
        var i = range.lowerBound
        while i < range.upperBound {
            guard let span = span(f, at: i), span.end <= range.upperBound,
                i == 0 || !Chars.isDigit(f[i - 1]) && !Chars.isChineseNumeral(f[i - 1])
            else {
                i += 1
                continue
            }
            var clauseStart = max(range.lowerBound, f.clauseStart(before: i))
            // "整改期限：6个月": the label before the colon belongs to the span.
            if clauseStart > range.lowerBound, f[clauseStart - 1] == ":" {
                clauseStart = max(range.lowerBound, f.clauseStart(before: clauseStart - 1))
            }
            let before = Array(f[clauseStart..<i])
            // "资金到位后2个月内完成", "自验收之日起3个月": counted from another event.
            let fromOtherEvent = (before.contains(literal: "后") || before.contains(literal: "起")) && !before.contains(literal: "反馈")
            let labelled = labels.contains { before.contains(literal: $0) } && !fromOtherEvent
            var after = span.end
            if after < f.count, f[after] == "内" { after += 1 }
            let tail = Array(f[after..<min(f.count, after + 6)])
            let completed = after > span.end && !fromOtherEvent && completions.contains { tail.contains(literal: $0) }
            guard labelled || completed, let date = adding(months: span.months, to: base) else {
                i = span.end
                continue
            }
            let end = min(range.upperBound, f.clauseEnd(after: span.end))
            return ItemFields.FieldDeadline(
                date: date, precision: .day, text: paragraph.text(clauseStart..<end), line: paragraph.line(at: i), guessedYear: false)
        }
        return nil
    }

    /// "3个月", "两个月", "十二个月", "1年", "一年", "半年" at `i`: months and where the span ends.
    static func span(_ f: [Unicode.Scalar], at i: Int) -> (months: Int, end: Int)? {
        // "半年", not "下半年" or "上半年" (a part of a year, DateScanner's).
        if f.hasLiteral("半年", at: i) { return i > 0 && "上下前后".unicodeScalars.contains(f[i - 1]) ? nil : (6, i + 2) }
        var j = i
        var n: Int?
        if j < f.count, Chars.isDigit(f[j]) {
            let run = f.digitRun(at: j)
            guard run.count <= 2 else { return nil }
            n = f.number(in: run)
            j = run.upperBound
        } else if j < f.count, f[j] == "两" {
            n = 2
            j += 1
        } else {
            while j < f.count, Chars.isChineseNumeral(f[j]), j - i < 3 { j += 1 }
            guard j > i else { return nil }
            n = Chars.chineseNumber(f[i..<j])
        }
        guard let count = n, count > 0 else { return nil }
        if f.hasLiteral("个月", at: j), count <= 36 { return (count, j + 2) }
        if f.hasLiteral("年", at: j), count <= 3, !f.hasLiteral("年底", at: j), !f.hasLiteral("年度", at: j) { return (count * 12, j + 1) }
        return nil
    }

    static func adding(months: Int, to date: CalendarDate) -> CalendarDate? {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        var day = date.day
        while day > 28, CalendarDate(year: year, month: month, day: day) == nil { day -= 1 }
        return CalendarDate(year: year, month: month, day: day)
    }
}
