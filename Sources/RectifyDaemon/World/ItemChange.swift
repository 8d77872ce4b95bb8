import Foundation
import RectifyCore
import RectifyStore

/// A change to an item asked for through the control API, already read and checked as a
/// request (dates exist, notes are not empty); `check` decides against the item as it is when
/// the change is applied.
enum ItemChange: Sendable {
    case progress(note: String, done: Int?, total: Int?, evidence: String?)
    case done(note: String)
    case milestoneDone(milestone: String, note: String)
    case extend(to: CalendarDate, reason: String)
    case ack(until: CalendarDate?, note: String?)
    case snooze(until: CalendarDate, note: String?)
    case reopen(note: String)

    var kind: UpdateKind {
        switch self {
        case .progress: return .progress
        case .done: return .done
        case .milestoneDone: return .milestoneDone
        case .extend: return .extend
        case .ack: return .ack
        case .snooze: return .snooze
        case .reopen: return .reopen
        }
    }

    /// The audit record of this change (留痕): what, when, by whom.
    func record(planID: String, itemID: String, at: Date, uid: Int?, user: String?, origin: UpdateRecord.Origin? = nil)
        -> UpdateRecord
    {
        var update = UpdateRecord(
            planID: planID, itemID: itemID, kind: kind.rawValue, at: at, uid: uid, user: user, note: nil, origin: origin)
        switch self {
        case .progress(let note, let done, let total, let evidence):
            update.note = note
            if let done, let total {
                update.payload["done"] = String(done)
                update.payload["total"] = String(total)
            }
            if let evidence { update.payload["evidence"] = evidence }
        case .done(let note), .reopen(let note):
            update.note = note
        case .milestoneDone(let milestone, let note):
            update.note = note
            update.payload["milestone"] = milestone
        case .extend(let to, let reason):
            update.note = reason
            update.payload["to"] = to.description
            update.payload["reason"] = reason
        case .ack(let until, let note):
            update.note = note
            if let until { update.payload["until"] = until.description }
        case .snooze(let until, let note):
            update.note = note
            update.payload["until"] = until.description
        }
        return update
    }

    /// Whether the change makes sense for `item` at `now`; throws what stands in the way.
    func check(_ item: Item, in plan: Plan, at now: Date) throws(ItemChangeRefused) {
        let id = item.id
        switch self {
        case .progress:
            if item.status == .done { throw .conflict("item '\(id)' is done; reopen it first to report progress") }
        case .done:
            if item.status == .done { throw .conflict("item '\(id)' is already done") }
        case .milestoneDone(let milestone, _):
            guard let m = item.milestones.first(where: { $0.title == milestone || $0.id == milestone }) else {
                let known = item.milestones.isEmpty
                    ? "it has none; leave out --milestone to close the item itself"
                    : "its milestones: \(item.milestones.map(\.title).joined(separator: ", "))"
                throw .notFound("item '\(id)' has no milestone '\(milestone)'; \(known)")
            }
            if m.done { throw .conflict("milestone '\(milestone)' is already done", field: "milestone") }
        case .extend(let to, _):
            if item.status == .done { throw .conflict("item '\(id)' is done; there is nothing to extend") }
            if let current = item.effectiveDeadline, to <= current.date {
                throw .conflict("the new deadline \(to) must be after the current one, \(current.date)", field: "to")
            }
            // An extension is granted ahead of the date it gives: one today or earlier would
            // leave the item overdue at once (and send an overdue notice right away).
            if to.startInstant(in: plan.zone) <= now {
                throw .invalid(
                    "the new deadline \(to) is not after today in \(plan.zone.identifier); an extension gives a date still ahead",
                    field: "to")
            }
        case .ack(let until, _):
            if let until { try Self.notPassed(until, in: plan, at: now) }
        case .snooze(let until, _):
            try Self.notPassed(until, in: plan, at: now)
        case .reopen:
            if item.status != .done { throw .conflict("item '\(id)' is not done; only a done item can be reopened") }
        }
    }

    private static func notPassed(_ until: CalendarDate, in plan: Plan, at now: Date) throws(ItemChangeRefused) {
        if until.adding(days: 1).startInstant(in: plan.zone) <= now {
            throw .invalid("until \(until) has already passed", field: "until")
        }
    }
}

/// Why a change was not applied.
enum ItemChangeRefused: Error, Sendable {
    /// The request itself is wrong (400).
    case invalid(String, field: String? = nil)
    /// No such item or milestone (404).
    case notFound(String)
    /// The item's state does not allow it (409).
    case conflict(String, field: String? = nil)
    /// The daemon is stopping or the database refuses writes (503).
    case unavailable(String)
}
