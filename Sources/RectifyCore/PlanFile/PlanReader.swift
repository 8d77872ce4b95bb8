import Foundation
import Yams

/// Reads a plan file (YAML or JSON: one schema, see docs/plan-format.md) into a `Plan`,
/// reporting every problem with its line and column.
public enum PlanReader {
    /// Parses and validates `text`; `file` names the source in diagnostics, and its stem is
    /// the plan id when the file gives none. Throws `PlanLoadError` with every error found;
    /// returns the plan together with any warnings.
    public static func read(_ text: String, file: String) throws(PlanLoadError) -> (Plan, [Diagnostic]) {
        try read(text, file: file, tryFast: true)
    }

    /// The node tree of a YAML or JSON document, with marks for every diagnostic; nil for an
    /// empty one. A syntax error is reported at its line and column and thrown, as "`document`
    /// is not valid JSON/YAML: …": a `.json` file's through `jsonSyntaxFault` (Yams would
    /// accept it), the rest as Yams reports it. Plans, directories and the daemon's config
    /// are all read this way.
    public static func compose(
        _ text: String, file: String, sink: DiagnosticSink, document: String, resolver: Resolver = .basic
    ) throws(PlanLoadError) -> Node? {
        if let fault = jsonSyntaxFault(text, file: file) {
            sink.error(line: fault.line, column: fault.column, "\(document) is not valid JSON: \(fault.problem)")
            throw PlanLoadError(diagnostics: sink.diagnostics)
        }
        do {
            return try Yams.compose(yaml: text, resolver)
        } catch {
            let format = file.lowercased().hasSuffix(".json") ? "JSON" : "YAML"
            sink.error(syntaxMark(error), "\(document) is not valid \(format): \(syntaxProblem(error))")
            throw PlanLoadError(diagnostics: sink.diagnostics)
        }
    }

    /// `tryFast: false` when the caller has already tried the fast path on these bytes.
    static func read(_ text: String, file: String, tryFast: Bool) throws(PlanLoadError) -> (Plan, [Diagnostic]) {
        let name = file.lowercased()
        if tryFast, name.hasSuffix(".json"), let plan = fastJSON(Data(text.utf8), file: file) {
            return (plan, [])
        }
        if tryFast, name.hasSuffix(".yaml") || name.hasSuffix(".yml"), let plan = fastYAML(text, file: file) {
            return (plan, [])
        }
        // YAML, or JSON with something to report: read through Yams, with marks.
        let sink = DiagnosticSink(file: file)
        // The basic resolver: every scalar is read as text here and checked by FieldReader, so
        // the default resolver's regular expressions (run on every mapping key, to hash it for
        // the duplicate-key check) are pure cost.
        guard let root = try compose(text, file: file, sink: sink, document: "the plan") else {
            sink.error(nil, "the file is empty; a plan needs a 'plan' section and an 'items' list.")
            throw PlanLoadError(diagnostics: sink.diagnostics)
        }
        var itemMarks: [Mark?] = []
        let plan = readDocument(root, file: file, sink: sink, itemMarks: &itemMarks)
        if let plan {
            for problem in PlanValidator.problems(in: plan) {
                let mark = problem.itemIndex.flatMap { $0 < itemMarks.count ? itemMarks[$0] : nil }
                if problem.isWarning { sink.warning(mark, problem.message) } else { sink.error(mark, problem.message) }
            }
        }
        let diagnostics = sink.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        guard let plan, !sink.hasErrors else { throw PlanLoadError(diagnostics: diagnostics) }
        return (plan, diagnostics)
    }

    /// A JSON plan with nothing to report, read without building a tree; nil when the slow
    /// path must run to explain a problem.
    static func fastJSON(_ data: Data, file: String) -> Plan? {
        guard let plan = FastJSONPlan.decode(data, file: file), PlanValidator.problems(in: plan).isEmpty else { return nil }
        return plan
    }

    /// A YAML plan with nothing to report, read from libyaml's events without a tree; nil when
    /// the slow path must run.
    static func fastYAML(_ text: String, file: String) -> Plan? {
        var text = text
        let plan = text.withUTF8 { FastYAMLPlan.decode(UnsafeRawBufferPointer($0), file: file) }
        guard let plan, PlanValidator.problems(in: plan).isEmpty else { return nil }
        return plan
    }

