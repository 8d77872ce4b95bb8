import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore

/// The fourth stage: the alerts of one evaluation grouped into one notice per recipient — cut
/// into numbered parts when there are more than a notice should carry — each with the log
/// entries its confirmed delivery will write. Entries are in the one urgency order of notices
/// (`NoticeEntry.urgency`).
///
/// Trial mode (`routing.redirect_all`): a notice for a person goes to the trial address and
/// says whom it was meant for; its log entries keep the intended person, so the ledger reads
/// as it would have without the trial.
struct NoticeAssembler {
    var language: String
    var timeZone: TimeZone
    /// The email receiver and the trial address every notice to a person goes to instead.
    var redirect: (receiver: String, address: String)? = nil

    init(language: String, timeZone: TimeZone, routing: Routing? = nil) {
        self.language = language
        self.timeZone = timeZone
        if let routing, let receiver = routing.emailReceiver, let address = routing.redirectAll {
            redirect = (receiver, address)
        }
    }

    /// Notices of at most `maxEntries` entries each: a recipient with more alerts gets numbered
    /// parts, each saying so (`NoticePart`).
    var maxEntries = NoticePart.maxEntries

    /// One notice to be made: a recipient's alerts as positions in the evaluation's alerts,
    /// most urgent first, and which part of the recipient's notices it is.
    struct Part {
        var recipient: Recipient
        var positions: ArraySlice<Int>
        var part: NoticePart?
    }

    func notices(from alerts: [PlannedAlert], at now: Date, makeID: () -> String) -> [(AlertNotice, [LogEntry])] {
        parts(of: alerts).map { notice($0, id: makeID(), from: alerts, at: now) }
    }

    /// The notices `alerts` make, as positions: nothing is copied yet, so a caller can make,
    /// write and drop them one at a time (`notice(_:id:from:at:)`). At a fresh start with
    /// 100,000 items, all notices at once next to the 70,000 alerts were the daemon's peak.
    func parts(of alerts: [PlannedAlert]) -> [Part] {
        // Groups of positions in `alerts`, not copies of the alerts.
        var groups: [Recipient: [Int]] = [:]
        var order: [Recipient] = []
        for index in alerts.indices {
            let recipient = alerts[index].recipient
            if groups[recipient] == nil { order.append(recipient) }
            groups[recipient, default: []].append(index)
        }
        let size = max(1, maxEntries)
        return order.flatMap { recipient in
            let group = Self.mostUrgentFirst(groups[recipient]!, of: alerts)
            let count = (group.count + size - 1) / size
            let items =
                count > 1 ? Set(group.map { ItemRef(plan: alerts[$0].entry.planID, item: alerts[$0].entry.itemID) }).count : 0
            return stride(from: 0, to: group.count, by: size).enumerated().map { number, start in
                Part(
                    recipient: recipient, positions: group[start..<min(start + size, group.count)],
                    part: count > 1 ? NoticePart(number: number + 1, count: count, items: items) : nil)
            }
        }
    }

    /// The notice of one part, and the log entries its confirmed delivery writes.
    func notice(_ part: Part, id: String, from alerts: [PlannedAlert], at now: Date) -> (AlertNotice, [LogEntry]) {
        let recipient = part.recipient
        var notice = AlertNotice(
            id: id, receiver: recipient.receiver, recipient: recipient.address, recipientName: recipient.name,
            entries: part.positions.map { alerts[$0].entry }, createdAt: now, timeZone: timeZone.identifier, language: language,
            part: part.part)
        if let redirect, redirect.receiver == recipient.receiver {
            notice.intendedFor = [MailAddress(recipient.address, name: recipient.name).description]
            notice.recipient = redirect.address
        }
        return (notice, logs(part, id: id, from: alerts))
    }

    /// The log entries of one part's notice: one per alert key (a digest lists many items
    /// under the one key "digest").
    func logs(_ part: Part, id: String, from alerts: [PlannedAlert]) -> [LogEntry] {
        var seen = Set<String>(minimumCapacity: part.positions.count)
        return part.positions.compactMap { index -> LogEntry? in
            guard seen.insert(alerts[index].log.alertKey).inserted else { return nil }
            var log = alerts[index].log
            log.noticeID = id
            return log
        }
    }

    /// `NoticeEntry.urgency`, ties by plan and item: the order is sorted as indices over
    /// precomputed keys (sorting the alerts themselves copied them, entry and log, at every
    /// step; the cold start's 70,000 alerts spent a third of their queueing here).
    static func mostUrgentFirst(_ group: [Int], of alerts: [PlannedAlert]) -> [Int] {
        guard group.count > 1 else { return group }
        let ranks = group.map { alerts[$0].entry.urgency }
        return group.indices.sorted { i, j in
            if ranks[i] != ranks[j] { return ranks[i] < ranks[j] }
            let a = alerts[group[i]].entry, b = alerts[group[j]].entry
            return (a.planID, a.itemID) < (b.planID, b.itemID)
        }.map { group[$0] }
    }

    /// A plan item, for counting items (not alerts).
    struct ItemRef: Hashable {
        var plan: String
        var item: String
    }
}

/// What one notice carries, counted one way for every log line about it ("notice queued",
/// "delivered"): `alerts` is its entries (an item can have several at once: overdue and
/// stale, say), `items` the distinct plan items among them.
struct NoticeCount: Equatable {
    var alerts: Int
    var items: Int

    init(_ notice: AlertNotice) {
        alerts = notice.entries.count
        items = Set(notice.entries.map { NoticeAssembler.ItemRef(plan: $0.planID, item: $0.itemID) }).count
    }
}
