import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore

/// The fourth stage: the alerts of one evaluation grouped into one notice per recipient — cut
/// into numbered parts when there are more than a notice should carry — each with the log
/// entries its confirmed delivery will write. Entries are in the one urgency order of notices
/// (`NoticeEntry.precedes`).
struct NoticeAssembler {
    var language: String
    var timeZone: TimeZone

    /// Notices of at most `maxEntries` entries each: a recipient with more alerts gets numbered
    /// parts, each saying so (`NoticePart`).
    var maxEntries = NoticePart.maxEntries

    func notices(from alerts: [PlannedAlert], at now: Date, makeID: () -> String) -> [(AlertNotice, [LogEntry])] {
        var groups: [Recipient: [PlannedAlert]] = [:]
        var order: [Recipient] = []
        for alert in alerts {
            if groups[alert.recipient] == nil { order.append(alert.recipient) }
            groups[alert.recipient, default: []].append(alert)
        }
        return order.flatMap { recipient in
            let group = groups[recipient]!.sorted { a, b in
                a.entry.precedes(b.entry) ?? ((a.entry.planID, a.entry.itemID) < (b.entry.planID, b.entry.itemID))
            }
            let parts = stride(from: 0, to: group.count, by: max(1, maxEntries)).map {
                group[$0..<min($0 + max(1, maxEntries), group.count)]
            }
            let items = parts.count > 1 ? Set(group.map { ItemRef(plan: $0.entry.planID, item: $0.entry.itemID) }).count : 0
            return parts.enumerated().map { number, part in
                let id = makeID()
                let notice = AlertNotice(
                    id: id, receiver: recipient.receiver, recipient: recipient.address, recipientName: recipient.name,
                    entries: part.map(\.entry), createdAt: now, timeZone: timeZone.identifier, language: language,
                    part: parts.count > 1 ? NoticePart(number: number + 1, count: parts.count, items: items) : nil)
                // One log entry per alert key: a digest lists many items under the one key "digest".
                var seen = Set<String>()
                let logs = part.compactMap { alert -> LogEntry? in
                    guard seen.insert(alert.log.alertKey).inserted else { return nil }
                    var log = alert.log
                    log.noticeID = id
                    return log
                }
                return (notice, logs)
            }
        }
    }

    private struct ItemRef: Hashable {
        var plan: String
        var item: String
    }
}
