import Foundation
import RectifyControl
import RectifyNotify

/// `POST /v1/receivers/NAME/test`: one clearly marked test message through the receiver, with
/// the daemon's own secrets and network, sent on the receiver's delivery lane; the answer says
/// what the server answered. Writers only (it sends mail or posts to a group).
struct ReceiverRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("POST", "/v1/receivers/:name/test") { r throws(ControlError) in try test(r) }
    }

    func test(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let caller = try context.access.authorise(r.peer)
        let body = try RequestBody.decode(ReceiverTestRequest.self, from: r.body, fields: ReceiverTestRequest.fields, emptyIsObject: true)
        let name = r.parameter("name")
        let snapshot = context.snapshots.current
        guard let notifier = snapshot.channels[name] else {
            let names = snapshot.config.receivers.map(\.name).joined(separator: ", ")
            throw .notFound("no receiver is named '\(name)' (receivers: \(names))")
        }
        let requestedBy = (caller ?? r.peer.map { "uid \($0.uid)" } ?? "?") + "@" + ProcessInfo.processInfo.hostName
        let answer: ReceiverTestResponse?
        do {
            answer = try context.delivery.onLane(name) {
                try ReceiverTest.run(
                    receiver: name, to: body.to, config: snapshot.config, notifier: notifier, requestedBy: requestedBy)
            }
        } catch {
            throw .badRequest("\(error)", field: "to")
        }
        guard let answer else { throw .unavailable("the daemon is stopping") }
        context.logger.notice(
            "test message \(answer.delivered ? "delivered" : "not delivered")",
            metadata: [
                "receiver": "\(name)", "recipient": "\(answer.recipient)", "by": "\(requestedBy)", "outcome": "\(answer.outcome)",
                "answer": "\(answer.answer)", "notice": "\(answer.notice)",
            ])
        return .json(answer)
    }
}
