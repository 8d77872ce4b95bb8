import Foundation
import RectifyStore

/// The daemon's in-memory view of what was sent (confirmed) and what is queued, for dedup.
///
/// Confined to the scheduler queue. Rebuilt from the state DB at start; updated when the
/// outbox is written (queued) and when a delivery is confirmed (sent).
struct AlertLedger {
    private(set) var entries: [String: LogEntry] = [:]
    private var byItem: [String: Set<String>] = [:]

    static func slot(receiver: String, recipient: String, alertKey: String) -> String {
        "\(receiver)\u{1}\(recipient)\u{1}\(alertKey)"
    }

    static func itemRef(_ planID: String, _ itemID: String) -> String { "\(planID)\u{1}\(itemID)" }

    mutating func record(_ entry: LogEntry) {
        let slot = Self.slot(receiver: entry.receiver, recipient: entry.recipient, alertKey: entry.alertKey)
        entries[slot] = entry
        byItem[Self.itemRef(entry.planID, entry.itemID), default: []].insert(slot)
    }

    func last(receiver: String, recipient: String, alertKey: String) -> LogEntry? {
        entries[Self.slot(receiver: receiver, recipient: recipient, alertKey: alertKey)]
    }

    func entries(planID: String, itemID: String) -> [LogEntry] {
        (byItem[Self.itemRef(planID, itemID)] ?? []).compactMap { entries[$0] }
    }

    var count: Int { entries.count }
}