    static func readDocument(
        _ root: Node, file: String, sink: DiagnosticSink, itemMarks: inout [Mark?]
    ) -> Plan? {
        guard let doc = FieldReader(root, path: "", sink: sink, allowed: ["plan", "items"]) else {
            return nil
        }
        doc.require("plan", hint: "add a 'plan:' section with at least 'unit' and 'title'.")
        doc.require("items", hint: "add an 'items:' list (it may be empty: items: []).")
        var plan = Plan(id: "", unit: "", title: "")
        if let node = doc.node("plan"), let fields = FieldReader(node, path: "plan", sink: sink, allowed: planKeys) {
            plan = readPlanHeader(fields, file: file)
        }
        var seen: [String: Int] = [:]
        for (index, (node, path)) in doc.list("items").enumerated() {
            guard let fields = FieldReader(node, path: path, sink: sink, allowed: itemKeys) else { continue }
            guard let item = readItem(fields) else { continue }
            if let first = seen[item.id] {
                sink.error(
                    fields.markOf("id"),
                    "duplicate item id '\(item.id)' in \(path); it is already used by items[\(first)]. Item ids must be unique within a plan.")
            } else {
                seen[item.id] = index
            }
            itemMarks.append(fields.mark)
            plan.items.append(item)
        }
        return plan
    }

    static let planKeys = [
        "id", "unit", "title", "source", "report_date", "time_zone", "owner", "leaders", "stated", "inspection",
    ]
    static let itemKeys = [
        "id", "category", "title", "text", "status", "status_evidence", "deadline", "milestones", "progress",
        "responsible", "extensions", "start", "last_update", "review",
    ]
    static let contactKeys = ["name", "role", "email", "phone", "level"]

