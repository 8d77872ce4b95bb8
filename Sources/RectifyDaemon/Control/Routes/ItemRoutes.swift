import Foundation
import RectifyControl
import RectifyCore
import RectifyStore

/// `GET /v1/items` (filtered, most urgent first, paged) and `GET /v1/items/PLAN/ITEM` (one
/// item with its history, alerts and deliveries).
struct ItemRoutes {
    var context: ControlContext

    static let filters = ["state", "plan", "responsible", "due_before", "due_after", "q", "limit", "offset"]

    func register(in router: inout ControlRouter) {
        router.add("GET", "/v1/items") { r throws(ControlError) in try list(r.query) }
        router.add("GET", "/v1/items/:plan/:item") { r throws(ControlError) in
            try detail(plan: r.parameter("plan"), id: r.parameter("item"))
        }
    }

    func list(_ query: [String: String]) throws(ControlError) -> ControlResponse {
        let filter = try ItemFilter(query)
        guard let evaluated = context.evaluations.current() else { throw .unavailable("the daemon is stopping") }
        let world = evaluated.world
        var total = 0
        var page: [ItemSummary] = []
        for position in evaluated.urgency {
            let index = Int(position)
            guard filter.admits(index, in: evaluated) else { continue }
            total += 1
            if total > filter.offset && page.count < filter.limit {
                page.append(Self.summary(world, index, evaluated.evaluation(at: index)))
            }
        }
        return .json(ItemsResponse(total: total, offset: filter.offset, limit: filter.limit, items: page))
    }

    func detail(plan planID: String, id: String) throws(ControlError) -> ControlResponse {
        .json(try itemDetail(plan: planID, id: id))
    }

    /// One item with its history, alerts, deliveries, requests and evidence (the API's and the web's item page).
    func itemDetail(plan planID: String, id: String) throws(ControlError) -> ItemDetail {
        guard let view = context.evaluations.view else { throw .unavailable("the daemon is stopping") }
        guard let (world, index, evaluation, _) = context.evaluations.item(plan: planID, id: id) else {
            throw .notFound(view.world.notFound(planID: planID, itemID: id))
        }
        let item = world.item(at: index), zone = world.zone(at: index)
        let history: [HistoryEntry]
        let alerts: [AlertRecord]
        let deliveries: [DeliveryAttempt]
        let requests: [RequestEntry]
        let evidence: [EvidenceEntry]
        do {
            requests = try context.store.requests(plan: planID, item: id).map { RequestDesk.entry($0, title: item.title, zone: zone) }
            evidence = try context.store.evidence(plan: planID, item: id).map { Self.evidence($0, zone: zone) }
            history = try context.store.updates(planID: planID, itemID: id).map { Self.history($0, zone: zone) }
            alerts = try context.store.notificationLog(planID: planID, itemID: id).map {
                AlertRecord(
                    kind: $0.kind, receiver: $0.receiver, recipient: $0.recipient,
                    sentAt: Timestamps.format($0.sentAt, in: zone), notice: $0.noticeID)
            }
            deliveries = try context.store.deliveries(item: "\(planID)/\(id)", withItems: false).map { DeliveryRoutes.attempt($0, zone: zone) }
        } catch {
            throw .internal("the state database cannot be read: \(error)")
        }
        return ItemDetail(
            item: Self.summary(world, index, evaluation), category: item.category, text: item.text,
            findings: evaluation.findings.map(\.state.rawValue), milestones: item.milestones, progress: item.progress,
            extensions: item.extensions, lastUpdate: item.lastUpdate.map { Timestamps.format($0, in: zone) },
            history: history, alerts: alerts, deliveries: deliveries, requests: requests, evidence: evidence)
    }

    static func summary(_ world: World, _ index: Int, _ e: Evaluation) -> ItemSummary {
        let plan = world.plan(at: index), item = world.item(at: index), zone = world.zone(at: index)
        return ItemSummary(
            plan: plan.id, id: item.id, title: item.title, status: item.status.rawValue, state: e.state.rawValue,
            colour: e.colour?.rawValue, deadline: item.effectiveDeadline,
            originalDeadline: item.extensions.isEmpty ? nil : item.deadline, due: e.due.map { Timestamps.format($0, in: zone) },
            daysOverdue: e.daysOverdue, daysLeft: e.daysLeft,
            responsible: item.responsible.map(\.label).flatMap { $0.isEmpty ? nil : $0 },
            silencedUntil: world.silence(at: index).map { Timestamps.format($0, in: zone) })
    }

    static func history(_ u: UpdateRecord, zone: TimeZone) -> HistoryEntry {
        HistoryEntry(
            id: u.id, at: Timestamps.format(u.at, in: zone), kind: u.kind, uid: u.uid, user: u.user, note: u.note,
            details: u.payload, source: u.origin?.source, address: u.origin?.address, userAgent: u.origin?.userAgent)
    }

    static func evidence(_ e: EvidenceRecord, zone: TimeZone) -> EvidenceEntry {
        EvidenceEntry(
            id: e.id, name: e.name, mediaType: e.mediaType, size: e.size, sha256: e.sha256, at: Timestamps.format(e.at, in: zone),
            by: e.by)
    }
}

/// The filters of `GET /v1/items`, read and checked (an unknown filter or a bad value is a 400
/// naming it).
struct ItemFilter {
    /// Wanted states as flags by `ItemState` position: the scan tests 100,000 items.
    var states: [Bool]?
    var plan: String?
    var responsible: String?
    var text: String?
    var dueBefore: CalendarDate?
    var dueAfter: CalendarDate?
    var limit = 100
    var offset = 0

    init(_ query: [String: String]) throws(ControlError) {
        for key in query.keys where !ItemRoutes.filters.contains(key) {
            throw .badRequest("unknown filter '\(key)'; filters: \(ItemRoutes.filters.joined(separator: ", "))", field: key)
        }
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
        func number(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(ControlError) -> Int {
            guard let text = query[key] else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw .badRequest("\(key) '\(text)' must be a number in \(range.lowerBound)…\(range.upperBound)", field: key)
            }
            return value
        }
        dueBefore = try day("due_before")
        dueAfter = try day("due_after")
        limit = try number("limit", 100, 1...10_000)
        offset = try number("offset", 0, 0...Int.max)
        plan = query["plan"]
        responsible = query["responsible"]
        text = query["q"]
    }

    /// Whether the item at `index` passes. Only the filters that need the item read it.
    func admits(_ index: Int, in evaluated: EvaluatedWorld) -> Bool {
        if let states, !states[evaluated.evaluations[index].state.position] { return false }
        let world = evaluated.world
        if let plan, world.plans[world.planPosition(at: index)].id != plan { return false }
        guard dueBefore != nil || dueAfter != nil || responsible != nil || text != nil else { return true }
        let item = world.item(at: index)
        let deadline = item.effectiveDeadline?.date
        if let dueBefore { guard let deadline, deadline < dueBefore else { return false } }
        if let dueAfter { guard let deadline, deadline > dueAfter else { return false } }
        if let responsible, !(item.responsible?.label.contains(responsible) ?? false) { return false }
        if let text, !(item.title.contains(text) || (item.text?.contains(text) ?? false) || item.id == text) { return false }
        return true
    }
}
