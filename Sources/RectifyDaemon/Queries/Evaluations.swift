import Foundation
import RectifyCore
import Synchronization

/// What the scheduler publishes after every change: the world as it now is, and its own last
/// and next instants. Queries read it without waiting for the scheduler.
struct WorldView: Sendable {
    var world: World
    /// Bumped whenever the world changes, so cached evaluations are not reused across it.
    var generation: Int
    var lastEvaluation: Date?
    var nextWake: Date?
}

/// Every item's state at one instant, by flat index, and the indices in urgency order. The
/// evaluations themselves are not kept: a query derives those of the items it shows
/// (`evaluation(at:)`), so 100,000 items cost one byte each here, not an `Evaluation` each.
struct EvaluatedWorld: Sendable {
    var view: WorldView
    var now: Date
    var states: [ItemState]
    /// Flat indices, most urgent first (`UrgencyKey`).
    var urgency: [Int32]

    var world: World { view.world }

    /// The item's evaluation at `now` (the same state as `states[index]`: the cache lasts only
    /// until the first state change or midnight).
    func evaluation(at index: Int) -> Evaluation {
        DeadlineEvaluator(policy: world.config.policy).evaluate(world.item(at: index), context: world.context(at: index), at: now)
    }
}

/// The query side of the daemon: evaluates the published world for status, item lists and
/// metrics. States and order are reused until the earliest state change, the next midnight in
/// any plan's zone (days left and days overdue change then) or a change of the world: a query
/// over 100,000 items is then a scan. Thread-safe (a lock guards the published view and the cache).
final class Evaluations: Sendable {
    private struct Cache {
        var generation: Int
        var validUntil: Date
        var states: [ItemState]
        var urgency: [Int32]
    }

    private let published = Mutex<WorldView?>(nil)
    private let cache = Mutex<Cache?>(nil)
    private let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date) { self.clock = clock }

    /// The scheduler's side: the world changed, or its instants did.
    func publish(_ view: WorldView) { published.withLock { $0 = view } }

    /// The view as last published; nil before the first start and after stop.
    var view: WorldView? { published.withLock { $0 } }

    func withdraw() { published.withLock { $0 = nil } }

    /// Every item's state at the current time; nil when the daemon is not running.
    func current() -> EvaluatedWorld? {
        guard let view else { return nil }
        let now = clock()
        return cache.withLock { cache in
            if let cached = cache, cached.generation == view.generation, now < cached.validUntil {
                return EvaluatedWorld(view: view, now: now, states: cached.states, urgency: cached.urgency)
            }
            let world = view.world
            let evaluator = DeadlineEvaluator(policy: world.config.policy)
            var validUntil = Date.distantFuture
            var states: [ItemState] = []
            var keys: [UrgencyKey] = []
            states.reserveCapacity(world.itemCount)
            keys.reserveCapacity(world.itemCount)
            var index = 0
            for (p, plan) in world.plans.enumerated() {
                let context = world.contexts[p]
                for item in plan.items {
                    let e = evaluator.evaluate(item, context: context, at: now)
                    if let next = e.nextChange, next < validUntil { validUntil = next }
                    states.append(e.state)
                    keys.append(UrgencyKey(e, position: index))
                    index += 1
                }
            }
            // Ties keep plan-file order (the key's last field).
            keys.sort()
            let urgency = keys.map { Int32($0.position) }
            for zone in Set(world.contexts.map(\.timeZone.identifier)).compactMap(TimeZone.init(identifier:)) {
                validUntil = min(validUntil, CalendarDate(containing: now, in: zone).adding(days: 1).startInstant(in: zone))
            }
            cache = Cache(generation: view.generation, validUntil: validUntil, states: states, urgency: urgency)
            return EvaluatedWorld(view: view, now: now, states: states, urgency: urgency)
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
