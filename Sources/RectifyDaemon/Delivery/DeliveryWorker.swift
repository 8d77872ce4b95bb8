import Dispatch
import Foundation
import Logging
import RectifyNotify
import RectifyStore

/// Drains the outbox. Each receiver has a lane of its own (a serial queue), so a receiver that
/// hangs until its timeout or refuses every connection never holds up the others.
///
/// A lane takes its due records in batches; each confirmed message removes its record and
/// writes the notification log in one transaction *as the server accepts it* (not after the
/// batch), so a crash re-sends at most the message in flight. A failure is retried with
/// exponential backoff and jitter, or kept as failed after the last attempt. After a pass the
/// lane looks again: records that fell due while it was busy (a retry whose backoff ended
/// during a long pass) are its own to send — nothing waits for a timer that is not armed.
final class DeliveryWorker: @unchecked Sendable {
    struct Setup: Sendable {
        var channels: [String: any Notifier]
        var policy: DeliveryPolicy
        var quietHours: QuietHours?
        var zone: TimeZone
        /// Per receiver: texts that must never leave the process (URL query values, tokens).
        var secrets: [String: [String]]
    }

    // `setup` and `lanes` are guarded by `lock`.
    private let lock = NSLock()
    private var setup: Setup
    private var lanes: [String: Lane] = [:]
    private var stopped = false
    private let store: StateStore
    private let logger: Logger
    private let clock: @Sendable () -> Date
    private let health: StorageHealth
    private let inFlight = DispatchGroup()
    /// Called on a lane's queue after each pass with the confirmed log entries.
    private let onPass: @Sendable ([LogEntry]) -> Void
    /// Called after a confirmed delivery (the state directory notes that a history exists).
    private let onConfirmed: @Sendable () -> Void
    /// How long a lane waits before trying again after the database refused a write.
    static let storageRetryDelay: TimeInterval = 5

    init(
        store: StateStore, setup: Setup, health: StorageHealth, logger: Logger, clock: @escaping @Sendable () -> Date,
        onConfirmed: @escaping @Sendable () -> Void = {}, onPass: @escaping @Sendable ([LogEntry]) -> Void
    ) {
        self.store = store
        self.setup = setup
        self.health = health
        self.logger = logger
        self.clock = clock
        self.onConfirmed = onConfirmed
        self.onPass = onPass
    }

    /// Swaps channels and policy after a reload (each lane takes it from its next pass).
    func reconfigure(_ setup: Setup) {
        lock.withLock { self.setup = setup }
    }

    /// Starts a pass in every lane with due records (coalesced with a pass already running).
    func kick() {
        let now = clock()
        let due: [String]
        do {
            due = try store.receiversDue(at: now)
        } catch {
            storageFailed("outbox read", error)
            for lane in lock.withLock({ Array(lanes.values) }) { lane.retry(after: Self.storageRetryDelay) }
            return
        }
        for name in due { lane(name)?.kick() }
    }

    /// Stops starting passes; the ones running finish (see `drain`).
    func stop() {
        lock.withLock { stopped = true }
    }

    /// Waits up to `timeout` for the passes in progress; true when none is left running.
    func drain(timeout: TimeInterval) -> Bool {
        inFlight.wait(timeout: .now() + timeout) == .success
    }

    private func lane(_ receiver: String) -> Lane? {
        lock.withLock {
            guard !stopped else { return nil }
            if let lane = lanes[receiver] { return lane }
            let lane = Lane(receiver: receiver, worker: self)
            lanes[receiver] = lane
            return lane
        }
    }

    fileprivate var isStopped: Bool { lock.withLock { stopped } }
    fileprivate var currentSetup: Setup { lock.withLock { setup } }

    private func storageFailed(_ operation: String, _ error: any Error) {
        if health.failed(operation, error: error, at: clock()) {
            logger.error(
                "the state database refuses writes; deliveries wait and are retried",
                metadata: ["operation": "\(operation)", "error": "\(error)"])
        }
    }

    private func storageWorked() {
        if let ended = health.succeeded() {
            logger.notice(
                "the state database takes writes again",
                metadata: ["since": "\(ended.since)", "operation": "\(ended.operation)"])
        }
    }

