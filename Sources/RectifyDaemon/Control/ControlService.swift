import Foundation
import Logging
import RectifyControl
import RectifyCore
import RectifyStore

/// One HTTP request as the server hands it over: already parsed by SwiftNIO.
struct ControlRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var body: Data
    var peer: PeerCredentials?
}

struct ControlResponse: Sendable {
    var status: Int
    var body: Data
    var contentType = "application/json"
}

/// The control API (docs/api.md): routes requests to reads of the scheduler's world and
/// the state DB, and to updates applied through the scheduler. Blocking; the server calls
/// it off its event loop.
final class ControlService: Sendable {
    let scheduler: Scheduler
    let store: StateStore
    let storage: StorageHealth
    let access: WriteAccess
    let startedAt: Date
    let reload: @Sendable () -> Bool
    let effectiveConfig: @Sendable () -> [String: String]
    let logger: Logger

    init(
        scheduler: Scheduler, store: StateStore, health: StorageHealth, access: WriteAccess, startedAt: Date,
        logger: Logger, reload: @escaping @Sendable () -> Bool, effectiveConfig: @escaping @Sendable () -> [String: String]
    ) {
        self.scheduler = scheduler
        self.store = store
        self.storage = health
        self.access = access
        self.startedAt = startedAt
        self.logger = logger
        self.reload = reload
        self.effectiveConfig = effectiveConfig
    }

    func handle(_ request: ControlRequest) -> ControlResponse {
        do throws(ControlError) {
            return try route(request)
        } catch {
            if case .forbidden(let reason) = error { logRefusal(request, reason: reason) }
            return Self.json(ErrorResponse(error: error.message, field: error.field), status: error.status)
        }
    }

    /// Dates a request may set: the years a plan's deadlines may use (docs/plan-format.md).
    static func plannable(_ date: CalendarDate, field: String) throws(ControlError) {
        let years = Deadline.plannableYears
        guard years.contains(date.year) else {
            throw .badRequest("\(field) \(date) is outside the years \(years.lowerBound)–\(years.upperBound)", field: field)
        }
    }

    /// Who was refused what, and why; never the body.
    private func logRefusal(_ r: ControlRequest, reason: String) {
        logger.warning(
            "write refused",
            metadata: [
                "uid": "\(r.peer.map { String($0.uid) } ?? "-")", "user": "\(r.peer?.userName ?? "-")",
                "method": "\(r.method)", "path": "\(r.path)", "reason": "\(reason)",
            ])
    }

    private func route(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let parts = r.path.split(separator: "/", omittingEmptySubsequences: true).map {
            String($0).removingPercentEncoding ?? String($0)
        }
        guard parts.first == "v1" else { throw .notFound("no such endpoint: \(r.path); the API lives under /v1 (docs/api.md)") }
        let rest = Array(parts.dropFirst())
        switch (r.method, rest.count, rest.first) {
        case ("GET", 1, "health"): return health()
        case ("GET", 1, "status"): return try status()
        case ("GET", 1, "items"): return try items(r.query)
        case ("GET", 3, "items"): return try item(plan: rest[1], id: rest[2])
        case ("POST", 4, "items"): return try write(r, plan: rest[1], id: rest[2], action: rest[3])
        case ("GET", 1, "outbox"): return try outbox(r.query)
        case ("GET", 1, "deliveries"): return try deliveries(r.query)
        case ("POST", 2, "deliveries") where rest[1] == "retry": return try retry(r)
        case ("POST", 1, "reload"): return try reloadNow(r)
        case ("GET", 1, "config"): return Self.json(effectiveConfig())
        case ("GET", 1, "metrics"): return try metrics()
        case ("GET", 1, "ledger"): return try ledger()
        case ("GET", 1, "plans"): return try plans(r.query)
        case ("POST", 2, "reports") where rest[1] == "weekly": return try sendWeeklyReport(r)
        default:
            let known = [
                "health", "status", "items", "outbox", "deliveries", "reload", "config", "metrics", "ledger", "plans", "reports",
            ]
            if let first = rest.first, known.contains(first) {
                throw .badRequest("\(r.method) \(r.path) is not supported; see docs/api.md for the methods of /v1/\(first)")
            }
            throw .notFound("no such endpoint: \(r.method) \(r.path) (docs/api.md lists them)")
        }
    }

