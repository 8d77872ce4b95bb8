import Foundation

/// An item's place in the one urgency order of reports and queries, as a small value that sorts
/// without touching the item: state precedence, then the longest overdue, then the nearest due
/// instant (an item with one before one without) — `Evaluation.urgencyPrecedes` — and ties in
/// the order the items were loaded (plans in the order given, items in file order).
///
/// `rectifyctl check` and the daemon's queries sort 100,000 of these, not the rows themselves.
public struct UrgencyKey: Comparable, Sendable {
    /// The item's state (its leading finding).
    public private(set) var state: ItemState
    private var rank: UInt8
    /// What `days` counts (laid out here and last, in the struct's padding: still 24 bytes).
    public private(set) var counting: DayCount
    /// Days overdue, -1 when not overdue.
    private var daysOverdue: Int32
    /// The due instant (seconds since 1970), +∞ when there is none.
    private var due: Double
    /// The item's position among all loaded items: the tie-break, and what the key stands for.
    public private(set) var position: Int32
    /// The day count a list shows beside the item (`counting`): a table of 80,000 rows need not
    /// evaluate every item again for it.
    public private(set) var days: Int32

    /// Days overdue, else days left, else days without an update, else none.
    public enum DayCount: UInt8, Sendable { case none, late, left, quiet }

    public init(_ evaluation: Evaluation, position: Int) {
        state = evaluation.state
        rank = UInt8(evaluation.state.precedence)
        daysOverdue = Int32(clamping: evaluation.daysOverdue ?? -1)
        due = evaluation.due?.timeIntervalSince1970 ?? .infinity
        self.position = Int32(position)
        if let overdue = evaluation.daysOverdue {
            (counting, days) = (.late, Int32(clamping: overdue))
        } else if let left = evaluation.daysLeft {
            (counting, days) = (.left, Int32(clamping: left))
        } else if let quiet = evaluation.finding(.stale)?.days {
            (counting, days) = (.quiet, Int32(clamping: quiet))
        } else {
            (counting, days) = (.none, 0)
        }
    }

    public var index: Int { Int(position) }

    public static func < (a: UrgencyKey, b: UrgencyKey) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.daysOverdue != b.daysOverdue { return a.daysOverdue > b.daysOverdue }
        if a.due != b.due { return a.due < b.due }
        return a.position < b.position
    }
}
