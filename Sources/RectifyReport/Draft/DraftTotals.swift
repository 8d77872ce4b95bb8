import RectifyCore

/// The figures of a draft's totals paragraph, counted from the items as they stand.
public struct DraftTotals: Hashable, Sendable {
    /// Problems fed back: every item of the plan.
    public var problems = 0
    public var done = 0
    /// Open with a deadline or without one (in progress, not started).
    public var inProgress = 0
    /// Of those, not started (尚未启动).
    public var notStarted = 0
    /// Overdue items not started (a part of `overdue`).
    public var overdueNotStarted = 0
    /// 长期坚持.
    public var longTerm = 0
    /// Open items past their deadline (a part of `inProgress`).
    public var overdue = 0
    /// Measures (整改措施): per item its milestones, or the item itself when it has none;
    /// nil when no item records milestones (the plan does not list measures).
    public var measures: Int?
    /// Of those, done: the milestones done, and every measure of an item that is done.
    public var measuresDone: Int?
    /// Items with an extension (延期) on record.
    public var extended = 0
    /// Extended items that are still open.
    public var extendedOpen = 0

    public var open: Int { inProgress + longTerm }

    /// Counts `items` as they stand (their evaluations decide which open ones are overdue).
    public init(_ items: [ItemRecord]) {
        let recordsMeasures = items.contains { !$0.item.milestones.isEmpty }
        var measures = 0, measuresDone = 0
        for record in items {
            let item = record.item
            problems += 1
            switch item.status {
            case .done: done += 1
            case .longTerm: longTerm += 1
            case .inProgress: inProgress += 1
            case .notStarted:
                inProgress += 1
                notStarted += 1
            }
            if item.isOpen, record.evaluation.state == .overdue {
                overdue += 1
                if item.status == .notStarted { overdueNotStarted += 1 }
            }
            let count = max(1, item.milestones.count)
            measures += count
            if item.status == .done {
                measuresDone += count
            } else {
                measuresDone += item.milestones.filter(\.done).count
            }
            if !item.extensions.isEmpty {
                extended += 1
                if item.isOpen { extendedOpen += 1 }
            }
        }
        if recordsMeasures {
            self.measures = measures
            self.measuresDone = measuresDone
        }
    }

    /// Done as a share of all problems, to one decimal: "83.3%".
    public var completionRate: String { Self.rate(done, of: problems) }

    /// `part` as a share of `whole`, rounded to one decimal, without a trailing ".0": "83.3%", "100%".
    static func rate(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        let tenths = (part * 1000 + whole / 2) / whole
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }
}