    // MARK: reads

    private func health() -> ControlResponse {
        let counts = scheduler.read { world, _ in (world.plans.count, world.refs.count) } ?? (0, 0)
        let failure = storage.failure
        let problem = failure.map {
            "the state database refuses writes since \(Timestamps.format($0.since, in: .gmt)) (\($0.operation)): \($0.error)"
        }
        return Self.json(
            HealthResponse(
                status: failure == nil ? "ok" : "unhealthy", pid: Int(getpid()),
                uptimeSeconds: Date().timeIntervalSince(startedAt), plans: counts.0, items: counts.1, problem: problem),
            status: failure == nil ? 200 : 503)
    }

    private func status() throws(ControlError) -> ControlResponse {
        guard let snapshot = scheduler.querySnapshot() else { throw .unavailable("the daemon is stopping") }
        let world = snapshot.world, now = snapshot.now, evaluations = snapshot.evaluations
        // Count into arrays indexed by state (no hashing per item), name the states at the end.
        let allStates = ItemState.allCases
        var tallies = [[Int]](repeating: [Int](repeating: 0, count: allStates.count), count: world.plans.count)
        for (index, ref) in world.refs.enumerated() { tallies[ref.plan][allStates.firstIndex(of: evaluations[index].state)!] += 1 }
        let perPlan = tallies.map { tally in
            Dictionary(uniqueKeysWithValues: zip(allStates, tally).filter { $1 > 0 }.map { ($0.rawValue, $1) })
        }
        var states: [String: Int] = [:]
        var plans: [PlanStatus] = []
        var open = 0, lagging = 0
        for (p, plan) in world.plans.enumerated() {
            let counts = perPlan[p]
            let planOpen = counts.filter { $0.key != ItemState.done.rawValue }.values.reduce(0, +)
            let planLagging = counts.filter { ItemState(rawValue: $0.key)?.lags == true }.values.reduce(0, +)
            for (k, v) in counts { states[k, default: 0] += v }
            open += planOpen
            lagging += planLagging
            plans.append(
                PlanStatus(
                    id: plan.id, unit: plan.unit, title: plan.title, items: plan.items.count, open: planOpen,
                    lagging: planLagging, counts: counts))
        }
        let zone = world.config.timeZone
        let counts = (try? store.outboxCounts()) ?? (pending: 0, failed: 0)
        return Self.json(
            StatusResponse(
                at: Timestamps.format(now, in: zone), nextCheck: snapshot.nextWake.map { Timestamps.format($0, in: zone) },
                lastEvaluation: snapshot.lastEvaluation.map { Timestamps.format($0, in: zone) },
                items: world.refs.count, open: open, lagging: lagging, states: states, plans: plans,
                outboxPending: counts.pending, outboxFailed: counts.failed))
    }

    static let itemFilters = ["state", "plan", "responsible", "due_before", "due_after", "q", "limit", "offset"]

