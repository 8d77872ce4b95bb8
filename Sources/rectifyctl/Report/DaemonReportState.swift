import ArgumentParser
import Foundation
import RectifyControl
import RectifyCore
import RectifyImport
import RectifyReport

/// Plans as the running daemon sees them (`GET /v1/plans`): overlaid with every update, each
/// item evaluated by the daemon's policy, its history turned into progress notes.
enum DaemonReportState {
    struct Fetched {
        var plan: Plan
        var items: [PlanItemState]
    }

    /// The state of one plan (`plan`, or the only one) at the end of `asOf` (default `now`).
    /// A day before the daemon's latest change is refused: the daemon keeps the current state,
    /// not the state of past days.
    static func fetch(client: ControlClient, plan id: String?, asOf day: CalendarDate?, now: Date) throws -> PlanState {
        var fetched = try plans(client, plan: id, at: nil)
        guard let chosen = try choose(fetched, id: id) else { throw ExitCode(2) }
        var instant = now
        if let day {
            instant = ReportSources.instant(asOf: day, zone: chosen.plan.zone, now: now)
            fetched = try plans(client, plan: chosen.plan.id, at: instant)
        }
        guard let record = fetched.first(where: { $0.plan.id == chosen.plan.id }) else { throw ExitCode(2) }
        return try state(record, at: instant, asOf: day)
    }

    /// Every plan (or the one `plan` names), evaluated at `at` (default: the daemon's now).
    static func plans(_ client: ControlClient, plan: String?, at: Date?) throws -> [Fetched] {
        var query: [String] = []
        if let plan { query.append("plan=" + ControlClient.escape(plan)) }
        if let at { query.append("at=" + ControlClient.escape(Timestamps.format(at, in: .gmt))) }
        let data = try client.call("GET", "/v1/plans" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let list = object["plans"] as? [[String: Any]]
        else {
            printError("rectifyctl: the daemon's answer to GET /v1/plans is not the expected JSON (is it an older rectifyd?).")
            throw ExitCode(2)
        }
        return try list.map { entry in
            guard let planObject = entry["plan"], let itemsObject = entry["items"],
                let planData = try? JSONSerialization.data(withJSONObject: planObject),
                let itemsData = try? JSONSerialization.data(withJSONObject: itemsObject)
            else {
                printError("rectifyctl: a plan in the daemon's answer has no 'plan' or 'items'.")
                throw ExitCode(2)
            }
            let plan: Plan
            do {
                plan = try PlanReader.read(String(decoding: planData, as: UTF8.self), file: "rectifyd:/v1/plans").0
            } catch let error as PlanLoadError {
                for diagnostic in error.diagnostics { printError(diagnostic.description) }
                throw ExitCode(2)
            }
            let items: [PlanItemState]
            do {
                items = try ControlAPI.decoder().decode([PlanItemState].self, from: itemsData)
            } catch {
                printError("rectifyctl: the items of plan '\(plan.id)' in the daemon's answer cannot be read: \(error)")
                throw ExitCode(2)
            }
            return Fetched(plan: plan, items: items)
        }
    }

    static func choose(_ plans: [Fetched], id: String?) throws -> Fetched? {
        if let id { return plans.first { $0.plan.id == id } }
        guard plans.count == 1 else {
            printError("rectifyctl: the daemon has \(plans.count) plans; choose one with --plan ID (\(plans.map(\.plan.id).joined(separator: ", "))).")
            throw ExitCode(64)
        }
        return plans.first
    }

    /// The plan's state with the daemon's evaluations and notes from the history.
    static func state(_ fetched: Fetched, at instant: Date, asOf day: CalendarDate?) throws -> PlanState {
        let plan = fetched.plan
        let zone = plan.zone
        let byID = Dictionary(fetched.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if let day {
            let later = fetched.items.flatMap { item in item.history.map { (item.id, $0) } }
                .filter { (Timestamps.parse($0.1.at) ?? .distantPast) > instant }
            if let (id, first) = later.first {
                printError(
                    "rectifyctl: the daemon's state includes \(later.count) change\(later.count == 1 ? "" : "s") after \(day) (the first: \(first.kind) of \(plan.id)/\(id) at \(first.at)); "
                        + "it keeps the current state, not past days'. Use --as-of \(CalendarDate(containing: Timestamps.parse(later.map(\.1.at).max()!) ?? instant, in: zone)) or later, or draft from plan files.")
                throw ExitCode(2)
            }
        }
        let records = plan.items.map { item -> ItemRecord in
            let remote = byID[item.id]
            let evaluation = Evaluation(
                state: remote.flatMap { ItemState(rawValue: $0.state) } ?? (item.status == .done ? .done : .onTrack), findings: [],
                due: remote?.due.flatMap(Timestamps.parse), daysLeft: remote?.daysLeft, daysOverdue: remote?.daysOverdue,
                colour: remote?.colour.flatMap(WarningColour.init(rawValue:)))
            return ItemRecord(
                item: item, evaluation: evaluation, account: ItemAccount.account(of: item, in: plan),
                notes: notes(remote?.history ?? [], zone: zone))
        }
        return PlanState(plan: plan, items: records, at: instant)
    }

    /// Progress, milestones, 销号 and reopening as notes; ack, snooze and 延期 are not (延期 is in
    /// the plan's extensions, with its reason).
    static func notes(_ history: [HistoryEntry], zone: TimeZone) -> [ProgressNote] {
        history.compactMap { entry -> ProgressNote? in
            guard let kind = ProgressNote.Kind(rawValue: entry.kind), let at = Timestamps.parse(entry.at) else { return nil }
            let day = CalendarDate(containing: at, in: zone)
            return ProgressNote(
                day: day, kind: kind, text: ItemAccount.note(entry.note ?? "", writtenOn: day),
                evidence: entry.details["evidence"].map { ItemAccount.note($0, writtenOn: day) },
                milestone: entry.details["milestone"], done: entry.details["done"].flatMap(Int.init),
                total: entry.details["total"].flatMap(Int.init))
        }
    }
}
