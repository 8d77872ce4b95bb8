import Foundation
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
        var repeatEvery: TimeInterval?
        var rule: String
        var entry: NoticeEntry
    }

    struct Outcome {
        var alerts: [PlannedAlert] = []
        /// Roles that named nobody (for a warning).
        var unrouted: [String] = []
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
        for candidate in candidates(item: item, plan: plan, evaluation: evaluation, at: now) {
            let (recipients, unrouted) = recipients(for: candidate, item: item, plan: plan)
            if unrouted { outcome.unrouted.append(candidate.rule) }
            for recipient in recipients {
                let alertKey = "\(plan.id)/\(item.id)/\(candidate.key)"
                let previous = ledger.last(receiver: recipient.receiver, recipient: recipient.address, alertKey: alertKey)
                let reason: SendReason?
                if let previous {
                    if previous.fingerprint != candidate.fingerprint {
                        reason = .stateChanged
                    } else if let every = candidate.repeatEvery {
                        let again = previous.sentAt.addingTimeInterval(every)
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
                    let again = now.addingTimeInterval(every)
                    outcome.nextAlert = min(outcome.nextAlert ?? again, again)
                }
                let log = LogEntry(
                    receiver: recipient.receiver, recipient: recipient.address, alertKey: alertKey, planID: plan.id,
                    itemID: item.id, kind: candidate.kind.rawValue, fingerprint: candidate.fingerprint, sentAt: now,
                    noticeID: "")
                outcome.alerts.append(PlannedAlert(recipient: recipient, entry: candidate.entry, log: log, reason: reason))
            }
        }
        // The instant an overdue item crosses into escalation.
        if evaluation.state == .overdue, let due = evaluation.due {
            let escalation = due.addingTimeInterval(alerts.escalateAfter)
            if escalation > now { outcome.nextAlert = min(outcome.nextAlert ?? escalation, escalation) }
        }
        return outcome
    }

    func candidates(item: Item, plan: Plan, evaluation: Evaluation, at now: Date) -> [Candidate] {
        let deadline = item.effectiveDeadline
        let deadlineKey = deadline?.date.description ?? "-"
        func entry(_ kind: AlertKind, milestone: String? = nil) -> NoticeEntry {
            NoticeEntryFactory.make(kind: kind, item: item, plan: plan, evaluation: evaluation, milestone: milestone)
        }
        var result: [Candidate] = []
        for finding in evaluation.findings {
            switch finding.state {
            case .overdue:
                let escalated = (finding.since.map { now.timeIntervalSince($0) } ?? 0) >= alerts.escalateAfter
                let kind: AlertKind = escalated ? .escalation : .overdue
                result.append(
                    Candidate(
                        kind: kind, key: kind.rawValue, fingerprint: deadlineKey, repeatEvery: alerts.repeatOverdue,
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
                        repeatEvery: alerts.repeatOverdue, rule: "milestone_missed",
                        entry: entry(.milestoneMissed, milestone: title)))
            case .stale:
                let since = finding.since.map { String(Int($0.timeIntervalSince1970)) } ?? "-"
                result.append(
                    Candidate(
                        kind: .stale, key: "stale", fingerprint: since, repeatEvery: alerts.repeatStale, rule: "stale",
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

    /// Recipients for a candidate; `true` when the roles named nobody with an address.
    func recipients(for candidate: Candidate, item: Item, plan: Plan) -> ([Recipient], Bool) {
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
        var unrouted = false
        if result.isEmpty {
            unrouted = true
            if let email = routing.emailReceiver, let fallback = routing.defaultRecipient, let address = fallback.email {
                result.append(Recipient(receiver: email, address: address, name: fallback.name))
            }
        }
        for hook in webhooks where hook.kinds.isEmpty || hook.kinds.contains(candidate.kind.rawValue) {
            result.append(Recipient(receiver: hook.name, address: hook.name, name: nil))
        }
        return (result, unrouted)
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
