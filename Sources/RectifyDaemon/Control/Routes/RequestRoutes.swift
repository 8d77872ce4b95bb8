import Foundation
import RectifyControl
import RectifyStore

/// `GET /v1/requests` (`?status=pending|approved|rejected`), `POST /v1/requests/ID/approve` and
/// `POST /v1/requests/ID/reject` (body `{"reason": "…"}`, required to reject): the office's
/// review of what responders asked for through signed links (docs/web.md).
struct RequestRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("GET", "/v1/requests") { r throws(ControlError) in try list(r.query) }
        router.add("POST", "/v1/requests/:id/:decision") { r throws(ControlError) in try decide(r) }
    }

    func list(_ query: [String: String]) throws(ControlError) -> ControlResponse {
        var status: RequestRecord.Status?
        if let text = query["status"] {
            guard let s = RequestRecord.Status(rawValue: text) else {
                throw .badRequest("status '\(text)' is not pending, approved or rejected", field: "status")
            }
            status = s
        }
        do {
            let world = context.evaluations.view?.world
            let entries = try context.store.requests(status: status).map { r in
                RequestDesk.entry(
                    r, title: world?.index(of: r.planID, r.itemID).map { world!.item(at: $0).title }, zone: context.configZone)
            }
            return .json(RequestsResponse(requests: entries))
        } catch {
            throw .internal("the requests cannot be read: \(error)")
        }
    }

    func decide(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        guard let id = Int64(r.parameter("id")), id > 0 else {
            throw .badRequest("'\(r.parameter("id"))' is not a request number", field: "id")
        }
        guard let decision = RequestDesk.Decision(rawValue: r.parameter("decision")) else {
            throw .notFound("no action '\(r.parameter("decision"))'; POST approve or reject to /v1/requests/ID/")
        }
        let caller = try context.access.authorise(r.peer)
        let body = try RequestBody.decode(DecisionRequest.self, from: r.body, fields: DecisionRequest.fields, emptyIsObject: true)
        let decided = try RequestDesk(parts: context).decide(
            id, decision, reason: body.reason, by: caller ?? "uid \(r.peer.map { String($0.uid) } ?? "?")",
            uid: r.peer.map { Int($0.uid) }, origin: nil)
        let summary = context.evaluations.item(plan: decided.planID, id: decided.itemID).map { ItemRoutes.summary($0.world, $0.index, $0.evaluation) }
        return .json(
            WriteResponse(
                ok: true, updateId: nil, message: "request #\(id) \(decided.status == .approved ? "approved" : "rejected")", item: summary))
    }
}
