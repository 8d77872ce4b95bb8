import RectifyCore

/// Finds date phrases in folded report text, including ones damaged by extraction.
///
/// Whole forms: 2026年4月30日, 2026年4月底, 2025年底, 2024年12月, 10月31日, 11月底, 10月下旬,
/// 上半年, 第三季度, 今年/明年…, 2021年3-12月, and ledger forms 2025.12.31, 2025-06-30,
/// 2025/9/30, 2025.12 (a cell's end or before 前/底). Damaged forms, where 年/月 were lost: a run of a
/// year and more digits before 日 ("202549日" = 2025年4月9日) or 月 ("20252月" = 2025年2月), a
/// bare eight- or seven-digit run that reads as a date ("2025109"), and a month-day run before
/// 日 ("925日" = 9月25日). Each reading must exist in the calendar; ambiguous runs keep every
/// valid reading, most plausible first (no leading zeros).
enum DateScanner {
    static func mentions(in f: [Unicode.Scalar]) -> [DateMention] {
        var result: [DateMention] = []
        var i = 0
        while i < f.count {
            if let mention = mention(in: f, at: i) {
                result.append(mention)
                i = max(mention.range.upperBound, i + 1)
            } else if Chars.isDigit(f[i]) {
                i = f.digitRun(at: i).upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    /// A date phrase starting exactly at `i`, if any.
    static func mention(in f: [Unicode.Scalar], at i: Int) -> DateMention? {
        if Chars.isDigit(f[i]) {
            if i > 0, Chars.isDigit(f[i - 1]) || Chars.isASCIILetter(f[i - 1]) || f[i - 1] == "." { return nil }
            return numeric(f, at: i)
        }
        return worded(f, at: i)
    }

    // MARK: - Phrases that start with digits

    static func numeric(_ f: [Unicode.Scalar], at i: Int) -> DateMention? {
        let run = f.digitRun(at: i)
        let n = run.count
        let next: Unicode.Scalar? = run.upperBound < f.count ? f[run.upperBound] : nil
        let digits = Array(f[run])
        let yearLike = n >= 4 && (digits.starts(with: ["1", "9"]) || digits.starts(with: ["2", "0"]))
        if n == 4, yearLike, next == "年", let year = f.number(in: run) {
            if let eve = Holiday.eve(f, at: run.upperBound + 1) {
                return DateMention(range: i..<eve.end, readings: [DatePeriod(year: .explicit(year), span: .holidayEve(eve.holiday))], damaged: false)
            }
            if namesPartOfYear(f, at: run.upperBound + 1) { return nil }
            return afterYear(f, year: .explicit(year), start: i, at: run.upperBound + 1)
        }
        if n == 4, yearLike, let separator = next, numericSeparators.contains(separator), let year = f.number(in: run) {
            return separated(f, year: year, separator: separator, start: i, at: run.upperBound + 1)
        }
        if n >= 5, n <= 8, yearLike, next == "日" || next == "号" {
            let readings = monthDaySplits(Array(digits[4...]), year: f.number(in: run.lowerBound..<(run.lowerBound + 4)))
            guard !readings.isEmpty else { return nil }
            return DateMention(range: i..<(run.upperBound + 1), readings: readings, damaged: true)
        }
        if n >= 5, n <= 6, yearLike, let year = f.number(in: run.lowerBound..<(run.lowerBound + 4)),
            let month = f.number(in: (run.lowerBound + 4)..<run.upperBound), (1...12).contains(month)
        {
            if next == "月" {
                return monthTail(f, year: .explicit(year), month: month, start: i, at: run.upperBound + 1, damaged: true)
            }
            if next == "-" || next == "至" || next == "~", let range = monthRangeEnd(f, at: run.upperBound + 1) {
                let period = DatePeriod(year: .explicit(year), span: .month(range.month))
                return DateMention(range: i..<range.end, readings: [period], damaged: true)
            }
        }
        if n >= 7, n <= 8, yearLike, isBareDateBoundary(next) {
            let readings = monthDaySplits(Array(digits[4...]), year: f.number(in: run.lowerBound..<(run.lowerBound + 4)))
            guard !readings.isEmpty else { return nil }
            return DateMention(range: i..<run.upperBound, readings: readings, damaged: true)
        }
        if n <= 2, next == "月", let month = f.number(in: run), (1...12).contains(month) {
            return monthTail(f, year: .missing, month: month, start: i, at: run.upperBound + 1, damaged: false)
        }
        if n >= 3, n <= 4, next == "日" || next == "号" {
            let previous: Unicode.Scalar? = i > 0 ? f[i - 1] : nil
            guard previous != "年", previous != "月" else { return nil }
            let readings = monthDaySplits(digits, year: nil)
            guard !readings.isEmpty else { return nil }
            return DateMention(range: i..<(run.upperBound + 1), readings: readings, damaged: true)
        }
        return nil
    }

    /// Separators of numeric dates in ledgers and tables: 2025.12.31, 2025-06-30, 2025/9/30.
    static let numericSeparators = Chars.set(".-/")
    /// What may follow a year and month written with a separator ("2025.12", "2025-6底前"):
    /// elsewhere "2025.12" is more likely an amount ("2025.12万元").
    static let monthOnlyBoundary = Chars.set(" \t前底末，,。；;、)）")

    /// "2025.12.31", "2025-6-30", "2025/09/30" (the same separator twice, a real calendar day),
    /// and "2025.12" / "2025-06" at the end of a cell or before 前/底.
    static func separated(
        _ f: [Unicode.Scalar], year: Int, separator: Unicode.Scalar, start: Int, at p: Int
    ) -> DateMention? {
        let monthRun = f.digitRun(at: p)
        guard (1...2).contains(monthRun.count), let month = f.number(in: monthRun), (1...12).contains(month) else {
            return nil
        }
        let afterMonth: Unicode.Scalar? = monthRun.upperBound < f.count ? f[monthRun.upperBound] : nil
        if afterMonth == separator {
            let dayRun = f.digitRun(at: monthRun.upperBound + 1)
            guard (1...2).contains(dayRun.count), let day = f.number(in: dayRun),
                CalendarDate(year: year, month: month, day: day) != nil
            else { return nil }
            if dayRun.upperBound < f.count {
                let after = f[dayRun.upperBound]
                if Chars.isDigit(after) || Chars.isASCIILetter(after) { return nil }
                let continues = dayRun.upperBound + 1 < f.count && Chars.isDigit(f[dayRun.upperBound + 1])
                if after == separator, continues { return nil }
            }
            let period = DatePeriod(year: .explicit(year), span: .day(month: month, day: day))
            return DateMention(range: start..<dayRun.upperBound, readings: [period], damaged: false)
        }
        guard afterMonth == nil || monthOnlyBoundary.contains(afterMonth!) else { return nil }
        return monthTail(f, year: .explicit(year), month: month, start: start, at: monthRun.upperBound, damaged: false)
    }

    /// A named part of a year that is no calendar period ("2025年暑假期间", "2025年秋季学期起"):
    /// the date is not the whole year and cannot be placed, so it is not read.
    static let partsOfYear = [
        "春季", "夏季", "秋季", "冬季", "春节", "暑假", "寒假", "暑期", "寒期", "学期", "上学期", "下学期", "汛期", "秋冬", "春夏",
    ]

    static func namesPartOfYear(_ f: [Unicode.Scalar], at p: Int) -> Bool {
        partsOfYear.contains { f.hasLiteral($0, at: p) }
    }

    /// A bare digit run reads as a date only where no unit or letter follows it.
    static func isBareDateBoundary(_ next: Unicode.Scalar?) -> Bool {
        guard let next else { return true }
        if Chars.isASCIILetter(next) || Chars.isDigit(next) { return false }
        if "元万亿人个名次件项条家份米㎡%‰年月日号天时分秒岁台套辆张本篇余多批户所处号@.-_".unicodeScalars.contains(next) { return false }
        return true
    }

    /// Splits "49" into 4月9日, "1022" into 10月22日, "109" into 10月9日 (and 1月09日, less
    /// plausible). Only readings that exist in the calendar are kept.
    static func monthDaySplits(_ digits: [Unicode.Scalar], year: Int?) -> [DatePeriod] {
        guard (2...4).contains(digits.count) else { return [] }
        var plain: [DatePeriod] = []
        var zeroed: [DatePeriod] = []
        for monthLength in 1...2 where monthLength < digits.count {
            let m = digits[0..<monthLength], d = digits[monthLength...]
            guard d.count <= 2, let month = Int(String(scalars: m)), let day = Int(String(scalars: d)) else { continue }
            let checkYear = year ?? 2024  // a leap year, so 2月29日 stays possible without one
            guard CalendarDate(year: checkYear, month: month, day: day) != nil else { continue }
            let period = DatePeriod(year: year.map { .explicit($0) } ?? .missing, span: .day(month: month, day: day))
            if m.first == "0" || d.first == "0" { zeroed.append(period) } else { plain.append(period) }
        }
        return plain + zeroed
    }

    /// After "YYYY年": 底/末, 上半年/下半年, (第)N季度, M月…, or the year alone.
    static func afterYear(_ f: [Unicode.Scalar], year: DatePeriod.Year, start: Int, at p: Int) -> DateMention {
        let yearOnly = DateMention(range: start..<p, readings: [DatePeriod(year: year, span: .year)], damaged: false)
        guard p < f.count else { return yearOnly }
        if f[p] == "底" || f[p] == "末" {
            return DateMention(range: start..<(p + 1), readings: [DatePeriod(year: year, span: .year)], damaged: false)
        }
        if let eve = Holiday.eve(f, at: p) {
            return DateMention(range: start..<eve.end, readings: [DatePeriod(year: year, span: .holidayEve(eve.holiday))], damaged: false)
        }
        if f.hasLiteral("年中", at: p) {
            // "2026年年中": the middle of the year, read as the end of its first half. ("2026年中"
            // is not read: 年中央…, 年中期….)
            return DateMention(range: start..<(p + 2), readings: [DatePeriod(year: year, span: .halfYear(1))], damaged: false)
        }
        if let half = halfYear(f, at: p) {
            return DateMention(range: start..<half.end, readings: [DatePeriod(year: year, span: .halfYear(half.part))], damaged: false)
        }
        if let quarter = quarter(f, at: p) {
            return DateMention(range: start..<quarter.end, readings: [DatePeriod(year: year, span: .quarter(quarter.number))], damaged: false)
        }
        let run = f.digitRun(at: p)
        if run.count >= 1, run.count <= 2, run.upperBound < f.count, f[run.upperBound] == "月",
            let month = f.number(in: run), (1...12).contains(month)
        {
            return monthTail(f, year: year, month: month, start: start, at: run.upperBound + 1, damaged: false)
        }
        if run.count >= 1, run.count <= 2, run.upperBound < f.count, ["-", "~", "至"].contains(f[run.upperBound]),
            let month = f.number(in: run), (1...12).contains(month), let range = monthRangeEnd(f, at: run.upperBound + 1),
            range.month >= month
        {
            // "2021年3-12月": the period ends with the later month.
            return DateMention(range: start..<range.end, readings: [DatePeriod(year: year, span: .month(range.month))], damaged: false)
        }
        if run.count >= 2, run.count <= 4, run.upperBound < f.count, f[run.upperBound] == "日" || f[run.upperBound] == "号",
            case .explicit(let y) = year
        {
            let readings = monthDaySplits(Array(f[run]), year: y)
            if !readings.isEmpty {
                return DateMention(range: start..<(run.upperBound + 1), readings: readings, damaged: true)
            }
        }
        if let cn = chineseMonth(f, at: p) {
            return monthTail(f, year: year, month: cn.month, start: start, at: cn.end, damaged: false)
        }
        return yearOnly
    }

    /// After "M月": D日, 底/末, 上旬/中旬/下旬/初, a range end "-12月", or the month alone.
    static func monthTail(
        _ f: [Unicode.Scalar], year: DatePeriod.Year, month: Int, start: Int, at p0: Int, damaged: Bool
    ) -> DateMention {
        var p = p0
        if f.hasLiteral("份", at: p) { p += 1 }
        func make(_ span: DatePeriod.Span, _ end: Int) -> DateMention {
            DateMention(range: start..<end, readings: [DatePeriod(year: year, span: span)], damaged: damaged)
        }
        guard p < f.count else { return make(.month(month), p) }
        // "三十一日": a day in Chinese numerals after a month in them.
        if Chars.isChineseNumeral(f[p]) {
            var q = p
            while q < f.count, Chars.isChineseNumeral(f[q]), q - p < 3 { q += 1 }
            if q < f.count, f[q] == "日" || f[q] == "号", let day = Chars.chineseNumber(f[p..<q]), (1...31).contains(day) {
                return make(.day(month: month, day: day), q + 1)
            }
        }
        let run = f.digitRun(at: p)
        if run.count >= 1, run.count <= 2, let day = f.number(in: run) {
            let unit: Unicode.Scalar? = run.upperBound < f.count ? f[run.upperBound] : nil
            if unit == "日" || unit == "号" {
                return make(.day(month: month, day: day), run.upperBound + 1)
            }
            if unit == "-" || unit == "~" || unit == "至" {
                // "6月1-10日": the period ends on the second day.
                let second = f.digitRun(at: run.upperBound + 1)
                if second.count >= 1, second.count <= 2, second.upperBound < f.count, f[second.upperBound] == "日",
                    let end = f.number(in: second)
                {
                    return make(.day(month: month, day: end), second.upperBound + 1)
                }
            }
        }
        if f[p] == "底" || f[p] == "末" { return make(.month(month), p + 1) }
        for (word, part) in [("上旬", 1), ("中旬", 2), ("下旬", 3), ("初", 1)] where f.hasLiteral(word, at: p) {
            return make(.xun(month: month, part: part), p + word.count)
        }
        if f[p] == "-" || f[p] == "~" || f[p] == "至", let range = monthRangeEnd(f, at: p + 1), range.month >= month {
            return make(.month(range.month), range.end)
        }
        return make(.month(month), p)
    }

    /// "12月" after a range dash.
    static func monthRangeEnd(_ f: [Unicode.Scalar], at p: Int) -> (month: Int, end: Int)? {
        let run = f.digitRun(at: p)
        guard run.count >= 1, run.count <= 2, run.upperBound < f.count, f[run.upperBound] == "月",
            let month = f.number(in: run), (1...12).contains(month)
        else { return nil }
        var end = run.upperBound + 1
        if f.hasLiteral("份", at: end) { end += 1 }
        if end < f.count, f[end] == "底" || f[end] == "末" { end += 1 }
        return (month, end)
    }

    static func halfYear(_ f: [Unicode.Scalar], at p: Int) -> (part: Int, end: Int)? {
        if f.hasLiteral("上半年", at: p) { return (1, p + 3) }
        if f.hasLiteral("下半年", at: p) { return (2, p + 3) }
        return nil
    }

    /// "第三季度", "三季度", "第3季度" (and a trailing 末).
    static func quarter(_ f: [Unicode.Scalar], at p0: Int) -> (number: Int, end: Int)? {
        var p = p0
        if f.hasLiteral("第", at: p) { p += 1 }
        guard p + 2 < f.count, f.hasLiteral("季度", at: p + 1) else { return nil }
        let c = f[p]
        let number = Chars.isDigit(c) ? Chars.digitValue(c) : Chars.chineseDigits[c]
        guard let number, (1...4).contains(number) else { return nil }
        var end = p + 3
        if end < f.count, f[end] == "末" { end += 1 }
        return (number, end)
    }

    /// "二〇二五年", "二零二六年": a year written digit by digit in Chinese numerals, as 公文 date
    /// their signatures and some their deadlines.
    static func chineseYear(_ f: [Unicode.Scalar], at i: Int) -> Int? {
        guard i + 4 < f.count, f[i + 4] == "年", i == 0 || !Chars.isChineseNumeral(f[i - 1]) else { return nil }
        var year = 0
        for k in i..<(i + 4) {
            guard let d = Chars.chineseDigits[f[k]], f[k] != "两" else { return nil }
            year = year * 10 + d
        }
        return (1900...2199).contains(year) ? year : nil
    }

    /// 十月, 十一月 … after 年 only (elsewhere "一月一课" is not a date).
    static func chineseMonth(_ f: [Unicode.Scalar], at p: Int) -> (month: Int, end: Int)? {
        var i = p
        while i < f.count, Chars.isChineseNumeral(f[i]), i - p < 3 { i += 1 }
        guard i > p, i < f.count, f[i] == "月", let month = Chars.chineseNumber(f[p..<i]), (1...12).contains(month) else {
            return nil
        }
        return (month, i + 1)
    }

    // MARK: - Phrases that start with words

    static let relativeYears: [(String, Int)] = [("今年", 0), ("本年", 0), ("当年", 0), ("明年", 1), ("次年", 1)]

    static func worded(_ f: [Unicode.Scalar], at i: Int) -> DateMention? {
        if let year = chineseYear(f, at: i) {
            return afterYear(f, year: .explicit(year), start: i, at: i + 5)
        }
        for (word, offset) in relativeYears where f.hasLiteral(word, at: i) {
            let mention = afterYear(f, year: .relative(offset), start: i, at: i + 2)
            // "今年" alone names the year; "今年以来" is not a deadline but is still a year.
            return mention
        }
        let previous: Unicode.Scalar? = i > 0 ? f[i - 1] : nil
        if previous.map(Chars.isDigit) == true { return nil }
        if f.hasLiteral("年底", at: i) || f.hasLiteral("年末", at: i) || f.hasLiteral("年内", at: i) {
            return DateMention(range: i..<(i + 2), readings: [DatePeriod(year: .missing, span: .year)], damaged: false)
        }
        if let half = halfYear(f, at: i) {
            return DateMention(range: i..<half.end, readings: [DatePeriod(year: .missing, span: .halfYear(half.part))], damaged: false)
        }
        if let eve = Holiday.eve(f, at: i) {
            return DateMention(range: i..<eve.end, readings: [DatePeriod(year: .missing, span: .holidayEve(eve.holiday))], damaged: false)
        }
        if f[i] == "第" || Chars.chineseDigits[f[i]] != nil, let q = quarter(f, at: i) {
            return DateMention(range: i..<q.end, readings: [DatePeriod(year: .missing, span: .quarter(q.number))], damaged: false)
        }
        return nil
    }
}
