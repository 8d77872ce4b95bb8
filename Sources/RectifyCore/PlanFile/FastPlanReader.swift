import Foundation

/// The fast path for plan files: a pull parser straight into the model, with no tree in
/// between (100,000 items in a fraction of a second), over JSON (`JSONCursor`) or YAML
/// (`YAMLCursor`, libyaml's events). It is strict — an unknown key, a wrong type, an
/// impossible value, an anchor or a tag makes it give up — and then `PlanReader` reads the file
/// again through Yams to report every problem with its line and column. So both paths accept
/// exactly the same files; this one is only faster.
enum FastPlanReader<Cursor: PlanCursor> {
    typealias Failure = JSONCursor.Failure

    static func document(_ c: inout Cursor, file: String, readThrough: (Int) -> Void = { _ in }) throws -> Plan {
        var plan: Plan?
        var items: [Item]?
        let memos = PlanMemos()
        try c.object { c, key in
            switch key {
            case "plan": plan = try header(&c)
            case "items":
                var list: [Item] = []
                var reported = c.offset
                try c.array { c in
                    list.append(try item(&c, memos))
                    if c.offset - reported >= 4 << 20 {
                        reported = c.offset
                        readThrough(reported)
                    }
                }
                items = list
            default: throw Failure()
            }
        }
        try c.end()
        guard var plan, let items else { throw Failure() }
        if plan.id.isEmpty { plan.id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent }
        var seen = Set<String>(minimumCapacity: items.count)
        for item in items where !seen.insert(item.id).inserted { throw Failure() }
        plan.items = items
        return plan
    }

    static func nonEmpty(_ c: inout Cursor) throws -> String {
        let text = try c.trimmedString()
        guard !text.isEmpty else { throw Failure() }
        return text
    }

    /// A nullable value: nil for `null`.
    static func optional<T>(_ c: inout Cursor, _ read: (inout Cursor) throws -> T) throws -> T? {
        if c.consumeNull() { return nil }
        return try read(&c)
    }

    static func text(_ c: inout Cursor) throws -> String? {
        try optional(&c) { try $0.trimmedString() }
    }

    static func date(_ c: inout Cursor) throws -> CalendarDate {
        let date = try c.withStringBytes { raw in
            CalendarDate.parseDigits(raw).flatMap { CalendarDate(year: $0.0, month: $0.1, day: $0.2) }
        }
        guard let date else { throw Failure() }
        return date
    }

    /// A word of a closed set (`in_progress`, `month`) without making a String of it.
    static func word<E: RawRepresentable & CaseIterable>(_ c: inout Cursor, _ type: E.Type) throws -> E
    where E.RawValue == String {
        let value = try c.withStringBytes { raw in
            E.allCases.first { word in
                // Compared as bytes: the generic `elementsEqual` of two sequences was a tenth of
                // reading a plan (two such words per item).
                var rawValue = word.rawValue
                return rawValue.withUTF8 { $0.count == raw.count && memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }
            }
        }
        guard let value else { throw Failure() }
        return value
    }

