import Foundation
import RectifyCore
import RectifyNotify
import RectifyReport
import RectifyStore

/// The weekly 情况通报 as the daemon sends it (`reports.weekly`): the figures of the seven days
/// before the day it is scheduled for, counted from the plans as they stand and the stored
/// history (销号 and reopening), worded once, laid out for mail and robots, one notice per
/// recipient and channel. Pure: the scheduler passes the world, the history and `now`.
struct WeeklyReportJob {
    var config: WeeklyReportConfig
    var emailReceiver: String?
    var zone: TimeZone
    var language: String
    var policy: Policy

    /// The alert key its notification log entries carry (one per recipient and week).
    static let alertKey = "weekly_report"

    /// The seven days before the day the send at `instant` was scheduled for: a Monday send
    /// covers the week before it, also when a day off moved it to Tuesday.
    func period(forSendAt instant: Date) -> ReportPeriod {
        var day = CalendarDate(containing: instant, in: zone)
        if let weekday = config.schedule.weekday {
            while day.weekday != weekday { day = day.adding(days: -1) }
        }
        return ReportPeriod.sevenDays(before: day.startInstant(in: zone), zone: zone)
    }

    /// Where the schedule takes days off from: the policy's calendar, else weekends.
    func daysOff(_ calendar: WorkingCalendar?) -> WorkingCalendar? {
        config.workingDays ? (calendar ?? WorkingCalendar()) : nil
    }

    /// The notices of `period`, counted at `now` (or the period's end, when that is earlier),
    /// each with the log entry its delivery confirms.
    func notices(
        plans: [Plan], updates: [UpdateRecord], period: ReportPeriod, now: Date, makeID: () -> String
    ) -> [(AlertNotice, LogEntry)] {
        let at = min(now, period.end.addingTimeInterval(-1))
        let report = render(plans: plans, updates: updates, period: period, at: at)
        var recipients: [(receiver: String, address: String, name: String?)] = []
        if let email = emailReceiver {
            var seen = Set<String>()
            for contact in config.recipients {
                guard let address = contact.email, seen.insert(address.lowercased()).inserted else { continue }
                recipients.append((email, address, contact.name ?? contact.role))
            }
        }
        recipients += config.channels.map { ($0, $0, nil) }
        return recipients.map { recipient in
            let id = makeID()
            let notice = AlertNotice(
                id: id, receiver: recipient.receiver, recipient: recipient.address, recipientName: recipient.name, entries: [],
                createdAt: now, timeZone: zone.identifier, language: language, report: report)
            let log = LogEntry(
                receiver: recipient.receiver, recipient: recipient.address, alertKey: Self.alertKey, planID: "*", itemID: "*",
                kind: AlertKind.digest.rawValue, fingerprint: period.firstDay.description, sentAt: now, noticeID: id)
            return (notice, log)
        }
    }

    /// The report, worded and laid out: mail text and HTML, robot Markdown.
    func render(plans: [Plan], updates: [UpdateRecord], period: ReportPeriod, at: Date) -> NoticeReport {
        var notes: [String: [String: [ProgressNote]]] = [:]
        for update in updates where update.at <= at {
            guard let kind = ProgressNote.Kind(rawValue: update.kind), kind == .done || kind == .reopen else { continue }
            let note = ProgressNote(day: CalendarDate(containing: update.at, in: zone), kind: kind, text: update.note ?? "")
            notes[update.planID, default: [:]][update.itemID, default: []].append(note)
        }
        let states = plans.map { plan in PlanState(plan: plan, at: at, policy: policy, notes: notes[plan.id] ?? [:]) }
        let document = WeeklyComposer.compose(WeeklyFigures(states, period: period), issuer: config.issuer)
        return NoticeReport(
            subject: document.title, text: PlainTextLayout.render(document), html: HTMLLayout.render(document),
            markdown: MarkdownLayout.robotMarkdown(document))
    }
}
