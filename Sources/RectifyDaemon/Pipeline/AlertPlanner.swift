import Foundation
import Logging
import RectifyCore
import RectifyNotify
import RectifyStore

/// Why an alert goes out now (or does not): a named reason, for logs and tests.
enum SendReason: String, Sendable {
    case first
    case repeatIntervalElapsed = "repeat_interval_elapsed"
    case stateChanged = "state_changed"
}

/// Where an alert goes: an email address through the email receiver, or a webhook receiver.
struct Recipient: Hashable, Sendable {
    var receiver: String
    var address: String
    var name: String?
}

/// One alert for one recipient, decided and ready to be grouped into a notice.
struct PlannedAlert: Sendable {
    var recipient: Recipient
    var entry: NoticeEntry
    var log: LogEntry
    var reason: SendReason
}

/// Decides, for one item at one instant, which alerts are due and to whom. Pure: it reads
/// the ledger but never the clock, the network or the disk.
struct AlertPlanner {
    var alerts: AlertPolicy
    var reminderDays: [Int]
    var routing: Routing
    var webhooks: [ReceiverSpec]
    /// For reminder windows counted in working days.
    var policy: Policy = .default

    struct Candidate {
        var kind: AlertKind
        var key: String
        var fingerprint: String
        /// nil: sent once per fingerprint.
        var repeatEvery: Interval?
        var rule: String
        var entry: NoticeEntry
    }

    /// A repeat interval: seconds, or working days of the policy's calendar (`5wd`).
    struct Interval {
        var seconds: TimeInterval
        var workingDays: Int?
    }

    struct Outcome {
        var alerts: [PlannedAlert] = []
        /// Reminders decided on a day off, held until the next working day starts.
        var held = 0
        /// Rules whose roles named nobody with an email and whose alert reached nobody at all
        /// (no default recipient, no group chat): for a warning.
        var unrouted: [String] = []
        /// Rules whose roles named nobody with an email, with an alert planned now for
        /// `routing.default_recipient` instead (for an info line: it was not lost).
        var toDefaultRecipient: [String] = []
        /// Rules whose roles named nobody with an email, with an alert planned now for group
        /// chats only (no default recipient): for a warning.
        var groupChatsOnly: [String] = []
        /// The next instant at which this item may need an alert even if its state does not change.
        var nextAlert: Date?
    }