    private func items(_ query: [String: String]) throws(ControlError) -> ControlResponse {
        for key in query.keys where !Self.itemFilters.contains(key) {
            throw .badRequest("unknown filter '\(key)'; filters: \(Self.itemFilters.joined(separator: ", "))", field: key)
        }
        // Wanted states as flags by ItemState position: the scan below tests 100,000 items.
        var states: [Bool]?
        if let text = query["state"] {
            let names = text.split(separator: ",").map(String.init)
            for name in names where ItemState(rawValue: name) == nil {
                throw .badRequest(
                    "state '\(name)' is not one of \(ItemState.allCases.map(\.rawValue).joined(separator: ", "))", field: "state")
            }
            states = ItemState.allCases.map { names.contains($0.rawValue) }
        }
        func day(_ key: String) throws(ControlError) -> CalendarDate? {
            guard let text = query[key] else { return nil }
            guard let date = CalendarDate(text) else { throw .badRequest("\(key) '\(text)' is not a date YYYY-MM-DD", field: key) }
            return date
        }
        let dueBefore = try day("due_before"), dueAfter = try day("due_after")
        func number(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(ControlError) -> Int {
            guard let text = query[key] else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw .badRequest("\(key) '\(text)' must be a number in \(range.lowerBound)…\(range.upperBound)", field: key)
            }
            return value
        }
        let limit = try number("limit", 100, 1...10_000), offset = try number("offset", 0, 0...Int.max)
        let plan = query["plan"], responsible = query["responsible"], text = query["q"]
        guard
            let snapshot = scheduler.querySnapshot()
        else { throw .unavailable("the daemon is stopping") }
        let world = snapshot.world
        var total = 0
        var page: [ItemSummary] = []
        let needsItem = dueBefore != nil || dueAfter != nil || responsible != nil || text != nil
        for index in snapshot.urgency {
            // Read the state in place: copying each Evaluation (its findings array) costs more than the test.
            if let states, !states[ItemState.allCases.firstIndex(of: snapshot.evaluations[index].state)!] { continue }
            let ref = world.refs[index]
            if let plan, world.plans[ref.plan].id != plan { continue }
            if needsItem {
                // Only the filters that need the item read it (a 100k scan stays cheap).
                let item = world.plans[ref.plan].items[ref.item]
                let deadline = item.effectiveDeadline?.date
                if let dueBefore { guard let deadline, deadline < dueBefore else { continue } }
                if let dueAfter { guard let deadline, deadline > dueAfter else { continue } }
                if let responsible, !(item.responsible?.label.contains(responsible) ?? false) { continue }
                if let text, !(item.title.contains(text) || (item.text?.contains(text) ?? false) || item.id == text) { continue }
            }
            total += 1
            if total > offset && page.count < limit {
                let p = world.plans[ref.plan]
                page.append(
                    Self.summary(p, p.items[ref.item], snapshot.evaluations[index], silence: world.silences[index], zone: world.contexts[ref.plan].timeZone))
            }
        }
        return Self.json(ItemsResponse(total: total, offset: offset, limit: limit, items: page))
    }

    private func item(plan planID: String, id: String) throws(ControlError) -> ControlResponse {
        guard
            let found = scheduler.read({ world, now -> (ItemSummary, Item, Evaluation, TimeZone)? in
                guard let index = world.index[AlertLedger.itemRef(planID, id)] else { return nil }
                let ref = world.refs[index]
                let plan = world.plans[ref.plan]
                let item = plan.items[ref.item]
                let zone = world.contexts[ref.plan].timeZone
                let e = DeadlineEvaluator(policy: world.config.policy).evaluate(item, context: world.contexts[ref.plan], at: now)
                return (Self.summary(plan, item, e, silence: world.silences[index], zone: zone), item, e, zone)
            })
        else { throw .unavailable("the daemon is stopping") }
        guard let (summary, item, evaluation, zone) = found else {
            throw .notFound("no item '\(id)' in plan '\(planID)'; list them with GET /v1/items?plan=\(planID)")
        }
        let history: [HistoryEntry]
        let alerts: [AlertRecord]
        let deliveries: [DeliveryAttempt]
        do {
            history = try store.updates(planID: planID, itemID: id).map { Self.history($0, zone: zone) }
            alerts = try store.notificationLog(planID: planID, itemID: id).map {
                AlertRecord(
                    kind: $0.kind, receiver: $0.receiver, recipient: $0.recipient,
                    sentAt: Timestamps.format($0.sentAt, in: zone), notice: $0.noticeID)
            }
            deliveries = try store.deliveries(item: "\(planID)/\(id)").map { Self.attempt($0, zone: zone) }
        } catch {
            throw .internal("the state database cannot be read: \(error)")
        }
        return Self.json(
            ItemDetail(
                item: summary, category: item.category, text: item.text, findings: evaluation.findings.map(\.state.rawValue),
                milestones: item.milestones, progress: item.progress, extensions: item.extensions,
                lastUpdate: item.lastUpdate.map { Timestamps.format($0, in: zone) }, history: history, alerts: alerts,
                deliveries: deliveries))
    }

