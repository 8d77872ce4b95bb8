import Foundation
import RectifyControl
import RectifyCore
import RectifyStore

/// `GET /v1/plans[?plan=ID][&at=TIME]` (read-only): the plans with every update laid over them,
/// each item's state at `at` (default now) and its whole history, in one answer, for
/// `rectifyctl report draft|weekly` (docs/api.md).
struct PlanRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("GET", "/v1/plans") { r throws(ControlError) in try plans(r.query) }
    }

    func plans(_ query: [String: String]) throws(ControlError) -> ControlResponse {
        for key in query.keys.sorted() where !PlanItemState.queryKeys.contains(key) {
            throw .badRequest("unknown parameter '\(key)'; /v1/plans takes \(PlanItemState.queryKeys.joined(separator: ", "))", field: key)
        }
        var at: Date?
        if let text = query["at"] {
            guard let instant = Timestamps.parse(text) else {
                throw .badRequest("at '\(text)' is not a time (2026-11-22T09:00:00+08:00) or a date (2026-11-22)", field: "at")
            }
            at = instant
        }
        guard let world = context.evaluations.view?.world else { throw .unavailable("the daemon is stopping") }
        let wanted = query["plan"]
        if let wanted, !world.plans.contains(where: { $0.id == wanted }) {
            throw .notFound("no plan '\(wanted)'; the plans are: \(world.plans.map(\.id).joined(separator: ", "))")
        }
        let instant = at ?? Date()
        var history: [String: [UpdateRecord]] = [:]
        for update in try Self.updates(context.store) { history[World.key(update.planID, update.itemID), default: []].append(update) }
        let evaluator = DeadlineEvaluator(policy: world.config.policy)
        var body = Body(at: instant)
        for (p, plan) in world.plans.enumerated() where wanted == nil || plan.id == wanted {
            let zone = world.contexts[p].timeZone
            let items = plan.items.map { item in
                let e = evaluator.evaluate(item, context: world.contexts[p], at: instant)
                return PlanItemState(
                    id: item.id, state: e.state.rawValue, colour: e.colour?.rawValue, daysOverdue: e.daysOverdue,
                    daysLeft: e.daysLeft, due: e.due.map { Timestamps.format($0, in: zone) },
                    history: (history[World.key(plan.id, item.id)] ?? []).map { ItemRoutes.history($0, zone: zone) })
            }
            try body.append(plan, items: items, encoder: ControlAPI.encoder())
        }
        return body.response()
    }

    /// Every stored update, oldest first, or a 500 saying the database cannot be read.
    static func updates(_ store: StateStore) throws(ControlError) -> [UpdateRecord] {
        do {
            return try store.updates()
        } catch {
            throw .internal("the state database cannot be read: \(error)")
        }
    }

    /// `{"at": …, "plans": [{"plan": <plan file JSON>, "items": […]}, …]}`, written plan by plan.
    struct Body {
        private var data: Data
        private var first = true

        init(at: Date) { data = Data("{\"at\":\"\(Timestamps.format(at, in: .gmt))\",\"plans\":[".utf8) }

        mutating func append(_ plan: Plan, items: some Encodable, encoder: JSONEncoder) throws(ControlError) {
            do {
                if !first { data.append(Data(",".utf8)) }
                first = false
                data.append(Data("{\"plan\":".utf8))
                data.append(Data(try PlanWriter.render(plan, as: .json).utf8))
                data.append(Data(",\"items\":".utf8))
                data.append(try encoder.encode(items))
                data.append(Data("}".utf8))
            } catch {
                throw .internal("plan '\(plan.id)' cannot be written: \(error)")
            }
        }

        func response() -> ControlResponse { ControlResponse(status: 200, body: data + Data("]}\n".utf8)) }
    }
}