    func plan(
        item: Item, in plan: Plan, evaluation: Evaluation, ledger: AlertLedger, at now: Date
    ) -> Outcome {
        var outcome = Outcome()
        if item.status == .done {
            outcome.alerts = resolvedAlerts(item: item, plan: plan, ledger: ledger, at: now)
            return outcome
        }
        let zone = plan.zone
        for var candidate in candidates(item: item, plan: plan, evaluation: evaluation, at: now) {
            if candidate.kind == .reminder, let until = heldUntil(now, zone: zone) {
                outcome.held += 1
                outcome.nextAlert = min(outcome.nextAlert ?? until, until)
                continue
            }
            candidate.entry.mobiles = mobiles(for: candidate.rule, item: item, plan: plan)
            let (recipients, gap) = recipients(for: candidate, item: item, plan: plan)
            if gap == .nobody { outcome.unrouted.append(candidate.rule) }
            var plannedEmail = false
            var plannedChat = false
            for recipient in recipients {
                let alertKey = "\(plan.id)/\(item.id)/\(candidate.key)"
                let previous = ledger.last(receiver: recipient.receiver, recipient: recipient.address, alertKey: alertKey)
                let reason: SendReason?
                if let previous {
                    if previous.fingerprint != candidate.fingerprint {
                        reason = .stateChanged
                    } else if let every = candidate.repeatEvery {
                        let again = after(previous.sentAt, every, zone: zone)
                        if again <= now { reason = .repeatIntervalElapsed } else {
                            reason = nil
                            outcome.nextAlert = min(outcome.nextAlert ?? again, again)
                        }
                    } else {
                        reason = nil
                    }
                } else {
                    reason = .first
                }
                guard let reason else { continue }
                if let every = candidate.repeatEvery {
                    let again = after(now, every, zone: zone)
                    outcome.nextAlert = min(outcome.nextAlert ?? again, again)
                }
                let log = LogEntry(
                    receiver: recipient.receiver, recipient: recipient.address, alertKey: alertKey, planID: plan.id,
                    itemID: item.id, kind: candidate.kind.rawValue, fingerprint: candidate.fingerprint, sentAt: now,
                    noticeID: "")
                outcome.alerts.append(PlannedAlert(recipient: recipient, entry: candidate.entry, log: log, reason: reason))
                if recipient.receiver == routing.emailReceiver { plannedEmail = true } else { plannedChat = true }
            }
            if gap == .defaultRecipient && plannedEmail { outcome.toDefaultRecipient.append(candidate.rule) }
            if gap == .groupChatsOnly && plannedChat { outcome.groupChatsOnly.append(candidate.rule) }
        }
        // The instant an overdue item crosses into escalation.
        if evaluation.state == .overdue, let due = evaluation.due {
            let escalation = escalationInstant(due: due, zone: zone)
            if escalation > now { outcome.nextAlert = min(outcome.nextAlert ?? escalation, escalation) }
        }
        return outcome
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

    /// Phones to @-mention in group chats: the people of the rule's roles who are named in
    /// person (主办人, 分管领导, 主要负责人), not the office (`owner`).
    func mobiles(for rule: String, item: Item, plan: Plan) -> [String] {
        var phones: [String] = []
        for role in routing.rules(for: plan)[rule] ?? [] where role != .owner {
            let people: [Contact]
            if role == .itemLeader, let leader = item.responsible?.leader, leader.phone != nil {
                people = [leader]
            } else {
                people = contacts(role, item: item, plan: plan)
            }
            for phone in people.compactMap(\.phone) where !phones.contains(phone) { phones.append(phone) }
        }
        return phones
    }

    func candidates(item: Item, plan: Plan, evaluation: Evaluation, at now: Date) -> [Candidate] {
        let deadline = item.effectiveDeadline
        let repeatOverdue = Interval(seconds: alerts.repeatOverdue, workingDays: alerts.repeatOverdueWorkingDays)
        let deadlineKey = deadline?.date.description ?? "-"
        func entry(_ kind: AlertKind, milestone: String? = nil) -> NoticeEntry {
            NoticeEntryFactory.make(kind: kind, item: item, plan: plan, evaluation: evaluation, milestone: milestone)
        }
        var result: [Candidate] = []
        for finding in evaluation.findings {
            switch finding.state {
            case .overdue:
                let escalated = finding.since.map { now >= escalationInstant(due: $0, zone: plan.zone) } ?? false
                let kind: AlertKind = escalated ? .escalation : .overdue
                result.append(
                    Candidate(
                        kind: kind, key: kind.rawValue, fingerprint: deadlineKey, repeatEvery: repeatOverdue,
                        rule: kind.rawValue, entry: entry(kind)))
            case .dueSoon:
                let left = evaluation.daysLeft ?? 0
                let window = reminderWindow(daysLeft: left, deadline: deadline, zone: plan.zone, at: now)
                result.append(
                    Candidate(
                        kind: .reminder, key: "reminder:\(window)", fingerprint: deadlineKey, repeatEvery: nil,
                        rule: evaluation.colour == .yellow ? "reminder_yellow" : "reminder", entry: entry(.reminder)))
            case .milestoneMissed:
                let title = finding.milestone ?? "?"
                let date = item.milestones.first { $0.title == title }?.deadline.date.description ?? "-"
                result.append(
                    Candidate(
                        kind: .milestoneMissed, key: "milestone:\(title)", fingerprint: date,
                        repeatEvery: repeatOverdue, rule: "milestone_missed",
                        entry: entry(.milestoneMissed, milestone: title)))
            case .stale:
                let since = finding.since.map { String(Int($0.timeIntervalSince1970)) } ?? "-"
                result.append(
                    Candidate(
                        kind: .stale, key: "stale", fingerprint: since, repeatEvery: Interval(seconds: alerts.repeatStale, workingDays: alerts.repeatStaleWorkingDays), rule: "stale",
                        entry: entry(.stale)))
            case .noDeadline:
                result.append(
                    Candidate(kind: .noDeadline, key: "no_deadline", fingerprint: "-", repeatEvery: nil, rule: "no_deadline", entry: entry(.noDeadline)))
            default:
                continue
            }
        }
        return result
    }

    /// The innermost reminder window open at `now` (its size names the alert, so each window is told once).
    func reminderWindow(daysLeft: Int, deadline: Deadline?, zone: TimeZone, at now: Date) -> Int {
        guard policy.reminderInWorkingDays, policy.calendar != nil, let deadline else {
            return reminderDays.filter { daysLeft <= $0 }.min() ?? 0
        }
        let due = policy.dueDate(deadline)
        return reminderDays.filter { policy.windowOpens($0, due: due).startInstant(in: zone) <= now }.min() ?? 0
    }

    /// The ladder's rungs that name nobody in `plan` ("yellow: 分管领导"), for a warning at load.
    static func ladderGaps(_ plan: Plan, routing: Routing) -> [String] {
        guard routing.usesThreeColourLadder(plan) else { return [] }
        var gaps: [String] = []
        let open = plan.items.filter { $0.status != .done }
        if open.contains(where: { ($0.responsible?.contacts ?? []).isEmpty }) { gaps.append("green: 主办人 (responsible.contacts) of some items") }
        if open.contains(where: { $0.responsible?.leader == nil }) && !plan.leaders.contains(where: { $0.level == .deputy }) {
            gaps.append("yellow: 分管领导 (responsible.leader or a leader with level: deputy)")
        }
        if !plan.leaders.contains(where: { $0.level == .main }) { gaps.append("red: 主要负责人 (a leader with level: main)") }
        if plan.owner == nil { gaps.append("red: plan owner (整改办)") }
        return gaps
    }

    /// Logs a warning for every plan whose ladder has a rung with nobody on it.
    static func warnLadderGaps(_ plans: [Plan], routing: Routing, logger: Logger) {
        for plan in plans {
            let gaps = ladderGaps(plan, routing: routing)
            guard !gaps.isEmpty else { continue }
            logger.warning(
                "three-colour ladder has a rung with nobody to send to",
                metadata: [
                    "plan": "\(plan.id)", "missing": "\(gaps.joined(separator: "; "))",
                    "hint": "add the contacts to the plan (leaders, owner) or set routing.default_recipient",
                ])
        }
    }

    /// Where an alert went when its rule's roles named nobody with an email address.
    enum RoleGap {
        case defaultRecipient
        case groupChatsOnly
        case nobody
    }

    /// Recipients for a candidate, and the gap when the roles named nobody with an address.
    func recipients(for candidate: Candidate, item: Item, plan: Plan) -> ([Recipient], RoleGap?) {
        var result: [Recipient] = []
        var seen = Set<String>()
        if let email = routing.emailReceiver {
            for role in routing.rules(for: plan)[candidate.rule] ?? [] {
                for contact in contacts(role, item: item, plan: plan) {
                    guard let address = contact.email, seen.insert(address.lowercased()).inserted else { continue }
                    result.append(Recipient(receiver: email, address: address, name: contact.name ?? contact.role))
                }
            }
        }
        var gap: RoleGap? = nil
        if result.isEmpty {
            gap = .nobody
            if let email = routing.emailReceiver, let fallback = routing.defaultRecipient, let address = fallback.email {
                result.append(Recipient(receiver: email, address: address, name: fallback.name))
                gap = .defaultRecipient
            }
        }
        for hook in webhooks where hook.kinds.isEmpty || hook.kinds.contains(candidate.kind.rawValue) {
            result.append(Recipient(receiver: hook.name, address: hook.name, name: nil))
            if gap == .nobody { gap = .groupChatsOnly }
        }
        return (result, gap)
    }

    func contacts(_ role: Routing.Role, item: Item, plan: Plan) -> [Contact] {
        switch role {
        case .responsible: return item.responsible?.contacts ?? []
        case .itemLeader:
            if let leader = item.responsible?.leader, leader.email != nil { return [leader] }
            return plan.leaders.filter { $0.level == .deputy }
        case .mainLeader: return plan.leaders.filter { $0.level == .main }
        case .owner: return plan.owner.map { [$0] } ?? []
        }
    }

    /// `resolved` goes once to everyone who was alerted about the item since its last
    /// `resolved` notice.
    func resolvedAlerts(item: Item, plan: Plan, ledger: AlertLedger, at now: Date) -> [PlannedAlert] {
        let entries = ledger.entries(planID: plan.id, itemID: item.id)
        var latestAlert: [String: LogEntry] = [:]
        var resolved: [String: Date] = [:]
        for entry in entries {
            let who = "\(entry.receiver)\u{1}\(entry.recipient)"
            if entry.kind == AlertKind.resolved.rawValue {
                resolved[who] = max(resolved[who] ?? .distantPast, entry.sentAt)
            } else if entry.sentAt > (latestAlert[who]?.sentAt ?? .distantPast) {
                latestAlert[who] = entry
            }
        }
        let entry = NoticeEntryFactory.make(
            kind: .resolved, item: item, plan: plan, evaluation: Evaluation(state: .done, findings: []), milestone: nil)
        return latestAlert.sorted { $0.key < $1.key }.compactMap { who, last in
            guard last.sentAt > (resolved[who] ?? .distantPast) else { return nil }
            let log = LogEntry(
                receiver: last.receiver, recipient: last.recipient, alertKey: "\(plan.id)/\(item.id)/resolved",
                planID: plan.id, itemID: item.id, kind: AlertKind.resolved.rawValue, fingerprint: "done", sentAt: now,
                noticeID: "")
            return PlannedAlert(
                recipient: Recipient(receiver: last.receiver, address: last.recipient, name: nil), entry: entry, log: log,
                reason: .stateChanged)
        }
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
