import Foundation
import RectifyCore

/// Request and response bodies of the control API (docs/api.md), shared by the daemon and
/// `rectifyctl`. JSON uses snake_case keys (`JSONEncoder.keyEncodingStrategy`).
public enum ControlAPI {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}

// MARK: requests

public struct ProgressRequest: Codable, Sendable {
    public var note: String
    public var done: Int?
    public var total: Int?
    public var evidence: String?
    public init(note: String, done: Int? = nil, total: Int? = nil, evidence: String? = nil) {
        self.note = note
        self.done = done
        self.total = total
        self.evidence = evidence
    }
    public static let fields = ["note", "done", "total", "evidence"]
}

public struct DoneRequest: Codable, Sendable {
    public var note: String
    /// Close one milestone instead of the item.
    public var milestone: String?
    public init(note: String, milestone: String? = nil) {
        self.note = note
        self.milestone = milestone
    }
    public static let fields = ["note", "milestone"]
}

public struct ExtendRequest: Codable, Sendable {
    /// The new deadline, YYYY-MM-DD.
    public var to: String
    public var reason: String
    public init(to: String, reason: String) {
        self.to = to
        self.reason = reason
    }
    public static let fields = ["to", "reason"]
}

/// `ack`: the alerts are seen; `snooze`: silence them. Both until a date (YYYY-MM-DD).
public struct SilenceRequest: Codable, Sendable {
    public var until: String?
    public var note: String?
    public init(until: String? = nil, note: String? = nil) {
        self.until = until
        self.note = note
    }
    public static let fields = ["until", "note"]
}

public struct ReopenRequest: Codable, Sendable {
    public var note: String
    public init(note: String) { self.note = note }
    public static let fields = ["note"]
}

public struct RetryRequest: Codable, Sendable {
    public var ids: [String]?
    public init(ids: [String]? = nil) { self.ids = ids }
    public static let fields = ["ids"]
}

/// `POST /v1/receivers/NAME/test`: whom the test message goes to (maildir and smtp receivers;
/// default: `routing.redirect_all`, else `routing.default_recipient`).
public struct ReceiverTestRequest: Codable, Sendable {
    public var to: String?
    public init(to: String? = nil) { self.to = to }
    public static let fields = ["to"]
}

// MARK: responses

public struct ErrorResponse: Codable, Sendable {
    public var error: String
    public var field: String?
    /// The problems behind `error`, a line each (a rejected reload: `file:line:column: error: …`).
    public var details: [String]?
    public init(error: String, field: String? = nil, details: [String]? = nil) {
        self.error = error
        self.field = field
        self.details = details
    }
}

/// What came of one test message through a receiver (`rectifyctl test-receiver`).
public struct ReceiverTestResponse: Codable, Sendable {
    public var receiver: String
    public var type: String
    /// The address (maildir, smtp) or the receiver's own name (webhook, robots).
    public var recipient: String
    /// Why this recipient when none was given: "routing.redirect_all", "routing.default_recipient".
    public var chosenBy: String?
    public var delivered: Bool
    /// delivered, retryable or permanent (as the delivery history says).
    public var outcome: String
    /// What the server answered ("smtp 250 (new connection): 250 2.0.0 Ok: queued as 4F2A1",
    /// "HTTP 200, code 0", the Maildir file), or why it failed; never a secret.
    public var answer: String
    public var seconds: Double
    /// The test message's notice id (in the server's log, a webhook's Idempotency-Key).
    public var notice: String

    public init(
        receiver: String, type: String, recipient: String, chosenBy: String?, delivered: Bool, outcome: String, answer: String,
        seconds: Double, notice: String
    ) {
        self.receiver = receiver
        self.type = type
        self.recipient = recipient
        self.chosenBy = chosenBy
        self.delivered = delivered
        self.outcome = outcome
        self.answer = answer
        self.seconds = seconds
        self.notice = notice
    }
}

/// `POST /v1/reload` when the new configuration was taken.
public struct ReloadResponse: Codable, Sendable {
    public var ok = true
    public var message: String
    public var plans: Int
    /// The snapshot's number: one more at every reload that was taken.
    public var generation: Int
    /// `file:line:column: warning: …` of the new plans, and settings that wait for a restart.
    public var warnings: [String]
    public init(message: String, plans: Int, generation: Int, warnings: [String]) {
        self.message = message
        self.plans = plans
        self.generation = generation
        self.warnings = warnings
    }
}

