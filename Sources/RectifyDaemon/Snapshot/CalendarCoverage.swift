import Foundation
import RectifyCore

/// Tells the operator when the working-day calendar stops short of the dates the plans need.
///
/// The State Council announces each year's holidays and make-up days (调休) late in the year
/// before. Beyond the years `policy.calendar` holds, only weekends are days off: 元旦 and 春节
/// count as working days, `Nwd` intervals and the yellow window shrink across them, and a digest
/// or reminder can go out on a holiday. Nothing fails, which is why it must be said.
enum CalendarCoverage {
    /// How far ahead a missing year matters even without a deadline in it: reminders and
    /// digests of the coming weeks.
    static let lookahead = 60

    /// One warning naming the years missing from today through the lookahead and through the
    /// open items' deadlines (at most a year ahead), or nil when the calendar covers them.
    static func warning(config: DaemonConfig, plans: [Plan], now: Date) -> Diagnostic? {
        guard let calendar = config.policy.calendar, let file = config.calendarFiles.last else { return nil }
        let today = CalendarDate(containing: now, in: config.timeZone)
        let horizon = today.adding(days: 366)
        var latest = today.adding(days: lookahead)
        var deadlines: [Int: Int] = [:]
        for plan in plans {
            for item in plan.items where item.isOpen {
                guard let date = item.effectiveDeadline?.date, date >= today, date <= horizon else { continue }
                deadlines[date.year, default: 0] += 1
                if date > latest { latest = date }
            }
        }
        let missing = calendar.unannouncedYears(from: today, through: latest)
        guard !missing.isEmpty else { return nil }
        let names = missing.map(String.init).joined(separator: ", ")
        let known = calendar.years.sorted()
        let covers = known.isEmpty ? "holds no year" : known.count == 1 ? "covers \(known[0])" : "covers \(known.first!)–\(known.last!)"
        let due = missing.reduce(0) { $0 + deadlines[$1, default: 0] }
        let dueText = due > 0 ? "; \(due) open deadline\(due == 1 ? "" : "s") fall\(due == 1 ? "s" : "") in \(names)" : ""
        // Pointed at the file's last line: where the next year goes.
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).count
        return Diagnostic(
            file: file, line: max(1, lines), column: 1, severity: .warning,
            message: "the calendar \(covers), not \(names): there only weekends are days off (元旦, 春节 and 调休 are unknown), "
                + "so working-day reminders and digests may fall on holidays\(dueText). Add \(names) here when the State Council "
                + "announces \(missing.count == 1 ? "it" : "them") (国务院办公厅关于部分节假日安排的通知) and reload.")
    }
}
