import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore

/// What the daemon would send now, worked out offline through the pipeline's own stages
/// (`AlertPlanner.decide` → `AlertRouter` → `Dedup` → `NoticeAssembler`), for
/// `rectifyctl preview`. Pure: config, plans, stored updates and the notification log in,
/// notices out; nothing is written or sent.
public struct NoticePreview: Sendable {
    /// One notice and why its recipient gets it.
    public struct Entry: Sendable {
        public var receiver: String
        /// The person (email address) or the group channel the routing chose.
        public var recipient: String
        public var name: String?
        /// Roles or rules that chose the recipient: "responsible (overdue)", "item_leader (overdue)",
        /// "default_recipient (…)", "group channel, kinds: all".
        public var routing: [String]
        /// Dedup's reasons: first, state_changed, repeat_interval_elapsed.
        public var why: [String]
        /// The notice as the outbox would hold it (in trial mode addressed to the trial address).
        public var notice: AlertNotice
    }

    public var entries: [Entry]

    /// The notices due at `now` for `plans` under `config`, given what `log` says was sent and
    /// the `updates` stored (both empty: as if the daemon had never run).
    public init(config: DaemonConfig, plans: [Plan], updates: [UpdateRecord], log: [LogEntry], at now: Date) {
        let snapshot = Snapshot(config: config, plans: plans, channels: [:], secrets: [:], warnings: [], generation: 0)
        let world = World(snapshot: snapshot, updates: updates)
        var ledger = AlertLedger()
        for entry in log { ledger.record(entry) }
        let planner = AlertPlanner(
            alerts: config.alerts, reminderDays: config.policy.reminderDays, routing: config.routing,
            webhooks: config.receivers, policy: config.policy)
        let evaluator = DeadlineEvaluator(policy: config.policy)
        let router = planner.router
        var alerts: [PlannedAlert] = []
        var routing: [String: [String]] = [:]
        var why: [String: [String]] = [:]
        for index in world.indices {
            let planned = planner.decide(index, in: world, evaluator: evaluator, ledger: ledger, at: now).outcome.alerts
            for alert in planned {
                let key = Self.key(alert.recipient.receiver, alert.recipient.address)
                let reasons = router.reasons(
                    for: alert.recipient, rule: alert.rule, item: world.item(at: index), plan: world.plan(at: index))
                for reason in reasons where !(routing[key] ?? []).contains(reason) { routing[key, default: []].append(reason) }
                if !(why[key] ?? []).contains(alert.reason.rawValue) { why[key, default: []].append(alert.reason.rawValue) }
            }
            alerts += planned
        }
        var number = 0
        let assembler = NoticeAssembler(language: config.language, timeZone: config.timeZone, routing: config.routing)
        entries = assembler.notices(from: alerts, at: now) {
            number += 1
            return "preview-\(number)"
        }.map { notice, logs in
            // The log entries keep the intended recipient, also in trial mode.
            let intended = logs.first.map(\.recipient) ?? notice.recipient
            let key = Self.key(notice.receiver, intended)
            return Entry(
                receiver: notice.receiver, recipient: intended, name: notice.recipientName, routing: routing[key] ?? [],
                why: why[key] ?? [], notice: notice)
        }
    }

    private static func key(_ receiver: String, _ recipient: String) -> String { "\(receiver)\u{1}\(recipient)" }
}
