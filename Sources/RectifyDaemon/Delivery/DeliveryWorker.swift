import RectifyCore
import Dispatch
import Foundation
import Logging
import RectifyNotify
import RectifyStore

/// Drains the outbox. Each receiver has a lane of its own (a serial queue), so a receiver that
/// hangs until its timeout or refuses every connection never holds up the others.
///
/// A lane takes its due records in batches; each confirmed message is marked sent in a
/// transaction of its own *as the server accepts it* (not after the batch), so a crash re-sends
/// at most the message in flight; the batch's log entries and history are written after it
/// (`StateStore.foldDelivered`, again at start for marks a crash left). A failure is retried with
/// exponential backoff and jitter, or kept as failed after the last attempt. After a pass the
/// lane looks again: records that fell due while it was busy (a retry whose backoff ended
/// during a long pass) are its own to send — nothing waits for a timer that is not armed.
///
final class DeliveryWorker: Sendable {
    /// Channels, policy, quiet hours and secrets come from the current snapshot at each pass.
    let snapshots: SnapshotCell
    private struct Lanes {
        var byReceiver: [String: Lane] = [:]
        var stopped = false
    }

    private let lanes = Locked(Lanes())
    let store: StateStore
    let logger: Logger
    let clock: @Sendable () -> Date
    let health: StorageHealth
    let inFlight = DispatchGroup()
    /// What each pass confirmed, as values, for the scheduler to record (`confirmations`).
    private let confirmed: AsyncStream<Confirmation>.Continuation
    /// The confirmed sends of every pass, in the order the lanes finish them.
    let confirmations: AsyncStream<Confirmation>
    /// Called after a confirmed delivery (the state directory notes that a history exists).
    let onConfirmed: @Sendable () -> Void
    /// How long a lane waits before trying again after the database refused a write.
    static let storageRetryDelay: TimeInterval = 5

    init(
        store: StateStore, snapshots: SnapshotCell, health: StorageHealth, logger: Logger, clock: @escaping @Sendable () -> Date,
        onConfirmed: @escaping @Sendable () -> Void = {}
    ) {
        (confirmations, confirmed) = AsyncStream.makeStream(of: Confirmation.self)
        self.store = store
        self.snapshots = snapshots
        self.health = health
        self.logger = logger
        self.clock = clock
        self.onConfirmed = onConfirmed
    }

    /// Starts a pass in every lane with due records (coalesced with a pass already running).
    /// `due`: the receivers with records due as the caller read them in the transaction that
    /// queued its notices (`OutboxSchedule`); nil: the outbox is read for them now. (That read,
    /// before any lane could start, was a tenth of an instant's way to its webhook.)
    func kick(due known: [String]? = nil) {
        if let known {
            for name in known { lane(name)?.kick() }
            return
        }
        let now = clock()
        let due: [String]
        do {
            due = try store.receiversDue(at: now)
        } catch {
            storageFailed("outbox read", error)
            for lane in lanes.withLock({ Array($0.byReceiver.values) }) { lane.retry(after: Self.storageRetryDelay) }
            return
        }
        for name in due { lane(name)?.kick() }
    }

    /// Stops starting passes; the ones running finish (see `drain`).
    func stop() {
        lanes.withLock { $0.stopped = true }
    }

    /// No more confirmations will come (after `drain`): ends `confirmations`.
    func finish() { confirmed.finish() }

    /// A lane's pass confirmed these sends.
    func report(_ entries: [LogEntry], receiver: String) {
        confirmed.yield(Confirmation(receiver: receiver, entries: entries))
    }

    /// Waits up to `timeout` for the passes in progress; true when none is left running.
    func drain(timeout: TimeInterval) -> Bool {
        inFlight.wait(timeout: .now() + timeout) == .success
    }

    /// Runs `work` on `receiver`'s lane, between its passes (a test message, so it never
    /// overlaps a pass through the same notifier); nil when the worker has stopped.
    func onLane<T>(_ receiver: String, _ work: () throws -> T) rethrows -> T? {
        guard let lane = lane(receiver) else { return nil }
        return try lane.queue.sync(execute: work)
    }

    private func lane(_ receiver: String) -> Lane? {
        lanes.withLock { lanes in
            guard !lanes.stopped else { return nil }
            if let lane = lanes.byReceiver[receiver] { return lane }
            let lane = Lane(receiver: receiver, worker: self)
            lanes.byReceiver[receiver] = lane
            return lane
        }
    }

    var isStopped: Bool { lanes.withLock { $0.stopped } }

    func storageFailed(_ operation: String, _ error: any Error) {
        if health.failed(operation, error: error, at: clock()) {
            logger.error(
                "the state database refuses writes; deliveries wait and are retried",
                metadata: ["operation": "\(operation)", "error": "\(error)"])
        }
    }

    func storageWorked() {
        if let ended = health.succeeded() {
            logger.notice(
                "the state database takes writes again",
                metadata: ["since": "\(ended.since)", "operation": "\(ended.operation)"])
        }
    }
}
