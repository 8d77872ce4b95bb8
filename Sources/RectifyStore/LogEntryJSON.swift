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

    static func decode(_ data: Data) throws -> [LogEntry] {
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
