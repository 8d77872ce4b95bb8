import Foundation
import GRDB

/// What the outbox holds for the delivery lanes and the scheduler's timer at one moment: the
/// receivers with records due, the earliest pending attempt and the earliest one to come.
public struct OutboxSchedule: Equatable, Sendable {
    /// Receivers with pending records due at the moment (their lanes have work now).
    public var due: [String]
    /// The earliest next attempt among pending records (quiet hours hold it back).
    public var pending: Date?
    /// The earliest next attempt after the moment: what the timer waits for.
    public var future: Date?
}

extension StateStore {
    /// The outbox's schedule at `now`, in one read.
    public func outboxSchedule(at now: Date) throws -> OutboxSchedule {
        try pool.read { db in try Self.schedule(at: now, db) }
    }

    /// Read in the transaction that writes notices too (`enqueue(durable:scheduleAt:_:)`): the
    /// scheduler then starts the lanes and arms its timer without reading the outbox again
    /// while the lanes read it (two connections reading at once wait on SQLite's locks for
    /// each other, and the lane's read is on the way from an instant to its delivery).
    static func schedule(at now: Date, _ db: Database) throws -> OutboxSchedule {
        let due = try receiversDue(at: now, db)
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT MIN(next_attempt_at), MIN(CASE WHEN next_attempt_at > ? THEN next_attempt_at END)
                    FROM outbox WHERE status = 'pending' AND \(unsent)
                    """),
            arguments: [now.timeIntervalSince1970])
        let date = { (i: Int) in (row?[i] as Double?).map(Date.init(timeIntervalSince1970:)) }
        return OutboxSchedule(due: due, pending: date(0), future: date(1))
    }
}
