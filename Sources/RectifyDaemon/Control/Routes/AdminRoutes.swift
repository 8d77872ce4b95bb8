import Foundation
import RectifyControl

/// `POST /v1/reload` (config and plans, validated whole before anything changes) and
/// `GET /v1/config` (the running configuration, secrets named by their source, never read).
struct AdminRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("POST", "/v1/reload") { r throws(ControlError) in try reload(r) }
        router.add("GET", "/v1/config") { _ in .json(EffectiveConfig.redacted(context.snapshots.current.config)) }
    }

    func reload(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        _ = try context.access.authorise(r.peer)
        let outcome = context.reload()
        guard outcome.accepted else {
            let count = outcome.errors.count
            return .json(
                ErrorResponse(
                    error: "the new configuration was rejected (\(count) error\(count == 1 ? "" : "s")); the previous one keeps running",
                    details: outcome.errors + outcome.warnings),
                status: 409)
        }
        return .json(
            ReloadResponse(
                message: "reloaded", plans: outcome.plans,
                generation: outcome.generation, warnings: outcome.warnings))
    }
}
