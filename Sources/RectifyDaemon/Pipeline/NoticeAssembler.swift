import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore

/// The fourth stage: the alerts of one evaluation grouped into one notice per recipient, each
/// with the log entries its confirmed delivery will write. Entries are in the one urgency
/// order of notices (`NoticeEntry.precedes`).
struct NoticeAssembler {
    var language: String
    var timeZone: TimeZone

    func notices(from alerts: [PlannedAlert], at now: Date, makeID: () -> String) -> [(AlertNotice, [LogEntry])] {
        var groups: [Recipient: [PlannedAlert]] = [:]
        var order: [Recipient] = []
        for alert in alerts {
            if groups[alert.recipient] == nil { order.append(alert.recipient) }
            groups[alert.recipient, default: []].append(alert)
        }
        return order.map { recipient in
            let group = groups[recipient]!.sorted { a, b in
                a.entry.precedes(b.entry) ?? ((a.entry.planID, a.entry.itemID) < (b.entry.planID, b.entry.itemID))
            }
            let id = makeID()
            let notice = AlertNotice(
                id: id, receiver: recipient.receiver, recipient: recipient.address, recipientName: recipient.name,
                entries: group.map(\.entry), createdAt: now, timeZone: timeZone.identifier, language: language)
            // One log entry per alert key: a digest lists many items under the one key "digest".
            var seen = Set<String>()
            let logs = group.compactMap { alert -> LogEntry? in
                guard seen.insert(alert.log.alertKey).inserted else { return nil }
                var log = alert.log
                log.noticeID = id
                return log
            }
            return (notice, logs)
        }
    }
}
