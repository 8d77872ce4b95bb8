import Foundation
import Logging
import RectifyCore
import RectifyNotify
import RectifyStore

/// One alert for one recipient, decided and ready to be grouped into a notice.
struct PlannedAlert: Sendable {
    var recipient: Recipient
    var entry: NoticeEntry
    var log: LogEntry
    var reason: SendReason
    /// The routing rule that chose the recipient ("overdue", "reminder_yellow"; "" for resolved and digest).
    var rule: String = ""
}

/// Decides, for one item at one instant, which alerts are due and to whom: the pipeline's
/// first three stages in order — candidates (what to tell), `AlertRouter` (to whom), `Dedup`
/// (whether now, and why). Pure: it reads the ledger but never the clock, the network or the disk.
struct AlertPlanner {
    var alerts: AlertPolicy
    var reminderDays: [Int]
    var routing: Routing
    var webhooks: [ReceiverSpec]
    /// For reminder windows counted in working days.
    var policy: Policy = .default

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

        mutating func wake(at instant: Date) { nextAlert = min(nextAlert ?? instant, instant) }
    }

    var candidates: AlertCandidates { AlertCandidates(alerts: alerts, reminderDays: reminderDays, policy: policy) }
    var router: AlertRouter { AlertRouter(routing: routing, receivers: webhooks) }

    func plan(item: Item, in plan: Plan, evaluation: Evaluation, ledger: AlertLedger, at now: Date) -> Outcome {
        var outcome = Outcome()
        if item.status == .done {
            outcome.alerts = resolvedAlerts(item: item, plan: plan, ledger: ledger, at: now)
            return outcome
        }
        let zone = plan.zone
        let stage = candidates, router = router
        for candidate in stage.candidates(item: item, plan: plan, evaluation: evaluation, at: now) {
            if candidate.kind == .reminder, let until = stage.heldUntil(now, zone: zone) {
                outcome.held += 1
                outcome.wake(at: until)
                continue
            }
            // The notice line, made for the first recipient dedup lets through (none, mostly,
            // at a restart).
            var madeEntry: NoticeEntry?
            func entry() -> NoticeEntry {
                if let madeEntry { return madeEntry }
                var made = NoticeEntryFactory.make(
                    kind: candidate.kind, item: item, plan: plan, evaluation: evaluation, milestone: candidate.milestone)
                made.mobiles = router.mobiles(rule: candidate.rule, item: item, plan: plan)
                madeEntry = made
                return made
            }
            let (recipients, gap) = router.recipients(rule: candidate.rule, kind: candidate.kind, item: item, plan: plan)
            if gap == .nobody { outcome.unrouted.append(candidate.rule) }
            var plannedEmail = false
            var plannedChat = false
            // Made for the first alert dedup lets through (at a restart, mostly none).
            lazy var alertKey = "\(plan.id)/\(item.id)/\(candidate.key)"
            let repeatAfter = candidate.repeatEvery.map { every in { (sent: Date) in stage.after(sent, every, zone: zone) } }
            for recipient in recipients {
                let previous = ledger.lastSend(
                    receiver: recipient.receiver, recipient: recipient.address, planID: plan.id, itemID: item.id,
                    key: candidate.key)
                let reason: SendReason
                switch Dedup.decide(last: previous, fingerprint: candidate.fingerprint, repeatAfter: repeatAfter, at: now) {
                case .send(let why): reason = why
                case .alreadyTold: continue
                case .repeatNotDue(let again):
                    outcome.wake(at: again)
                    continue
                }
                if let repeatAfter { outcome.wake(at: repeatAfter(now)) }
                let log = LogEntry(
                    receiver: recipient.receiver, recipient: recipient.address, alertKey: alertKey, planID: plan.id,
                    itemID: item.id, kind: candidate.kind.rawValue, fingerprint: candidate.fingerprint, sentAt: now,
                    noticeID: "")
                outcome.alerts.append(
                    PlannedAlert(recipient: recipient, entry: entry(), log: log, reason: reason, rule: candidate.rule))
                if recipient.receiver == routing.emailReceiver { plannedEmail = true } else { plannedChat = true }
            }
            if gap == .defaultRecipient && plannedEmail { outcome.toDefaultRecipient.append(candidate.rule) }
            if gap == .groupChatsOnly && plannedChat { outcome.groupChatsOnly.append(candidate.rule) }
        }
        // The instant an overdue item crosses into escalation.
        if evaluation.state == .overdue, let due = evaluation.due {
            let escalation = stage.escalationInstant(due: due, zone: zone)
            if escalation > now { outcome.wake(at: escalation) }
        }
        return outcome
    }

    /// One item of the world at `now`: its evaluation and what to send — nothing while an ack or
    /// snooze silences it (then look again when the silence ends). The scheduler and
    /// `rectifyctl preview` decide through this one function.
    func decide(_ index: Int, in world: World, evaluator: DeadlineEvaluator, ledger: AlertLedger, at now: Date)
        -> (evaluation: Evaluation, outcome: Outcome)
    {
        let item = world.item(at: index)
        let evaluation = evaluator.evaluate(item, context: world.context(at: index), at: now)
        var outcome = plan(item: item, in: world.plan(at: index), evaluation: evaluation, ledger: ledger, at: now)
        if let until = world.silence(at: index), until > now, item.status != .done {
            outcome.alerts = []
            outcome.nextAlert = until
        }
        return (evaluation, outcome)
    }

    /// `resolved` goes once to everyone who was alerted about the item since its last
    /// `resolved` notice.
    func resolvedAlerts(item: Item, plan: Plan, ledger: AlertLedger, at now: Date) -> [PlannedAlert] {
        var latestAlert: [String: LogEntry] = [:]
        var resolved: [String: Date] = [:]
        for entry in ledger.entries(planID: plan.id, itemID: item.id) {
            let who = "\(entry.receiver)\u{1}\(entry.recipient)"
            if entry.kind == AlertKind.resolved.rawValue {
                resolved[who] = max(resolved[who] ?? .distantPast, entry.sentAt)
            } else if entry.sentAt > (latestAlert[who]?.sentAt ?? .distantPast) {
                latestAlert[who] = entry
            }
        }
        // Nobody was alerted about most done items: no notice line to make for them.
        guard !latestAlert.isEmpty else { return [] }
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

    /// The periodic digest: every open item of a plan for its recipients (`AlertRouter.digestRecipients`),
    /// all under the one key "digest" per recipient.
    func digest(plans: [Plan], evaluations: [[Evaluation]], at digestInstant: Date) -> [PlannedAlert] {
        let router = router
        var result: [PlannedAlert] = []
        for (p, plan) in plans.enumerated() {
            for (i, item) in plan.items.enumerated() where item.status != .done {
                let entry = NoticeEntryFactory.make(
                    kind: .digest, item: item, plan: plan, evaluation: evaluations[p][i], milestone: nil)
                for recipient in router.digestRecipients(item: item, plan: plan) {
                    let log = LogEntry(
                        receiver: recipient.receiver, recipient: recipient.address, alertKey: "digest", planID: "*",
                        itemID: "*", kind: AlertKind.digest.rawValue,
                        fingerprint: String(Int(digestInstant.timeIntervalSince1970)), sentAt: digestInstant, noticeID: "")
                    result.append(PlannedAlert(recipient: recipient, entry: entry, log: log, reason: .first))
                }
            }
        }
        return result
    }
}
