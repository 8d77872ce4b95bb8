import Foundation
import RectifyCore

/// A notice as the outbox stores it: the JSON `JSONEncoder` makes of `AlertNotice` (property
/// names as keys, optional values left out, dates as seconds since 2001), written and read
/// without the encoder's tree of boxed values. The cold start at 100,000 items queues and then
/// delivers 70,000 entries: the generic coders spent more time on them than rendering and
/// delivering the mails did.
///
/// What every entry of a notice would repeat is written once (`shared`): each plan's title and
/// unit in `plans`, before the entries, and an entry leaves out its `planTitle` and `unit` when
/// they are its plan's there, and its evidence's `text` when that is its deadline's (the
/// evaluator's evidence for a deadline is the deadline's own phrase). A fresh start at 100,000
/// items stores 493 notices of 72,000 entries in the transaction READY=1 waits for: 28 MB of
/// JSON, a quarter of it these repeats.
///
/// Reading takes what the generic encoder wrote too (keys in any order, every entry whole);
/// anything the fast reader does not expect — a field added later, a value of another shape —
/// is read by `JSONDecoder`, so every stored notice stays readable. A notice with a `report`
/// (which the fast reader leaves to it) is written whole, since `JSONDecoder` cannot fill in
/// what shared values leave out.
public enum NoticeJSON {
    public static func encode(_ notice: AlertNotice) -> Data {
        encode(notice, shared: notice.report == nil)
    }

    /// `shared: false` writes every entry whole, as `JSONEncoder` would (for the tests).
    static func encode(_ notice: AlertNotice, shared: Bool) -> Data {
        var out = JSONOut()
        out.bytes.reserveCapacity(1024 + notice.entries.count * 320)
        out.notice(notice, shared: shared)
        return Data(out.bytes)
    }

    public static func decode(_ data: Data) throws -> AlertNotice {
        let fast: AlertNotice? = data.withUnsafeBytes { bytes in
            var cursor = JSONCursor(bytes)
            guard let notice = try? NoticeReader.notice(&cursor), (try? cursor.end()) != nil else { return nil }
            return notice
        }
        if let fast { return fast }
        return try JSONDecoder().decode(AlertNotice.self, from: data)
    }
}

/// Compact JSON as bytes, one value at a time.
private struct JSONOut {
    var bytes: [UInt8] = []
    private var first = [true]

    init() { bytes.reserveCapacity(4096) }

    mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        first.append(true)
    }

    mutating func close(_ bracket: UInt8) {
        first.removeLast()
        bytes.append(bracket)
    }

    private mutating func comma() {
        if first[first.count - 1] { first[first.count - 1] = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func key(_ name: StaticString) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        // Two appends, not an array literal: that was an allocation per key, fifteen per entry.
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func element() { comma() }

    mutating func string(_ text: String) { JSONStringBytes.append(text, to: &bytes) }

    mutating func int(_ value: Int) { bytes += String(value).utf8 }

    /// As `Date.encode(to:)` writes it: seconds since 2001-01-01, exactly (Swift's shortest
    /// round-trip digits).
    mutating func date(_ date: Date) { bytes += date.timeIntervalSinceReferenceDate.description.utf8 }

    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    mutating func strings(_ name: StaticString, _ values: [String]) {
        key(name)
        open(UInt8(ascii: "["))
        for value in values {
            element()
            string(value)
        }
        close(UInt8(ascii: "]"))
    }

    mutating func notice(_ n: AlertNotice, shared: Bool) {
        open(UInt8(ascii: "{"))
        field("id", n.id)
        field("receiver", n.receiver)
        field("recipient", n.recipient)
        field("recipientName", n.recipientName)
        // Each plan's title and unit as its first entry gives them (nearly always one plan).
        var plans: [(id: String, title: String, unit: String)] = []
        if shared {
            for e in n.entries where !plans.contains(where: { $0.id == e.planID }) { plans.append((e.planID, e.planTitle, e.unit)) }
            key("plans")
            open(UInt8(ascii: "["))
            for plan in plans {
                element()
                open(UInt8(ascii: "{"))
                field("id", plan.id)
                field("title", plan.title)
                field("unit", plan.unit)
                close(UInt8(ascii: "}"))
            }
            close(UInt8(ascii: "]"))
        }
        key("entries")
        open(UInt8(ascii: "["))
        for entry in n.entries {
            element()
            let plan = plans.first { $0.id == entry.planID }
            self.entry(entry, planShared: plan.map { $0.title == entry.planTitle && $0.unit == entry.unit } ?? false, shared: shared)
        }
        close(UInt8(ascii: "]"))
        key("createdAt")
        date(n.createdAt)
        field("timeZone", n.timeZone)
        field("language", n.language)
        field("link", n.link)
        if let expires = n.linkExpires {
            key("linkExpires")
            date(expires)
        }
        if let report = n.report {
            key("report")
            open(UInt8(ascii: "{"))
            field("subject", report.subject)
            field("text", report.text)
            field("html", report.html)
            field("markdown", report.markdown)
            close(UInt8(ascii: "}"))
        }
        if let intended = n.intendedFor { strings("intendedFor", intended) }
        if let part = n.part {
            key("part")
            open(UInt8(ascii: "{"))
            field("number", part.number)
            field("count", part.count)
            field("items", part.items)
            close(UInt8(ascii: "}"))
        }
        close(UInt8(ascii: "}"))
    }

    /// - Parameters:
    ///   - planShared: the plan's title and unit are in `plans` as the entry's are: left out here.
    ///   - shared: an evidence that says what the deadline says leaves out its text.
    mutating func entry(_ e: NoticeEntry, planShared: Bool, shared: Bool) {
        open(UInt8(ascii: "{"))
        field("kind", e.kind.rawValue)
        field("planID", e.planID)
        if !planShared {
            field("planTitle", e.planTitle)
            field("unit", e.unit)
        }
        field("itemID", e.itemID)
        field("itemTitle", e.itemTitle)
        field("state", e.state.rawValue)
        field("colour", e.colour?.rawValue)
        if let deadline = e.deadline {
            key("deadline")
            self.deadline(deadline)
        }
        if let original = e.originalDeadline {
            key("originalDeadline")
            deadline(original)
        }
        field("daysOverdue", e.daysOverdue)
        field("daysLeft", e.daysLeft)
        field("milestone", e.milestone)
        field("responsible", e.responsible)
        strings("mobiles", e.mobiles)
        if let evidence = e.evidence {
            key("evidence")
            open(UInt8(ascii: "{"))
            if !shared || evidence.text != e.deadline?.text { field("text", evidence.text) }
            field("line", evidence.line)
            field("cell", evidence.cell)
            close(UInt8(ascii: "}"))
        }
        field("daysSinceUpdate", e.daysSinceUpdate)
        field("note", e.note)
        close(UInt8(ascii: "}"))
    }

    mutating func deadline(_ d: Deadline) {
        open(UInt8(ascii: "{"))
        field("date", d.date.description)
        field("precision", d.precision.rawValue)
        field("text", d.text)
        field("line", d.line)
        field("cell", d.cell)
        close(UInt8(ascii: "}"))
    }
}
