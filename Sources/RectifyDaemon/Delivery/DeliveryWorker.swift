import Dispatch
import Foundation
import Logging
import RectifyNotify
import RectifyStore

/// Drains the outbox: due records go to their channel in batches; a confirmed delivery
/// removes the record and writes the notification log in one transaction; a failure is
/// retried with exponential backoff and jitter, or kept as failed after the last attempt.
final class DeliveryWorker: @unchecked Sendable {
    // Everything below is confined to `queue`.
    private let queue = DispatchQueue(label: "rectifyd.delivery")
    private let store: StateStore
    private var channels: [String: any Notifier]
    private var policy: DeliveryPolicy
    private var quietHours: QuietHours?
    private var zone: TimeZone
    private let logger: Logger
    private let clock: @Sendable () -> Date
    private var running = false
    private var again = false
    private let inFlight = DispatchGroup()
    /// Called on the delivery queue after each pass with the confirmed log entries.
    private let onPass: @Sendable ([LogEntry]) -> Void

    init(
        store: StateStore, channels: [String: any Notifier], policy: DeliveryPolicy, quietHours: QuietHours?,
        zone: TimeZone, logger: Logger, clock: @escaping @Sendable () -> Date,
        onPass: @escaping @Sendable ([LogEntry]) -> Void
    ) {
        self.store = store
        self.channels = channels
        self.policy = policy
        self.quietHours = quietHours
        self.zone = zone
        self.logger = logger
        self.clock = clock
        self.onPass = onPass
    }

    /// Swaps channels and policy after a reload (takes effect from the next pass).
    func reconfigure(channels: [String: any Notifier], policy: DeliveryPolicy, quietHours: QuietHours?, zone: TimeZone) {
        queue.async {
            self.channels = channels
            self.policy = policy
            self.quietHours = quietHours
            self.zone = zone
        }
    }


    /// Starts a pass over the due outbox records (coalesced if one is running).
    func kick() {
        queue.async {
            if self.running {
                self.again = true
                return
            }
            self.running = true
            self.inFlight.enter()
            repeat {
                self.again = false
                self.pass()
            } while self.again
            self.running = false
            self.inFlight.leave()
        }
    }

    /// Waits up to `timeout` for the pass in progress; true when none is left running.
    func drain(timeout: TimeInterval) -> Bool {
        inFlight.wait(timeout: .now() + timeout) == .success
    }

    private func pass() {
        let now = clock()
        if quietHours?.end(ofWindowContaining: now, in: zone) != nil {
            logger.debug("quiet hours: deliveries wait")
            onPass([])
            return
        }
        let records: [OutboxRecord]
        do {
            records = try store.dueOutbox(at: now, limit: policy.batchSize)
        } catch {
            logger.error("outbox read failed", metadata: ["error": "\(error)"])
            onPass([])
            return
        }
        var confirmed: [LogEntry] = []
        let byReceiver = Dictionary(grouping: records, by: \.receiver)
        for (receiver, batch) in byReceiver.sorted(by: { $0.key < $1.key }) {
            confirmed += deliver(batch, through: receiver)
        }
        if records.count == policy.batchSize { again = true }
        onPass(confirmed)
    }

    private func deliver(_ batch: [OutboxRecord], through receiver: String) -> [LogEntry] {
        let decoder = JSONDecoder()
        var notices: [AlertNotice] = []
        var records: [String: OutboxRecord] = [:]
        for record in batch {
            do {
                notices.append(try decoder.decode(AlertNotice.self, from: record.notice))
                records[record.id] = record
            } catch {
                fail(record, detail: "the stored notice cannot be read: \(error)", retryable: false, duration: 0)
            }
        }
        guard let channel = channels[receiver] else {
            for record in records.values {
                fail(record, detail: "receiver '\(receiver)' is no longer configured", retryable: true, duration: 0)
            }
            return []
        }
        let started = Date()
        let results = channel.deliver(notices)
        let duration = Date().timeIntervalSince(started) / Double(max(1, notices.count))
        var confirmed: [LogEntry] = []
        for result in results {
            guard let record = records.removeValue(forKey: result.noticeID) else { continue }
            let items = Array(Set(record.logEntries.map { "\($0.planID)/\($0.itemID)" })).sorted()
            switch result.outcome {
            case .delivered:
                let at = clock()
                let attempt = DeliveryRecord(
                    noticeID: record.id, receiver: record.receiver, recipient: record.recipient,
                    attempt: record.attempts + 1, at: at, outcome: "delivered", detail: result.detail, duration: duration,
                    items: items)
                do {
                    try store.confirmDelivery(of: record, attempt: attempt, sentAt: at)
                    confirmed += record.logEntries.map { var e = $0; e.sentAt = at; return e }
                    logger.info(
                        "delivered",
                        metadata: [
                            "notice": "\(record.id)", "receiver": "\(receiver)", "recipient": "\(record.recipient)",
                            "items": "\(items.count)", "attempt": "\(record.attempts + 1)",
                        ])
                } catch {
                    // The one window for a duplicate: sent, but not recorded.
                    logger.error("delivered but not recorded; it may be sent again", metadata: ["notice": "\(record.id)", "error": "\(error)"])
                }
            case .retryable(let error):
                fail(record, detail: error.message, retryable: true, duration: duration)
            case .permanent(let error):
                fail(record, detail: error.message, retryable: false, duration: duration)
            }
        }
        for record in records.values {
            fail(record, detail: "the channel gave no result for this notice", retryable: true, duration: duration)
        }
        return confirmed
    }

    private func fail(_ record: OutboxRecord, detail: String, retryable: Bool, duration: TimeInterval) {
        let now = clock()
        let attempt = record.attempts + 1
        var next: Date? = nil
        if retryable && attempt < policy.maxAttempts {
            next = now.addingTimeInterval(Backoff.delay(attempt: attempt, initial: policy.backoffInitial, max: policy.backoffMax))
        }
        let items = Array(Set(record.logEntries.map { "\($0.planID)/\($0.itemID)" })).sorted()
        let outcome = retryable ? "retryable" : "permanent"
        let entry = DeliveryRecord(
            noticeID: record.id, receiver: record.receiver, recipient: record.recipient, attempt: attempt, at: now,
            outcome: outcome, detail: detail, duration: duration, items: items)
        do {
            try store.recordFailure(of: record, attempt: entry, nextAttemptAt: next)
        } catch {
            logger.error("cannot record a failed delivery", metadata: ["notice": "\(record.id)", "error": "\(error)"])
        }
        var metadata: Logger.Metadata = [
            "notice": "\(record.id)", "receiver": "\(record.receiver)", "recipient": "\(record.recipient)",
            "attempt": "\(attempt)", "error": "\(detail)",
        ]
        if let next {
            metadata["retry_at"] = "\(next)"
            logger.warning("delivery failed, will retry", metadata: metadata)
        } else {
            logger.error("delivery failed for good", metadata: metadata)
        }
    }
}

/// Exponential backoff with ±20% jitter, so retries of many notices do not move in step.
enum Backoff {
    static func delay(attempt: Int, initial: TimeInterval, max: TimeInterval, jitter: Double = Double.random(in: 0.8...1.2))
        -> TimeInterval
    {
        let base = initial * pow(2, Double(Swift.max(0, attempt - 1)))
        return Swift.min(max, base) * jitter
    }
}
