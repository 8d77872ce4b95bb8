import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore

/// The periodic digest: every open item of a recipient in one notice. The 主办人 get their
/// items, the plan owner gets the whole plan, the default recipient gets what nobody owns.
struct DigestBuilder {
    var routing: Routing
    var webhooks: [ReceiverSpec]

    func alerts(plans: [Plan], evaluations: [[Evaluation]], at digestInstant: Date) -> [PlannedAlert] {
        var result: [PlannedAlert] = []
        for (p, plan) in plans.enumerated() {
            for (i, item) in plan.items.enumerated() where item.status != .done {
                let evaluation = evaluations[p][i]
                let entry = NoticeEntryFactory.make(kind: .digest, item: item, plan: plan, evaluation: evaluation, milestone: nil)
                var recipients: [Recipient] = []
                if let email = routing.emailReceiver {
                    var people = (item.responsible?.contacts ?? []).filter { $0.email != nil }
                    if let owner = plan.owner, owner.email != nil { people.append(owner) }
                    if people.isEmpty, let fallback = routing.defaultRecipient { people.append(fallback) }
                    var seen = Set<String>()
                    for person in people where seen.insert(person.email!.lowercased()).inserted {
                        recipients.append(Recipient(receiver: email, address: person.email!, name: person.name ?? person.role))
                    }
                }
                for hook in webhooks where hook.kinds.contains(AlertKind.digest.rawValue) {
                    recipients.append(Recipient(receiver: hook.name, address: hook.name, name: nil))
                }
                for recipient in recipients {
                    let log = LogEntry(
                        receiver: recipient.receiver, recipient: recipient.address, alertKey: "digest", planID: "*",
                        itemID: "*", kind: AlertKind.digest.rawValue,
                        fingerprint: String(Int(digestInstant.timeIntervalSince1970)), sentAt: digestInstant, noticeID: "")
                    result.append(PlannedAlert(recipient: recipient, entry: entry, log: log, reason: .first))
                }
            }
        }
        return result
    }
}
