import Foundation
import RectifyCore

/// `GET /v1/items` and `GET /v1/items/PLAN/ITEM`: items, their history, alerts and deliveries.

public struct ItemSummary: Codable, Sendable {
    public var plan: String
    public var id: String
    public var title: String
    public var status: String
    public var state: String
    public var colour: String?
    public var deadline: Deadline?
    public var originalDeadline: Deadline?
    public var due: String?
    public var daysOverdue: Int?
    public var daysLeft: Int?
    public var responsible: String?
    public var silencedUntil: String?
    public init(
        plan: String, id: String, title: String, status: String, state: String, colour: String?, deadline: Deadline?,
        originalDeadline: Deadline?, due: String?, daysOverdue: Int?, daysLeft: Int?, responsible: String?,
        silencedUntil: String?
    ) {
        self.plan = plan
        self.id = id
        self.title = title
        self.status = status
        self.state = state
        self.colour = colour
        self.deadline = deadline
        self.originalDeadline = originalDeadline
        self.due = due
        self.daysOverdue = daysOverdue
        self.daysLeft = daysLeft
        self.responsible = responsible
        self.silencedUntil = silencedUntil
    }
}

public struct ItemsResponse: Codable, Sendable {
    public var total: Int
    public var offset: Int
    public var limit: Int
    public var items: [ItemSummary]
    public init(total: Int, offset: Int, limit: Int, items: [ItemSummary]) {
        self.total = total
        self.offset = offset
        self.limit = limit
        self.items = items
    }
}

public struct HistoryEntry: Codable, Sendable {
    public var id: Int64
    public var at: String
    public var kind: String
    public var uid: Int?
    public var user: String?
    public var note: String?
    public var details: [String: String]
    /// A web change: "link" (user is the recipient the signed link named) or "account" (a web
    /// account), with the caller's address and user agent. Absent for the control socket.
    public var source: String?
    public var address: String?
    public var userAgent: String?
    public init(
        id: Int64, at: String, kind: String, uid: Int?, user: String?, note: String?, details: [String: String],
        source: String? = nil, address: String? = nil, userAgent: String? = nil
    ) {
        self.source = source
        self.address = address
        self.userAgent = userAgent
        self.id = id
        self.at = at
        self.kind = kind
        self.uid = uid
        self.user = user
        self.note = note
        self.details = details
    }
}

public struct AlertRecord: Codable, Sendable {
    public var kind: String
    public var receiver: String
    public var recipient: String
    public var sentAt: String
    public var notice: String
    public init(kind: String, receiver: String, recipient: String, sentAt: String, notice: String) {
        self.kind = kind
        self.receiver = receiver
        self.recipient = recipient
        self.sentAt = sentAt
        self.notice = notice
    }
}

public struct DeliveryAttempt: Codable, Sendable {
    public var notice: String
    public var receiver: String
    public var recipient: String
    public var attempt: Int
    public var at: String
    public var outcome: String
    public var detail: String?
    public init(notice: String, receiver: String, recipient: String, attempt: Int, at: String, outcome: String, detail: String?) {
        self.notice = notice
        self.receiver = receiver
        self.recipient = recipient
        self.attempt = attempt
        self.at = at
        self.outcome = outcome
        self.detail = detail
    }
}

public struct ItemDetail: Codable, Sendable {
    public var item: ItemSummary
    public var category: [String]
    public var text: String?
    public var findings: [String]
    public var milestones: [Milestone]
    public var progress: RectifyCore.Progress?
    public var extensions: [Extension]
    public var lastUpdate: String?
    public var history: [HistoryEntry]
    public var alerts: [AlertRecord]
    public var deliveries: [DeliveryAttempt]
    /// Requests made through signed links (延期, 销号) and evidence files uploaded.
    public var requests: [RequestEntry]?
    public var evidence: [EvidenceEntry]?
    public init(
        item: ItemSummary, category: [String], text: String?, findings: [String], milestones: [Milestone],
        progress: RectifyCore.Progress?, extensions: [Extension], lastUpdate: String?, history: [HistoryEntry],
        alerts: [AlertRecord], deliveries: [DeliveryAttempt], requests: [RequestEntry]? = nil, evidence: [EvidenceEntry]? = nil
    ) {
        self.requests = requests
        self.evidence = evidence
        self.item = item
        self.category = category
        self.text = text
        self.findings = findings
        self.milestones = milestones
        self.progress = progress
        self.extensions = extensions
        self.lastUpdate = lastUpdate
        self.history = history
        self.alerts = alerts
        self.deliveries = deliveries
    }
}