    /// An RFC 3339 time; the common shapes are read from the bytes, others as text.
    static func instant(_ c: inout Cursor) throws -> Date {
        let parsed = try c.withStringBytes { raw -> Date? in
            if let common = Timestamps.parseCommon(raw) { return common }
            return Timestamps.parse(String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard let parsed else { throw Failure() }
        return parsed
    }

    static func count(_ c: inout Cursor, minimum: Int = 0) throws -> Int {
        let value = try c.int()
        guard value >= minimum else { throw Failure() }
        return value
    }

    static func header(_ c: inout Cursor) throws -> Plan {
        var plan = Plan(id: "", unit: "", title: "")
        try c.object { c, key in
            switch key {
            case "id":
                plan.id = try text(&c) ?? ""
                // A '/' is said where it stands, by the slow path.
                if plan.id.contains("/") { throw Failure() }
            case "unit": plan.unit = try nonEmpty(&c)
            case "title": plan.title = try nonEmpty(&c)
            case "source": plan.source = try text(&c)
            case "report_date": plan.reportDate = try optional(&c, date)
            case "time_zone":
                if let zone = try text(&c) {
                    guard TimeZone(identifier: zone) != nil else { throw Failure() }
                    plan.timeZone = zone
                }
            case "owner": plan.owner = try optional(&c, contact)
            case "leaders":
                if !c.consumeNull() { try c.array { c in plan.leaders.append(try contact(&c)) } }
            case "stated": plan.stated = try optional(&c, stated)
            case "inspection": plan.inspection = try optional(&c, inspection)
            default: throw Failure()
            }
        }
        guard !plan.unit.isEmpty, !plan.title.isEmpty else { throw Failure() }
        return plan
    }

    static func contact(_ c: inout Cursor) throws -> Contact {
        var contact = Contact()
        try c.object { c, key in
            switch key {
            case "name": contact.name = try text(&c)
            case "role": contact.role = try text(&c)
            case "email": contact.email = try text(&c)
            case "phone": contact.phone = try text(&c)
            case "level":
                if let level = try text(&c) {
                    guard let value = LeaderLevel(rawValue: level) else { throw Failure() }
                    contact.level = value
                }
            default: throw Failure()
            }
        }
        if contact.name == nil && contact.role == nil && contact.email == nil && contact.phone == nil { throw Failure() }
        if let email = contact.email, !PlanReader.isPlausibleEmail(email) { throw Failure() }
        return contact
    }

    static func stated(_ c: inout Cursor) throws -> StatedTotals {
        var s = StatedTotals()
        try c.object { c, key in
            switch key {
            case "problems": s.problems = try optional(&c) { try count(&$0) }
            case "done": s.done = try optional(&c) { try count(&$0) }
            case "open": s.open = try optional(&c) { try count(&$0) }
            case "measures": s.measures = try optional(&c) { try count(&$0) }
            case "measures_done": s.measuresDone = try optional(&c) { try count(&$0) }
            case "text": s.text = try text(&c)
            case "line": s.line = try optional(&c) { try count(&$0, minimum: 1) }
            default: throw Failure()
            }
        }
        return s
    }

    static func inspection(_ c: inout Cursor) throws -> Inspection {
        var i = Inspection()
        try c.object { c, key in
            switch key {
            case "period": i.period = try text(&c)
            case "start": i.start = try optional(&c, date)
            case "end": i.end = try optional(&c, date)
            case "feedback_date": i.feedbackDate = try optional(&c, date)
            case "feedback": i.feedback = try text(&c)
            default: throw Failure()
            }
        }
        return i
    }

    static func deadline(_ c: inout Cursor) throws -> Deadline {
        if c.isAtStringValue { return Deadline(date: try date(&c)) }
        var d: CalendarDate?
        var precision = DeadlinePrecision.day
        var text: String?
        var line: Int?
        var cell: String?
        try c.object { c, key in
            switch key {
            case "date": d = try date(&c)
            case "precision": precision = try word(&c, DeadlinePrecision.self)
            case "text": text = try Self.text(&c)
            case "line": line = try optional(&c) { try count(&$0, minimum: 1) }
            case "cell": cell = try Self.text(&c)
            default: throw Failure()
            }
        }
        guard let d else { throw Failure() }
        let deadline = Deadline(date: d, precision: precision, text: text, line: line, cell: cell)
        guard deadline.isPeriodEnd else { throw Failure() }
        return deadline
    }

    static func evidence(_ c: inout Cursor) throws -> Evidence {
        var text: String?
        var line: Int?
        var cell: String?
        try c.object { c, key in
            switch key {
            case "text": text = try nonEmpty(&c)
            case "line": line = try optional(&c) { try count(&$0, minimum: 1) }
            case "cell": cell = try Self.text(&c)
            default: throw Failure()
            }
        }
        guard let text else { throw Failure() }
        return Evidence(text: text, line: line, cell: cell)
    }

    static func item(_ c: inout Cursor, _ memos: PlanMemos) throws -> Item {
        var item = Item(id: "", title: "")
        var hasStatus = false
        try c.object { c, key in
            switch key {
            case "id": item.id = try nonEmpty(&c)
            case "title": item.title = try nonEmpty(&c)
            case "category":
                if !c.consumeNull() { try c.array { c in item.category.append(try c.string()) } }
            case "text": item.text = try text(&c)
            case "review":
                if !c.consumeNull() { try c.array { c in item.review.append(try c.string()) } }
            case "status":
                item.status = try word(&c, ItemStatus.self)
                hasStatus = true
            case "status_evidence": item.statusEvidence = try optional(&c, evidence)
            case "deadline": item.deadline = try optional(&c) { try $0.memoized(memos.deadline, deadline) }
            case "milestones":
                if !c.consumeNull() { try c.array { c in item.milestones.append(try milestone(&c)) } }
            case "progress": item.progress = try optional(&c) { try $0.memoized(memos.progress, progress) }
            case "responsible": item.responsible = try optional(&c) { try $0.memoized(memos.responsible, responsible) }
            case "extensions":
                if !c.consumeNull() { try c.array { c in item.extensions.append(try ext(&c)) } }
            case "start": item.start = try optional(&c, date)
            case "last_update":
                if !c.consumeNull() { item.lastUpdate = try instant(&c) }
            default: throw Failure()
            }
        }
        guard !item.id.isEmpty, !item.title.isEmpty, hasStatus else { throw Failure() }
        return item
    }

    static func milestone(_ c: inout Cursor) throws -> Milestone {
        var id: String?
        var title: String?
        var d: Deadline?
        var done = false
        try c.object { c, key in
            switch key {
            case "id": id = try text(&c)
            case "title": title = try nonEmpty(&c)
            case "deadline": d = try deadline(&c)
            case "done": done = try optional(&c) { try $0.bool() } ?? false
            default: throw Failure()
            }
        }
        guard let title, let d else { throw Failure() }
        return Milestone(id: id, title: title, deadline: d, done: done)
    }

    static func progress(_ c: inout Cursor) throws -> Progress {
        var done: Int?
        var total: Int?
        var p = Progress(done: 0, total: 1)
        try c.object { c, key in
            switch key {
            case "done": done = try count(&c)
            case "total": total = try count(&c, minimum: 1)
            case "unit": p.unit = try text(&c)
            case "text": p.text = try text(&c)
            case "line": p.line = try optional(&c) { try count(&$0, minimum: 1) }
            default: throw Failure()
            }
        }
        guard let done, let total, done <= total else { throw Failure() }
        p.done = done
        p.total = total
        return p
    }

    static func responsible(_ c: inout Cursor) throws -> Responsibility {
        var r = Responsibility()
        try c.object { c, key in
            switch key {
            case "leader": r.leader = try optional(&c, contact)
            case "department": r.department = try text(&c)
            case "contacts":
                if !c.consumeNull() { try c.array { c in r.contacts.append(try contact(&c)) } }
            default: throw Failure()
            }
        }
        return r
    }

    static func ext(_ c: inout Cursor) throws -> Extension {
        var d: Deadline?
        var reason: String?
        var granted: CalendarDate?
        try c.object { c, key in
            switch key {
            case "deadline": d = try deadline(&c)
            case "reason": reason = try nonEmpty(&c)
            case "granted": granted = try date(&c)
            default: throw Failure()
            }
        }
        guard let d, let reason, let granted else { throw Failure() }
        return Extension(deadline: d, reason: reason, granted: granted)
    }
}

/// A plan file as JSON: the fast path first (`FastPlanReader` over `JSONCursor`).
enum FastJSONPlan {
    static func decode(_ data: Data, file: String) -> Plan? {
        data.withUnsafeBytes { bytes in decode(bytes, file: file) }
    }

    /// `readThrough` is told how far reading got, every few megabytes (a mapped file gives those
    /// pages back, so a large plan is never held twice: as bytes and as items).
    static func decode(_ bytes: UnsafeRawBufferPointer, file: String, readThrough: (Int) -> Void = { _ in }) -> Plan? {
        var cursor = JSONCursor(bytes)
        return try? FastPlanReader.document(&cursor, file: file, readThrough: readThrough)
    }
}

/// A plan file as YAML: the fast path first (`FastPlanReader` over libyaml's events).
enum FastYAMLPlan {
    static func decode(_ bytes: UnsafeRawBufferPointer, file: String, readThrough: (Int) -> Void = { _ in }) -> Plan? {
        guard var cursor = try? YAMLCursor(bytes) else { return nil }
        return try? FastPlanReader.document(&cursor, file: file, readThrough: readThrough)
    }
}

/// Text as the slow path reads it.
enum PlanText {
    /// Trims like the slow (Yams) path does, without Foundation's cost when there is nothing to trim.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            mayBeSpace(first) || mayBeSpace(last)
        else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `scalar` may be white space (Unicode's White_Space, and the separators Foundation
    /// trims): a table lookup of scalar properties costs more than the rest of reading a value.
    @inline(__always)
    static func mayBeSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

}
