import Foundation
import GRDB

/// One delivery attempt, kept for the item history and the metrics.
public struct DeliveryRecord: Hashable, Sendable {
    public var noticeID: String
    public var receiver: String
    public var recipient: String
    public var attempt: Int
    public var at: Date
    /// delivered, retryable or permanent.
    public var outcome: String
    public var detail: String?
    public var duration: TimeInterval
    /// "plan/item" of every item the notice was about.
    public var items: [String]

    public init(
        noticeID: String, receiver: String, recipient: String, attempt: Int, at: Date, outcome: String,
        detail: String?, duration: TimeInterval, items: [String]
    ) {
        self.noticeID = noticeID
        self.receiver = receiver
        self.recipient = recipient
        self.attempt = attempt
        self.at = at
        self.outcome = outcome
        self.detail = detail
        self.duration = duration
        self.items = items
    }
}

/// Totals of delivery attempts by receiver and outcome since the database was made: kept in
/// their own table, so pruning old history never makes a counter go backwards.
public struct DeliveryTotals: Hashable, Sendable {
    public var receiver: String
    public var outcome: String
    public var count: Int
    /// Seconds spent on these attempts.
    public var seconds: Double
}

extension StateStore {
    /// The latest attempts: of one notice, of one item ("plan/item", through the item index),
    /// or of all. `withItems: false` leaves each attempt's `items` empty: a digest's attempt
    /// lists hundreds of items, and decoding them for every attempt of an item page was most of
    /// its time at 100,000 items.
    public func deliveries(noticeID: String? = nil, item: String? = nil, limit: Int = 200, withItems: Bool = true) throws
        -> [DeliveryRecord]
    {
        let columns = withItems ? "d.*" : "d.id, d.notice_id, d.receiver, d.recipient, d.attempt, d.at, d.outcome, d.detail, d.duration"
        return try pool.read { db in
            let rows: [Row]
            if let noticeID {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM deliveries WHERE notice_id = ? ORDER BY id DESC LIMIT ?",
                    arguments: [noticeID, limit])
            } else if let item {
                // Through the notice's items (`notice_items`), and through `delivery_items` for
                // the items a delivery names beyond its notice's (and every older delivery's).
                let slash = item.firstIndex(of: "/") ?? item.endIndex
                let plan = String(item[..<slash]), itemID = slash < item.endIndex ? String(item[item.index(after: slash)...]) : ""
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(columns) FROM deliveries d WHERE d.id IN (
                            SELECT delivery_id FROM delivery_items WHERE item = ?
                            UNION
                            SELECT e.id FROM notice_items n JOIN deliveries e ON e.notice_id = n.notice_id
                            WHERE n.plan_id = ? AND n.item_id = ?
                        ) ORDER BY d.id DESC LIMIT ?
                        """,
                    arguments: [item, plan, itemID, limit])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM deliveries ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
            return try rows.map { row in
                DeliveryRecord(
                    noticeID: row["notice_id"], receiver: row["receiver"], recipient: row["recipient"],
                    attempt: row["attempt"], at: Date(timeIntervalSince1970: row["at"]), outcome: row["outcome"],
                    detail: row["detail"], duration: row["duration"],
                    items: withItems ? try Self.decoder.decode([String].self, from: Data((row["items"] as String).utf8)) : [])
            }
        }
    }

    /// Delivery counts by receiver and outcome, and the summed duration (metrics). Monotonic:
    /// pruning the history does not lower them.
    public func deliveryTotals() throws -> [DeliveryTotals] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM delivery_totals ORDER BY receiver, outcome").map {
                DeliveryTotals(receiver: $0["receiver"], outcome: $0["outcome"], count: $0["count"], seconds: $0["seconds"])
            }
        }
    }

    /// Records an attempt and counts it, inside the caller's transaction. Its items are found
    /// through its notice's items (`notice_items`, written when it was queued); `delivery_items`
    /// gets only those the notice does not name (all of them when there is no notice row). A
    /// delivery of 140 items wrote 140 rows into a table and two indexes spread over the whole
    /// database; a confirmation now writes none of them.
    static func insert(_ d: DeliveryRecord, _ db: Database) throws {
        try db.run(
            """
                INSERT INTO deliveries (notice_id, receiver, recipient, attempt, at, outcome, detail, duration, items)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                d.noticeID, d.receiver, d.recipient, d.attempt, d.at.timeIntervalSince1970, d.outcome, d.detail,
                d.duration, String(decoding: try encoder.encode(d.items), as: UTF8.self),
            ])
        let id = db.lastInsertedRowID
        var unnamed = Set(d.items)
        if !unnamed.isEmpty, let items = try String.fetchOne(db.cachedStatement(sql: "SELECT items FROM notices WHERE id = ?"), arguments: [d.noticeID]) {
            for ref in try Self.itemRefs(items) { unnamed.remove("\(ref.plan)/\(ref.item)") }
        }
        for item in unnamed {
            try db.run("INSERT INTO delivery_items (delivery_id, item) VALUES (?, ?)", [id, item])
        }
        try db.run(
            """
                INSERT INTO delivery_totals (receiver, outcome, count, seconds) VALUES (?, ?, 1, ?)
                ON CONFLICT(receiver, outcome) DO UPDATE SET count = count + 1, seconds = seconds + excluded.seconds
                """,
            [d.receiver, d.outcome, d.duration])
    }
}
