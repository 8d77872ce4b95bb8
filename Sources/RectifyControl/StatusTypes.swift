import Foundation
import RectifyCore

/// `GET /v1/health` and `GET /v1/status`.

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
