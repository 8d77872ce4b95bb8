import Foundation
import GRDB

/// A request a responder made through a signed link, waiting for the office: 申请延期 (a new
/// date and why) or 申请销号 (done, with evidence). Decided once, by the office, with a note;
/// never deleted.
public struct RequestRecord: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// 申请延期.
        case extend
        /// 申请销号.
        case close
    }

    public enum Status: String, Sendable, CaseIterable {
        case pending, approved, rejected
    }

    public var id: Int64
    public var planID: String
    public var itemID: String
    public var kind: Kind
    public var status: Status
    public var createdAt: Date
    /// The notice whose link it came through, and who that link named.
    public var noticeID: String?
    public var receiver: String?
    public var recipient: String
    public var note: String
    /// The date asked for (extend).
    public var extendTo: String?
    /// Evidence file ids.
    public var evidence: [String]
    public var decidedAt: Date?
    public var decidedBy: String?
    public var decisionNote: String?

    public init(
        id: Int64 = 0, planID: String, itemID: String, kind: Kind, status: Status = .pending, createdAt: Date,
        noticeID: String?, receiver: String?, recipient: String, note: String, extendTo: String? = nil,
        evidence: [String] = [], decidedAt: Date? = nil, decidedBy: String? = nil, decisionNote: String? = nil
    ) {
        self.id = id
        self.planID = planID
        self.itemID = itemID
        self.kind = kind
        self.status = status
        self.createdAt = createdAt
        self.noticeID = noticeID
        self.receiver = receiver
        self.recipient = recipient
        self.note = note
        self.extendTo = extendTo
        self.evidence = evidence
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.decisionNote = decisionNote
    }
}

extension StateStore {
    /// Stores a new request and the audit record of it, in one transaction; returns the request's id.
    public func addRequest(_ request: RequestRecord, audit: UpdateRecord) throws -> Int64 {
        try pool.write { db in
            try db.run(
                """
                    INSERT INTO requests (plan_id, item_id, kind, status, created_at, notice_id, receiver, recipient, note,
                                          extend_to, evidence)
                    VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)
                    """,
                [
                    request.planID, request.itemID, request.kind.rawValue, request.createdAt.timeIntervalSince1970,
                    request.noticeID, request.receiver, request.recipient, request.note, request.extendTo,
                    String(decoding: try Self.encoder.encode(request.evidence), as: UTF8.self),
                ])
            let id = db.lastInsertedRowID
            var audit = audit
            audit.payload["request"] = String(id)
            _ = try Self.insertUpdate(audit, db)
            return id
        }
    }

    /// Requests, newest first: all, or those with `status`, or those of one item.
    public func requests(status: RequestRecord.Status? = nil, plan: String? = nil, item: String? = nil, limit: Int = 500)
        throws -> [RequestRecord]
    {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let status {
                conditions.append("status = ?")
                arguments.append(status.rawValue)
            }
            if let plan, let item {
                conditions.append("plan_id = ? AND item_id = ?")
                arguments += [plan, item]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments.append(limit)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM requests \(filter) ORDER BY id DESC LIMIT ?", arguments: StatementArguments(arguments)
            ).map(Self.request(row:))
        }
    }

    public func request(id: Int64) throws -> RequestRecord? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM requests WHERE id = ?", arguments: [id]).map(Self.request(row:)) }
    }

    /// Marks a pending request decided; false when it was no longer pending (decided meanwhile).
    public func decide(requestID: Int64, status: RequestRecord.Status, at: Date, by: String, note: String?) throws -> Bool {
        try pool.write { db in
            try db.run(
                """
                    UPDATE requests SET status = ?, decided_at = ?, decided_by = ?, decision_note = ?
                    WHERE id = ? AND status = 'pending'
                    """,
                [status.rawValue, at.timeIntervalSince1970, by, note, requestID])
            return db.changesCount > 0
        }
    }

    static func request(row: Row) throws -> RequestRecord {
        RequestRecord(
            id: row["id"], planID: row["plan_id"], itemID: row["item_id"],
            kind: RequestRecord.Kind(rawValue: row["kind"]) ?? .extend, status: RequestRecord.Status(rawValue: row["status"]) ?? .pending,
            createdAt: Date(timeIntervalSince1970: row["created_at"]), noticeID: row["notice_id"], receiver: row["receiver"],
            recipient: row["recipient"], note: row["note"], extendTo: row["extend_to"],
            evidence: try decoder.decode([String].self, from: Data((row["evidence"] as String).utf8)),
            decidedAt: (row["decided_at"] as Double?).map(Date.init(timeIntervalSince1970:)), decidedBy: row["decided_by"],
            decisionNote: row["decision_note"])
    }
}

/// An evidence file a responder uploaded: its name as given (cleaned), type, size and digest,
/// and where it is kept under the state directory (`evidence/…`, never a name from outside).
public struct EvidenceRecord: Hashable, Sendable {
    public var id: String
    public var planID: String
    public var itemID: String
    public var name: String
    public var mediaType: String
    public var size: Int
    public var sha256: String
    /// Relative to the state directory.
    public var stored: String
    public var at: Date
    public var by: String

    public init(
        id: String, planID: String, itemID: String, name: String, mediaType: String, size: Int, sha256: String, stored: String,
        at: Date, by: String
    ) {
        self.id = id
        self.planID = planID
        self.itemID = itemID
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.stored = stored
        self.at = at
        self.by = by
    }
}

extension StateStore {
    public func addEvidence(_ files: [EvidenceRecord]) throws {
        guard !files.isEmpty else { return }
        try pool.write { db in
            for e in files {
                try db.run(
                    """
                        INSERT INTO evidence (id, plan_id, item_id, name, media_type, size, sha256, stored, at, by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    [e.id, e.planID, e.itemID, e.name, e.mediaType, e.size, e.sha256, e.stored, e.at.timeIntervalSince1970, e.by])
            }
        }
    }

    public func evidence(id: String) throws -> EvidenceRecord? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM evidence WHERE id = ?", arguments: [id]).map(Self.evidence(row:)) }
    }

    public func evidence(plan: String, item: String) throws -> [EvidenceRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM evidence WHERE plan_id = ? AND item_id = ? ORDER BY at", arguments: [plan, item])
                .map(Self.evidence(row:))
        }
    }

    static func evidence(row: Row) -> EvidenceRecord {
        EvidenceRecord(
            id: row["id"], planID: row["plan_id"], itemID: row["item_id"], name: row["name"], mediaType: row["media_type"],
            size: row["size"], sha256: row["sha256"], stored: row["stored"], at: Date(timeIntervalSince1970: row["at"]), by: row["by"])
    }
}
