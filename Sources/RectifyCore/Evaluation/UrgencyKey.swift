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
    /// Days overdue, -1 when not overdue.
    private var daysOverdue: Int32
    /// The due instant (seconds since 1970), +∞ when there is none.
    private var due: Double
    /// The item's position among all loaded items: the tie-break, and what the key stands for.
    public private(set) var position: Int32

    public init(_ evaluation: Evaluation, position: Int) {
        state = evaluation.state
        rank = UInt8(evaluation.state.precedence)
        daysOverdue = Int32(clamping: evaluation.daysOverdue ?? -1)
        due = evaluation.due?.timeIntervalSince1970 ?? .infinity
        self.position = Int32(position)
    }

    public var index: Int { Int(position) }

    public static func < (a: UrgencyKey, b: UrgencyKey) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.daysOverdue != b.daysOverdue { return a.daysOverdue > b.daysOverdue }
        if a.due != b.due { return a.due < b.due }
        return a.position < b.position
    }
}