    // MARK: one lane's pass (on the lane's queue)

    /// Delivers the due records of one receiver; returns the confirmed log entries and whether
    /// the lane should look again at once (more due) or after a storage pause.
    fileprivate func pass(receiver: String) -> (confirmed: [LogEntry], again: Bool, storageTrouble: Bool) {
        let setup = currentSetup
        let now = clock()
        if setup.quietHours?.end(ofWindowContaining: now, in: setup.zone) != nil {
            logger.debug("quiet hours: deliveries wait", metadata: ["receiver": "\(receiver)"])
            return ([], false, false)
        }
        let records: [OutboxRecord]
        do {
            records = try store.dueOutbox(at: now, receiver: receiver, limit: setup.policy.batchSize)
        } catch {
            storageFailed("outbox read", error)
            return ([], false, true)
        }
        guard !records.isEmpty else { return ([], false, false) }
        var trouble = false
        let confirmed = deliver(records, through: receiver, setup: setup, trouble: &trouble)
        if trouble { return (confirmed, false, true) }
        // Anything due now (more than a batch, or a retry whose backoff ended during this pass)?
        let more = (try? store.dueOutbox(at: clock(), receiver: receiver, limit: 1).isEmpty == false) ?? false
        return (confirmed, more, false)
    }

    private func deliver(_ batch: [OutboxRecord], through receiver: String, setup: Setup, trouble: inout Bool)
        -> [LogEntry]
    {
        let decoder = JSONDecoder()
        var notices: [AlertNotice] = []
        var records: [String: OutboxRecord] = [:]
        var counts: [String: NoticeCount] = [:]
        for record in batch {
            do {
                let notice = try decoder.decode(AlertNotice.self, from: record.notice)
                notices.append(notice)
                records[record.id] = record
                counts[record.id] = NoticeCount(notice)
            } catch {
                fail(
                    record, detail: "the stored notice cannot be read: \(error)", retryable: false, duration: 0,
                    policy: setup.policy, trouble: &trouble)
            }
        }
        guard let channel = setup.channels[receiver] else {
            for record in records.values {
                fail(
                    record, detail: "receiver '\(receiver)' is no longer configured", retryable: true, duration: 0,
                    policy: setup.policy, trouble: &trouble)
            }
            return []
        }
        let secrets = setup.secrets[receiver] ?? []
        var confirmed: [LogEntry] = []
        channel.deliver(notices) { result in
            guard let record = records.removeValue(forKey: result.noticeID), let count = counts[result.noticeID] else { return }
            let duration = Double(result.duration.components.seconds) + Double(result.duration.components.attoseconds) * 1e-18
            let detail = Redaction.scrub(result.detail, secrets: secrets)
            switch result.outcome {
            case .delivered:
                if let entries = confirm(
                    record, count: count, detail: detail, duration: duration, trouble: &trouble)
                {
                    confirmed += entries
                }
            case .retryable:
                // The result's detail, not only the error: it says "not attempted: …" for the rest
                // of a batch stopped by a receiver-level failure.
                fail(record, detail: detail, retryable: true, duration: duration, policy: setup.policy, trouble: &trouble)
            case .permanent:
                fail(record, detail: detail, retryable: false, duration: duration, policy: setup.policy, trouble: &trouble)
            }
        }
        for record in records.values {
            fail(
                record, detail: "the channel gave no result for this notice", retryable: true, duration: 0,
                policy: setup.policy, trouble: &trouble)
        }
        return confirmed
    }

