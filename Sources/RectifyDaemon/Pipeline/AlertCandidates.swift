import Foundation
import RectifyCore
import RectifyNotify

/// The first stage of the alert pipeline: what an item's evaluation at `now` gives reason to
/// tell — overdue or escalated, a reminder window, a missed milestone, no progress, no
/// deadline — each with the key dedup remembers it by, the fingerprint whose change makes it
/// worth telling again, and the routing rule that names its people. Pure.
struct AlertCandidates {
    var alerts: AlertPolicy
    var reminderDays: [Int]
    /// For reminder windows counted in working days.
    var policy: Policy

    struct Candidate {
        var kind: AlertKind
        var key: String
        var fingerprint: String
        /// nil: sent once per fingerprint.
        var repeatEvery: Interval?
        var rule: String
        /// The milestone a milestone_missed candidate is about. Its notice line is made only
        /// when dedup lets it go to somebody (`NoticeEntryFactory`): at a restart most
        /// candidates were told before, and making every one's line was most of the planning.
        var milestone: String? = nil
    }

    /// A repeat interval: seconds, or working days of the policy's calendar (`5wd`).
    struct Interval {
        var seconds: TimeInterval
        var workingDays: Int?
    }

    func candidates(item: Item, plan: Plan, evaluation: Evaluation, at now: Date) -> [Candidate] {
        let deadline = item.effectiveDeadline
        let repeatOverdue = Interval(seconds: alerts.repeatOverdue, workingDays: alerts.repeatOverdueWorkingDays)
        let deadlineKey = deadline?.date.description ?? "-"
        func candidate(_ kind: AlertKind, key: String, fingerprint: String, every: Interval?, rule: String? = nil,
                       milestone: String? = nil) -> Candidate {
            Candidate(
                kind: kind, key: key, fingerprint: fingerprint, repeatEvery: every, rule: rule ?? kind.rawValue, milestone: milestone)
        }
        var result: [Candidate] = []
        for finding in evaluation.findings {
            switch finding.state {
            case .overdue:
                let escalated = finding.since.map { now >= escalationInstant(due: $0, zone: plan.zone) } ?? false
                let kind: AlertKind = escalated ? .escalation : .overdue
                result.append(candidate(kind, key: kind.rawValue, fingerprint: deadlineKey, every: repeatOverdue))
            case .dueSoon:
                let window = reminderWindow(daysLeft: evaluation.daysLeft ?? 0, deadline: deadline, zone: plan.zone, at: now)
                let rule = evaluation.colour == .yellow ? "reminder_yellow" : "reminder"
                result.append(candidate(.reminder, key: "reminder:\(window)", fingerprint: deadlineKey, every: nil, rule: rule))
            case .milestoneMissed:
                let title = finding.milestone ?? "?"
                let date = item.milestones.first { $0.title == title }?.deadline.date.description ?? "-"
                result.append(
                    candidate(.milestoneMissed, key: "milestone:\(title)", fingerprint: date, every: repeatOverdue, milestone: title))
            case .stale:
                let since = finding.since.map { String(Int($0.timeIntervalSince1970)) } ?? "-"
                let every = Interval(seconds: alerts.repeatStale, workingDays: alerts.repeatStaleWorkingDays)
                result.append(candidate(.stale, key: "stale", fingerprint: since, every: every))
            case .noDeadline:
                result.append(candidate(.noDeadline, key: "no_deadline", fingerprint: "-", every: nil))
            default:
                continue
            }
        }
        return result
    }

    /// `interval` after `instant`, counted in working days when the interval says so.
    func after(_ instant: Date, _ interval: Interval, zone: TimeZone) -> Date {
        AlertPolicy.after(
            instant, seconds: interval.seconds, workingDays: interval.workingDays, calendar: policy.calendar, zone: zone)
    }

    /// When an item overdue since `due` becomes an escalation (`escalate_after`).
    func escalationInstant(due: Date, zone: TimeZone) -> Date {
        after(due, Interval(seconds: alerts.escalateAfter, workingDays: alerts.escalateAfterWorkingDays), zone: zone)
    }

    /// The start of the next working day when `now` is on a day off and reminders wait for it
    /// (`alerts.send_on_days_off: false` with a calendar); nil when they may go now.
    func heldUntil(_ now: Date, zone: TimeZone) -> Date? {
        guard !alerts.sendOnDaysOff, let calendar = policy.calendar else { return nil }
        return calendar.nextWorkingDayStart(ifDayOff: now, in: zone)
    }

    /// The innermost reminder window open at `now` (its size names the alert, so each window is told once).
    func reminderWindow(daysLeft: Int, deadline: Deadline?, zone: TimeZone, at now: Date) -> Int {
        guard policy.reminderInWorkingDays, policy.calendar != nil, let deadline else {
            return reminderDays.filter { daysLeft <= $0 }.min() ?? 0
        }
        let due = policy.dueDate(deadline)
        return reminderDays.filter { policy.windowOpens($0, due: due).startInstant(in: zone) <= now }.min() ?? 0
    }
}

/// Builds the notice line for an item from its evaluation.
enum NoticeEntryFactory {
    static func make(kind: AlertKind, item: Item, plan: Plan, evaluation: Evaluation, milestone: String?) -> NoticeEntry {
        let stale = evaluation.finding(.stale)?.days
        return NoticeEntry(
            kind: kind, planID: plan.id, planTitle: plan.title, unit: plan.unit, itemID: item.id, itemTitle: item.title,
            state: evaluation.state, colour: evaluation.colour, deadline: item.effectiveDeadline,
            originalDeadline: item.extensions.isEmpty ? nil : item.deadline, daysOverdue: evaluation.daysOverdue,
            daysLeft: evaluation.daysLeft, milestone: milestone,
            responsible: item.responsible.map(\.label).flatMap { $0.isEmpty ? nil : $0 },
            mobiles: item.responsible?.contacts.compactMap(\.phone) ?? [],
            evidence: evidence(item: item, milestone: milestone), daysSinceUpdate: stale)
    }

    static func evidence(item: Item, milestone: String?) -> Evidence? {
        if let milestone, let m = item.milestones.first(where: { $0.title == milestone }), let text = m.deadline.text {
            return Evidence(text: text, line: m.deadline.line)
        }
        if let deadline = item.effectiveDeadline, let text = deadline.text {
            return Evidence(text: text, line: deadline.line)
        }
        return item.statusEvidence
    }
}
