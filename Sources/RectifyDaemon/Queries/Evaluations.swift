import Foundation
import RectifyCore

/// What the scheduler publishes after every change: the world as it now is, and its own last
/// and next instants. Queries read it without waiting for the scheduler's queue.
struct WorldView: Sendable {
    var world: World
    /// Bumped whenever the world changes, so cached evaluations are not reused across it.
    var generation: Int
    var lastEvaluation: Date?
    var nextWake: Date?
}

/// Where an item stands at one instant: its state, colour and days — what lists, counts and
/// figures over every item read — in 12 bytes. The whole `Evaluation` (findings, due,
/// next change) is derived again for the items a query shows (`EvaluatedWorld.evaluation(at:)`):
/// keeping 100,000 of them, each with its findings array, cost more than deriving a page.
struct Standing: Sendable {
    let state: ItemState
    let colour: WarningColour?
    private let overdue: Int32
    private let left: Int32

    init(_ e: Evaluation) {
        state = e.state
        colour = e.colour
        overdue = e.daysOverdue.map { Int32(clamping: $0) } ?? .min
        left = e.daysLeft.map { Int32(clamping: $0) } ?? .min
    }

    var daysOverdue: Int? { overdue == .min ? nil : Int(overdue) }
    var daysLeft: Int? { left == .min ? nil : Int(left) }
}

/// Every item's standing at one instant, by flat index, and the indices in urgency order.
struct EvaluatedWorld: Sendable {
    var view: WorldView
    var now: Date
    var evaluations: [Standing]
    var urgency: [Int]
    /// Changes whenever the evaluations were computed anew (figures derived from them may be cached by it).
    var stamp: Int = 0

    var world: World { view.world }

    /// The item's whole evaluation at `now` (the same state as its standing: the cache lasts
    /// only until the first state change or midnight).
    func evaluation(at index: Int) -> Evaluation {
        DeadlineEvaluator(policy: world.config.policy).evaluate(world.item(at: index), context: world.context(at: index), at: now)
    }
}

/// The query side of the daemon: evaluates the published world for status, item lists and
/// metrics. Standings and order are reused until the earliest state change, the next midnight
/// in any plan's zone (days left and days overdue change then) or a change of the world: a
/// query over 100,000 items is then a scan. Thread-safe (a lock guards the published view and
/// the cache).
final class Evaluations: Sendable {
    private struct Cache {
        var generation: Int
        var validUntil: Date
        var evaluations: [Standing]
        var urgency: [Int]
        var stamp: Int
    }

    private static let stamps = Locked(0)

    private let published = Locked<WorldView?>(nil)
    private let cache = Locked<Cache?>(nil)
    private let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date) { self.clock = clock }

    /// The scheduler's side: the world changed, or its instants did.
    func publish(_ view: WorldView) { published.withLock { $0 = view } }

    /// The view as last published; nil before the first start and after stop.
    var view: WorldView? { published.withLock { $0 } }

    func withdraw() { published.withLock { $0 = nil } }

    /// Every item's standing at the current time; nil when the daemon is not running.
    func current() -> EvaluatedWorld? {
        guard let view else { return nil }
        let now = clock()
        return cache.withLock { cache in
            if let cached = cache, cached.generation == view.generation, now < cached.validUntil {
                return EvaluatedWorld(
                    view: view, now: now, evaluations: cached.evaluations, urgency: cached.urgency, stamp: cached.stamp)
            }
            let world = view.world
            let evaluator = DeadlineEvaluator(policy: world.config.policy)
            var validUntil = Date.distantFuture
            var standings: [Standing] = []
            var keys: [UrgencyKey] = []
            standings.reserveCapacity(world.itemCount)
            keys.reserveCapacity(world.itemCount)
            var index = 0
            for (p, plan) in world.plans.enumerated() {
                let context = world.contexts[p]
                for item in plan.items {
                    let e = evaluator.evaluate(item, context: context, at: now)
                    if let next = e.nextChange, next < validUntil { validUntil = next }
                    standings.append(Standing(e))
                    keys.append(UrgencyKey(e, position: index))
                    index += 1
                }
            }
            // Sorted as small values, not indices into evaluations; ties keep plan-file order.
            keys.sort()
            let urgency = keys.map(\.index)
            for zone in Set(world.contexts.map(\.timeZone.identifier)).compactMap(TimeZone.init(identifier:)) {
                validUntil = min(validUntil, CalendarDate(containing: now, in: zone).adding(days: 1).startInstant(in: zone))
            }
            let stamp = Self.stamps.withLock { $0 += 1; return $0 }
            cache = Cache(generation: view.generation, validUntil: validUntil, evaluations: standings, urgency: urgency, stamp: stamp)
            return EvaluatedWorld(view: view, now: now, evaluations: standings, urgency: urgency, stamp: stamp)
        }
    }

    /// One item's evaluation now, from the published world (nil: no such item, or not running).
    func item(plan planID: String, id: String) -> (world: World, index: Int, evaluation: Evaluation, now: Date)? {
        guard let world = view?.world, let index = world.index(of: planID, id) else { return nil }
        let now = clock()
        let evaluation = DeadlineEvaluator(policy: world.config.policy).evaluate(
            world.item(at: index), context: world.context(at: index), at: now)
        return (world, index, evaluation, now)
    }
}
