import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore

/// Groups the alerts of one evaluation into one notice per recipient, and turns notices
/// into outbox records carrying the log entries their delivery will confirm.
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
                if a.entry.kind != b.entry.kind { return Self.kindOrder(a.entry.kind) < Self.kindOrder(b.entry.kind) }
                if (a.entry.daysOverdue ?? -1) != (b.entry.daysOverdue ?? -1) {
                    return (a.entry.daysOverdue ?? -1) > (b.entry.daysOverdue ?? -1)
                }
                return (a.entry.planID, a.entry.itemID) < (b.entry.planID, b.entry.itemID)
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

    static func kindOrder(_ kind: AlertKind) -> Int { AlertKind.allCases.firstIndex(of: kind).map { [4, 1, 0, 2, 3, 5, 6, 7][$0] } ?? 9 }
}

/// What one notice carries, counted one way for every log line about it ("notice queued",
/// "delivered"): `alerts` is its entries (an item can have several at once: overdue and
/// stale, say), `items` the distinct plan items among them.
struct NoticeCount: Equatable {
    var alerts: Int
    var items: Int

    init(_ notice: AlertNotice) {
        alerts = notice.entries.count
        items = Set(notice.entries.map { AlertLedger.itemRef($0.planID, $0.itemID) }).count
    }
}
