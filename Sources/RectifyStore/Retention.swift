import Foundation
import GRDB

/// How long history is kept (config `retention`, docs/configuration.md).
public struct RetentionPolicy: Hashable, Sendable {
    /// Delivery attempts older than this are deleted (the totals behind the metrics stay).
    public var deliveries: TimeInterval = 90 * 86_400
    /// Notification-log entries not renewed for this long are deleted. The log is what dedup
    /// remembers: an alert whose entry is gone and that is still due goes out once more.
    public var notificationLog: TimeInterval = 400 * 86_400

    public init() {}

    public init(deliveries: TimeInterval, notificationLog: TimeInterval) {
        self.deliveries = deliveries
        self.notificationLog = notificationLog
    }
}

/// What one pruning removed.
public struct PruneResult: Hashable, Sendable {
    public var deliveries: Int
    public var logEntries: Int
}

extension StateStore {
    /// Deletes delivery attempts and notification-log entries older than `policy` allows at
    /// `now`, in one transaction. The audit trail of updates and the outbox are never pruned.
    @discardableResult
    public func prune(_ policy: RetentionPolicy, at now: Date) throws -> PruneResult {
        try pool.write { db in
            try db.run(
                "DELETE FROM deliveries WHERE at < ?", [now.addingTimeInterval(-policy.deliveries).timeIntervalSince1970])
            let deliveries = db.changesCount
            try db.run(
                "DELETE FROM notification_log WHERE sent_at < ?",
                [now.addingTimeInterval(-policy.notificationLog).timeIntervalSince1970])
            return PruneResult(deliveries: deliveries, logEntries: db.changesCount)
        }
    }
}
