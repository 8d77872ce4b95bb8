import Foundation
import RectifyCore

/// `WebhookPayload` as `JSONEncoder` writes it with sorted keys and unescaped slashes, byte for
/// byte (WebhookTests compares the two), without the encoder's tree of boxed values: encoding
/// one notice that way was two fifths of rendering it, on the way from an instant to its POST
/// (perf of 120 instants into a webhook).
///
/// Keys are written in their sorted order, as listed; optional values that are nil are left
/// out, as the synthesized `Encodable` does. A field added to the payload goes here too.
enum WebhookPayloadJSON {
    static func encode(_ p: WebhookPayload) -> [UInt8] {
        var out = Writer()
        out.object {
            $0.field("colour", p.colour?.rawValue)
            $0.field("created_at", p.createdAt)
            $0.key("entries")
            $0.array(p.entries) { out, entry in out.entry(entry) }
            $0.field("language", p.language)
            $0.field("link", p.link)
            $0.field("link_expires", p.linkExpires)
            $0.field("markdown", p.markdown)
            $0.field("notice_id", p.noticeID)
            $0.field("receiver", p.receiver)
            $0.field("recipient", p.recipient)
            $0.field("recipient_name", p.recipientName)
            $0.field("subject", p.subject)
            $0.field("text", p.text)
            $0.field("time_zone", p.timeZone)
            $0.field("version", p.version)
        }
        return out.bytes
    }

    private struct Writer {
        var bytes: [UInt8] = []
        private var first = true

        init() { bytes.reserveCapacity(4096) }

        mutating func object(_ fields: (inout Writer) -> Void) {
            bytes.append(UInt8(ascii: "{"))
            first = true
            fields(&self)
            bytes.append(UInt8(ascii: "}"))
            first = false
        }

        mutating func array<T>(_ values: [T], _ element: (inout Writer, T) -> Void) {
            bytes.append(UInt8(ascii: "["))
            for (n, value) in values.enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")) }
                element(&self, value)
            }
            bytes.append(UInt8(ascii: "]"))
            first = false
        }

        mutating func key(_ name: StaticString) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
        }

        mutating func field(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            JSONStringBytes.append(value, to: &bytes)
        }

        mutating func field(_ name: StaticString, _ value: Int?) {
            guard let value else { return }
            key(name)
            bytes += String(value).utf8
        }

        mutating func entry(_ e: WebhookPayload.Entry) {
            object {
                $0.field("colour", e.colour?.rawValue)
                $0.field("days_left", e.daysLeft)
                $0.field("days_overdue", e.daysOverdue)
                $0.field("days_since_update", e.daysSinceUpdate)
                $0.deadline("deadline", e.deadline)
                if let evidence = e.evidence {
                    $0.key("evidence")
                    $0.object {
                        $0.field("cell", evidence.cell)
                        $0.field("line", evidence.line)
                        $0.field("text", evidence.text)
                    }
                }
                $0.key("item")
                $0.object {
                    $0.field("id", e.item.id)
                    $0.field("title", e.item.title)
                }
                $0.field("kind", e.kind.rawValue)
                $0.field("milestone", e.milestone)
                if let mobiles = e.mobiles {
                    $0.key("mobiles")
                    $0.array(mobiles) { out, mobile in JSONStringBytes.append(mobile, to: &out.bytes) }
                }
                $0.field("note", e.note)
                $0.deadline("original_deadline", e.originalDeadline)
                $0.key("plan")
                $0.object {
                    $0.field("id", e.plan.id)
                    $0.field("title", e.plan.title)
                    $0.field("unit", e.plan.unit)
                }
                $0.field("responsible", e.responsible)
                $0.field("state", e.state.rawValue)
            }
        }

        mutating func deadline(_ name: StaticString, _ d: WebhookPayload.DeadlineValue?) {
            guard let d else { return }
            key(name)
            object {
                $0.field("date", d.date)
                $0.field("description", d.description)
                $0.field("line", d.line)
                $0.field("precision", d.precision.rawValue)
                $0.field("text", d.text)
            }
        }
    }
}
