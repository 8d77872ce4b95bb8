import Foundation
import RectifyCore

/// The outbox, reloads and receiver tests (`/v1/outbox`, `/v1/reload`, `/v1/receivers/NAME/test`).

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