public struct HealthResponse: Codable, Sendable {
    /// "ok", or "unhealthy" while the state database refuses writes (then HTTP 503).
    public var status: String
    public var pid: Int
    public var uptimeSeconds: Double
    public var plans: Int
    public var items: Int
    /// Why the daemon is unhealthy ("the state database refuses writes since …: …").
    public var problem: String?
    public init(status: String, pid: Int, uptimeSeconds: Double, plans: Int, items: Int, problem: String? = nil) {
        self.status = status
        self.pid = pid
        self.uptimeSeconds = uptimeSeconds
        self.plans = plans
        self.items = items
        self.problem = problem
    }
}

public struct PlanStatus: Codable, Sendable {
    public var id: String
    public var unit: String
    public var title: String
    public var items: Int
    public var open: Int
    public var lagging: Int
    public var counts: [String: Int]
    public init(id: String, unit: String, title: String, items: Int, open: Int, lagging: Int, counts: [String: Int]) {
        self.id = id
        self.unit = unit
        self.title = title
        self.items = items
        self.open = open
        self.lagging = lagging
        self.counts = counts
    }
}

public struct StatusResponse: Codable, Sendable {
    public var at: String
    public var nextCheck: String?
    public var lastEvaluation: String?
    public var items: Int
    public var open: Int
    public var lagging: Int
    public var states: [String: Int]
    public var plans: [PlanStatus]
    public var outboxPending: Int
    public var outboxFailed: Int
    public init(
        at: String, nextCheck: String?, lastEvaluation: String?, items: Int, open: Int, lagging: Int,
        states: [String: Int], plans: [PlanStatus], outboxPending: Int, outboxFailed: Int
    ) {
        self.at = at
        self.nextCheck = nextCheck
        self.lastEvaluation = lastEvaluation
        self.items = items
        self.open = open
        self.lagging = lagging
        self.states = states
        self.plans = plans
        self.outboxPending = outboxPending
        self.outboxFailed = outboxFailed
    }
}

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

public struct OutboxEntry: Codable, Sendable {
    public var id: String
    public var receiver: String
    public var recipient: String
    public var status: String
    public var attempts: Int
    public var createdAt: String
    public var nextAttemptAt: String
    public var lastError: String?
    public var items: [String]
    public init(
        id: String, receiver: String, recipient: String, status: String, attempts: Int, createdAt: String,
        nextAttemptAt: String, lastError: String?, items: [String]
    ) {
        self.id = id
        self.receiver = receiver
        self.recipient = recipient
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.items = items
    }
}

public struct OutboxResponse: Codable, Sendable {
    public var entries: [OutboxEntry]
    public init(entries: [OutboxEntry]) { self.entries = entries }
}

public struct WriteResponse: Codable, Sendable {
    public var ok: Bool
    public var updateId: Int64?
    public var message: String
    public var item: ItemSummary?
    public init(ok: Bool, updateId: Int64?, message: String, item: ItemSummary?) {
        self.ok = ok
        self.updateId = updateId
        self.message = message
        self.item = item
    }
}

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

// MARK: ledger export

/// `GET /v1/ledger`: every plan as the daemon sees it now — the plan file (JSON, as
/// `rectifyctl import` writes it) with progress, 销号 and 延期 laid over it, and per item what
/// only the daemon knows. `rectifyctl export` turns it into the office's 台账 and calendar.
/// The body is `{"at": …, "plans": [{"plan": {plan file}, "items": [LedgerItemRecord]}]}`.
public struct LedgerItemRecord: Codable, Sendable {
    public var id: String
    public var state: String
    public var daysOverdue: Int?
    public var daysLeft: Int?
    /// The day the item was closed (销号), YYYY-MM-DD in the plan's zone.
    public var closed: String?
    /// The latest progress note, and its day.
    public var note: String?
    public var noteOn: String?

    public init(
        id: String, state: String, daysOverdue: Int?, daysLeft: Int?, closed: String?, note: String?, noteOn: String?
    ) {
        self.id = id
        self.state = state
        self.daysOverdue = daysOverdue
        self.daysLeft = daysLeft
        self.closed = closed
        self.note = note
        self.noteOn = noteOn
    }
}
