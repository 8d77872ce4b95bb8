import Foundation
import RectifyCore

/// What the lines above a ledger's header say: the title ("…巡察反馈问题整改台账"), the unit
/// ("填报单位：…") and the ledger's date ("填报日期：2025年9月30日", "截至2025年9月"), whose year
/// places dates written without one.
struct LedgerHeading: Sendable {
    var title: String?
    var unit: String?
    var date: CalendarDate?
    /// The year the title or date row names.
    var year: Int?

    static let titleWords = ["台账", "清单", "方案", "情况", "一览表", "统计表", "进度表", "整改"]
    static let unitLabels = ["填报单位", "填表单位", "报送单位", "责任单位", "单位名称", "单位"]
    static let dateLabels = ["填报日期", "填表日期", "报送日期", "统计日期", "填报时间", "截至", "截止", "日期", "时间"]

    /// Reads the lines (cell texts of the rows above the header, or the paragraphs before a
    /// Word table).
    static func read(_ lines: [String]) -> LedgerHeading {
        var heading = LedgerHeading()
        for line in lines {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            let f = Array(text.unicodeScalars.map(Chars.fold))
            if heading.unit == nil, let label = unitLabels.first(where: { f.hasLiteral($0, at: 0) }) {
                let value = afterLabel(text, label)
                if !value.isEmpty { heading.unit = value }
                // The same line may go on with the date: "填报单位：… 填报日期：2025年9月30日".
                if heading.date == nil, let (date, year) = fullDate(f) {
                    heading.date = date
                    heading.year = year
                }
                continue
            }
            if heading.date == nil, dateLabels.contains(where: { f.contains(literal: $0) }) || text.count <= 20 {
                if let (date, year) = fullDate(f) {
                    heading.date = date
                    heading.year = heading.year ?? year
                    if f.count <= 24 || dateLabels.contains(where: { f.hasLiteral($0, at: 0) }) { continue }
                }
            }
            if heading.title == nil, text.count >= 6, text.count <= 80, titleWords.contains(where: { text.contains($0) }) {
                heading.title = text.replacingOccurrences(of: "\n", with: "")
                if let year = explicitYear(f) { heading.year = heading.year ?? year }
            }
        }
        if heading.title == nil {
            heading.title = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { $0.count >= 4 && $0.count <= 80 }
        }
        if heading.unit == nil, let title = heading.title { heading.unit = unit(fromTitle: title) }
        if let date = heading.date { heading.year = date.year }
        return heading
    }

    /// The reference day for dates written without a year: the first day of the ledger's year
    /// (its date row's, else its title's), so "12月底前" and "6月30日前" fall in that year.
    var reference: CalendarDate? { year.flatMap { CalendarDate(year: $0, month: 1, day: 1) } }

    static func afterLabel(_ text: String, _ label: String) -> String {
        var rest = Substring(text.dropFirst(label.count))
        // "填报单位（盖章）：…"
        if let first = rest.first, first == "（" || first == "(", let close = rest.firstIndex(where: { $0 == "）" || $0 == ")" }) {
            rest = rest[rest.index(after: close)...]
        }
        rest = rest.drop { $0 == "：" || $0 == ":" || $0 == " " }
        // A unit cell that also holds the date: "填报单位：X    填报日期：…".
        var value = String(rest)
        for other in dateLabels where value.contains(other) {
            value = String(value[..<value.range(of: other)!.lowerBound])
        }
        value = value.trimmingCharacters(in: CharacterSet(charactersIn: " \u{3000}，,；;"))
        // "X（盖章）": the note where the seal goes is not part of the name.
        for note in ["（盖章）", "(盖章)", "（公章）", "(公章)", "（签章）", "(签章)", "（章）", "(章)"] where value.hasSuffix(note) {
            value = String(value.dropLast(note.count)).trimmingCharacters(in: .whitespaces)
        }
        return value
    }

    /// A date with year, month and day ("2025年9月30日", "2025/9/30"), else a year and month
    /// ("截至2025年9月": its last day).
    static func fullDate(_ f: [Unicode.Scalar]) -> (CalendarDate, Int)? {
        let mentions = DateScanner.mentions(in: f) + LedgerCells.separated(f)
        var monthly: (CalendarDate, Int)?
        for mention in mentions {
            guard case .explicit(let year) = mention.period.year else { continue }
            switch mention.period.span {
            case .day: if let d = mention.period.lastDay(in: year) { return (d, year) }
            case .month: if monthly == nil, let d = mention.period.lastDay(in: year) { monthly = (d, year) }
            default: continue
            }
        }
        return monthly
    }

    static func explicitYear(_ f: [Unicode.Scalar]) -> Int? {
        for mention in DateScanner.mentions(in: f) {
            if case .explicit(let year) = mention.period.year { return year }
        }
        return nil
    }

    /// "某县卫生健康局巡察反馈问题整改台账" → "某县卫生健康局"; "关于…" titles go through the text
    /// importer's rule.
    static func unit(fromTitle title: String) -> String? {
        if title.contains("关于"), let unit = Header.unit(title: title, opening: nil) { return unit }
        var unit = title
        // "…妇幼保健院问题整改销号管理台账", "…反馈问题整改台账": 问题 before 整改 is no part of the name.
        for stop in ["落实", "巡察", "巡视", "审计", "对照", "问题整改", "整改", "关于"] {
            if let range = unit.range(of: stop) { unit = String(unit[..<range.lowerBound]) }
        }
        // "2025年度…", a leading year.
        while let first = unit.unicodeScalars.first, Chars.isDigit(first) || "年度".unicodeScalars.contains(first) { unit.unicodeScalars.removeFirst() }
        // "…卫生健康局2026年巡察…", "…2025年度…": a year after the unit's name.
        if let year = unit.range(of: "[0-9０-９]{4}年度?$", options: .regularExpression) { unit = String(unit[..<year.lowerBound]) }
        for prefix in ["中共"] where unit.hasPrefix(prefix) { unit.removeFirst(prefix.count) }
        for suffix in ["党组", "党委", "党总支", "党支部", "县委", "市委"] where unit.hasSuffix(suffix) && unit.count > suffix.count + 2 {
            unit.removeLast(suffix.count)
        }
        for suffix in ["县委", "市委", "区委", "第一", "第二", "第三", "第四"] where unit.hasSuffix(suffix) && unit.count > suffix.count + 2 {
            unit.removeLast(suffix.count)
        }
        unit = unit.trimmingCharacters(in: .whitespaces)
        // A unit is named in Chinese: a title that is a file's stem ("l26_oa_export", what the
        // export writes for a plan without a title) names none.
        return unit.count >= 2 && unit.unicodeScalars.contains(where: Chars.isHan) ? unit : nil
    }
}
