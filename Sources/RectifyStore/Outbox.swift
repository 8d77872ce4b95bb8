import Foundation
import GRDB

/// A notice waiting for delivery (or failed for good), with the log entries its confirmed
/// delivery will write.
public struct OutboxRecord: Hashable, Sendable {
    public enum Status: String, Sendable { case pending, failed }

    public var id: String
    public var receiver: String
    public var recipient: String
    /// The notice, JSON-encoded by the daemon (the store does not interpret it).
    public var notice: Data
    public var logEntries: [LogEntry]
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var status: Status
    public var lastError: String?

    public init(
        id: String, receiver: String, recipient: String, notice: Data, logEntries: [LogEntry], createdAt: Date,
        attempts: Int = 0, nextAttemptAt: Date, status: Status = .pending, lastError: String? = nil
    ) {
        self.id = id
        self.receiver = receiver
        self.recipient = recipient
        self.notice = notice
        self.logEntries = logEntries
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.status = status
        self.lastError = lastError
    }
}

extension StateStore {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
    static let decoder = JSONDecoder()

    /// Writes notices to the outbox in one transaction, before any of them is delivered, with
    /// what each says (`notices`: the items a signed link to it may show).
    public func enqueue(_ records: [OutboxRecord], notices: [NoticeRecord] = []) throws {
        guard !records.isEmpty else { return }
        try pool.write { db in
            for notice in notices { try Self.insert(notice, db) }
            for record in records { try Self.insert(record, db) }
        }
    }

    /// Writes notices to the outbox in one transaction, as `next` makes them one at a time (nil:
    /// no more), each with what it says: only the one being written is in memory, however many
    /// there are (a fresh start at 100,000 items queues 493 notices of 70,000 entries at once).
    public func enqueue(_ next: () throws -> (record: OutboxRecord, notice: NoticeRecord)?) throws {
        try pool.write { db in
            while let (record, notice) = try next() {
                try Self.insert(notice, db)
                try Self.insert(record, db)
            }
        }
    }

    static func insert(_ r: OutboxRecord, _ db: Database) throws {
        try db.run(
            """
                INSERT INTO outbox (id, receiver, recipient, notice, log_entries, created_at, attempts,
                                    next_attempt_at, status, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                r.id, r.receiver, r.recipient, r.notice, LogEntryJSON.encode(r.logEntries),
                r.createdAt.timeIntervalSince1970, r.attempts, r.nextAttemptAt.timeIntervalSince1970,
                r.status.rawValue, r.lastError,
            ])
    }

    /// Pending records whose next attempt is due at `now`, oldest first (of one receiver, or all).
    public func dueOutbox(at now: Date, receiver: String? = nil, limit: Int = 500) throws -> [OutboxRecord] {
        try pool.read { db in
            if let receiver {
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND receiver = ?
                        ORDER BY created_at LIMIT ?
                        """,
                    arguments: [now.timeIntervalSince1970, receiver, limit]
                ).map(Self.record(row:))
            }
            return try Row.fetchAll(
                db,
                sql: "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY created_at LIMIT ?",
                arguments: [now.timeIntervalSince1970, limit]
            ).map(Self.record(row:))
        }
    }

    /// The receivers with pending records due at `now`.
    public func receiversDue(at now: Date) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT receiver FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?",
                arguments: [now.timeIntervalSince1970])
        }
    }

    /// The earliest attempt after `now` among pending records (records already due are the
    /// delivery worker's; this is what a timer waits for).
    public func nextOutboxAttempt(after now: Date) throws -> Date? {
        try pool.read { db in
            try Double.fetchOne(
                db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending' AND next_attempt_at > ?",
                arguments: [now.timeIntervalSince1970]
            ).map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Every record in the outbox (pending and failed).
    public func outbox(status: OutboxRecord.Status? = nil) throws -> [OutboxRecord] {
        try pool.read { db in
            if let status {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM outbox WHERE status = ? ORDER BY created_at", arguments: [status.rawValue]
                ).map(Self.record(row:))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY created_at").map(Self.record(row:))
        }
    }

    /// The earliest next attempt among pending records.
    public func nextOutboxAttempt() throws -> Date? {
        try pool.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'")
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Alert keys already queued (pending) per receiver/recipient, so an evaluation does not
    /// queue the same alert twice while the first is still being delivered.
    public func queuedLogEntries() throws -> [LogEntry] {
        try pool.read { db in
            try Data.fetchAll(db, sql: "SELECT log_entries FROM outbox WHERE status = 'pending'")
                .flatMap { try LogEntryJSON.decode($0) }
        }
    }

    /// A confirmed delivery: the outbox row goes, its log entries are written, the attempt is
    /// recorded — in one transaction.
    public func confirmDelivery(of record: OutboxRecord, attempt: DeliveryRecord, sentAt: Date) throws {
        try pool.write { db in
            try db.run("DELETE FROM outbox WHERE id = ?", [record.id])
            try db.run(
                "UPDATE notices SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
                [sentAt.timeIntervalSince1970, record.id])
            for var entry in record.logEntries {
                entry.sentAt = sentAt
                try entry.upsert(db)
            }
            try Self.insert(attempt, db)
        }
    }

    /// A failed attempt: schedule the next one, or mark the record failed for good.
    public func recordFailure(of record: OutboxRecord, attempt: DeliveryRecord, nextAttemptAt: Date?) throws {
        try pool.write { db in
            try db.run(
                "UPDATE outbox SET attempts = ?, next_attempt_at = ?, status = ?, last_error = ? WHERE id = ?",
                [
                    attempt.attempt, (nextAttemptAt ?? attempt.at).timeIntervalSince1970,
                    nextAttemptAt == nil ? "failed" : "pending", attempt.detail, record.id,
                ])
            try Self.insert(attempt, db)
        }
    }

    /// Puts failed records back in the queue (all, or those of `ids`); returns how many.
    @discardableResult
    public func retryFailed(ids: [String]? = nil, at now: Date) throws -> Int {
        try requeueFailed(ids: ids, at: now).count
    }

    /// Queues failed notices again; returns how many were, and of the `ids` asked for, those that
    /// are not failed notices (unknown, delivered or still pending).
    public func requeueFailed(ids: [String]?, at now: Date) throws -> (count: Int, notFailed: [String]) {
        try pool.write { db in
            if let ids {
                var count = 0
                var notFailed: [String] = []
                for id in ids {
                    try db.run(
                        "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'failed'",
                        [now.timeIntervalSince1970, id])
                    if db.changesCount == 0 { notFailed.append(id) }
                    count += db.changesCount
                }
                return (count, notFailed)
            }
            try db.run(
                "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE status = 'failed'",
                [now.timeIntervalSince1970])
            return (db.changesCount, [])
        }
    }

    static func record(row: Row) throws -> OutboxRecord {
        OutboxRecord(
            id: row["id"], receiver: row["receiver"], recipient: row["recipient"], notice: row["notice"],
            logEntries: try LogEntryJSON.decode(row["log_entries"] as Data),
            createdAt: Date(timeIntervalSince1970: row["created_at"]), attempts: row["attempts"],
            nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]),
            status: OutboxRecord.Status(rawValue: row["status"]) ?? .pending, lastError: row["last_error"])
    }
}
