import Foundation
import RectifyCore

/// What the board needs of one item: where it belongs, how it stands now, and when it closed.
public struct BoardItem: Sendable {
    public var unit: String
    public var department: String
    public var state: ItemState
    public var colour: WarningColour?
    /// The deadline in force (an approved extension's), and the plan's own.
    public var deadline: CalendarDate?
    public var originalDeadline: CalendarDate?
    /// The day it was closed (销号); nil while open, or when the plan file says done without a date.
    public var closedOn: CalendarDate?
    /// Closed, with no date known (the plan file said so).
    public var closedUndated: Bool

    public init(
        unit: String, department: String, state: ItemState, colour: WarningColour?, deadline: CalendarDate?,
        originalDeadline: CalendarDate?, closedOn: CalendarDate?, closedUndated: Bool
    ) {
        self.unit = unit
        self.department = department
        self.state = state
        self.colour = colour
        self.deadline = deadline
        self.originalDeadline = originalDeadline
        self.closedOn = closedOn
        self.closedUndated = closedUndated
    }

    var isClosed: Bool { state == .done }

    /// Closed by the deadline in force when it closed (an approved 延期 counts); an item the plan
    /// file lists as done without a date counts as on time.
    var closedOnTime: Bool {
        guard isClosed else { return false }
        guard let closedOn, let deadline else { return true }
        return closedOn <= deadline
    }
}

/// The board's figures (考评): counts per state and colour; per unit and per responsible
/// department the open, overdue, closed-on-time counts and the on-time rate; and a burndown of
/// open items by month. Pure: computed from the items and `today`.
public struct BoardFigures: Sendable {
    public struct Group: Sendable {
        public var name: String
        public var items = 0
        public var open = 0
        public var overdue = 0
        public var closed = 0
        public var closedOnTime = 0

        /// Closed on time ÷ (closed + overdue): the share of items that were due and met their
        /// deadline. nil when nothing was due yet.
        public var onTimeRate: Double? {
            let due = closed + overdue
            return due == 0 ? nil : Double(closedOnTime) / Double(due)
        }
    }

    /// One month of the burndown: open items at its end as the deadlines plan it, as they were
    /// (nil for months still to come), and items closed in it.
    public struct Month: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var plannedOpen: Int
        public var actualOpen: Int?
        public var closed: Int

        public var label: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    }

    public var total = 0
    public var open = 0
    public var states: [ItemState: Int] = [:]
    public var colours: [WarningColour: Int] = [:]
    public var all = Group(name: "合计")
    public var units: [Group] = []
    public var departments: [Group] = []
    public var months: [Month] = []

    public init(items: [BoardItem], today: CalendarDate, maxMonths: Int = 36) {
        var units: [String: Group] = [:]
        var departments: [String: Group] = [:]
        var closedByMonth: [Int: Int] = [:]
        var dueByMonth: [Int: Int] = [:]
        var noDeadline = 0
        var earliest = Int.max, latest = Int.min
        func monthKey(_ d: CalendarDate) -> Int { d.year * 12 + (d.month - 1) }
        let todayKey = monthKey(today)
        for item in items {
            total += 1
            states[item.state, default: 0] += 1
            if let colour = item.colour, !item.isClosed { colours[colour, default: 0] += 1 }
            if !item.isClosed { open += 1 }
            for (key, isUnit) in [(item.unit, true), (item.department, false)] {
                var group = (isUnit ? units[key] : departments[key]) ?? Group(name: key)
                Self.count(item, into: &group)
                if isUnit { units[key] = group } else { departments[key] = group }
            }
            Self.count(item, into: &all)
            if let planned = item.originalDeadline ?? item.deadline {
                let key = monthKey(planned)
                dueByMonth[key, default: 0] += 1
                earliest = min(earliest, key)
                latest = max(latest, key)
            } else {
                noDeadline += 1
            }
            if let closed = item.closedOn {
                let key = monthKey(closed)
                closedByMonth[key, default: 0] += 1
                earliest = min(earliest, key)
                latest = max(latest, key)
            }
        }
        self.units = units.values.sorted { ($0.overdue, $0.open, $1.name) > ($1.overdue, $1.open, $0.name) }
        self.departments = departments.values.sorted { ($0.overdue, $0.open, $1.name) > ($1.overdue, $1.open, $0.name) }
        guard earliest != Int.max else { return }
        // From the month before the first deadline (or close) to the last one, at most `maxMonths`.
        let first = max(earliest - 1, max(latest, todayKey) - maxMonths + 1)
        let last = max(latest, min(todayKey, first + maxMonths - 1))
        // Items closed without a date are taken as closed before the chart begins.
        let undated = items.filter { $0.isClosed && $0.closedOn == nil }.count
        var plannedOpen = total - noDeadline - dueByMonth.filter { $0.key < first }.values.reduce(0, +)
        var actualOpen = total - undated - closedByMonth.filter { $0.key < first }.values.reduce(0, +)
        for key in first...last {
            plannedOpen -= dueByMonth[key] ?? 0
            let closed = closedByMonth[key] ?? 0
            actualOpen -= closed
            months.append(
                Month(
                    year: key / 12, month: key % 12 + 1, plannedOpen: plannedOpen + noDeadline,
                    actualOpen: key <= todayKey ? actualOpen : nil, closed: closed))
        }
    }

    private static func count(_ item: BoardItem, into group: inout Group) {
        group.items += 1
        if item.isClosed {
            group.closed += 1
            if item.closedOnTime { group.closedOnTime += 1 }
        } else {
            group.open += 1
            if item.state == .overdue { group.overdue += 1 }
        }
    }
}
