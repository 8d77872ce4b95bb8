import RectifyCore

/// Counts of open, overdue and lagging items, kept up to date as items are evaluated.
///
/// An item's state changes only at its next instant, when the scheduler evaluates it again,
/// so the counts stay exact without evaluating every item for each status line.
struct StatusTally {
    private var states: [ItemState?] = []
    private(set) var open = 0
    private(set) var overdue = 0
    private(set) var lagging = 0

    mutating func reset(count: Int) {
        states = Array(repeating: nil, count: count)
        open = 0
        overdue = 0
        lagging = 0
    }

    mutating func record(_ state: ItemState, at index: Int) {
        if let old = states[index] { count(old, by: -1) }
        states[index] = state
        count(state, by: 1)
    }

    private mutating func count(_ state: ItemState, by delta: Int) {
        if state != .done { open += delta }
        if state == .overdue { overdue += delta }
        if state.lags { lagging += delta }
    }
}
