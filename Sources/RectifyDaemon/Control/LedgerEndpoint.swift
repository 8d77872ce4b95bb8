import Foundation
import RectifyControl
import RectifyCore
import RectifyStore

/// `GET /v1/ledger` (read-only): the plans with every update laid over them, each with its
/// items' states, 销号 days and latest progress notes, for `rectifyctl export`.
extension ControlService {
    func ledger() throws(ControlError) -> ControlResponse {
        guard let snapshot = scheduler.querySnapshot() else { throw .unavailable("the daemon is stopping") }
        let world = snapshot.world
        let updates: [UpdateRecord]
        do {
            updates = try store.updates()
        } catch {
            throw .internal("the state database cannot be read: \(error)")
        }
        // The last 销号 and the last progress note per item (updates come oldest first).
        var closed: [String: Date] = [:]
        var notes: [String: (String, Date)] = [:]
        for u in updates {
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
        var body = Data("{\"at\":\"\(Timestamps.format(snapshot.now, in: .gmt))\",\"plans\":[".utf8)
        for (p, plan) in world.plans.enumerated() {
            let zone = world.contexts[p].timeZone
            var records: [LedgerItemRecord] = []
            for item in plan.items {
                let key = AlertLedger.itemRef(plan.id, item.id)
                guard let index = world.index[key] else { continue }
                let e = snapshot.evaluations[index]
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
}
