import Foundation
import GRDB
import GRDBSQLite

/// One confirmed send: this recipient got this alert (key) at this time.
public struct LogEntry: Hashable, Codable, Sendable {
    public var receiver: String
    public var recipient: String
    /// What was alerted, e.g. "overdue" or "reminder:10"; unique per item and recipient.
    public var alertKey: String
    public var planID: String
    public var itemID: String
    public var kind: String
    /// What the alert said that would make a change worth telling again (e.g. the deadline).
    public var fingerprint: String
    public var sentAt: Date
    public var noticeID: String

    public init(
        receiver: String, recipient: String, alertKey: String, planID: String, itemID: String, kind: String,
        fingerprint: String, sentAt: Date, noticeID: String
    ) {
        self.receiver = receiver
        self.recipient = recipient
        self.alertKey = alertKey
        self.planID = planID
        self.itemID = itemID
        self.kind = kind
        self.fingerprint = fingerprint
        self.sentAt = sentAt
        self.noticeID = noticeID
    }

    enum CodingKeys: String, CodingKey {
        case receiver, recipient, alertKey = "alert_key", planID = "plan_id", itemID = "item_id", kind, fingerprint
        case sentAt = "sent_at", noticeID = "notice_id"
    }
}

extension StateStore {
    /// Every log entry (the daemon keeps them in memory; there is one per item, recipient and key).
    public func notificationLog() throws -> [LogEntry] {
        try pool.read { db in
            try LogEntry.fetchAll(db)
        }
    }

    /// Every log entry, handed to `body` one at a time as it is read (a restart at 100,000 items
    /// reads 70,000 into the ledger; no array of them is made on the way).
    public func forEachLogEntry(_ body: (LogEntry) throws -> Void) throws {
        try pool.read { db in try LogEntry.forEach(db, body) }
    }

    public func notificationLog(planID: String, itemID: String) throws -> [LogEntry] {
        try pool.read { db in
            try LogEntry.fetchAll(db, where: "WHERE plan_id = ? AND item_id = ? ORDER BY sent_at", arguments: [planID, itemID])
        }
    }
}

extension LogEntry {
    /// Log entries as `init(row:)` reads them, columns by position: looking a column up by
    /// name lowercases the name on every access (a restart at 100,000 items reads 70,000
    /// entries, nine columns each), and a cursor keeps no array of rows beside the entries.
    static func fetchAll(_ db: Database, where clause: String = "", arguments: StatementArguments = []) throws -> [LogEntry] {
        var entries: [LogEntry] = []
        try forEach(db, where: clause, arguments: arguments) { entries.append($0) }
        return entries
    }

    static func forEach(
        _ db: Database, where clause: String = "", arguments: StatementArguments = [], _ body: (LogEntry) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT receiver, recipient, alert_key, plan_id, item_id, kind, fingerprint, sent_at, notice_id
                FROM notification_log \(clause)
                """,
            arguments: arguments)
        while let row = try rows.next() { try body(LogEntry(row: row)) }
    }

    /// A row of `fetchAll`'s columns, in its order.
    init(row: Row) {
        self.init(
            receiver: row[0], recipient: row[1], alertKey: row[2], planID: row[3], itemID: row[4], kind: row[5],
            fingerprint: row[6], sentAt: Date(timeIntervalSince1970: row[7]), noticeID: row[8])
    }

    static let upsertSQL = """
        INSERT INTO notification_log
            (receiver, recipient, alert_key, plan_id, item_id, kind, fingerprint, sent_at, notice_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(receiver, recipient, alert_key) DO UPDATE SET
            plan_id = excluded.plan_id, item_id = excluded.item_id, kind = excluded.kind,
            fingerprint = excluded.fingerprint, sent_at = excluded.sent_at, notice_id = excluded.notice_id
        """

    /// Writes `entries` as sent at `sentAt` (one row per receiver, recipient and alert key), through
    /// the cached statement with SQLite's own binding calls (`RawStatement`): a fold writes
    /// 70,000 of them after a cold start.
    static func upsert(_ entries: [LogEntry], sentAt: Date, _ db: Database) throws {
        guard !entries.isEmpty else { return }
        let statement = try RawStatement(upsertSQL, db)
        let at = sentAt.timeIntervalSince1970
        for e in entries {
            try statement.run { row in
                try row.text(1, e.receiver)
                try row.text(2, e.recipient)
                try row.text(3, e.alertKey)
                try row.text(4, e.planID)
                try row.text(5, e.itemID)
                try row.text(6, e.kind)
                try row.text(7, e.fingerprint)
                try row.double(8, at)
                try row.text(9, e.noticeID)
            }
        }
    }
}
