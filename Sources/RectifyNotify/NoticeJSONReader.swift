import Foundation
import RectifyCore

/// The outbox's notice JSON read with `JSONCursor`; throws at anything unexpected (and
/// `NoticeJSON.decode` then asks `JSONDecoder`). Entries may leave out what `plans` and their
/// deadline say (`NoticeJSON`): filled in once the whole notice is read, since JSON's keys
/// may come in any order.
enum NoticeReader {
    struct Unexpected: Error {}

    /// An entry as read, and which of its values it left to be filled in.
    struct Read {
        var entry: NoticeEntry
        var planTitle = false
        var unit = false
        var evidenceText = false
    }

    static func notice(_ c: inout JSONCursor) throws -> AlertNotice {
        var id: String?, receiver: String?, recipient: String?, createdAt: Date?, timeZone: String?, language: String?
        var notice = AlertNotice(id: "", receiver: "", recipient: "", entries: [], createdAt: Date(timeIntervalSinceReferenceDate: 0))
        var entries: [Read] = []
        var plans: [(id: String, title: String, unit: String)] = []
        try c.object { c, key in
            switch key {
            case "id": id = try c.string()
            case "receiver": receiver = try c.string()
            case "recipient": recipient = try c.string()
            case "recipientName": notice.recipientName = try optional(&c) { try $0.string() }
            case "plans": try c.array { c in plans.append(try plan(&c)) }
            case "entries": try c.array { c in entries.append(try entry(&c)) }
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
        notice.entries.reserveCapacity(entries.count)
        for read in entries {
            var e = read.entry
            if read.planTitle || read.unit {
                guard let plan = plans.first(where: { $0.id == e.planID }) else { throw Unexpected() }
                if read.planTitle { e.planTitle = plan.title }
                if read.unit { e.unit = plan.unit }
            }
            if read.evidenceText {
                guard let text = e.deadline?.text else { throw Unexpected() }
                e.evidence?.text = text
            }
            notice.entries.append(e)
        }
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

    static func plan(_ c: inout JSONCursor) throws -> (id: String, title: String, unit: String) {
        var id: String?, title: String?, unit: String?
        try c.object { c, key in
            switch key {
            case "id": id = try c.string()
            case "title": title = try c.string()
            case "unit": unit = try c.string()
            default: throw Unexpected()
            }
        }
        guard let id, let title, let unit else { throw Unexpected() }
        return (id, title, unit)
    }

    static func entry(_ c: inout JSONCursor) throws -> Read {
        var kind: AlertKind?, planID: String?, planTitle: String?, unit: String?, itemID: String?, itemTitle: String?
        var state: ItemState?, mobiles: [String]?, evidenceText = false
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
            case "evidence":
                let read = try optional(&c, evidence)
                e.evidence = read?.evidence
                evidenceText = read.map { !$0.textGiven } ?? false
            case "daysSinceUpdate": e.daysSinceUpdate = try optional(&c) { try $0.int() }
            case "note": e.note = try optional(&c) { try $0.string() }
            default: throw Unexpected()
            }
        }
        guard let kind, let planID, let itemID, let itemTitle, let state, let mobiles else { throw Unexpected() }
        e.kind = kind
        e.planID = planID
        e.planTitle = planTitle ?? ""
        e.unit = unit ?? ""
        e.itemID = itemID
        e.itemTitle = itemTitle
        e.state = state
        e.mobiles = mobiles
        return Read(entry: e, planTitle: planTitle == nil, unit: unit == nil, evidenceText: evidenceText)
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

    /// An evidence without `text` says what its entry's deadline says (`textGiven` false).
    static func evidence(_ c: inout JSONCursor) throws -> (evidence: Evidence, textGiven: Bool) {
        var text: String?, line: Int?, cell: String?
        try c.object { c, key in
            switch key {
            case "text": text = try c.string()
            case "line": line = try optional(&c) { try $0.int() }
            case "cell": cell = try optional(&c) { try $0.string() }
            default: throw Unexpected()
            }
        }
        return (Evidence(text: text ?? "", line: line, cell: cell), text != nil)
    }
}
