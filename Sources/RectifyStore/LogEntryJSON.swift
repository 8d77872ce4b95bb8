import Foundation
import RectifyCore

/// An outbox record's log entries as stored: the JSON `JSONEncoder` makes of `[LogEntry]`
/// (the coding keys in order, dates as seconds since 2001), written and read as bytes. The
/// cold start at 100,000 items queues 70,000 entries and reads them back to deliver them; the
/// generic coders took a tenth of it.
///
/// Reading takes what the generic encoder wrote too (keys in any order); anything the fast
/// reader does not expect goes to `JSONDecoder`, so every stored record stays readable.
enum LogEntryJSON {
    static func encode(_ entries: [LogEntry]) -> Data {
        if let first = entries.first,
            entries.allSatisfy({
                $0.receiver == first.receiver && $0.recipient == first.recipient && $0.noticeID == first.noticeID
                    && $0.sentAt == first.sentAt
            })
        {
            return compact(entries, shared: first)
        }
        var out: [UInt8] = []
        out.reserveCapacity(2 + entries.count * 256)
        out.append(UInt8(ascii: "["))
        for (n, e) in entries.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            field(&out, #"{"receiver":"#, e.receiver)
            field(&out, #","recipient":"#, e.recipient)
            field(&out, #","alert_key":"#, e.alertKey)
            field(&out, #","plan_id":"#, e.planID)
            field(&out, #","item_id":"#, e.itemID)
            field(&out, #","kind":"#, e.kind)
            field(&out, #","fingerprint":"#, e.fingerprint)
            key(&out, #","sent_at":"#)
            out += e.sentAt.timeIntervalSinceReferenceDate.description.utf8
            field(&out, #","notice_id":"#, e.noticeID)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return Data(out)
    }

    /// The entries of one notice as the outbox keeps them: what they share (receiver,
    /// recipient, notice, time) once, then per entry `[plan, item, kind, fingerprint]`, with
    /// the alert key's tail after `plan/item/` as a fifth element when it is not the kind, or
    /// the whole key and `0` as fifth and sixth when it does not start with `plan/item/`. A
    /// notice of 200 entries took 50 KB as objects, a fifth of a fresh start's outbox at
    /// 100,000 items, and reading it back was most of reading the outbox to deliver it.
    private static func compact(_ entries: [LogEntry], shared first: LogEntry) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(160 + entries.count * 48)
        field(&out, #"{"receiver":"#, first.receiver)
        field(&out, #","recipient":"#, first.recipient)
        field(&out, #","notice_id":"#, first.noticeID)
        key(&out, #","sent_at":"#)
        out += first.sentAt.timeIntervalSinceReferenceDate.description.utf8
        key(&out, #","entries":["#)
        for (n, e) in entries.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            string(&out, e.planID)
            out.append(UInt8(ascii: ","))
            string(&out, e.itemID)
            out.append(UInt8(ascii: ","))
            string(&out, e.kind)
            out.append(UInt8(ascii: ","))
            string(&out, e.fingerprint)
            let prefix = "\(e.planID)/\(e.itemID)/"
            if e.alertKey.hasPrefix(prefix) {
                let tail = String(e.alertKey.utf8.dropFirst(prefix.utf8.count))!
                if tail != e.kind {
                    out.append(UInt8(ascii: ","))
                    string(&out, tail)
                }
            } else {
                out.append(UInt8(ascii: ","))
                string(&out, e.alertKey)
                out += ",0".utf8
            }
            out.append(UInt8(ascii: "]"))
        }
        out += "]}".utf8
        return Data(out)
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "the outbox record's log entries cannot be read" }
    }

    private static func compactEntries(_ c: inout JSONCursor) throws -> [LogEntry] {
        var receiver: String?, recipient: String?, noticeID: String?, sentAt: Date?
        var rows: [(plan: String, item: String, kind: String, fingerprint: String, key: String?, whole: Bool)] = []
        try c.object { c, key in
            switch key {
            case "receiver": receiver = try c.string()
            case "recipient": recipient = try c.string()
            case "notice_id": noticeID = try c.string()
            case "sent_at": sentAt = Date(timeIntervalSinceReferenceDate: try c.double())
            case "entries":
                try c.array { c in
                    var fields: [String] = []
                    var whole = false
                    try c.array { c in
                        if fields.count == 5 {
                            guard try c.int() == 0 else { throw Unreadable() }
                            whole = true
                        } else {
                            fields.append(try c.string())
                        }
                    }
                    guard fields.count >= 4, fields.count <= 5, !whole || fields.count == 5 else { throw Unreadable() }
                    rows.append((fields[0], fields[1], fields[2], fields[3], fields.count == 5 ? fields[4] : nil, whole))
                }
            default: throw Unreadable()
            }
        }
        guard let receiver, let recipient, let noticeID, let sentAt else { throw Unreadable() }
        return rows.map { row in
            let alertKey = row.whole ? row.key! : "\(row.plan)/\(row.item)/\(row.key ?? row.kind)"
            return LogEntry(
                receiver: receiver, recipient: recipient, alertKey: alertKey, planID: row.plan, itemID: row.item, kind: row.kind,
                fingerprint: row.fingerprint, sentAt: sentAt, noticeID: noticeID)
        }
    }

    static func decode(_ data: Data) throws -> [LogEntry] {
        let compact: Result<[LogEntry], any Error>? = data.withUnsafeBytes { bytes in
            var cursor = JSONCursor(bytes)
            guard cursor.isAtObject else { return nil }
            return Result {
                let entries = try compactEntries(&cursor)
                try cursor.end()
                return entries
            }
        }
        if let compact {
            do { return try compact.get() } catch { throw Unreadable() }
        }
        let fast: [LogEntry]? = data.withUnsafeBytes { bytes in
            var cursor = JSONCursor(bytes)
            var entries: [LogEntry] = []
            do {
                try cursor.array { c in entries.append(try entry(&c)) }
                try cursor.end()
            } catch {
                return nil
            }
            return entries
        }
        if let fast { return fast }
        return try StateStore.decoder.decode([LogEntry].self, from: data)
    }

    private struct Unexpected: Error {}

    private static func entry(_ c: inout JSONCursor) throws -> LogEntry {
        var receiver: String?, recipient: String?, alertKey: String?, planID: String?, itemID: String?
        var kind: String?, fingerprint: String?, sentAt: Date?, noticeID: String?
        try c.object { c, key in
            switch key {
            case "receiver": receiver = try c.string()
            case "recipient": recipient = try c.string()
            case "alert_key": alertKey = try c.string()
            case "plan_id": planID = try c.string()
            case "item_id": itemID = try c.string()
            case "kind": kind = try c.string()
            case "fingerprint": fingerprint = try c.string()
            case "sent_at": sentAt = Date(timeIntervalSinceReferenceDate: try c.double())
            case "notice_id": noticeID = try c.string()
            default: throw Unexpected()
            }
        }
        guard let receiver, let recipient, let alertKey, let planID, let itemID, let kind, let fingerprint, let sentAt,
            let noticeID
        else { throw Unexpected() }
        return LogEntry(
            receiver: receiver, recipient: recipient, alertKey: alertKey, planID: planID, itemID: itemID, kind: kind,
            fingerprint: fingerprint, sentAt: sentAt, noticeID: noticeID)
    }

    private static func key(_ out: inout [UInt8], _ key: StaticString) {
        key.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func field(_ out: inout [UInt8], _ name: StaticString, _ value: String) {
        key(&out, name)
        string(&out, value)
    }

    /// As JSONEncoder with `.withoutEscapingSlashes` writes it.
    static func string(_ out: inout [UInt8], _ text: String) {
        JSONStringBytes.append(text, to: &out)
    }
}
