import Foundation
import GRDB

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
            try Row.fetchAll(db, sql: "SELECT * FROM notification_log").map(LogEntry.init(row:))
        }
    }

    public func notificationLog(planID: String, itemID: String) throws -> [LogEntry] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM notification_log WHERE plan_id = ? AND item_id = ? ORDER BY sent_at",
                arguments: [planID, itemID]
            ).map(LogEntry.init(row:))
        }
    }
}

extension LogEntry {
    init(row: Row) {
        self.init(
            receiver: row["receiver"], recipient: row["recipient"], alertKey: row["alert_key"], planID: row["plan_id"],
            itemID: row["item_id"], kind: row["kind"], fingerprint: row["fingerprint"],
            sentAt: Date(timeIntervalSince1970: row["sent_at"]), noticeID: row["notice_id"])
    }

    func upsert(_ db: Database) throws {
        try db.run(
            """
                INSERT INTO notification_log
                    (receiver, recipient, alert_key, plan_id, item_id, kind, fingerprint, sent_at, notice_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(receiver, recipient, alert_key) DO UPDATE SET
                    plan_id = excluded.plan_id, item_id = excluded.item_id, kind = excluded.kind,
                    fingerprint = excluded.fingerprint, sent_at = excluded.sent_at, notice_id = excluded.notice_id
                """,
            [
                receiver, recipient, alertKey, planID, itemID, kind, fingerprint, sentAt.timeIntervalSince1970, noticeID,
            ])
    }
}