    /// Records one accepted message at once; nil when the record could not be written.
    private func confirm(
        _ record: OutboxRecord, count: NoticeCount, detail: String, duration: TimeInterval, trouble: inout Bool
    ) -> [LogEntry]? {
        let at = clock()
        let items = Self.items(of: record)
        let attempt = DeliveryRecord(
            noticeID: record.id, receiver: record.receiver, recipient: record.recipient, attempt: record.attempts + 1,
            at: at, outcome: "delivered", detail: detail, duration: duration, items: items)
        do {
            try store.confirmDelivery(of: record, attempt: attempt, sentAt: at)
        } catch {
            // The one window for a duplicate: sent, but not recorded.
            trouble = true
            storageFailed("confirm delivery", error)
            logger.error(
                "delivered but not recorded; it may be sent again",
                metadata: ["notice": "\(record.id)", "receiver": "\(record.receiver)", "error": "\(error)"])
            return nil
        }
        storageWorked()
        onConfirmed()
        logger.info(
            "delivered",
            metadata: [
                "notice": "\(record.id)", "receiver": "\(record.receiver)", "recipient": "\(record.recipient)",
                "alerts": "\(count.alerts)", "items": "\(count.items)",
                "attempt": "\(record.attempts + 1)",
            ])
        return record.logEntries.map { var e = $0; e.sentAt = at; return e }
    }

    private func fail(
        _ record: OutboxRecord, detail: String, retryable: Bool, duration: TimeInterval, policy: DeliveryPolicy,
        trouble: inout Bool
    ) {
        let now = clock()
        let attempt = record.attempts + 1
        var next: Date? = nil
        if retryable && attempt < policy.maxAttempts {
            next = now.addingTimeInterval(Backoff.delay(attempt: attempt, initial: policy.backoffInitial, max: policy.backoffMax))
        }
        let entry = DeliveryRecord(
            noticeID: record.id, receiver: record.receiver, recipient: record.recipient, attempt: attempt, at: now,
            outcome: retryable ? "retryable" : "permanent", detail: detail, duration: duration, items: Self.items(of: record))
        do {
            try store.recordFailure(of: record, attempt: entry, nextAttemptAt: next)
            storageWorked()
        } catch {
            trouble = true
            storageFailed("record a failed delivery", error)
            logger.error("cannot record a failed delivery", metadata: ["notice": "\(record.id)", "error": "\(error)"])
        }
        var metadata: Logger.Metadata = [
            "notice": "\(record.id)", "receiver": "\(record.receiver)", "recipient": "\(record.recipient)",
            "attempt": "\(attempt)", "error": "\(detail)",
        ]
        if let next {
            metadata["retry_at"] = "\(next)"
            metadata["retry_in"] = "\(String(format: "%.3f", next.timeIntervalSince(now)))s"
            logger.warning("delivery failed, will retry", metadata: metadata)
        } else {
            logger.error("delivery failed for good", metadata: metadata)
        }
    }

    private static func items(of record: OutboxRecord) -> [String] {
        Array(Set(record.logEntries.map { "\($0.planID)/\($0.itemID)" })).sorted()
    }

    // MARK: lanes

    /// One receiver's serial queue: passes never overlap, a kick during a pass runs another.
    fileprivate final class Lane: @unchecked Sendable {
        // `running`, `again` and `retryPending` are confined to `queue`.
        let receiver: String
        let queue: DispatchQueue
        unowned let worker: DeliveryWorker
        private var running = false
        private var again = false
        private var retryPending = false

        init(receiver: String, worker: DeliveryWorker) {
            self.receiver = receiver
            self.worker = worker
            self.queue = DispatchQueue(label: "rectifyd.delivery.\(receiver)")
        }

        func kick() {
            worker.inFlight.enter()
            queue.async {
                defer { self.worker.inFlight.leave() }
                if self.running {
                    self.again = true
                    return
                }
                self.run()
            }
        }

        /// After the database refused a write: try again after `delay` (one pending retry at a time).
        func retry(after delay: TimeInterval) {
            queue.async {
                guard !self.retryPending else { return }
                self.retryPending = true
                self.queue.asyncAfter(deadline: .now() + delay) {
                    self.retryPending = false
                    guard !self.worker.isStopped else { return }
                    self.kick()
                }
            }
        }

        private func run() {
            running = true
            defer { running = false }
            repeat {
                again = false
                guard !worker.isStopped else { return }
                let result = worker.pass(receiver: receiver)
                worker.onPass(result.confirmed)
                if result.storageTrouble {
                    retry(after: DeliveryWorker.storageRetryDelay)
                    return
                }
                if result.again { again = true }
            } while again
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
