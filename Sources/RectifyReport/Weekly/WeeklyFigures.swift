import Foundation
import RectifyCore

/// The figures of a weekly 情况通报, counted from plan states evaluated at the period's end.
public struct WeeklyFigures: Sendable {
    public struct Entry: Sendable {
        public var planID: String
        public var planTitle: String
        public var record: ItemRecord
    }

    /// An extension granted in the period.
    public struct Granted: Sendable {
        public var entry: Entry
        public var granted: Extension
        /// The deadline the extension replaced.
        public var previous: Deadline?
    }

    /// One row of the per-department table.
    public struct Department: Hashable, Sendable {
        public var name: String
        public var items = 0
        public var done = 0
        public var open = 0
        public var red = 0
        public var yellow = 0
        public var green = 0
        public var closedThisPeriod = 0
        public var newlyOverdue = 0
    }

    public var period: ReportPeriod
    /// When the states were evaluated: the period's end, or earlier for a period in progress
    /// (or a send that counts as it goes out).
    public var at: Date
    /// Items in all plans.
    public var items = 0
    public var done = 0
    public var open = 0
    public var plans: [(id: String, title: String, items: Int, done: Int)] = []
    /// Items per evaluated state, and open items per warning colour.
    public var states: [ItemState: Int] = [:]
    public var colours: [WarningColour: Int] = [:]
    /// Open items without a colour: 长期坚持, those with no deadline (未定时限), and those
    /// whose deadline is further off than the warning window (未到预警期).
    public var uncolouredLongTerm = 0
    public var uncolouredNoDeadline = 0
    public var uncolouredOnSchedule = 0
    /// Open items whose first overdue day falls in the period.
    public var newlyOverdue: [Entry] = []
    /// Items closed (销号) in the period.
    public var closed: [Entry] = []
    public var extensions: [Granted] = []
    public var departments: [Department] = []

    /// The name the table uses for items without a 责任科室.
    public static let noDepartment = "未明确责任科室"

    public init(_ states: [PlanState], period: ReportPeriod) {
        self.period = period
        self.at = states.map(\.at).max() ?? period.end
        var departments: [String: Department] = [:]
        var order: [String] = []
        for state in states {
            let zone = state.plan.zone
            var planDone = 0
            for record in state.items {
                let item = record.item
                let entry = Entry(planID: state.plan.id, planTitle: state.plan.title, record: record)
                let name = item.responsible?.department.flatMap { $0.isEmpty ? nil : $0 } ?? Self.noDepartment
                if departments[name] == nil {
                    departments[name] = Department(name: name)
                    order.append(name)
                }
                items += 1
                departments[name]!.items += 1
                self.states[record.evaluation.state, default: 0] += 1
                if item.status == .done {
                    done += 1
                    planDone += 1
                    departments[name]!.done += 1
                    if let day = Self.closedDay(record, zone: zone), period.contains(day) {
                        closed.append(entry)
                        departments[name]!.closedThisPeriod += 1
                    }
                } else {
                    open += 1
                    departments[name]!.open += 1
                    if let colour = record.evaluation.colour {
                        colours[colour, default: 0] += 1
                        switch colour {
                        case .red: departments[name]!.red += 1
                        case .yellow: departments[name]!.yellow += 1
                        case .green: departments[name]!.green += 1
                        }
                    } else if item.status == .longTerm {
                        uncolouredLongTerm += 1
                    } else if item.effectiveDeadline == nil {
                        uncolouredNoDeadline += 1
                    } else {
                        uncolouredOnSchedule += 1
                    }
                    if record.evaluation.state == .overdue, let due = record.evaluation.due,
                        period.contains(CalendarDate(containing: due, in: zone))
                    {
                        newlyOverdue.append(entry)
                        departments[name]!.newlyOverdue += 1
                    }
                }
                var previous = item.deadline
                for ext in item.extensions {
                    if period.contains(ext.granted) { extensions.append(Granted(entry: entry, granted: ext, previous: previous)) }
                    previous = ext.deadline
                }
            }
            plans.append((state.plan.id, state.plan.title, state.items.count, planDone))
        }
        // Most red first, then yellow, then most open; otherwise in the plans' order.
        self.departments = order.enumerated().map { ($0, departments[$1]!) }.sorted { a, b in
            let x = a.1, y = b.1
            if x.red != y.red { return x.red > y.red }
            if x.yellow != y.yellow { return x.yellow > y.yellow }
            if x.open != y.open { return x.open > y.open }
            return a.0 < b.0
        }.map(\.1)
    }

    /// The day an item was closed: its last 销号 note not followed by a reopening, else (plan
    /// files keep no history) the day of its last update when it is done.
    static func closedDay(_ record: ItemRecord, zone: TimeZone) -> CalendarDate? {
        guard record.item.status == .done else { return nil }
        if let last = record.notes.last(where: { $0.kind == .done || $0.kind == .reopen }) {
            return last.kind == .done ? last.day : nil
        }
        return record.item.lastUpdate.map { CalendarDate(containing: $0, in: zone) }
    }
}
