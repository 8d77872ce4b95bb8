import Foundation
import RectifyCore

/// A notice as the outbox stores it: the JSON `JSONEncoder` makes of `AlertNotice` (property
/// names as keys, optional values left out, dates as seconds since 2001), written and read
/// without the encoder's tree of boxed values. The cold start at 100,000 items queues and then
/// delivers 70,000 entries: the generic coders spent more time on them than rendering and
/// delivering the mails did.
///
/// Reading takes what the generic encoder wrote too (keys in any order); anything the fast
/// reader does not expect — a field added later, a value of another shape — is read by
/// `JSONDecoder`, so every stored notice stays readable.
public enum NoticeJSON {
    public static func encode(_ notice: AlertNotice) -> Data {
        var out = JSONOut()
        out.bytes.reserveCapacity(1024 + notice.entries.count * 320)
        out.notice(notice)
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

    mutating func notice(_ n: AlertNotice) {
        open(UInt8(ascii: "{"))
        field("id", n.id)
        field("receiver", n.receiver)
        field("recipient", n.recipient)
        field("recipientName", n.recipientName)
        key("entries")
        open(UInt8(ascii: "["))
        for entry in n.entries {
            element()
            self.entry(entry)
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

    mutating func entry(_ e: NoticeEntry) {
        open(UInt8(ascii: "{"))
        field("kind", e.kind.rawValue)
        field("planID", e.planID)
        field("planTitle", e.planTitle)
        field("unit", e.unit)
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
            field("text", evidence.text)
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

/// The outbox's notice JSON read with `JSONCursor`; throws at anything unexpected (and
/// `NoticeJSON.decode` then asks `JSONDecoder`).
private enum NoticeReader {
    struct Unexpected: Error {}

    static func notice(_ c: inout JSONCursor) throws -> AlertNotice {
        var id: String?, receiver: String?, recipient: String?, createdAt: Date?, timeZone: String?, language: String?
        var notice = AlertNotice(id: "", receiver: "", recipient: "", entries: [], createdAt: Date(timeIntervalSinceReferenceDate: 0))
        try c.object { c, key in
            switch key {
            case "id": id = try c.string()
            case "receiver": receiver = try c.string()
            case "recipient": recipient = try c.string()
            case "recipientName": notice.recipientName = try optional(&c) { try $0.string() }
            case "entries": try c.array { c in notice.entries.append(try entry(&c)) }
            case "createdAt": createdAt = Date(timeIntervalSinceReferenceDate: try c.double())
            case "timeZone": timeZone = try c.string()
            case "language": language = try c.string()
            case "link": notice.link = try optional(&c) { try $0.string() }
            case "linkExpires": notice.linkExpires = try optional(&c) { Date(timeIntervalSinceReferenceDate: try $0.double()) }
            case "intendedFor": notice.intendedFor = try optional(&c, strings)
            case "part": notice.part = try optional(&c, part)
            default: throw Unexpected()  // a report, or a field added later: the generic decoder reads it
            }
        }
        guard let id, let receiver, let recipient, let createdAt, let timeZone, let language else { throw Unexpected() }
        notice.id = id
        notice.receiver = receiver
        notice.recipient = recipient
        notice.createdAt = createdAt
        notice.timeZone = timeZone
        notice.language = language
        return notice
    }

    static func optional<T>(_ c: inout JSONCursor, _ read: (inout JSONCursor) throws -> T) throws -> T? {
        if c.consumeNull() { return nil }
        return try read(&c)
    }

    static func strings(_ c: inout JSONCursor) throws -> [String] {
        var values: [String] = []
        try c.array { c in values.append(try c.string()) }
        return values
    }

    static func word<E: RawRepresentable & CaseIterable>(_ c: inout JSONCursor, _ type: E.Type) throws -> E
    where E.RawValue == String {
        let value = try c.withStringBytes { raw in E.allCases.first { $0.rawValue.utf8.elementsEqual(raw) } }
        guard let value else { throw Unexpected() }
        return value
    }

    static func part(_ c: inout JSONCursor) throws -> NoticePart {
        var number: Int?, count: Int?, items: Int?
        try c.object { c, key in
            switch key {
            case "number": number = try c.int()
            case "count": count = try c.int()
            case "items": items = try c.int()
            default: throw Unexpected()
            }
        }
        guard let number, let count, let items else { throw Unexpected() }
        return NoticePart(number: number, count: count, items: items)
    }

    static func entry(_ c: inout JSONCursor) throws -> NoticeEntry {
        var kind: AlertKind?, planID: String?, planTitle: String?, unit: String?, itemID: String?, itemTitle: String?
        var state: ItemState?, mobiles: [String]?
        var e = NoticeEntry(kind: .overdue, planID: "", planTitle: "", unit: "", itemID: "", itemTitle: "", state: .overdue)
        try c.object { c, key in
            switch key {
            case "kind": kind = try word(&c, AlertKind.self)
            case "planID": planID = try c.string()
            case "planTitle": planTitle = try c.string()
            case "unit": unit = try c.string()
            case "itemID": itemID = try c.string()
            case "itemTitle": itemTitle = try c.string()
            case "state": state = try word(&c, ItemState.self)
            case "colour":
                e.colour = try optional(&c) { c in
                    guard let colour = WarningColour(rawValue: try c.string()) else { throw Unexpected() }
                    return colour
                }
            case "deadline": e.deadline = try optional(&c, deadline)
            case "originalDeadline": e.originalDeadline = try optional(&c, deadline)
            case "daysOverdue": e.daysOverdue = try optional(&c) { try $0.int() }
            case "daysLeft": e.daysLeft = try optional(&c) { try $0.int() }
            case "milestone": e.milestone = try optional(&c) { try $0.string() }
            case "responsible": e.responsible = try optional(&c) { try $0.string() }
            case "mobiles": mobiles = try strings(&c)
            case "evidence": e.evidence = try optional(&c, evidence)
            case "daysSinceUpdate": e.daysSinceUpdate = try optional(&c) { try $0.int() }
            case "note": e.note = try optional(&c) { try $0.string() }
            default: throw Unexpected()
            }
        }
        guard let kind, let planID, let planTitle, let unit, let itemID, let itemTitle, let state, let mobiles else {
            throw Unexpected()
        }
        e.kind = kind
        e.planID = planID
        e.planTitle = planTitle
        e.unit = unit
        e.itemID = itemID
        e.itemTitle = itemTitle
        e.state = state
        e.mobiles = mobiles
        return e
    }

    static func deadline(_ c: inout JSONCursor) throws -> Deadline {
        var date: CalendarDate?, precision: DeadlinePrecision?, text: String?, line: Int?, cell: String?
        try c.object { c, key in
            switch key {
            case "date": date = CalendarDate(try c.string())
            case "precision": precision = try word(&c, DeadlinePrecision.self)
            case "text": text = try optional(&c) { try $0.string() }
            case "line": line = try optional(&c) { try $0.int() }
            case "cell": cell = try optional(&c) { try $0.string() }
            default: throw Unexpected()
            }
        }
        guard let date, let precision else { throw Unexpected() }
        return Deadline(date: date, precision: precision, text: text, line: line, cell: cell)
    }

    static func evidence(_ c: inout JSONCursor) throws -> Evidence {
        var text: String?, line: Int?, cell: String?
        try c.object { c, key in
            switch key {
            case "text": text = try c.string()
            case "line": line = try optional(&c) { try $0.int() }
            case "cell": cell = try optional(&c) { try $0.string() }
            default: throw Unexpected()
            }
        }
        guard let text else { throw Unexpected() }
        return Evidence(text: text, line: line, cell: cell)
    }
}