    private func outbox(_ query: [String: String]) throws(ControlError) -> ControlResponse {
        let status: OutboxRecord.Status?
        switch query["status"] {
        case nil: status = nil
        case "pending": status = .pending
        case "failed": status = .failed
        case let other?: throw .badRequest("status '\(other)' is not pending or failed", field: "status")
        }
        do {
            let zone = configZone
            let entries = try store.outbox(status: status).map { r in
                OutboxEntry(
                    id: r.id, receiver: r.receiver, recipient: r.recipient, status: r.status.rawValue, attempts: r.attempts,
                    createdAt: Timestamps.format(r.createdAt, in: zone), nextAttemptAt: Timestamps.format(r.nextAttemptAt, in: zone),
                    lastError: r.lastError, items: Array(Set(r.logEntries.map { "\($0.planID)/\($0.itemID)" })).sorted())
            }
            return Self.json(OutboxResponse(entries: entries))
        } catch {
            throw .internal("the outbox cannot be read: \(error)")
        }
    }

    private func deliveries(_ query: [String: String]) throws(ControlError) -> ControlResponse {
        if query["failed"] == "true" || query["failed"] == "1" { return try outbox(["status": "failed"]) }
        let limit = Int(query["limit"] ?? "100") ?? 100
        do {
            let zone = configZone
            return Self.json(try store.deliveries(limit: max(1, min(limit, 10_000))).map { Self.attempt($0, zone: zone) })
        } catch {
            throw .internal("the delivery history cannot be read: \(error)")
        }
    }

    private func metrics() throws(ControlError) -> ControlResponse {
        var lines: [String] = []
        let snapshot = scheduler.querySnapshot()
        var states: [String: Int] = [:]
        for e in snapshot?.evaluations ?? [] { states[e.state.rawValue, default: 0] += 1 }
        lines.append("# HELP rectifyd_items Items by evaluated state.")
        lines.append("# TYPE rectifyd_items gauge")
        for state in ItemState.allCases { lines.append("rectifyd_items{state=\"\(state.rawValue)\"} \(states[state.rawValue] ?? 0)") }
        let stats = (try? store.deliveryStatistics()) ?? []
        lines.append("# HELP rectifyd_deliveries_total Delivery attempts by receiver and outcome.")
        lines.append("# TYPE rectifyd_deliveries_total counter")
        for s in stats { lines.append("rectifyd_deliveries_total{receiver=\"\(s.receiver)\",outcome=\"\(s.outcome)\"} \(s.count)") }
        lines.append("# HELP rectifyd_delivery_seconds_sum Time spent on confirmed deliveries.")
        lines.append("# TYPE rectifyd_delivery_seconds_sum counter")
        for s in stats where s.outcome == "delivered" {
            lines.append("rectifyd_delivery_seconds_sum{receiver=\"\(s.receiver)\"} \(String(format: "%.6f", s.seconds))")
            lines.append("rectifyd_delivery_seconds_count{receiver=\"\(s.receiver)\"} \(s.count)")
        }
        let counts = (try? store.outboxCounts()) ?? (pending: 0, failed: 0)
        lines.append("# HELP rectifyd_outbox Notices waiting (pending) or given up (failed).")
        lines.append("# TYPE rectifyd_outbox gauge")
        lines.append("rectifyd_outbox{status=\"pending\"} \(counts.pending)")
        lines.append("rectifyd_outbox{status=\"failed\"} \(counts.failed)")
        lines.append("# HELP rectifyd_storage_healthy 1 while the state database takes writes, 0 while it refuses them.")
        lines.append("# TYPE rectifyd_storage_healthy gauge")
        lines.append("rectifyd_storage_healthy \(storage.failure == nil ? 1 : 0)")
        lines.append("# HELP rectifyd_storage_write_failures_total Writes the state database refused since start.")
        lines.append("# TYPE rectifyd_storage_write_failures_total counter")
        lines.append("rectifyd_storage_write_failures_total \(storage.failureCount)")
        lines.append("# HELP rectifyd_last_evaluation_timestamp_seconds When items were last evaluated.")
        lines.append("# TYPE rectifyd_last_evaluation_timestamp_seconds gauge")
        lines.append("rectifyd_last_evaluation_timestamp_seconds \(snapshot?.lastEvaluation?.timeIntervalSince1970 ?? 0)")
        return ControlResponse(status: 200, body: Data((lines.joined(separator: "\n") + "\n").utf8), contentType: "text/plain; version=0.0.4")
    }

