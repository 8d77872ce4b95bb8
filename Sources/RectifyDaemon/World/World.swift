import Foundation
import Logging
import RectifyCore
import RectifyStore

/// The current picture of every item: the plans of a snapshot with every stored update laid
/// over them (the files say what was planned, the updates what happened since), an index by
/// plan and item id, and the items whose alerts are acknowledged or snoozed.
///
/// A value: the scheduler changes its own copy and publishes it whole (`WorldView`), so a query
/// reads a consistent world without waiting for the scheduler.
struct World: Sendable {
    /// What the world was built from; a reload builds a new world from the new snapshot.
    let snapshot: Snapshot
    /// The plans with every stored update laid over them: what is evaluated.
    private(set) var plans: [Plan]
    let contexts: [PlanContext]
    /// The flat index where each plan's items begin (items are numbered plan after plan).
    private let starts: [Int]
    /// Plan id → plan position; per plan, item id → item position. Keyed by the ids themselves
    /// (short ids are stored inline), not by a joined "plan\u{1}item" string per item.
    private let planPositions: [String: Int]
    private let itemPositions: [[String: Int32]]
    /// Items whose alerts are acknowledged or snoozed, until when.
    private(set) var silences: [Int: Date] = [:]

    var config: DaemonConfig { snapshot.config }
    let itemCount: Int

    /// Every item's flat index.
    var indices: Range<Int> { 0..<itemCount }

    /// The snapshot's plans with `updates` laid over them, oldest first.
    init(snapshot: Snapshot, updates: [UpdateRecord]) {
        self.snapshot = snapshot
        plans = snapshot.plans
        contexts = plans.map(PlanContext.init(plan:))
        var starts: [Int] = []
        var planPositions: [String: Int] = [:]
        var itemPositions: [[String: Int32]] = []
        var count = 0
        for (p, plan) in plans.enumerated() {
            starts.append(count)
            planPositions[plan.id] = p
            var positions: [String: Int32] = [:]
            positions.reserveCapacity(plan.items.count)
            for (i, item) in plan.items.enumerated() { positions[item.id] = Int32(i) }
            itemPositions.append(positions)
            count += plan.items.count
        }
        self.starts = starts
        self.planPositions = planPositions
        self.itemPositions = itemPositions
        self.itemCount = count
        for update in updates { apply(update) }
    }

    /// A plan item as one dictionary key (for routes that join stored records to items).
    static func key(_ planID: String, _ itemID: String) -> String { "\(planID)\u{1}\(itemID)" }

    /// The flat index of an item, nil when no plan has it.
    func index(of planID: String, _ itemID: String) -> Int? {
        guard let p = planPositions[planID], let i = itemPositions[p][itemID] else { return nil }
        return starts[p] + Int(i)
    }

    /// Why `planID/itemID` names nothing: no such plan (and which there are), or no such item in it.
    func notFound(planID: String, itemID: String) -> String {
        guard plans.contains(where: { $0.id == planID }) else {
            return "no plan '\(planID)'; the plans are: \(plans.map(\.id).joined(separator: ", "))"
        }
        return "no item '\(itemID)' in plan '\(planID)'; list them with rectifyctl items --plan \(planID) (GET /v1/items?plan=\(planID))"
    }

    /// The position of the plan the item at a flat index belongs to.
    func planPosition(at index: Int) -> Int {
        // The last plan starting at or before the index (an empty plan shares the next one's start).
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return low
    }

    func plan(at index: Int) -> Plan { plans[planPosition(at: index)] }
    func item(at index: Int) -> Item {
        let p = planPosition(at: index)
        return plans[p].items[index - starts[p]]
    }
    func context(at index: Int) -> PlanContext { contexts[planPosition(at: index)] }
    func zone(at index: Int) -> TimeZone { contexts[planPosition(at: index)].timeZone }

    /// Until when the item's alerts are silenced (ack or snooze), if they are.
    func silence(at index: Int) -> Date? { silences[index] }

    /// Lays one stored update over its item (an item no plan has any more is skipped).
    mutating func apply(_ update: UpdateRecord) {
        guard let index = index(of: update.planID, update.itemID) else { return }
        let p = planPosition(at: index)
        let zone = contexts[p].timeZone
        let alerts = config.alerts, calendar = config.policy.calendar
        if let until = UpdateOverlay.apply(
            update, to: &plans[p].items[index - starts[p]], zone: zone,
            ackUntil: { at in
                AlertPolicy.after(
                    at, seconds: alerts.repeatOverdue, workingDays: alerts.repeatOverdueWorkingDays, calendar: calendar,
                    zone: zone)
            })
        {
            silences[index] = until
        }
        if update.kind == UpdateKind.reopen.rawValue || update.kind == UpdateKind.done.rawValue {
            silences[index] = nil
        }
    }
}
