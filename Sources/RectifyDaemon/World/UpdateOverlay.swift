import Foundation
import RectifyCore
import RectifyStore

/// What can be done to an item through the control socket.
enum UpdateKind: String, CaseIterable {
    case progress
    case done
    case milestoneDone = "milestone_done"
    case extend
    case ack
    case snooze
    case reopen
}

/// Lays stored updates over the items read from plan files: the files say what was planned,
/// the updates what happened since. Pure.
enum UpdateOverlay {
    /// Applies `update` to `item`; returns the instant until which the item's alerts are
    /// silenced when the update is an ack or snooze.
    @discardableResult
    static func apply(_ update: UpdateRecord, to item: inout Item, zone: TimeZone, ackUntil: (Date) -> Date) -> Date? {
        guard let kind = UpdateKind(rawValue: update.kind) else { return nil }
        switch kind {
        case .progress:
            item.lastUpdate = update.at
            if let done = update.payload["done"].flatMap(Int.init), let total = update.payload["total"].flatMap(Int.init) {
                item.progress = RectifyCore.Progress(done: done, total: total, unit: item.progress?.unit, text: update.note)
            }
            if item.status == .notStarted { item.status = .inProgress }
        case .done:
            item.status = .done
            item.lastUpdate = update.at
            for i in item.milestones.indices { item.milestones[i].done = true }
        case .milestoneDone:
            item.lastUpdate = update.at
            if let name = update.payload["milestone"],
                let i = item.milestones.firstIndex(where: { $0.title == name || $0.id == name })
            {
                item.milestones[i].done = true
            }
        case .extend:
            // An extension the plan file records already (the next month's report imported with
            // --update says "已申请延期至…" for the extension granted here) is not a second one.
            if let to = update.payload["to"].flatMap(CalendarDate.init), item.effectiveDeadline?.date != to || item.extensions.isEmpty {
                item.extensions.append(
                    Extension(
                        deadline: Deadline(date: to, precision: .day, text: "延期至\(to.year)年\(to.month)月\(to.day)日"),
                        reason: update.payload["reason"] ?? update.note ?? "",
                        granted: CalendarDate(containing: update.at, in: zone)))
            }
        case .reopen:
            item.status = .inProgress
            item.lastUpdate = update.at
        case .ack, .snooze:
            if let until = update.payload["until"].flatMap(CalendarDate.init) {
                return until.adding(days: 1).startInstant(in: zone)
            }
            return ackUntil(update.at)
        }
        return nil
    }
}