    // MARK: writes

    private func write(_ r: ControlRequest, plan: String, id: String, action: String) throws(ControlError) -> ControlResponse {
        let actions = ["progress", "done", "extend", "ack", "snooze", "reopen"]
        guard actions.contains(action) else {
            throw .notFound("no action '\(action)'; POST one of \(actions.joined(separator: ", ")) to /v1/items/PLAN/ITEM/ACTION")
        }
        let caller = try access.authorise(r.peer)
        var update = UpdateRecord(
            planID: plan, itemID: id, kind: action, at: Date(), uid: r.peer.map { Int($0.uid) }, user: caller, note: nil)
        let validate: (Item, Plan, Date) throws(ControlError) -> Void
        switch action {
        case "progress":
            let body = try RequestBody.decode(ProgressRequest.self, from: r.body, fields: ProgressRequest.fields)
            update.note = try RequestBody.required(body.note, "note")
            if body.done != nil || body.total != nil {
                guard let done = body.done, let total = body.total else {
                    throw .badRequest("give both done and total (e.g. 61 of 79), or neither", field: body.done == nil ? "done" : "total")
                }
                guard total >= 1, done >= 0, done <= total else {
                    throw .badRequest("done must be between 0 and total, and total at least 1 (got \(done) of \(total))", field: "done")
                }
                update.payload["done"] = String(done)
                update.payload["total"] = String(total)
            }
            if let evidence = body.evidence { update.payload["evidence"] = evidence }
            validate = { item, _, _ throws(ControlError) in
                if item.status == .done { throw .conflict("item '\(id)' is done; reopen it first to report progress") }
            }
        case "done":
            let body = try RequestBody.decode(DoneRequest.self, from: r.body, fields: DoneRequest.fields)
            update.note = try RequestBody.required(body.note, "note")
            if let milestone = body.milestone {
                update.kind = UpdateKind.milestoneDone.rawValue
                update.payload["milestone"] = milestone
                validate = { item, _, _ throws(ControlError) in
                    guard let m = item.milestones.first(where: { $0.title == milestone || $0.id == milestone }) else {
                        throw .notFound("item '\(id)' has no milestone '\(milestone)'; its milestones: \(item.milestones.map(\.title).joined(separator: ", "))")
                    }
                    if m.done { throw .conflict("milestone '\(milestone)' is already done", field: "milestone") }
                }
            } else {
                validate = { item, _, _ throws(ControlError) in
                    if item.status == .done { throw .conflict("item '\(id)' is already done") }
                }
            }
        case "extend":
            let body = try RequestBody.decode(ExtendRequest.self, from: r.body, fields: ExtendRequest.fields)
            guard let to = CalendarDate(body.to) else {
                throw .badRequest("to '\(body.to)' is not a date YYYY-MM-DD that exists", field: "to")
            }
            try Self.plannable(to, field: "to")
            update.note = try RequestBody.required(body.reason, "reason")
            update.payload["to"] = to.description
            update.payload["reason"] = update.note
            validate = { item, _, _ throws(ControlError) in
                if item.status == .done { throw .conflict("item '\(id)' is done; there is nothing to extend") }
                if let current = item.effectiveDeadline, to <= current.date {
                    throw .conflict("the new deadline \(to) must be after the current one, \(current.date)", field: "to")
                }
            }
        case "ack", "snooze":
            let body = try RequestBody.decode(SilenceRequest.self, from: r.body, fields: SilenceRequest.fields)
            update.note = body.note
            if let text = body.until {
                guard let until = CalendarDate(text) else { throw .badRequest("until '\(text)' is not a date YYYY-MM-DD", field: "until") }
                try Self.plannable(until, field: "until")
                update.payload["until"] = until.description
                validate = { _, plan, now throws(ControlError) in
                    if until.adding(days: 1).startInstant(in: plan.zone) <= now {
                        throw .badRequest("until \(until) has already passed", field: "until")
                    }
                }
            } else if action == "snooze" {
                throw .badRequest("snooze needs until (YYYY-MM-DD)", field: "until")
            } else {
                validate = { _, _, _ throws(ControlError) in }
            }
        default:  // reopen
            let body = try RequestBody.decode(ReopenRequest.self, from: r.body, fields: ReopenRequest.fields)
            update.note = try RequestBody.required(body.note, "note")
            validate = { item, _, _ throws(ControlError) in
                if item.status != .done { throw .conflict("item '\(id)' is not done; only a done item can be reopened") }
            }
        }
        let stored = try scheduler.apply(update, validate: validate)
        logger.info(
            "update",
            metadata: [
                "kind": "\(stored.kind)", "plan": "\(plan)", "item": "\(id)", "uid": "\(stored.uid.map(String.init) ?? "-")",
                "user": "\(stored.user ?? "-")", "update": "\(stored.id)",
            ])
        let summary = scheduler.read { world, now -> ItemSummary? in
            guard let index = world.index[AlertLedger.itemRef(plan, id)] else { return nil }
            let ref = world.refs[index]
            let p = world.plans[ref.plan]
            let e = DeadlineEvaluator(policy: world.config.policy).evaluate(p.items[ref.item], context: world.contexts[ref.plan], at: now)
            return Self.summary(p, p.items[ref.item], e, silence: world.silences[index], zone: world.contexts[ref.plan].timeZone)
        } ?? nil
        return Self.json(WriteResponse(ok: true, updateId: stored.id, message: "\(stored.kind) recorded for \(plan)/\(id)", item: summary))
    }

