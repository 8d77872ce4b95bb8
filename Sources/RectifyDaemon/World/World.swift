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
    /// Flat item index → (plan, item) positions.
    let refs: [Ref]
    /// `World.key(plan, item)` → flat index.
    private let index: [String: Int]
    /// Items whose alerts are acknowledged or snoozed, until when.
    private(set) var silences: [Int: Date] = [:]

    struct Ref: Sendable {
        var plan: Int
        var item: Int
    }

    var config: DaemonConfig { snapshot.config }
    var itemCount: Int { refs.count }

    /// The snapshot's plans with `updates` laid over them, oldest first.
    init(snapshot: Snapshot, updates: [UpdateRecord]) {
        self.snapshot = snapshot
        plans = snapshot.plans
        contexts = plans.map(PlanContext.init(plan:))
        var refs: [Ref] = []
        var index: [String: Int] = [:]
        refs.reserveCapacity(snapshot.itemCount)
        for (p, plan) in plans.enumerated() {
            for (i, item) in plan.items.enumerated() {
                index[Self.key(plan.id, item.id)] = refs.count
                refs.append(Ref(plan: p, item: i))
            }
        }
        self.refs = refs
        self.index = index
        for update in updates { apply(update) }
    }

    static func key(_ planID: String, _ itemID: String) -> String { "\(planID)\u{1}\(itemID)" }

    /// The flat index of an item, nil when no plan has it.
    func index(of planID: String, _ itemID: String) -> Int? { index[Self.key(planID, itemID)] }

    /// Why `planID/itemID` names nothing: no such plan (and which there are), or no such item in it.
    func notFound(planID: String, itemID: String) -> String {
        guard plans.contains(where: { $0.id == planID }) else {
            return "no plan '\(planID)'; the plans are: \(plans.map(\.id).joined(separator: ", "))"
        }
        return "no item '\(itemID)' in plan '\(planID)'; list them with rectifyctl items --plan \(planID) (GET /v1/items?plan=\(planID))"
    }

    func plan(at index: Int) -> Plan { plans[refs[index].plan] }
    func item(at index: Int) -> Item { plans[refs[index].plan].items[refs[index].item] }
    func context(at index: Int) -> PlanContext { contexts[refs[index].plan] }
    func zone(at index: Int) -> TimeZone { contexts[refs[index].plan].timeZone }

    /// Until when the item's alerts are silenced (ack or snooze), if they are.
    func silence(at index: Int) -> Date? { silences[index] }

    /// Lays one stored update over its item (an item no plan has any more is skipped).
    mutating func apply(_ update: UpdateRecord) {
        guard let index = index(of: update.planID, update.itemID) else { return }
        let ref = refs[index]
        let zone = contexts[ref.plan].timeZone
        let alerts = config.alerts, calendar = config.policy.calendar
        if let until = UpdateOverlay.apply(
            update, to: &plans[ref.plan].items[ref.item], zone: zone,
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
