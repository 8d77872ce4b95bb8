import Foundation
import GRDB

/// One change made through the control socket (progress, 销号, 延期, ack, snooze, reopen),
/// with who made it and when: the audit trail (留痕). Never edited or deleted.
public struct UpdateRecord: Hashable, Sendable {
    public var id: Int64
    public var planID: String
    public var itemID: String
    /// progress, done, milestone_done, extend, ack, snooze, reopen.
    public var kind: String
    public var at: Date
    public var uid: Int?
    public var user: String?
    public var note: String?
    /// Kind-specific values as text: done/total/evidence, milestone, to/reason, until.
    public var payload: [String: String]
    /// Where the change came from and its caller: nil or "socket" (uid and user), "link" (user
    /// is the recipient a signed link names), "account" (user is a web account).
    public var origin: Origin?

    /// A web caller: where the change came from, its address and its user agent (留痕).
    public struct Origin: Hashable, Sendable {
        public var source: String
        public var address: String?
        public var userAgent: String?

        public init(source: String, address: String?, userAgent: String?) {
            self.source = source
            self.address = address
            self.userAgent = userAgent
        }
    }

    public init(
        id: Int64 = 0, planID: String, itemID: String, kind: String, at: Date, uid: Int?, user: String?, note: String?,
        payload: [String: String] = [:], origin: Origin? = nil
    ) {
        self.origin = origin
        self.id = id
        self.planID = planID
        self.itemID = itemID
        self.kind = kind
        self.at = at
        self.uid = uid
        self.user = user
        self.note = note
        self.payload = payload
    }
}

extension StateStore {
    /// Stores an update and returns its id.
    public func append(_ update: UpdateRecord) throws -> Int64 {
        try pool.write { db in try Self.insertUpdate(update, db) }
    }

    /// Stores several updates in one transaction (a receipt of a notice covers each of its items).
    public func append(_ updates: [UpdateRecord]) throws -> [Int64] {
        try pool.write { db in try updates.map { try Self.insertUpdate($0, db) } }
    }

    static func insertUpdate(_ update: UpdateRecord, _ db: Database) throws -> Int64 {
        let payload = String(decoding: try JSONEncoder().encode(update.payload), as: UTF8.self)
        try db.run(
            """
                INSERT INTO updates (plan_id, item_id, kind, at, uid, user, note, payload, source, address, user_agent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                update.planID, update.itemID, update.kind, update.at.timeIntervalSince1970, update.uid, update.user,
                update.note, payload, update.origin?.source, update.origin?.address, update.origin?.userAgent,
            ])
        return db.lastInsertedRowID
    }

    /// Every update, oldest first (the daemon lays them over the plans at start and reload).
    public func updates() throws -> [UpdateRecord] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM updates ORDER BY id").map(Self.update(row:)) }
    }

    public func updates(planID: String, itemID: String) throws -> [UpdateRecord] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM updates WHERE plan_id = ? AND item_id = ? ORDER BY id", arguments: [planID, itemID]
            ).map(Self.update(row:))
        }
    }

    /// Pending and failed outbox records.
    public func outboxCounts() throws -> (pending: Int, failed: Int) {
        try pool.read { db in
            let pending = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND \(Self.unsent)") ?? 0
            let failed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE status = 'failed'") ?? 0
            return (pending, failed)
        }
    }

    static func update(row: Row) throws -> UpdateRecord {
        // A payload that does not decode is a damaged row: say which, rather than drop its details.
        let payload: [String: String]
        do {
            payload = try JSONDecoder().decode([String: String].self, from: Data((row["payload"] as String).utf8))
        } catch {
            throw StoredRowError(table: "updates", id: row["id"], error: error)
        }
        return UpdateRecord(
            id: row["id"], planID: row["plan_id"], itemID: row["item_id"], kind: row["kind"],
            at: Date(timeIntervalSince1970: row["at"]), uid: row["uid"], user: row["user"], note: row["note"],
            payload: payload,
            origin: (row["source"] as String?).map { UpdateRecord.Origin(source: $0, address: row["address"], userAgent: row["user_agent"]) })
    }
}

/// A stored row that cannot be read back.
public struct StoredRowError: Error, CustomStringConvertible {
    public var table: String
    public var id: Int64
    public var error: any Error
    public var description: String { "\(table) row \(id) cannot be read: \(error)" }
}