    private func retry(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        _ = try access.authorise(r.peer)
        let body = try RequestBody.decode(RetryRequest.self, from: r.body, fields: RetryRequest.fields, emptyIsObject: true)
        do {
            let count = try store.retryFailed(ids: body.ids, at: Date())
            scheduler.kickDelivery()
            return Self.json(WriteResponse(ok: true, updateId: nil, message: "\(count) failed deliveries queued again", item: nil))
        } catch {
            throw .internal("the outbox cannot be updated: \(error)")
        }
    }

    private func reloadNow(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        _ = try access.authorise(r.peer)
        guard reload() else {
            throw .conflict("the new configuration was rejected; the previous one keeps running (see the daemon's log)")
        }
        return Self.json(WriteResponse(ok: true, updateId: nil, message: "reloaded", item: nil))
    }

    // MARK: helpers

    /// The zone times are shown in where no plan decides it (the config's `time_zone`).
    private var configZone: TimeZone {
        scheduler.read { world, _ in world.config.timeZone } ?? TimeZone(identifier: Plan.defaultTimeZone)!
    }

    static func summary(_ plan: Plan, _ item: Item, _ e: Evaluation, silence: Date?, zone: TimeZone) -> ItemSummary {
        ItemSummary(
            plan: plan.id, id: item.id, title: item.title, status: item.status.rawValue, state: e.state.rawValue,
            colour: e.colour?.rawValue, deadline: item.effectiveDeadline, originalDeadline: item.extensions.isEmpty ? nil : item.deadline,
            due: e.due.map { Timestamps.format($0, in: zone) }, daysOverdue: e.daysOverdue, daysLeft: e.daysLeft,
            responsible: item.responsible.map(\.label).flatMap { $0.isEmpty ? nil : $0 },
            silencedUntil: silence.map { Timestamps.format($0, in: zone) })
    }

