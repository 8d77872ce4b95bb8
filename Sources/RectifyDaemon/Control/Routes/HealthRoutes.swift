import Foundation
import RectifyControl
import RectifyCore

/// `GET /v1/health` (200, or 503 while the state database refuses writes) and `GET /v1/status`
/// (counts per plan and state, the last and next check, the outbox).
struct HealthRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("GET", "/v1/health") { _ in health() }
        router.add("GET", "/v1/status") { _ throws(ControlError) in try status() }
    }

    func health() -> ControlResponse {
        let world = context.evaluations.view?.world
        let failure = context.health.failure
        let problem = failure.map {
            "the state database refuses writes since \(Timestamps.format($0.since, in: .gmt)) (\($0.operation)): \($0.error)"
        }
        return .json(
            HealthResponse(
                status: failure == nil ? "ok" : "unhealthy", pid: Int(getpid()),
                uptimeSeconds: Date().timeIntervalSince(context.startedAt), plans: world?.plans.count ?? 0,
                items: world?.itemCount ?? 0, problem: problem),
            status: failure == nil ? 200 : 503)
    }

    func status() throws(ControlError) -> ControlResponse {
        guard let evaluated = context.evaluations.current() else { throw .unavailable("the daemon is stopping") }
        let world = evaluated.world
        // Count into arrays indexed by state (no hashing per item), name the states at the end.
        let allStates = ItemState.allCases
        var tallies = [[Int]](repeating: [Int](repeating: 0, count: allStates.count), count: world.plans.count)
        var index = 0
        for (p, plan) in world.plans.enumerated() {
            for _ in plan.items.indices {
                tallies[p][evaluated.evaluations[index].state.position] += 1
                index += 1
            }
        }
        var states: [String: Int] = [:]
        var plans: [PlanStatus] = []
        var open = 0, lagging = 0
        for (p, plan) in world.plans.enumerated() {
            let counts = Dictionary(
                uniqueKeysWithValues: zip(allStates, tallies[p]).filter { $1 > 0 }.map { ($0.rawValue, $1) })
            let planOpen = counts.filter { $0.key != ItemState.done.rawValue }.values.reduce(0, +)
            let planLagging = counts.filter { ItemState(rawValue: $0.key)?.lags == true }.values.reduce(0, +)
            for (k, v) in counts { states[k, default: 0] += v }
            open += planOpen
            lagging += planLagging
            plans.append(
                PlanStatus(
                    id: plan.id, unit: plan.unit, title: plan.title, items: plan.items.count, open: planOpen,
                    lagging: planLagging, counts: counts))
        }
        let zone = world.config.timeZone
        let outbox = try outboxCounts()
        return .json(
            StatusResponse(
                at: Timestamps.format(evaluated.now, in: zone),
                nextCheck: evaluated.view.nextWake.map { Timestamps.format($0, in: zone) },
                lastEvaluation: evaluated.view.lastEvaluation.map { Timestamps.format($0, in: zone) },
                items: world.itemCount, open: open, lagging: lagging, states: states, plans: plans,
                outboxPending: outbox.pending, outboxFailed: outbox.failed))
    }

    private func outboxCounts() throws(ControlError) -> (pending: Int, failed: Int) {
        do {
            return try context.store.outboxCounts()
        } catch {
            throw .internal("the outbox cannot be read: \(error)")
        }
    }
}
