import Foundation
import RectifyControl
import RectifyCore
import RectifyStore

/// `GET /v1/ledger` (read-only): the plans with every update laid over them, each with its
/// items' states, 销号 days and latest progress notes, for `rectifyctl export`; and
/// `GET /v1/plans[?plan=ID][&at=TIME]`: each item's state at `at` (default now) and its whole
/// history, for `rectifyctl report draft|weekly` (docs/api.md).
struct LedgerRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("GET", "/v1/ledger") { _ throws(ControlError) in try ledger() }
        router.add("GET", "/v1/plans") { r throws(ControlError) in try plans(r.query) }
    }

    private func updates() throws(ControlError) -> [UpdateRecord] {
        do {
            return try context.store.updates()
        } catch {
            throw .internal("the state database cannot be read: \(error)")
        }
    }

    func ledger() throws(ControlError) -> ControlResponse {
        guard let evaluated = context.evaluations.current() else { throw .unavailable("the daemon is stopping") }
        let world = evaluated.world
        // The last 销号 and the last progress note per item (updates come oldest first).
        var closed: [String: Date] = [:]
        var notes: [String: (String, Date)] = [:]
        for u in try updates() {
            let key = AlertLedger.itemRef(u.planID, u.itemID)
            switch u.kind {
            case "done": closed[key] = u.at
            case "reopen": closed[key] = nil
            case "progress": if let note = u.note, !note.isEmpty { notes[key] = (note, u.at) }
            default: break
            }
        }
        let encoder = ControlAPI.encoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var body = Data("{\"at\":\"\(Timestamps.format(evaluated.now, in: .gmt))\",\"plans\":[".utf8)
        for (p, plan) in world.plans.enumerated() {
            let zone = world.contexts[p].timeZone
            var records: [LedgerItemRecord] = []
            for item in plan.items {
                let key = AlertLedger.itemRef(plan.id, item.id)
                guard let index = world.index(of: plan.id, item.id) else { continue }
                let e = evaluated.evaluations[index]
                let closedDay = item.status == .done ? closed[key].map { CalendarDate(containing: $0, in: zone).description } : nil
                records.append(
                    LedgerItemRecord(
                        id: item.id, state: e.state.rawValue, daysOverdue: e.daysOverdue, daysLeft: e.daysLeft, closed: closedDay,
                        note: notes[key]?.0, noteOn: notes[key].map { CalendarDate(containing: $0.1, in: zone).description }))
            }
            do {
                if p > 0 { body.append(Data(",".utf8)) }
                body.append(Data("{\"plan\":".utf8))
                body.append(Data(try PlanWriter.render(plan, as: .json).utf8))
                body.append(Data(",\"items\":".utf8))
                body.append(try encoder.encode(records))
                body.append(Data("}".utf8))
            } catch {
                throw .internal("plan '\(plan.id)' cannot be written: \(error)")
            }
        }
        body.append(Data("]}\n".utf8))
        return ControlResponse(status: 200, body: body)
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
        let plans = world.plans, contexts = world.contexts
        let wanted = query["plan"]
        if let wanted, !plans.contains(where: { $0.id == wanted }) {
            throw .notFound("no plan '\(wanted)'; the plans are: \(plans.map(\.id).joined(separator: ", "))")
        }
        let instant = at ?? Date()
        var history: [String: [UpdateRecord]] = [:]
        for update in try updates() { history[AlertLedger.itemRef(update.planID, update.itemID), default: []].append(update) }
        let evaluator = DeadlineEvaluator(policy: world.config.policy)
        var body = Data("{\"at\":\"\(Timestamps.format(instant, in: .gmt))\",\"plans\":[".utf8)
        var first = true
        for (p, plan) in plans.enumerated() where wanted == nil || plan.id == wanted {
            let zone = contexts[p].timeZone
            let items = plan.items.map { item in
                let e = evaluator.evaluate(item, context: contexts[p], at: instant)
                return PlanItemState(
                    id: item.id, state: e.state.rawValue, colour: e.colour?.rawValue, daysOverdue: e.daysOverdue,
                    daysLeft: e.daysLeft, due: e.due.map { Timestamps.format($0, in: zone) },
                    history: (history[AlertLedger.itemRef(plan.id, item.id)] ?? []).map { ItemRoutes.history($0, zone: zone) })
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