    static func readPlanHeader(_ f: FieldReader, file: String) -> Plan {
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var plan = Plan(
            id: f.string("id") ?? stem,
            unit: f.string("unit", required: true) ?? "",
            title: f.string("title", required: true) ?? "")
        if plan.id.contains("/") || plan.id.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            f.sink.error(
                f.markOf("id"),
                "plan.id '\(plan.id)' may not contain '/' or control characters: commands name an item PLAN/ID (and files are named after the plan); use letters, digits, '-', '_' or '.'.")
        }
        plan.source = f.string("source")
        plan.reportDate = f.date("report_date")
        if let zone = f.string("time_zone") {
            if TimeZone(identifier: zone) == nil {
                f.sink.error(f.markOf("time_zone"), "plan.time_zone '\(zone)' is not a known IANA time zone (e.g. Asia/Shanghai).")
            } else {
                plan.timeZone = zone
            }
        }
        plan.owner = f.node("owner").flatMap { contact($0, path: f.fieldPath("owner"), sink: f.sink) }
        plan.leaders = f.list("leaders").compactMap { contact($0, path: $1, sink: f.sink) }
        if let node = f.node("stated"),
            let s = FieldReader(
                node, path: f.fieldPath("stated"), sink: f.sink,
                allowed: ["problems", "done", "open", "measures", "measures_done", "text", "line"])
        {
            plan.stated = StatedTotals(
                problems: s.int("problems", minimum: 0), done: s.int("done", minimum: 0),
                open: s.int("open", minimum: 0), measures: s.int("measures", minimum: 0),
                measuresDone: s.int("measures_done", minimum: 0), text: s.string("text"), line: s.int("line", minimum: 1))
        }
        if let node = f.node("inspection"),
            let i = FieldReader(
                node, path: f.fieldPath("inspection"), sink: f.sink,
                allowed: ["period", "start", "end", "feedback_date", "feedback"])
        {
            plan.inspection = Inspection(
                period: i.string("period"), start: i.date("start"), end: i.date("end"),
                feedbackDate: i.date("feedback_date"), feedback: i.string("feedback"))
        }
        return plan
    }

    static func contact(_ node: Node, path: String, sink: DiagnosticSink) -> Contact? {
        guard let f = FieldReader(node, path: path, sink: sink, allowed: contactKeys) else { return nil }
        let contact = Contact(
            name: f.string("name"), role: f.string("role"), email: f.string("email"), phone: f.string("phone"),
            level: f.enumValue("level", LeaderLevel.self))
        if let email = contact.email, !isPlausibleEmail(email) {
            sink.error(f.markOf("email"), "\(path).email '\(email)' is not an email address (name@example.org).")
        }
        if contact.name == nil && contact.role == nil && contact.email == nil && contact.phone == nil {
            sink.error(node.mark, "\(path) names nobody: give at least a name, role, email or phone.")
        }
        return contact
    }

    /// One `@` with something before it, a `.` after it, no space. Over bytes: every contact of
    /// a large plan is checked.
    public static func isPlausibleEmail(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var at: Int?
            var dotAfterAt = false
            for i in bytes.indices {
                switch bytes[i] {
                case UInt8(ascii: "@"):
                    if at != nil { return false }
                    at = i
                case UInt8(ascii: "."): if at != nil { dotAfterAt = true }
                case UInt8(ascii: " "): return false
                default: break
                }
            }
            guard let at else { return false }
            return at > 0 && dotAfterAt
        }
    }

    static func readItem(_ f: FieldReader) -> Item? {
        let id = f.string("id", required: true)
        let title = f.string("title", required: true)
        var item = Item(id: id ?? "", title: title ?? "")
        item.category = f.stringList("category")
        item.review = f.stringList("review")
        item.text = f.string("text")
        if f.has("status") {
            item.status = f.enumValue("status", ItemStatus.self) ?? .inProgress
        } else {
            f.require("status", hint: "one of done, in_progress, not_started, long_term.")
        }
        item.statusEvidence = f.node("status_evidence").flatMap { evidence($0, path: f.fieldPath("status_evidence"), sink: f.sink) }
        item.deadline = f.node("deadline").flatMap { deadline($0, path: f.fieldPath("deadline"), sink: f.sink) }
        item.milestones = f.list("milestones").compactMap { node, path in
            guard let m = FieldReader(node, path: path, sink: f.sink, allowed: ["id", "title", "deadline", "done"]) else {
                return nil
            }
            let title = m.string("title", required: true)
            if !m.has("deadline") { m.require("deadline", hint: "a milestone is a dated step.") }
            let d = m.node("deadline").flatMap { deadline($0, path: m.fieldPath("deadline"), sink: f.sink) }
            guard let title, let d else { return nil }
            return Milestone(id: m.string("id"), title: title, deadline: d, done: m.bool("done") ?? false)
        }
        if let node = f.node("progress"),
            let p = FieldReader(node, path: f.fieldPath("progress"), sink: f.sink, allowed: ["done", "total", "unit", "text", "line"])
        {
            if !p.has("done") { p.require("done") }
            if !p.has("total") { p.require("total") }
            if let done = p.int("done", minimum: 0), let total = p.int("total", minimum: 1) {
                if done > total {
                    f.sink.error(p.markOf("done"), "\(p.path) says \(done) done of \(total): done cannot exceed total.")
                }
                item.progress = Progress(done: done, total: total, unit: p.string("unit"), text: p.string("text"), line: p.int("line", minimum: 1))
            }
        }
        if let node = f.node("responsible"),
            let r = FieldReader(node, path: f.fieldPath("responsible"), sink: f.sink, allowed: ["leader", "department", "contacts"])
        {
            item.responsible = Responsibility(
                leader: r.node("leader").flatMap { contact($0, path: r.fieldPath("leader"), sink: f.sink) },
                department: r.string("department"),
                contacts: r.list("contacts").compactMap { contact($0, path: $1, sink: f.sink) })
        }
        item.extensions = f.list("extensions").compactMap { node, path in
            guard let e = FieldReader(node, path: path, sink: f.sink, allowed: ["deadline", "reason", "granted"]) else {
                return nil
            }
            if !e.has("deadline") { e.require("deadline", hint: "the new deadline granted.") }
            let d = e.node("deadline").flatMap { deadline($0, path: e.fieldPath("deadline"), sink: f.sink) }
            let reason = e.string("reason", required: true)
            let granted = e.date("granted", required: true)
            guard let d, let reason, let granted else { return nil }
            return Extension(deadline: d, reason: reason, granted: granted)
        }
        item.start = f.date("start")
        if let node = f.node("last_update") {
            item.lastUpdate = instant(node, path: f.fieldPath("last_update"), sink: f.sink)
        }
        guard id != nil, title != nil else { return nil }
        return item
    }

    /// A deadline is either a date (`2026-04-30`, day precision) or a mapping with
    /// `date`, `precision`, `text` and `line`.
    static func deadline(_ node: Node, path: String, sink: DiagnosticSink) -> Deadline? {
        if case .scalar = node {
            return FieldReader.date(node, path: path, sink: sink).map { Deadline(date: $0) }
        }
        guard let f = FieldReader(node, path: path, sink: sink, allowed: ["date", "precision", "text", "line", "cell"]) else {
            return nil
        }
        guard let date = f.date("date", required: true) else { return nil }
        let precision = f.has("precision") ? f.enumValue("precision", DeadlinePrecision.self) : .day
        guard let precision else { return nil }
        let deadline = Deadline(
            date: date, precision: precision, text: f.string("text"), line: f.int("line", minimum: 1), cell: f.string("cell"))
        if !deadline.isPeriodEnd {
            sink.error(
                f.markOf("date"),
                "\(path).date \(date) is not the last day of a \(precision.rawValue) period; a deadline's date is the last day of its period (e.g. \(Deadline(date: date, precision: precision).endOfPeriodExample)).")
            return nil
        }
        return deadline
    }

    static func evidence(_ node: Node, path: String, sink: DiagnosticSink) -> Evidence? {
        guard let f = FieldReader(node, path: path, sink: sink, allowed: ["text", "line", "cell"]) else { return nil }
        guard let text = f.string("text", required: true) else { return nil }
        return Evidence(text: text, line: f.int("line", minimum: 1), cell: f.string("cell"))
    }

    /// An instant: RFC 3339 (`2026-11-02T10:30:00+08:00`), or a bare date meaning its start
    /// in Asia/Shanghai.
    static func instant(_ node: Node, path: String, sink: DiagnosticSink) -> Date? {
        guard let text = node.scalar?.string else {
            sink.error(node.mark, "\(path) must be a time like 2026-11-02T10:30:00+08:00.")
            return nil
        }
        if let date = Timestamps.parse(text) { return date }
        sink.error(node.mark, "\(path) '\(text)' is not a time; write 2026-11-02T10:30:00+08:00 or a date 2026-11-02.")
        return nil
    }

    /// What Yams would accept in a `.json` file but JSON does not: a trailing comma, a key twice.
    public static func jsonSyntaxFault(_ text: String, file: String) -> (line: Int, column: Int, problem: String)? {
        guard file.lowercased().hasSuffix(".json") else { return nil }
        return JSONCursor.syntaxError(in: text)
    }

    /// Where a Yams parse error is, when it says.
    public static func syntaxMark(_ error: any Error) -> Mark? {
        guard let error = error as? YamlError else { return nil }
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark
        case .duplicatedKeysInMapping(_, let context): return context.mark
        default: return nil
        }
    }

    /// A Yams parse error as a sentence.
    public static func syntaxProblem(_ error: any Error) -> String {
        guard let error = error as? YamlError else { return "\(error)" }
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ") + "."
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key \(duplicates.joined(separator: ", ")) appears more than once in this mapping (first here); keep one."
        default: return "\(error)"
        }
    }

}

extension Deadline {
    fileprivate var endOfPeriodExample: String {
        switch precision {
        case .day: return date.description
        case .xun: return "10, 20 or the month's last day"
        case .month: return CalendarDate.endOfMonth(year: date.year, month: date.month).description
        case .quarter: return CalendarDate.endOfMonth(year: date.year, month: (date.month + 2) / 3 * 3).description
        case .halfYear: return date.month <= 6 ? "\(date.year)-06-30" : "\(date.year)-12-31"
        case .year: return "\(date.year)-12-31"
        }
    }
}
