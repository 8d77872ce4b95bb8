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
