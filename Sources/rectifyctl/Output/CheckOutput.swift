import Foundation
import RectifyCore

/// Renders a `StatusReport` for people (tables) and for scripts (JSON), writing as it goes:
/// rows are derived from the report one at a time and never held once printed.
enum CheckOutput {
    static func text(_ report: StatusReport, style: TerminalStyle, to out: inout OutputBuffer) {
        let zone = TimeZone(identifier: Plan.defaultTimeZone)!
        out.append(style.bold("Checked at \(Timestamps.format(report.at, in: zone))"))
        let order = report.openOrder
        var start = 0
        while start < order.count {
            let state = order[start].state
            var end = start
            while end < order.count, order[end].state == state { end += 1 }
            out.append("\n\n")
            out.append(colour(for: state, style: style)(style.bold("\(state.chineseLabel) \(state.rawValue) (\(end - start))")))
            StateTable(report: report, keys: order[start..<end]).write(to: &out, style: style)
            start = end
        }
        out.append("\n")
        for summary in report.plans {
            let parts = ItemState.allCases.filter { $0 != .done }.compactMap { state -> String? in
                guard let n = summary.counts[state], n > 0 else { return nil }
                return "\(n) \(state.rawValue)"
            }
            let done = summary.counts[.done] ?? 0
            let line =
                "\(summary.plan.id): \(summary.plan.items.count) items, \(done) done, \(summary.open) open"
                + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
                + (summary.plan.unit.isEmpty ? "" : " — \(summary.plan.unit)")
            out.append("\n")
            out.append(summary.lagging > 0 ? style.yellow(line) : style.green(line))
        }
        out.append("\n")
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

    /// `deadlineText(item)`'s width without making it (it is ASCII: a date, a precision, "ext").
    static func deadlineWidth(_ item: Item) -> Int {
        guard let deadline = item.effectiveDeadline else { return 1 }
        return 10 + (deadline.precision == .day ? 0 : deadline.precision.rawValue.utf8.count + 3)
            + (item.extensions.isEmpty ? 0 : 4)
    }

    /// The DAYS cell, from what the key kept of the item's evaluation.
    static func daysText(_ key: UrgencyKey) -> String {
        switch key.counting {
        case .late: return "\(key.days)d late"
        case .left: return "\(key.days)d left"
        case .quiet: return "\(key.days)d quiet"
        case .none: return "-"
        }
    }

    /// `deadlineText(item)` written to `out` without making it; returns its width.
    static func writeDeadline(_ item: Item, to out: inout OutputBuffer) -> Int {
        guard let deadline = item.effectiveDeadline else {
            out.append("-" as StaticString)
            return 1
        }
        let start = out.bytes.count
        deadline.date.appendDigits(to: &out.bytes)
        if deadline.precision != .day {
            out.append(" (" as StaticString)
            out.append(deadline.precision.rawValue)
            out.append(byte: UInt8(ascii: ")"))
        }
        if !item.extensions.isEmpty { out.append(" ext" as StaticString) }
        return out.bytes.count - start
    }
}

/// One state's table: columns sized in a first pass over its rows, written in a second. Only the
/// cells that cost something to make (days, responsible) are kept between the passes.
struct StateTable {
    let report: StatusReport
    let keys: ArraySlice<UrgencyKey>
    static let header = ["PLAN", "ITEM", "DEADLINE", "DAYS", "RESPONSIBLE", "TITLE"]

    func write(to out: inout OutputBuffer, style: TerminalStyle) {
        let items = report.plans.map(\.plan.items), planIDs = report.plans.map(\.plan.id)
        let planWidths = planIDs.map(DisplayWidth.of)
        var widths = Self.header.dropLast().map(DisplayWidth.of)
        var days: [String] = []
        var responsible: [String] = []
        days.reserveCapacity(keys.count)
        responsible.reserveCapacity(keys.count)
        for key in keys {
            let position = report.position(of: key)
            let item = items[position.plan][position.item]
            let daysCell = CheckOutput.daysText(key)
            let responsibleCell = DisplayWidth.truncate(item.responsible?.label ?? "-", to: 24)
            widths[0] = max(widths[0], planWidths[position.plan])
            widths[1] = max(widths[1], DisplayWidth.of(item.id))
            widths[2] = max(widths[2], CheckOutput.deadlineWidth(item))
            widths[3] = max(widths[3], daysCell.utf8.count)
            widths[4] = max(widths[4], DisplayWidth.of(responsibleCell))
            days.append(daysCell)
            responsible.append(responsibleCell)
        }
        out.append("\n")
        var header = "  "
        for (i, name) in Self.header.enumerated() {
            header += i == Self.header.count - 1 ? name : DisplayWidth.pad(name, to: widths[i]) + "  "
        }
        out.append(style.dim(header))
        for (row, key) in keys.enumerated() {
            let position = report.position(of: key)
            let item = items[position.plan][position.item]
            out.append("\n  ")
            cell(planIDs[position.plan], width: planWidths[position.plan], column: 0, widths: widths, to: &out)
            cell(item.id, width: DisplayWidth.of(item.id), column: 1, widths: widths, to: &out)
            let deadlineWidth = CheckOutput.writeDeadline(item, to: &out)
            out.append(spaces: widths[2] - deadlineWidth + 2)
            cell(days[row], width: days[row].utf8.count, column: 3, widths: widths, to: &out)
            cell(responsible[row], width: DisplayWidth.of(responsible[row]), column: 4, widths: widths, to: &out)
            out.append(DisplayWidth.truncate(item.title, to: 60))
        }
    }

    /// A padded cell and the two spaces after it; `width` is the cell's own (deadlines and days
    /// are ASCII: their width is their length).
    private func cell(_ text: String, width: Int, column: Int, widths: [Int], to out: inout OutputBuffer) {
        out.append(text)
        out.append(spaces: widths[column] - width + 2)
    }
}
