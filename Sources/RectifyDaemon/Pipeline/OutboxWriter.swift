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

    init(store: StateStore, health: StorageHealth, logger: Logger) {
        self.store = store
        self.health = health
        self.logger = logger
    }

    /// How long to wait before deciding refused alerts again.
    var retryDelay: TimeInterval { min(60, pow(2, Double(max(0, failures - 1)))) }

    /// Groups `alerts` into notices and writes them; returns the log entries now queued (for
    /// the ledger), or nil when the database refused the write.
    mutating func write(_ alerts: [PlannedAlert], grouping: NoticeAssembler, at now: Date) -> [LogEntry]? {
        guard !alerts.isEmpty else { return [] }
        let notices = grouping.notices(from: alerts, at: now) { UUID().uuidString.lowercased() }
        guard let queued = write(notices, at: now, retrying: "these alerts will be decided again") else { return nil }
        log(alerts, notices)
        return queued
    }

    /// Writes notices made elsewhere (the weekly report) with the log entries their delivery
    /// confirms; nil when the database refused them.
    mutating func write(
        _ notices: [(AlertNotice, [LogEntry])], at now: Date, retrying: String = "it is tried again"
    ) -> [LogEntry]? {
        var records: [OutboxRecord] = []
        var sent: [NoticeRecord] = []
        for (notice, logs) in notices {
            sent.append(Self.record(of: notice))
            records.append(
                OutboxRecord(
                    id: notice.id, receiver: notice.receiver, recipient: notice.recipient,
                    notice: NoticeJSON.encode(notice), logEntries: logs, createdAt: now, nextAttemptAt: now))
        }
        do {
            try store.enqueue(records, notices: sent)
        } catch {
            failures += 1
            health.failed(
                "write the outbox", error: error, at: now, logger: logger, consequence: "alerts are decided again when it takes them")
            logger.error(
                "cannot write the outbox; \(retrying)",
                metadata: ["notices": "\(notices.count)", "retry_in": "\(Int(retryDelay))s", "error": "\(error)"])
            return nil
        }
        failures = 0
        health.recovered(logger: logger)
        // Sized once: at a fresh start with 100,000 items these are 70,000 entries, and a
        // flatMap grown by doubling held up to twice that at the daemon's busiest moment.
        var queued: [LogEntry] = []
        queued.reserveCapacity(records.reduce(0) { $0 + $1.logEntries.count })
        for record in records { queued.append(contentsOf: record.logEntries) }
        return queued
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

    private func log(_ alerts: [PlannedAlert], _ notices: [(AlertNotice, [LogEntry])]) {
        var reasonsByKey: [String: String] = [:]
        for alert in alerts {
            reasonsByKey[alert.log.alertKey + "\u{1}" + alert.recipient.address] = alert.reason.rawValue
            logger.debug(
                "alert decided",
                metadata: [
                    "kind": "\(alert.entry.kind.rawValue)", "plan": "\(alert.entry.planID)", "item": "\(alert.entry.itemID)",
                    "recipient": "\(alert.recipient.address)", "reason": "\(alert.reason.rawValue)",
                ])
        }
        for (notice, logs) in notices {
            let kinds = Set(notice.entries.map(\.kind.rawValue)).sorted().joined(separator: ",")
            let reasons = Set(logs.compactMap { reasonsByKey[$0.alertKey + "\u{1}" + $0.recipient] }).sorted()
            let count = NoticeCount(notice)
            logger.info(
                "notice queued",
                metadata: [
                    "notice": "\(notice.id)", "receiver": "\(notice.receiver)", "recipient": "\(notice.recipient)",
                    "alerts": "\(count.alerts)", "items": "\(count.items)", "kinds": "\(kinds)",
                    "reasons": "\(reasons.joined(separator: ","))",
                ])
        }
    }
}
