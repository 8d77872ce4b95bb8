import Foundation
import RectifyCore

/// Requests made through signed links (延期, 销号), the office's decisions, and evidence files.

/// A request made through a signed link: 延期 (`extend`, with `to`) or 销号 (`close`), waiting
/// for the office (`pending`) or decided (`approved`, `rejected`, with who, when and why).
public struct RequestEntry: Codable, Sendable {
    public var id: Int64
    public var plan: String
    public var item: String
    public var itemTitle: String?
    public var kind: String
    public var status: String
    public var createdAt: String
    public var recipient: String
    public var note: String
    public var to: String?
    public var evidence: [String]
    public var decidedAt: String?
    public var decidedBy: String?
    public var decisionNote: String?

    public init(
        id: Int64, plan: String, item: String, itemTitle: String?, kind: String, status: String, createdAt: String,
        recipient: String, note: String, to: String?, evidence: [String], decidedAt: String?, decidedBy: String?,
        decisionNote: String?
    ) {
        self.id = id
        self.plan = plan
        self.item = item
        self.itemTitle = itemTitle
        self.kind = kind
        self.status = status
        self.createdAt = createdAt
        self.recipient = recipient
        self.note = note
        self.to = to
        self.evidence = evidence
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.decisionNote = decisionNote
    }
}

public struct RequestsResponse: Codable, Sendable {
    public var requests: [RequestEntry]
    public init(requests: [RequestEntry]) { self.requests = requests }
}

/// `POST /v1/requests/ID/approve` and `/reject`: the office's note (required to reject).
public struct DecisionRequest: Codable, Sendable {
    public var reason: String?
    public init(reason: String?) { self.reason = reason }
    public static let fields = ["reason"]
}

/// An evidence file: its id (GET it from the web listener), name, type, size and who gave it.
public struct EvidenceEntry: Codable, Sendable {
    public var id: String
    public var name: String
    public var mediaType: String
    public var size: Int
    public var sha256: String
    public var at: String
    public var by: String

    public init(id: String, name: String, mediaType: String, size: Int, sha256: String, at: String, by: String) {
        self.id = id
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.at = at
        self.by = by
    }
}
