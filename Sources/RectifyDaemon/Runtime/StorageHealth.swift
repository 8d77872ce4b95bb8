import RectifyCore
import Foundation
import Logging

/// Whether the state database takes writes. A failed write (disk full, read-only remount,
/// I/O error) makes the daemon unhealthy — `/v1/health`, the sd_notify STATUS line and the
/// `rectifyd_storage_healthy` metric say so — until a later write succeeds. Whoever lost work
/// to the failure retries it (the scheduler decides the alerts again, the delivery lanes try
/// their records again); this type only keeps the verdict.
final class StorageHealth: Sendable {
    struct Failure: Sendable, Equatable {
        var since: Date
        var operation: String
        var error: String
    }

    private struct State {
        var failure: Failure?
        var failures = 0
    }

    private let state = Locked(State())

    /// The current failure, nil when writes work.
    var failure: Failure? { state.withLock { $0.failure } }

    /// Write failures since start (a counter for the metrics).
    var failureCount: Int { state.withLock { $0.failures } }

    /// Records a failed write; true when this turned the daemon unhealthy (log it then).
    @discardableResult
    func failed(_ operation: String, error: any Error, at now: Date = Date()) -> Bool {
        state.withLock { state in
            state.failures += 1
            guard state.failure == nil else { return false }
            state.failure = Failure(since: now, operation: operation, error: "\(error)")
            return true
        }
    }

    /// Records a successful write; returns the failure it ended, if any (log the recovery then).
    @discardableResult
    func succeeded() -> Failure? {
        state.withLock { state in
            defer { state.failure = nil }
            return state.failure
        }
    }
}

extension StorageHealth {
    /// Records a failed write and logs the turn to unhealthy once (not at every refused write).
    func failed(_ operation: String, error: any Error, at now: Date, logger: Logger, consequence: String) {
        guard failed(operation, error: error, at: now) else { return }
        logger.error(
            "the state database refuses writes; \(consequence)",
            metadata: ["operation": "\(operation)", "error": "\(error)"])
    }

    /// Records a successful write and logs the recovery once.
    func recovered(logger: Logger) {
        guard let ended = succeeded() else { return }
        logger.notice(
            "the state database takes writes again", metadata: ["since": "\(ended.since)", "operation": "\(ended.operation)"])
    }
}
