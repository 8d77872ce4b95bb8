import Foundation
import Logging
import RectifyNotify
import RectifyStore

/// The fifth stage: the notices of one decision written to the outbox in one transaction,
/// before anything is delivered. A refused write loses nothing: the caller decides the same
/// alerts again after `retryDelay` (1 s after the first refusal, doubling to 60 s).
struct OutboxWriter {
    private let store: StateStore
    private let health: StorageHealth
    private let logger: Logger
    /// Consecutive refused writes, for the retry delay.
    private(set) var failures = 0
    /// Whether a write has been made durable yet: the first (the start's first evaluation,
    /// which READY=1 waits for) is synced to disk at once (`StateStore.enqueue(durable:)`).
    private var synced = false
    /// The outbox's schedule as the last write left it, until `takeSchedule`.
    private var schedule: OutboxSchedule?

    init(store: StateStore, health: StorageHealth, logger: Logger) {
        self.store = store
        self.health = health
        self.logger = logger
    }

    /// How long to wait before deciding refused alerts again.
    var retryDelay: TimeInterval { min(60, pow(2, Double(max(0, failures - 1)))) }

    /// Groups `alerts` into notices and writes them in one transaction, each notice made,
    /// encoded, written and dropped before the next is made; then hands every log entry now
    /// queued to `queued` (for the ledger). False when the database refused the write: nothing
    /// was queued then.
    ///
    /// At a fresh start with 100,000 items that is 70,000 alerts in 493 notices: holding the
    /// notices, their encoded rows and their log entries all at once beside the alerts was the
    /// daemon's peak (heaptrack: 189 MB of heap). Now it is the alerts and one notice.
    mutating func write(
        _ alerts: [PlannedAlert], grouping: NoticeAssembler, at now: Date, queued: (LogEntry) -> Void
    ) -> Bool {
        guard !alerts.isEmpty else { return true }
        let parts = grouping.parts(of: alerts)
        let ids = parts.map { _ in UUID().uuidString.lowercased() }
        let info = logger.logLevel <= .info
        var lines: [Logger.Metadata] = []
        let written = write(count: parts.count, at: now, retrying: "these alerts will be decided again") { n in
            let (notice, logs) = grouping.notice(parts[n], id: ids[n], from: alerts, at: now)
            if info {
                let reasons = Set(parts[n].positions.map { alerts[$0].reason.rawValue })
                lines.append(Self.queuedLine(notice, reasons: reasons.sorted()))
            }
            return (notice, logs)
        }
        guard written else { return false }
        if logger.logLevel <= .debug {
            for alert in alerts {
                logger.debug(
                    "alert decided",
                    metadata: [
                        "kind": "\(alert.entry.kind.rawValue)", "plan": "\(alert.entry.planID)", "item": "\(alert.entry.itemID)",
                        "recipient": "\(alert.recipient.address)", "reason": "\(alert.reason.rawValue)",
                    ])
            }
        }
        for line in lines { logger.info("notice queued", metadata: line) }
        // Made again from the positions, now that they are durable, rather than kept from the write.
        for (part, id) in zip(parts, ids) {
            for log in grouping.logs(part, id: id, from: alerts) { queued(log) }
        }
        return true
    }

    /// Writes notices made elsewhere (the weekly report) with the log entries their delivery
    /// confirms; nil when the database refused them.
    mutating func write(
        _ notices: [(AlertNotice, [LogEntry])], at now: Date, retrying: String = "it is tried again"
    ) -> [LogEntry]? {
        guard write(count: notices.count, at: now, retrying: retrying, make: { notices[$0] }) else { return nil }
        return notices.flatMap(\.1)
    }

    /// `count` notices, made by `make` one at a time, written in one transaction.
    private mutating func write(
        count: Int, at now: Date, retrying: String, make: (Int) -> (AlertNotice, [LogEntry])
    ) -> Bool {
        guard count > 0 else { return true }
        var next = 0
        do {
            schedule = try store.enqueue(durable: !synced, scheduleAt: now) {
                guard next < count else { return nil }
                defer { next += 1 }
                let (notice, logs) = make(next)
                let record = OutboxRecord(
                    id: notice.id, receiver: notice.receiver, recipient: notice.recipient,
                    notice: NoticeJSON.encode(notice), logEntries: logs, createdAt: now, nextAttemptAt: now)
                return (record, Self.record(of: notice))
            }
        } catch {
            failures += 1
            health.failed(
                "write the outbox", error: error, at: now, logger: logger, consequence: "alerts are decided again when it takes them")
            logger.error(
                "cannot write the outbox; \(retrying)",
                metadata: ["notices": "\(count)", "retry_in": "\(Int(retryDelay))s", "error": "\(error)"])
            return false
        }
        failures = 0
        synced = true
        health.recovered(logger: logger)
        return true
    }

    /// The outbox's schedule as read in the last write's transaction since the last call, at
    /// the write's `now` (nil: nothing written since). Taken by whoever tells the lanes.
    mutating func takeSchedule() -> OutboxSchedule? {
        defer { schedule = nil }
        return schedule
    }

    /// What the notice says, as its signed link's page needs it: recipient, colour, kinds, items.
    static func record(of notice: AlertNotice) -> NoticeRecord {
        var seen = Set<NoticeRecord.ItemRef>()
        let items = notice.entries.map { NoticeRecord.ItemRef(plan: $0.planID, item: $0.itemID) }.filter { seen.insert($0).inserted }
        var kinds: [String] = []
        for kind in notice.entries.map(\.kind.rawValue) where !kinds.contains(kind) { kinds.append(kind) }
        return NoticeRecord(
            id: notice.id, receiver: notice.receiver, recipient: notice.recipient, recipientName: notice.recipientName,
            colour: notice.colour?.rawValue, kinds: kinds, items: items, createdAt: notice.createdAt)
    }

    /// The "notice queued" line's metadata.
    private static func queuedLine(_ notice: AlertNotice, reasons: [String]) -> Logger.Metadata {
        let kinds = Set(notice.entries.map(\.kind.rawValue)).sorted().joined(separator: ",")
        let count = NoticeCount(notice)
        return [
            "notice": "\(notice.id)", "receiver": "\(notice.receiver)", "recipient": "\(notice.recipient)",
            "alerts": "\(count.alerts)", "items": "\(count.items)", "kinds": "\(kinds)",
            "reasons": "\(reasons.joined(separator: ","))",
        ]
    }
}
