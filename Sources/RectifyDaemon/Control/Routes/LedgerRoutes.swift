import Foundation
import RectifyControl
import RectifyCore
import RectifyStore

/// `GET /v1/ledger` (read-only): the plans with every update laid over them, each with its
/// items' states, 销号 days and latest progress notes, for `rectifyctl export`.
struct LedgerRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("GET", "/v1/ledger") { _ throws(ControlError) in try ledger() }
    }

    func ledger() throws(ControlError) -> ControlResponse {
        guard let evaluated = context.evaluations.current() else { throw .unavailable("the daemon is stopping") }
        let world = evaluated.world
        let updates = try PlanRoutes.updates(context.store)
        // The last 销号 and the last progress note per item (updates come oldest first).
        var closed: [String: Date] = [:]
        var notes: [String: (String, Date)] = [:]
        for u in updates {
            let key = World.key(u.planID, u.itemID)
            switch u.kind {
            case "done": closed[key] = u.at
            case "reopen": closed[key] = nil
            case "progress": if let note = u.note, !note.isEmpty { notes[key] = (note, u.at) }
            default: break
            }
        }
        let encoder = ControlAPI.encoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var body = PlanRoutes.Body(at: evaluated.now)
        for (p, plan) in world.plans.enumerated() {
            let zone = world.contexts[p].timeZone
            var records: [LedgerItemRecord] = []
            for item in plan.items {
                let key = World.key(plan.id, item.id)
                guard let index = world.index(of: plan.id, item.id) else { continue }
                let e = evaluated.evaluations[index]
                let closedDay = item.status == .done ? closed[key].map { CalendarDate(containing: $0, in: zone).description } : nil
                records.append(
                    LedgerItemRecord(
                        id: item.id, state: e.state.rawValue, daysOverdue: e.daysOverdue, daysLeft: e.daysLeft, closed: closedDay,
                        note: notes[key]?.0, noteOn: notes[key].map { CalendarDate(containing: $0.1, in: zone).description }))
            }
            try body.append(plan, items: records, encoder: encoder)
        }
        return body.response()
    }
}
