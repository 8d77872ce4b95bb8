import Foundation
import RectifyControl
import RectifyCore
import RectifyStore

/// `GET /v1/outbox` (pending and failed notices), `GET /v1/deliveries` (the latest attempts,
/// or `?failed=true`: the failed notices) and `POST /v1/deliveries/retry`.
struct DeliveryRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("GET", "/v1/outbox") { r throws(ControlError) in try outbox(r.query["status"]) }
        router.add("GET", "/v1/deliveries") { r throws(ControlError) in try deliveries(r.query) }
        router.add("POST", "/v1/deliveries/retry") { r throws(ControlError) in try retry(r) }
    }

    func outbox(_ statusName: String?) throws(ControlError) -> ControlResponse {
        let status: OutboxRecord.Status?
        switch statusName {
        case nil: status = nil
        case "pending": status = .pending
        case "failed": status = .failed
        case let other?: throw .badRequest("status '\(other)' is not pending or failed", field: "status")
        }
        let zone = context.configZone
        do {
            let entries = try context.store.outbox(status: status).map { r in
                OutboxEntry(
                    id: r.id, receiver: r.receiver, recipient: r.recipient, status: r.status.rawValue, attempts: r.attempts,
                    createdAt: Timestamps.format(r.createdAt, in: zone), nextAttemptAt: Timestamps.format(r.nextAttemptAt, in: zone),
                    lastError: r.lastError, items: Array(Set(r.logEntries.map { "\($0.planID)/\($0.itemID)" })).sorted())
            }
            return .json(OutboxResponse(entries: entries))
        } catch {
            throw .internal("the outbox cannot be read: \(error)")
        }
    }

    func deliveries(_ query: [String: String]) throws(ControlError) -> ControlResponse {
        if query["failed"] == "true" || query["failed"] == "1" { return try outbox("failed") }
        let limit = Int(query["limit"] ?? "100") ?? 100
        let zone = context.configZone
        do {
            return .json(try context.store.deliveries(limit: max(1, min(limit, 10_000))).map { Self.attempt($0, zone: zone) })
        } catch {
            throw .internal("the delivery history cannot be read: \(error)")
        }
    }

    func retry(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        _ = try context.access.authorise(r.peer)
        let body = try RequestBody.decode(RetryRequest.self, from: r.body, fields: RetryRequest.fields, emptyIsObject: true)
        do {
            let (count, notFailed) = try context.store.requeueFailed(ids: body.ids, at: Date())
            context.delivery.kick()
            guard notFailed.isEmpty else {
                let listed = notFailed.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (notFailed.count > 5 ? ", …" : "")
                throw ControlError.notFound(
                    "\(count) failed deliveries queued again; not failed deliveries (unknown, delivered or still pending): \(listed); "
                        + "see rectifyctl deliveries --failed")
            }
            return .json(WriteResponse(ok: true, updateId: nil, message: "\(count) failed deliveries queued again", item: nil))
        } catch let error as ControlError {
            throw error
        } catch {
            throw .internal("the outbox cannot be updated: \(error)")
        }
    }

    static func attempt(_ d: DeliveryRecord, zone: TimeZone) -> DeliveryAttempt {
        DeliveryAttempt(
            notice: d.noticeID, receiver: d.receiver, recipient: d.recipient, attempt: d.attempt,
            at: Timestamps.format(d.at, in: zone), outcome: d.outcome, detail: d.detail)
    }
}
