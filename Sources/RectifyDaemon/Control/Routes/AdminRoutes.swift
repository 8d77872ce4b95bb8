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
        guard context.reload() else {
            throw .conflict("the new configuration was rejected; the previous one keeps running (see the daemon's log)")
        }
        return .json(WriteResponse(ok: true, updateId: nil, message: "reloaded", item: nil))
    }
}
