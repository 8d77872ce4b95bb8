import Foundation
import RectifyControl
import RectifyCore
import RectifyStore

/// `GET /v1/plans[?plan=ID][&at=TIME]` (read-only): the plans with every update laid over them,
/// each item's state at `at` (default now) and its whole history, in one answer, for
/// `rectifyctl report draft|weekly` (docs/api.md).
extension ControlService {
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
        guard let (plans, contexts, policy, now) = scheduler.read({ world, now in (world.plans, world.contexts, world.config.policy, now) })
        else { throw .unavailable("the daemon is stopping") }
        let wanted = query["plan"]
        if let wanted, !plans.contains(where: { $0.id == wanted }) {
            throw .notFound("no plan '\(wanted)'; the plans are: \(plans.map(\.id).joined(separator: ", "))")
        }
        let instant = at ?? now
        let updates: [UpdateRecord]
        do {
            updates = try store.updates()
        } catch {
            throw .internal("the state database cannot be read: \(error)")
        }
        var history: [String: [UpdateRecord]] = [:]
        for update in updates { history[AlertLedger.itemRef(update.planID, update.itemID), default: []].append(update) }
        let evaluator = DeadlineEvaluator(policy: policy)
        var body = Data("{\"at\":\"\(Timestamps.format(instant, in: .gmt))\",\"plans\":[".utf8)
        var first = true
        for (p, plan) in plans.enumerated() where wanted == nil || plan.id == wanted {
            let zone = contexts[p].timeZone
            let items = plan.items.map { item in
                let e = evaluator.evaluate(item, context: contexts[p], at: instant)
                return PlanItemState(
                    id: item.id, state: e.state.rawValue, colour: e.colour?.rawValue, daysOverdue: e.daysOverdue,
                    daysLeft: e.daysLeft, due: e.due.map { Timestamps.format($0, in: zone) },
                    history: (history[AlertLedger.itemRef(plan.id, item.id)] ?? []).map { Self.history($0, zone: zone) })
            }
            do {
                if !first { body.append(Data(",".utf8)) }
                first = false
                body.append(Data("{\"plan\":".utf8))
                body.append(Data(try PlanWriter.render(plan, as: .json).utf8))
                body.append(Data(",\"items\":".utf8))
                body.append(try ControlAPI.encoder().encode(items))
                body.append(Data("}".utf8))
            } catch {
                throw .internal("plan '\(plan.id)' cannot be written: \(error)")
            }
        }
        body.append(Data("]}\n".utf8))
        return ControlResponse(status: 200, body: body)
    }
}
