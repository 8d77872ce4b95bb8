import Foundation
import RectifyCore

/// The `--json` document, written as it is read from the report (docs/check-output.md): keys
/// sorted, optional values left out, byte for byte what `JSONEncoder` wrote before it streamed.
struct CheckDocument {
    let report: StatusReport
    let files: [String]

    func write(to out: inout OutputBuffer) {
        var json = PrettyJSONWriter(out)
        defer { out = json.out }
        json.beginObject()
        json.key("at")
        json.string(Timestamps.format(report.at, in: TimeZone(identifier: "UTC")!))
        json.key("items")
        json.beginArray()
        let zones = report.plans.map { ZoneDays($0.plan.zone) }
        for key in report.openOrder {
            json.element()
            let position = report.position(of: key)
            item(report.row(key), zone: zones[position.plan], to: &json)
        }
        json.endArray()
        json.key("lagging")
        json.bool(report.hasLagging)
        json.key("plans")
        json.beginArray()
        for (index, summary) in report.plans.enumerated() {
            json.element()
            plan(summary, file: index < files.count ? files[index] : nil, to: &json)
        }
        json.endArray()
        json.endObject()
        json.out.append("\n")
    }

    private func plan(_ s: StatusReport.PlanSummary, file: String?, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("counts")
        json.beginObject()
        for (state, count) in s.counts.map({ ($0.key.rawValue, $0.value) }).sorted(by: { $0.0 < $1.0 }) {
            json.key(state)
            json.int(count)
        }
        json.endObject()
        if let file { json.key("file"); json.string(file) }
        json.key("id"); json.string(s.plan.id)
        json.key("items"); json.int(s.plan.items.count)
        json.key("lagging"); json.int(s.lagging)
        json.key("open"); json.int(s.open)
        if let source = s.plan.source { json.key("source"); json.string(source) }
        json.key("title"); json.string(s.plan.title)
        json.key("unit"); json.string(s.plan.unit)
        json.endObject()
    }

    private func item(_ row: StatusReport.Row, zone: ZoneDays, to json: inout PrettyJSONWriter) {
        let item = row.item, e = row.evaluation
        json.beginObject()
        json.key("category")
        json.beginArray()
        for category in item.category { json.element(); json.string(category) }
        json.endArray()
        if let colour = e.colour { json.key("colour"); json.string(colour.rawValue) }
        if let left = e.daysLeft { json.key("days_left"); json.int(left) }
        if let overdue = e.daysOverdue { json.key("days_overdue"); json.int(overdue) }
        if let deadline = item.effectiveDeadline { json.key("deadline"); Self.deadline(deadline, to: &json) }
        if let due = e.due { json.key("due"); Self.time(due, zone, to: &json) }
        json.key("findings")
        json.beginArray()
        for finding in e.findings {
            json.element()
            json.beginObject()
            if let days = finding.days { json.key("days"); json.int(days) }
            if let elapsed = finding.elapsedFraction { json.key("elapsed_fraction"); json.double(elapsed) }
            if let milestone = finding.milestone { json.key("milestone"); json.string(milestone) }
            if let progress = finding.progressFraction { json.key("progress_fraction"); json.double(progress) }
            if let since = finding.since { json.key("since"); Self.time(since, zone, to: &json) }
            json.key("state"); json.string(finding.state.rawValue)
            json.endObject()
        }
        json.endArray()
        json.key("id"); json.string(item.id)
        if let next = e.nextChange { json.key("next_change"); Self.time(next, zone, to: &json) }
        if !item.extensions.isEmpty, let original = item.deadline { json.key("original_deadline"); Self.deadline(original, to: &json) }
        json.key("plan"); json.string(row.plan.id)
        if let progress = item.progress {
            json.key("progress")
            json.beginObject()
            json.key("done"); json.int(progress.done)
            if let line = progress.line { json.key("line"); json.int(line) }
            if let text = progress.text { json.key("text"); json.string(text) }
            json.key("total"); json.int(progress.total)
            if let unit = progress.unit { json.key("unit"); json.string(unit) }
            json.endObject()
        }
        if let responsible = item.responsible {
            json.key("responsible")
            json.beginObject()
            json.key("contacts")
            json.beginArray()
            for contact in responsible.contacts { json.element(); Self.contact(contact, to: &json) }
            json.endArray()
            if let department = responsible.department { json.key("department"); json.string(department) }
            if let leader = responsible.leader { json.key("leader"); Self.contact(leader, to: &json) }
            json.endObject()
        }
        json.key("state"); json.string(e.state.rawValue)
        json.key("status"); json.string(item.status.rawValue)
        json.key("title"); json.string(item.title)
        json.endObject()
    }

    private static func time(_ date: Date, _ zone: ZoneDays, to json: inout PrettyJSONWriter) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        Timestamps.append(date, in: zone, to: &bytes)
        json.string(bytes: bytes)
    }

    private static func deadline(_ d: Deadline, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("date")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        d.date.appendDigits(to: &bytes)
        json.string(bytes: bytes)
        if let line = d.line { json.key("line"); json.int(line) }
        json.key("precision"); json.string(d.precision.rawValue)
        if let text = d.text { json.key("text"); json.string(text) }
        json.endObject()
    }

    private static func contact(_ c: Contact, to json: inout PrettyJSONWriter) {
        json.beginObject()
        if let email = c.email { json.key("email"); json.string(email) }
        if let level = c.level { json.key("level"); json.string(level.rawValue) }
        if let name = c.name { json.key("name"); json.string(name) }
        if let phone = c.phone { json.key("phone"); json.string(phone) }
        if let role = c.role { json.key("role"); json.string(role) }
        json.endObject()
    }
}
