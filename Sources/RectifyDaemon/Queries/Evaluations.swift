import Foundation
import RectifyCore
import Synchronization

/// What the scheduler publishes after every change: the world as it now is, and its own last
/// and next instants. Queries read it without waiting for the scheduler's queue.
struct WorldView: Sendable {
    var world: World
    /// Bumped whenever the world changes, so cached evaluations are not reused across it.
    var generation: Int
    var lastEvaluation: Date?
    var nextWake: Date?
}

/// Every item's evaluation at one instant, by flat index, and the indices in urgency order.
struct EvaluatedWorld: Sendable {
    var view: WorldView
    var now: Date
    var evaluations: [Evaluation]
    var urgency: [Int]
    /// Changes whenever the evaluations were computed anew (figures derived from them may be cached by it).
    var stamp: Int = 0

    var world: World { view.world }
}

/// The query side of the daemon: evaluates the published world for status, item lists and
/// metrics. Evaluations are reused until the earliest state change, the next midnight in any
/// plan's zone (days left and days overdue change then) or a change of the world: a query over
/// 100,000 items is then a scan. Thread-safe (a lock guards the published view and the cache).
final class Evaluations: Sendable {
    private struct Cache {
        var generation: Int
        var validUntil: Date
        var evaluations: [Evaluation]
        var urgency: [Int]
        var stamp: Int
    }

    private static let stamps = Mutex(0)

    private let published = Mutex<WorldView?>(nil)
    private let cache = Mutex<Cache?>(nil)
    private let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date) { self.clock = clock }

    /// The scheduler's side: the world changed, or its instants did.
    func publish(_ view: WorldView) { published.withLock { $0 = view } }

    /// The view as last published; nil before the first start and after stop.
    var view: WorldView? { published.withLock { $0 } }

    func withdraw() { published.withLock { $0 = nil } }

    /// Every item evaluated at the current time; nil when the daemon is not running.
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
            let all = world.refs.indices.map { index -> Evaluation in
                let e = evaluator.evaluate(world.item(at: index), context: world.context(at: index), at: now)
                if let next = e.nextChange, next < validUntil { validUntil = next }
                return e
            }
            // Ties keep plan-file order.
            let urgency = all.indices.sorted { a, b in all[a].urgencyPrecedes(all[b]) ?? (a < b) }
            for zone in Set(world.contexts.map(\.timeZone.identifier)).compactMap(TimeZone.init(identifier:)) {
                validUntil = min(validUntil, CalendarDate(containing: now, in: zone).adding(days: 1).startInstant(in: zone))
            }
            let stamp = Self.stamps.withLock { $0 += 1; return $0 }
            cache = Cache(generation: view.generation, validUntil: validUntil, evaluations: all, urgency: urgency, stamp: stamp)
            return EvaluatedWorld(view: view, now: now, evaluations: all, urgency: urgency, stamp: stamp)
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
