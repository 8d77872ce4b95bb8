import Foundation
import GRDB
import RectifyCore

/// A notice as it was sent: to whom, through which receiver, about which items. A signed link
/// names a notice; its page shows these items and no others. Written with the outbox row,
/// marked delivered when a delivery is confirmed, and received when its recipient signs (签收).
public struct NoticeRecord: Hashable, Sendable {
    public var id: String
    public var receiver: String
    public var recipient: String
    public var recipientName: String?
    /// red, yellow, green or nil: the most severe colour of its entries.
    public var colour: String?
    /// The alert kinds of its entries.
    public var kinds: [String]
    /// Plan and item ids, each once, in the notice's order.
    public var items: [ItemRef]
    public var createdAt: Date
    public var deliveredAt: Date?
    public var receivedAt: Date?
    public var receivedAddress: String?
    /// When the office's leaders were told it was not signed for in time.
    public var escalatedAt: Date?

    public struct ItemRef: Hashable, Codable, Sendable {
        public var plan: String
        public var item: String

        public init(plan: String, item: String) {
            self.plan = plan
            self.item = item
        }
    }

    public init(
        id: String, receiver: String, recipient: String, recipientName: String? = nil, colour: String? = nil,
        kinds: [String] = [], items: [ItemRef], createdAt: Date, deliveredAt: Date? = nil, receivedAt: Date? = nil,
        receivedAddress: String? = nil, escalatedAt: Date? = nil
    ) {
        self.id = id
        self.receiver = receiver
        self.recipient = recipient
        self.recipientName = recipientName
        self.colour = colour
        self.kinds = kinds
        self.items = items
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.receivedAt = receivedAt
        self.receivedAddress = receivedAddress
        self.escalatedAt = escalatedAt
    }

    public func contains(plan: String, item: String) -> Bool { items.contains(ItemRef(plan: plan, item: item)) }
}

extension StateStore {
    static func insert(_ n: NoticeRecord, _ db: Database) throws {
        try db.run(
            """
                INSERT OR IGNORE INTO notices (id, receiver, recipient, recipient_name, colour, kinds, items, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                n.id, n.receiver, n.recipient, n.recipientName, n.colour, json(n.kinds), json(n.items), n.createdAt.timeIntervalSince1970,
            ])
        guard db.changesCount > 0 else { return }
        // A row per item through SQLite's own binding calls (`RawStatement`): a fresh start at
        // 100,000 items writes 60,000 of them in the transaction READY=1 waits for, and GRDB's
        // arguments cost more than the inserts (it took 50 rows per statement to spread them).
        let statement = try RawStatement(noticeItemInsert, db)
        for ref in n.items {
            try statement.run { row in
                try row.text(1, n.id)
                try row.text(2, ref.plan)
                try row.text(3, ref.item)
            }
        }
    }

    private static let noticeItemInsert = "INSERT OR IGNORE INTO notice_items (notice_id, plan_id, item_id) VALUES (?, ?, ?)"

    /// `kinds` as JSONEncoder wrote it (`["overdue","stale"]`), without its boxed values: a fresh
    /// start at 100,000 items writes 493 notices of 200 items each in the one transaction that
    /// READY=1 waits for, and the encoder was a quarter of writing them.
    static func json(_ kinds: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (n, kind) in kinds.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            LogEntryJSON.string(&out, kind)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `items` as JSON objects (`[{"plan":"p","item":"1"}]`), read back by `JSONDecoder` as before.
    static func json(_ items: [NoticeRecord.ItemRef]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(items.count * 32)
        for (n, ref) in items.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"plan":"#.utf8)
            LogEntryJSON.string(&out, ref.plan)
            out.append(contentsOf: #","item":"#.utf8)
            LogEntryJSON.string(&out, ref.item)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    private struct Unexpected: Error {}

    /// `notices.items` as `json(_:)` wrote it, read as bytes (each confirmed delivery reads its
    /// notice's); anything else through `JSONDecoder`.
    static func itemRefs(_ text: String) throws -> [NoticeRecord.ItemRef] {
        var text = text
        let fast: [NoticeRecord.ItemRef]? = text.withUTF8 { utf8 in
            var cursor = JSONCursor(UnsafeRawBufferPointer(utf8))
            var refs: [NoticeRecord.ItemRef] = []
            do {
                try cursor.array { c in
                    var plan: String?, item: String?
                    try c.object { c, key in
                        switch key {
                        case "plan": plan = try c.string()
                        case "item": item = try c.string()
                        default: throw Unexpected()
                        }
                    }
                    guard let plan, let item else { throw Unexpected() }
                    refs.append(NoticeRecord.ItemRef(plan: plan, item: item))
                }
                try cursor.end()
            } catch {
                return nil
            }
            return refs
        }
        if let fast { return fast }
        return try decoder.decode([NoticeRecord.ItemRef].self, from: Data(text.utf8))
    }

    public func notice(id: String) throws -> NoticeRecord? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE id = ?", arguments: [id]).map(Self.notice(row:)) }
    }

    /// The notices that named an item, newest first.
    public func notices(plan: String, item: String, limit: Int = 50) throws -> [NoticeRecord] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT n.* FROM notice_items i JOIN notices n ON n.id = i.notice_id
                    WHERE i.plan_id = ? AND i.item_id = ? ORDER BY n.created_at DESC LIMIT ?
                    """,
                arguments: [plan, item, limit]
            ).map(Self.notice(row:))
        }
    }

    /// Records a receipt (签收) once; false when the notice was already signed for.
    public func markReceived(noticeID: String, at: Date, address: String?) throws -> Bool {
        try pool.write { db in
            try db.run(
                "UPDATE notices SET received_at = ?, received_address = ? WHERE id = ? AND received_at IS NULL",
                [at.timeIntervalSince1970, address, noticeID])
            return db.changesCount > 0
        }
    }

    /// Delivered notices of these colours to people (not group channels) that nobody signed
    /// for and that were not escalated yet, oldest first.
    public func unreceivedNotices(colours: [String], receivers: [String], includeEscalated: Bool = false, limit: Int = 100_000)
        throws -> [NoticeRecord]
    {
        guard !colours.isEmpty, !receivers.isEmpty else { return [] }
        return try pool.read { db in
            let c = colours.map { _ in "?" }.joined(separator: ","), r = receivers.map { _ in "?" }.joined(separator: ",")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM notices WHERE received_at IS NULL \(includeEscalated ? "" : "AND escalated_at IS NULL")
                    AND delivered_at IS NOT NULL AND colour IN (\(c)) AND receiver IN (\(r)) ORDER BY delivered_at LIMIT \(limit)
                    """,
                arguments: StatementArguments(colours + receivers)
            ).map(Self.notice(row:))
        }
    }

    public func markEscalated(noticeID: String, at: Date) throws {
        try pool.write { db in
            try db.run("UPDATE notices SET escalated_at = ? WHERE id = ?", [at.timeIntervalSince1970, noticeID])
        }
    }

    static func notice(row: Row) throws -> NoticeRecord {
        NoticeRecord(
            id: row["id"], receiver: row["receiver"], recipient: row["recipient"], recipientName: row["recipient_name"],
            colour: row["colour"], kinds: try decoder.decode([String].self, from: Data((row["kinds"] as String).utf8)),
            items: try decoder.decode([NoticeRecord.ItemRef].self, from: Data((row["items"] as String).utf8)),
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            deliveredAt: (row["delivered_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            receivedAt: (row["received_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            receivedAddress: row["received_address"],
            escalatedAt: (row["escalated_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
