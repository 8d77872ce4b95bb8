import Foundation
import RectifyStore

/// The daemon's in-memory view of what was sent (confirmed) and what is queued, for dedup.
///
/// Confined to the scheduler queue. Rebuilt from the state DB at start; updated when the
/// outbox is written (queued) and when a delivery is confirmed (sent).
///
/// Compact, because it holds one line per item, recipient and alert key (70,000 after a
/// cold start at 100,000 items): receiver and recipient are numbered once, and per item only
/// the key's own part ("overdue", "reminder:10"), the fingerprint, the kind and the time are
/// kept. The notice id stays in the database.
struct AlertLedger {
    private struct Person: Hashable {
        var receiver: String
        var recipient: String
    }

    private struct ItemRef: Hashable {
        var plan: String
        var item: String
    }

    /// What one person was told about one item under one key.
    private struct Told {
        var person: Int32
        /// The alert key after "plan/item/" (or the whole key when it has no such prefix).
        var key: String
        var wholeKey: Bool
        var kind: String
        var fingerprint: String
        var sentAt: Double
    }

    private var people: [Person] = []
    private var personNumbers: [Person: Int32] = [:]
    private var byItem: [ItemRef: [Told]] = [:]
    private(set) var count = 0

    mutating func record(_ entry: LogEntry) {
        let person = number(Person(receiver: entry.receiver, recipient: entry.recipient))
        let own = Self.keyAfter(entry.planID, entry.itemID, in: entry.alertKey)
        let told = Told(
            person: person, key: own ?? entry.alertKey, wholeKey: own == nil, kind: entry.kind, fingerprint: entry.fingerprint,
            sentAt: entry.sentAt.timeIntervalSince1970)
        // One lookup of the item's list (a restart records 70,000 entries).
        if Self.replaceOrAppend(told, in: &byItem[ItemRef(plan: entry.planID, item: entry.itemID), default: []]) { count += 1 }
    }

    /// Whether `told` was added (not replacing the same person's line under the same key).
    private static func replaceOrAppend(_ told: Told, in list: inout [Told]) -> Bool {
        if let index = list.firstIndex(where: { $0.person == told.person && $0.wholeKey == told.wholeKey && $0.key == told.key }) {
            list[index] = told
            return false
        }
        list.append(told)
        return true
    }

    /// The alert key after "plan/item/", compared as bytes (no prefix string made); nil when
    /// the key does not start so.
    private static func keyAfter(_ plan: String, _ item: String, in alertKey: String) -> String? {
        let utf8 = alertKey.utf8
        var i = utf8.startIndex
        func take(_ part: String.UTF8View) -> Bool {
            for byte in part {
                guard i != utf8.endIndex, utf8[i] == byte else { return false }
                i = utf8.index(after: i)
            }
            guard i != utf8.endIndex, utf8[i] == UInt8(ascii: "/") else { return false }
            i = utf8.index(after: i)
            return true
        }
        guard take(plan.utf8), take(item.utf8) else { return nil }
        return String(alertKey[i...])
    }

    /// What dedup needs of the last send to this receiver and recipient under the alert key
    /// `planID/itemID/key`: no log entry is made for it (its alert key would be a new string; a
    /// restart at 100,000 items asks 72,000 times).
    struct Send {
        var fingerprint: String
        var sentAt: Date
    }

    func lastSend(receiver: String, recipient: String, planID: String, itemID: String, key: String) -> Send? {
        guard let person = personNumbers[Person(receiver: receiver, recipient: recipient)],
            let told = byItem[ItemRef(plan: planID, item: itemID)]?.first(where: {
                $0.person == person && !$0.wholeKey && $0.key == key
            })
        else { return nil }
        return Send(fingerprint: told.fingerprint, sentAt: Date(timeIntervalSince1970: told.sentAt))
    }

    func entries(planID: String, itemID: String) -> [LogEntry] {
        (byItem[ItemRef(plan: planID, item: itemID)] ?? []).map { entry($0, planID: planID, itemID: itemID) }
    }

    private mutating func number(_ person: Person) -> Int32 {
        if let known = personNumbers[person] { return known }
        let number = Int32(people.count)
        people.append(person)
        personNumbers[person] = number
        return number
    }

    private func entry(_ told: Told, planID: String, itemID: String) -> LogEntry {
        let person = people[Int(told.person)]
        return LogEntry(
            receiver: person.receiver, recipient: person.recipient,
            alertKey: told.wholeKey ? told.key : "\(planID)/\(itemID)/\(told.key)", planID: planID, itemID: itemID,
            kind: told.kind, fingerprint: told.fingerprint, sentAt: Date(timeIntervalSince1970: told.sentAt), noticeID: "")
    }
}
