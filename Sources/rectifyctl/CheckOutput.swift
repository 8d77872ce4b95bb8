import Foundation
import RectifyCore

/// Renders a `StatusReport` for people (tables) and for scripts (JSON).
enum CheckOutput {
    static func text(_ report: StatusReport, style: TerminalStyle) -> String {
        var out: [String] = []
        let zone = TimeZone(identifier: Plan.defaultTimeZone)!
        out.append(style.bold("Checked at \(Timestamps.format(report.at, in: zone))"))
        let open = report.openRows
        var byState: [ItemState: [StatusReport.Row]] = [:]
        for row in open { byState[row.evaluation.state, default: []].append(row) }
        for state in ItemState.allCases where byState[state] != nil && state != .done {
            let rows = byState[state]!
            out.append("")
            let heading = "\(state.chineseLabel) \(state.rawValue) (\(rows.count))"
            out.append(colour(for: state, style: style)(style.bold(heading)))
            var table = TextTable(["PLAN", "ITEM", "DEADLINE", "DAYS", "RESPONSIBLE", "TITLE"])
            for row in rows {
                table.add([
                    row.plan.id, row.item.id, deadlineText(row.item),
                    daysText(row.evaluation), DisplayWidth.truncate(row.item.responsible?.label ?? "-", to: 24),
                    DisplayWidth.truncate(row.item.title, to: 60),
                ])
            }
            out.append(table.render(style: style))
        }
        out.append("")
        for summary in report.plans {
            let parts = ItemState.allCases.filter { $0 != .done }.compactMap { state -> String? in
                guard let n = summary.counts[state], n > 0 else { return nil }
                return "\(n) \(state.rawValue)"
            }
            let done = summary.counts[.done] ?? 0
            let line =
                "\(summary.plan.id): \(summary.plan.items.count) items, \(done) done, \(summary.open) open"
                + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
                + " — \(summary.plan.unit)"
            out.append(summary.lagging > 0 ? style.yellow(line) : style.green(line))
        }
        return out.joined(separator: "\n")
    }

    static func colour(for state: ItemState, style: TerminalStyle) -> (String) -> String {
        switch state {
        case .overdue, .milestoneMissed: return style.red
        case .dueSoon, .behindPace, .stale, .noDeadline: return style.yellow
        default: return style.green
        }
    }

    static func deadlineText(_ item: Item) -> String {
        guard let deadline = item.effectiveDeadline else { return "-" }
        var text = deadline.date.description
        if deadline.precision != .day { text += " (\(deadline.precision.rawValue))" }
        if !item.extensions.isEmpty { text += " ext" }
        return text
    }

    static func daysText(_ evaluation: Evaluation) -> String {
        if let overdue = evaluation.daysOverdue { return "\(overdue)d late" }
        if let left = evaluation.daysLeft { return "\(left)d left" }
        if let stale = evaluation.finding(.stale)?.days { return "\(stale)d quiet" }
        return "-"
    }

    static func json(_ report: StatusReport, files: [String] = []) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(CheckDocument(report: report, files: files)), as: UTF8.self)
    }
}

/// The `--json` document; documented in docs/check-output.md.
struct CheckDocument: Encodable {
    struct PlanEntry: Encodable {
        var id, unit, title: String
        /// The file the plan was loaded from.
        var file: String?
        /// Where the plan says it came from (a report, a document number).
        var source: String?
        var items, open, lagging: Int
        var counts: [String: Int]
    }

    struct FindingEntry: Encodable {
        var state: ItemState
        var since: String?
        var days: Int?
        var milestone: String?
        var progress_fraction: Double?
        var elapsed_fraction: Double?
    }

    struct ItemEntry: Encodable {
        var plan: String
        var id: String
        var title: String
        var category: [String]
        var status: ItemStatus
        var state: ItemState
        var colour: WarningColour?
        var findings: [FindingEntry]
        var deadline: Deadline?
        var original_deadline: Deadline?
        var due: String?
        var days_overdue: Int?
        var days_left: Int?
        var responsible: Responsibility?
        var progress: RectifyCore.Progress?
        var next_change: String?
    }

    var at: String
    var lagging: Bool
    var plans: [PlanEntry]
    var items: [ItemEntry]

    init(report: StatusReport, files: [String] = []) {
        let utc = TimeZone(identifier: "UTC")!
        func time(_ date: Date?, _ zone: TimeZone) -> String? { date.map { Timestamps.format($0, in: zone) } }
        at = Timestamps.format(report.at, in: utc)
        lagging = report.hasLagging
        plans = report.plans.enumerated().map { index, s in
            PlanEntry(
                id: s.plan.id, unit: s.plan.unit, title: s.plan.title, file: index < files.count ? files[index] : nil,
                source: s.plan.source, items: s.plan.items.count,
                open: s.open, lagging: s.lagging,
                counts: Dictionary(uniqueKeysWithValues: s.counts.map { ($0.key.rawValue, $0.value) }))
        }
        items = report.openRows.map { row in
            let zone = row.plan.zone
            let e = row.evaluation
            return ItemEntry(
                plan: row.plan.id, id: row.item.id, title: row.item.title, category: row.item.category,
                status: row.item.status, state: e.state, colour: e.colour,
                findings: e.findings.map {
                    FindingEntry(
                        state: $0.state, since: time($0.since, zone), days: $0.days, milestone: $0.milestone,
                        progress_fraction: $0.progressFraction, elapsed_fraction: $0.elapsedFraction)
                },
                deadline: row.item.effectiveDeadline,
                original_deadline: row.item.extensions.isEmpty ? nil : row.item.deadline,
                due: time(e.due, zone), days_overdue: e.daysOverdue, days_left: e.daysLeft,
                responsible: row.item.responsible, progress: row.item.progress, next_change: time(e.nextChange, zone))
        }
    }
}