    static func history(_ u: UpdateRecord, zone: TimeZone) -> HistoryEntry {
        HistoryEntry(
            id: u.id, at: Timestamps.format(u.at, in: zone), kind: u.kind, uid: u.uid, user: u.user, note: u.note,
            details: u.payload)
    }

    static func attempt(_ d: DeliveryRecord, zone: TimeZone) -> DeliveryAttempt {
        DeliveryAttempt(
            notice: d.noticeID, receiver: d.receiver, recipient: d.recipient, attempt: d.attempt,
            at: Timestamps.format(d.at, in: zone), outcome: d.outcome, detail: d.detail)
    }

    static func json<T: Encodable>(_ value: T, status: Int = 200) -> ControlResponse {
        let data = (try? ControlAPI.encoder().encode(value)) ?? Data("{}".utf8)
        return ControlResponse(status: status, body: data + Data("\n".utf8))
    }
}

/// Decodes request bodies strictly: malformed JSON, unknown fields and wrong types are
/// answered with what and where.
enum RequestBody {
    static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, fields: [String], emptyIsObject: Bool = false
    ) throws(ControlError) -> T {
        let data = data.isEmpty && emptyIsObject ? Data("{}".utf8) : data
        guard !data.isEmpty else { throw .badRequest("the request needs a JSON body with \(fields.joined(separator: ", "))") }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .badRequest("the body is not valid JSON: \(Self.reason(error))")
        }
        guard let dict = object as? [String: Any] else { throw .badRequest("the body must be a JSON object") }
        for key in dict.keys.sorted() where !fields.contains(key) {
            throw .badRequest("unknown field '\(key)'; this request takes \(fields.joined(separator: ", "))", field: key)
        }
        do {
            return try ControlAPI.decoder().decode(T.self, from: data)
        } catch let DecodingError.typeMismatch(expected, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .badRequest("field '\(Self.snake(field))' must be \(Self.describe(expected))", field: Self.snake(field))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .badRequest("field '\(Self.snake(key.stringValue))' is required", field: Self.snake(key.stringValue))
        } catch let DecodingError.valueNotFound(expected, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .badRequest("field '\(Self.snake(field))' must be \(Self.describe(expected)), not null", field: Self.snake(field))
        } catch {
            throw .badRequest("the body does not match the request: \(error)")
        }
    }

    static func required(_ text: String, _ field: String) throws(ControlError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .badRequest("field '\(field)' must not be empty", field: field) }
        return trimmed
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is [String].Type: return "a list of text"
        default: return "\(type)"
        }
    }

    static func snake(_ key: String) -> String {
        key.reduce(into: "") { out, c in
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}

/// Who may write: the daemon's own user, plus the users and groups named in config.
struct WriteAccess: Sendable {
    var users: [String]
    var groups: [String]

    /// Returns the caller's user name (for the audit trail) or throws 403.
    func authorise(_ peer: PeerCredentials?) throws(ControlError) -> String? {
        guard let peer else { throw .forbidden("the caller could not be identified (SO_PEERCRED failed); writes are refused") }
        let name = peer.userName
        if peer.uid == getuid() { return name }
        if let name, users.contains(name) { return name }
        if users.contains(String(peer.uid)) { return name }
        // The groups the calling process has, not the members /etc/group lists for its name.
        let callerGroups = peer.allGroups
        for group in groups {
            if let gid = Accounts.groupID(named: group) ?? UInt32(group), callerGroups.contains(gid) { return name }
        }
        throw .forbidden(
            "user \(name ?? "uid \(peer.uid)") may read but not write; writers are the daemon's user"
                + (users.isEmpty ? "" : ", users \(users.joined(separator: ", "))")
                + (groups.isEmpty ? "" : ", members of \(groups.joined(separator: ", "))")
                + " (control.writers in the config)")
    }
}
