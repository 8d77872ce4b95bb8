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

extension OutboxRecord {
    /// "plan/item" of every item its log entries name, once each, sorted (a delivery's items).
    public var items: [String] {
        Array(Set(logEntries.map { "\($0.planID)/\($0.itemID)" })).sorted()
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
    ///
    /// `durable`: committed on disk when this returns (`durableWrite`), for the write READY=1
    /// waits for; later ones reach the disk at the next checkpoint, as every write does (a sync
    /// per decision would add a millisecond or two between an instant and its delivery).
    /// `scheduleAt`: the outbox's schedule at that moment, read in the same transaction.
    @discardableResult
    public func enqueue(
        durable: Bool = false, scheduleAt: Date? = nil, _ next: () throws -> (record: OutboxRecord, notice: NoticeRecord)?
    ) throws -> OutboxSchedule? {
        var schedule: OutboxSchedule?
        let write = { (db: Database) throws in
            while let (record, notice) = try next() {
                try Self.insert(notice, db)
                try Self.insert(record, db)
            }
            if let scheduleAt { schedule = try Self.schedule(at: scheduleAt, db) }
        }
        if durable { try durableWrite(write) } else { try pool.write(write) }
        return schedule
    }

    /// One transaction committed with `synchronous = FULL`: the WAL is on disk when it returns,
    /// so the alerts it queues survive a power loss from then on (READY=1 waits for the first
    /// evaluation's). With GRDB's `NORMAL` the WAL reaches the disk only at a checkpoint: at
    /// 100,000 items the first evaluation's write used to pass the 10,000-page autocheckpoint
    /// and got one (copying it all into the database, two fsyncs); smaller now, it would not.
    /// Syncing the WAL once costs less than that checkpoint and holds at any size.
    private func durableWrite(_ body: (Database) throws -> Void) throws {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            try db.inTransaction {
                try body(db)
                return .commit
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
    ///
    /// Through statements each reader connection prepares once (as `receiversDue` and the
    /// schedule's): every delivery pass reads this, and a read's statement prepared anew (with
    /// GRDB's authorizer watching the preparation) cost more than the read.
    public func dueOutbox(at now: Date, receiver: String? = nil, limit: Int = 500) throws -> [OutboxRecord] {
        try pool.read { db in
            if let receiver {
                return try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND receiver = ? AND \(Self.unsent)
                            ORDER BY created_at LIMIT ?
                            """),
                    arguments: [now.timeIntervalSince1970, receiver, limit]
                ).map(Self.record(row:))
            }
            return try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND \(Self.unsent) ORDER BY created_at LIMIT ?"),
                arguments: [now.timeIntervalSince1970, limit]
            ).map(Self.record(row:))
        }
    }

    /// The receivers with pending records due at `now`.
    public func receiversDue(at now: Date) throws -> [String] {
        try pool.read { db in try Self.receiversDue(at: now, db) }
    }

    static func receiversDue(at now: Date, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(
                sql: "SELECT DISTINCT receiver FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND \(unsent)"),
            arguments: [now.timeIntervalSince1970])
    }

    /// The earliest attempt after `now` among pending records (records already due are the
    /// delivery worker's; this is what a timer waits for).
    public func nextOutboxAttempt(after now: Date) throws -> Date? {
        try pool.read { db in
            try Double.fetchOne(
                db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending' AND next_attempt_at > ? AND \(Self.unsent)",
                arguments: [now.timeIntervalSince1970]
            ).map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Every record in the outbox (pending and failed).
    public func outbox(status: OutboxRecord.Status? = nil) throws -> [OutboxRecord] {
        try pool.read { db in
            if let status {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM outbox WHERE status = ? AND \(Self.unsent) ORDER BY created_at", arguments: [status.rawValue]
                ).map(Self.record(row:))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE \(Self.unsent) ORDER BY created_at").map(Self.record(row:))
        }
    }

    /// The earliest next attempt among pending records.
    public func nextOutboxAttempt() throws -> Date? {
        try pool.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending' AND \(Self.unsent)")
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Alert keys already queued (pending) per receiver/recipient, so an evaluation does not
    /// queue the same alert twice while the first is still being delivered. Those of deliveries
    /// marked sent and not yet folded (`markDelivered`) are here too, with the time they were
    /// sent: they are in neither the outbox's pending nor the notification log until the fold,
    /// and the ledger must know every one.
    public func queuedLogEntries() throws -> [LogEntry] {
        try pool.read { db in
            var entries: [LogEntry] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT o.log_entries, s.at FROM outbox o LEFT JOIN outbox_sent s ON s.id = o.id
                    WHERE o.status = 'pending'
                    """)
            while let row = try rows.next() {
                let decoded = try LogEntryJSON.decode(row[0] as Data)
                if let at = row[1] as Double? {
                    entries += decoded.map { var e = $0; e.sentAt = Date(timeIntervalSince1970: at); return e }
                } else {
                    entries += decoded
                }
            }
            return entries
        }
    }

    /// Outbox rows not marked delivered (`markDelivered`): what is still to send.
    static let unsent = "id NOT IN (SELECT id FROM outbox_sent)"

    /// A confirmed delivery: the outbox row goes, its log entries are written, the attempt is
    /// recorded — in one transaction.
    public func confirmDelivery(of record: OutboxRecord, attempt: DeliveryRecord, sentAt: Date) throws {
        try pool.write { db in try Self.confirm(record, attempt: attempt, sentAt: sentAt, db) }
    }

    static func confirm(_ record: OutboxRecord, attempt: DeliveryRecord, sentAt: Date, _ db: Database) throws {
        try db.run("DELETE FROM outbox WHERE id = ?", [record.id])
        try db.run(
            "UPDATE notices SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
            [sentAt.timeIntervalSince1970, record.id])
        try LogEntry.upsert(record.logEntries, sentAt: sentAt, db)
        try insert(attempt, db)
    }

    /// A delivery its receiver accepted, recorded at once in a transaction of its own, and small:
    /// a marker (one row of `outbox_sent`) that takes the record out of the pending ones, so it
    /// is never sent again, even after a crash. What the delivery means — the outbox row gone,
    /// its log entries, the attempt in the history — is written for a batch of them by
    /// `foldDelivered`, in one transaction.
    ///
    /// Confirming each delivery in full wrote ~160 pages (the log's item index is spread over
    /// the database) and a backlog of 493 notices checkpointed the WAL ten times; a marker is a
    /// page, and a batch writes each index page once.
    public func markDelivered(_ record: OutboxRecord, attempt: DeliveryRecord) throws {
        try pool.write { db in
            try db.run(
                "INSERT OR REPLACE INTO outbox_sent (id, at, attempt, detail, duration) VALUES (?, ?, ?, ?, ?)",
                [record.id, attempt.at.timeIntervalSince1970, attempt.attempt, attempt.detail, attempt.duration])
        }
    }

    /// Completes every delivery marked by `markDelivered` as `confirmDelivery` would have, each
    /// with its marker's time, and removes the markers — in one transaction, so a crash leaves
    /// all of them marked or all of them done. Run after each delivery pass and when the store
    /// opens. `known`: records the caller holds (their log entries are not read back). Returns
    /// how many.
    @discardableResult
    public func foldDelivered(known: [OutboxRecord] = []) throws -> Int {
        let known = Dictionary(known.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try pool.write { db in
            let marks = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.at, s.attempt, s.detail, s.duration, o.receiver, o.recipient
                    FROM outbox_sent s LEFT JOIN outbox o ON o.id = s.id
                    """)
            for mark in marks {
                let id: String = mark[0]
                if let receiver = mark[5] as String?, let recipient = mark[6] as String? {
                    let at = Date(timeIntervalSince1970: mark[1])
                    // Entries that cannot be read are not logged (the row was read to send it).
                    let entries =
                        try known[id]?.logEntries
                        ?? Data.fetchOne(db, sql: "SELECT log_entries FROM outbox WHERE id = ?", arguments: [id])
                        .flatMap { try? LogEntryJSON.decode($0) } ?? []
                    let record = OutboxRecord(
                        id: id, receiver: receiver, recipient: recipient, notice: Data(), logEntries: entries, createdAt: at,
                        nextAttemptAt: at)
                    let attempt = DeliveryRecord(
                        noticeID: id, receiver: receiver, recipient: recipient, attempt: mark[2], at: at, outcome: "delivered",
                        detail: mark[3], duration: mark[4], items: known[id]?.items ?? record.items)
                    try Self.confirm(record, attempt: attempt, sentAt: at, db)
                }
                try db.run("DELETE FROM outbox_sent WHERE id = ?", [id])
            }
            return marks.count
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
