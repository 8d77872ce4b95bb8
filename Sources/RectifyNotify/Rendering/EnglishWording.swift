import Foundation
import RectifyCore

/// The English wording (`language: "en"`).
struct EnglishWording: NoticeWording {
    let languageTag = "en"
    let nextStepsTitle = "What to do next"
    let labels = RowLabels(
        number: "No.", colour: "Warning", item: "Item", itemID: "ID", plan: "Plan", deadline: "Deadline",
        timing: "Status", responsible: "Responsible", evidence: "Plan text")

    func subject(colour: WarningColour?, kinds: [AlertKind], itemCount: Int, units: [String]) -> String {
        let tag = colour.map { "[\(Self.colourName($0))] " } ?? ""
        let title = kinds.count == 1 ? Self.title(kinds[0]) : "Rectification items need attention"
        let unit: String
        switch units.count {
        case 0: unit = ""
        case 1: unit = " (\(units[0]))"
        default: unit = " (\(units[0]) and \(units.count - 1) more)"
        }
        return "\(tag)\(title): \(itemCount)\(unit)"
    }

    private static func title(_ kind: AlertKind) -> String {
        switch kind {
        case .escalation: return "Overdue rectification items escalated"
        case .overdue: return "Rectification items overdue"
        case .milestoneMissed: return "Rectification milestones missed"
        case .reminder: return "Rectification deadlines approaching"
        case .stale: return "Rectification progress reports due"
        case .noDeadline: return "Rectification items without a deadline"
        case .resolved: return "Rectification items completed"
        case .digest: return "Open rectification items"
        }
    }

    private static func colourName(_ colour: WarningColour) -> String {
        switch colour {
        case .red: return "Red warning"
        case .yellow: return "Yellow warning"
        case .green: return "Green warning"
        }
    }

    func greeting(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return "Dear colleagues," }
        return "Dear \(name),"
    }

    func intro(at time: LocalTime, zone: TimeZoneLabel, plans: [String], itemCount: Int) -> String {
        let when = "\(Self.day(time.date)) \(time.clock) (\(zone.isBeijing ? "Beijing time" : "UTC" + zone.offset))"
        let source: String
        switch plans.count {
        case 0: source = "the rectification plans"
        case 1: source = "the plan “\(plans[0])”"
        default: source = "“\(plans[0])” and \(plans.count - 1) more plans"
        }
        let items = itemCount == 1 ? "1 item" : "\(itemCount) items"
        return "As of \(when), \(items) of \(source) that you are responsible for need attention:"
    }

    func sectionTitle(_ kind: AlertKind, index: Int, count: Int) -> String {
        let name: String
        switch kind {
        case .escalation: name = "Escalated: overdue items"
        case .overdue: name = "Overdue items"
        case .milestoneMissed: name = "Missed milestones"
        case .reminder: name = "Deadlines approaching"
        case .stale: name = "No progress reported"
        case .noDeadline: name = "Items without a deadline"
        case .resolved: name = "Completed items"
        case .digest: name = "Open items"
        }
        return "\(index). \(name) (\(count))"
    }

    func colourLabel(_ colour: WarningColour?) -> String {
        colour.map { Self.colourName($0).replacingOccurrences(of: " warning", with: "").lowercased() } ?? "—"
    }

    func deadline(_ entry: NoticeEntry) -> String {
        guard let deadline = entry.deadline else { return "none" }
        var text = Self.describe(deadline)
        if let original = entry.originalDeadline, original != deadline {
            text += " (extended from \(Self.describe(original)))"
        }
        return text
    }

    func timing(_ entry: NoticeEntry) -> String {
        if entry.kind == .resolved || entry.state == .done { return "done" }
        var parts: [String] = []
        if entry.kind == .milestoneMissed, let milestone = entry.milestone {
            parts.append("milestone “\(milestone)” missed")
        } else if let days = entry.daysOverdue {
            parts.append(days == 1 ? "1 day overdue" : "\(days) days overdue")
        } else if let days = entry.daysLeft {
            parts.append(days <= 1 ? "due today" : "\(days) days left")
        }
        if let days = entry.daysSinceUpdate, entry.kind == .stale || entry.state == .stale {
            parts.append("no progress report for \(days) days")
        }
        if entry.deadline == nil && parts.isEmpty { parts.append("no deadline set") }
        return parts.isEmpty
            ? entry.state.rawValue.replacingOccurrences(of: "_", with: " ") : parts.joined(separator: "; ")
    }

    func responsible(_ entry: NoticeEntry) -> String {
        entry.responsible.flatMap { $0.isEmpty ? nil : $0 } ?? "not named"
    }

    func evidence(_ text: String, line: Int?) -> String {
        "“\(text)”" + (line.map { " (line \($0))" } ?? "")
    }

    func nextSteps(kinds: Set<AlertKind>, exampleItem: String?) -> [NextStep] {
        guard let item = exampleItem else {
            return [NextStep(text: "These items are closed; no action is needed.", command: nil)]
        }
        var steps = [
            NextStep(
                text: "Report progress (with the evidence) as soon as an item is done or has moved on:",
                command: command("progress", item: item, arguments: "--note \"what was done\"")),
            NextStep(
                text:
                    "If an item cannot be finished in time, ask for an extension before the deadline; once approved, record it (the original deadline stays on record):",
                command: command("extend", item: item, arguments: "--to YYYY-MM-DD --reason \"why\"")),
        ]
        if kinds.contains(.overdue) || kinds.contains(.escalation) || kinds.contains(.milestoneMissed) {
            steps.append(
                NextStep(
                    text:
                        "For overdue items, explain the delay in writing and give a completion date to the rectification office.",
                    command: nil))
        }
        if kinds.contains(.noDeadline) {
            steps.append(
                NextStep(
                    text: "Items without a deadline need one: the rectification office sets it with the department.",
                    command: nil))
        }
        return steps
    }

    func signature(sender: String?, at time: LocalTime) -> [String] {
        [sender.flatMap { $0.isEmpty ? nil : $0 } ?? "Rectification office", Self.day(time.date)]
    }

    func footer(noticeID: String) -> String {
        "Sent automatically by rectifyd from the rectification plans; please do not reply. Notice \(noticeID)."
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func day(_ date: CalendarDate) -> String { "\(date.day) \(months[date.month - 1]) \(date.year)" }

    /// "30 Apr 2026", "end of Apr 2026", "late Apr 2026", "end of Q2 2026", "H1 2026", "end of 2026".
    static func describe(_ deadline: Deadline) -> String {
        let date = deadline.date
        let month = "\(months[date.month - 1]) \(date.year)"
        switch deadline.precision {
        case .day: return day(date)
        case .xun: return (date.day <= 10 ? "early " : date.day <= 20 ? "mid " : "late ") + month
        case .month: return "end of " + month
        case .quarter: return "end of Q\((date.month - 1) / 3 + 1) \(date.year)"
        case .halfYear: return (date.month <= 6 ? "H1 " : "H2 ") + "\(date.year)"
        case .year: return "end of \(date.year)"
        }
    }
}
