import Foundation
import RectifyControl
import RectifyCore
import RectifyStore

/// `POST /v1/items/PLAN/ITEM/ACTION`: progress, done (or one milestone), extend, ack, snooze,
/// reopen. The body is read and checked here; whether the item allows the change is decided by
/// `ItemChange.check` when the scheduler applies it.
struct ItemChangeRoutes {
    var context: ControlContext

    static let actions = ["progress", "done", "extend", "ack", "snooze", "reopen"]

    func register(in router: inout ControlRouter) {
        router.add("POST", "/v1/items/:plan/:item/:action") { r throws(ControlError) in try change(r) }
    }

    func change(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let plan = r.parameter("plan"), id = r.parameter("item"), action = r.parameter("action")
        guard Self.actions.contains(action) else {
            throw .notFound(
                "no action '\(action)'; POST one of \(Self.actions.joined(separator: ", ")) to /v1/items/PLAN/ITEM/ACTION")
        }
        let caller = try context.access.authorise(r.peer)
        let change = try Self.read(action, body: r.body)
        let stored: UpdateRecord
        do throws(ItemChangeRefused) {
            stored = try context.scheduler.apply(change, planID: plan, itemID: id, uid: r.peer.map { Int($0.uid) }, user: caller)
        } catch {
            throw ControlError(error)
        }
        context.logger.info(
            "update",
            metadata: [
                "kind": "\(stored.kind)", "plan": "\(plan)", "item": "\(id)", "uid": "\(stored.uid.map(String.init) ?? "-")",
                "user": "\(stored.user ?? "-")", "update": "\(stored.id)",
            ])
        let summary = context.evaluations.item(plan: plan, id: id).map { ItemRoutes.summary($0.world, $0.index, $0.evaluation) }
        return .json(WriteResponse(ok: true, updateId: stored.id, message: "\(stored.kind) recorded for \(plan)/\(id)", item: summary))
    }

    /// The change a request body asks for, or a 400 saying what is wrong with it.
    static func read(_ action: String, body: Data) throws(ControlError) -> ItemChange {
        switch action {
        case "progress":
            let body = try RequestBody.decode(ProgressRequest.self, from: body, fields: ProgressRequest.fields)
            let note = try RequestBody.required(body.note, "note")
            if body.done != nil || body.total != nil {
                guard let done = body.done, let total = body.total else {
                    throw .badRequest("give both done and total (e.g. 61 of 79), or neither", field: body.done == nil ? "done" : "total")
                }
                guard total >= 1, done >= 0, done <= total else {
                    throw .badRequest("done must be between 0 and total, and total at least 1 (got \(done) of \(total))", field: "done")
                }
            }
            return .progress(note: note, done: body.done, total: body.total, evidence: body.evidence)
        case "done":
            let body = try RequestBody.decode(DoneRequest.self, from: body, fields: DoneRequest.fields)
            let note = try RequestBody.required(body.note, "note")
            if let milestone = body.milestone { return .milestoneDone(milestone: milestone, note: note) }
            return .done(note: note)
        case "extend":
            let body = try RequestBody.decode(ExtendRequest.self, from: body, fields: ExtendRequest.fields)
            guard let to = CalendarDate(body.to) else {
                throw .badRequest("to '\(body.to)' is not a date YYYY-MM-DD that exists", field: "to")
            }
            try plannable(to, field: "to")
            return .extend(to: to, reason: try RequestBody.required(body.reason, "reason"))
        case "ack", "snooze":
            let body = try RequestBody.decode(SilenceRequest.self, from: body, fields: SilenceRequest.fields)
            var until: CalendarDate?
            if let text = body.until {
                guard let date = CalendarDate(text) else { throw .badRequest("until '\(text)' is not a date YYYY-MM-DD", field: "until") }
                try plannable(date, field: "until")
                until = date
            }
            if action == "ack" { return .ack(until: until, note: body.note) }
            guard let until else { throw .badRequest("snooze needs until (YYYY-MM-DD)", field: "until") }
            return .snooze(until: until, note: body.note)
        default:  // reopen
            let body = try RequestBody.decode(ReopenRequest.self, from: body, fields: ReopenRequest.fields)
            return .reopen(note: try RequestBody.required(body.note, "note"))
        }
    }

    /// Dates a request may set: the years a plan's deadlines may use (docs/plan-format.md).
    static func plannable(_ date: CalendarDate, field: String) throws(ControlError) {
        let years = Deadline.plannableYears
        guard years.contains(date.year) else {
            throw .badRequest("\(field) \(date) is outside the years \(years.lowerBound)–\(years.upperBound)", field: field)
        }
    }
}

extension ControlError {
    /// The answer to a change the item did not allow.
    init(_ refused: ItemChangeRefused) {
        switch refused {
        case .invalid(let message, let field): self = .badRequest(message, field: field)
        case .notFound(let message): self = .notFound(message)
        case .conflict(let message, let field): self = .conflict(message, field: field)
        case .unavailable(let message): self = .unavailable(message)
        }
    }
}
