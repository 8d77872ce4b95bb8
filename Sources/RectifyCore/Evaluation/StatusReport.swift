import Foundation

/// The evaluated picture of a set of plans at one instant: what `rectifyctl check` prints.
///
/// Compact at any size: it keeps the plans (shared, not copied), counts per plan, and the open
/// items' places in urgency order as `UrgencyKey`s. An item's evaluation is derived again when a
/// row is read (the evaluator is pure and cheap), so 100,000 items cost a few megabytes here.
public struct StatusReport: Sendable {
    public struct Row: Sendable {
        public var plan: Plan
        public var item: Item
        public var evaluation: Evaluation
    }

    public struct PlanSummary: Sendable {
        public var plan: Plan
        public var counts: [ItemState: Int]
        public var open: Int { counts.filter { $0.key != .done }.values.reduce(0, +) }
        public var lagging: Int { counts.filter { $0.key.lags }.values.reduce(0, +) }
    }

    /// Where an item is: its plan's index in `plans` and its index in that plan's items.
    public struct Position: Sendable {
        public var plan: Int
        public var item: Int
    }

    public let at: Date
    public let plans: [PlanSummary]
    /// Open items, most urgent first (`UrgencyKey`); `position(of:)` finds each.
    public let openOrder: [UrgencyKey]
    public let hasLagging: Bool
    private let evaluator: DeadlineEvaluator
    private let contexts: [PlanContext]
    /// The flat index where each plan's items begin.
    private let starts: [Int]

    public init(plans: [Plan], at now: Date, policy: Policy = .default) {
        let evaluator = DeadlineEvaluator(policy: policy)
        var summaries: [PlanSummary] = []
        var contexts: [PlanContext] = []
        var starts: [Int] = []
        var open: [UrgencyKey] = []
        var lagging = false
        var flat = 0
        for plan in plans {
            let context = PlanContext(plan: plan)
            var counts: [ItemState: Int] = [:]
            starts.append(flat)
            for item in plan.items {
                let evaluation = evaluator.evaluate(item, context: context, at: now)
                counts[evaluation.state, default: 0] += 1
                if evaluation.state != .done { open.append(UrgencyKey(evaluation, position: flat)) }
                if evaluation.state.lags { lagging = true }
                flat += 1
            }
            summaries.append(PlanSummary(plan: plan, counts: counts))
            contexts.append(context)
        }
        open.sort()
        self.at = now
        self.plans = summaries
        self.openOrder = open
        self.hasLagging = lagging
        self.evaluator = evaluator
        self.contexts = contexts
        self.starts = starts
    }

    /// The plan and item a key stands for.
    public func position(of key: UrgencyKey) -> Position {
        // The last plan starting at or before the index (an empty plan shares the next one's start).
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= key.index { low = mid } else { high = mid - 1 }
        }
        return Position(plan: low, item: key.index - starts[low])
    }

    public func plan(at position: Position) -> Plan { plans[position.plan].plan }
    public func item(at position: Position) -> Item { plans[position.plan].plan.items[position.item] }

    /// The item's evaluation at `at`, derived again.
    public func evaluation(at position: Position) -> Evaluation {
        evaluator.evaluate(plans[position.plan].plan.items[position.item], context: contexts[position.plan], at: at)
    }

    public func row(_ key: UrgencyKey) -> Row {
        let position = position(of: key)
        return Row(plan: plan(at: position), item: item(at: position), evaluation: evaluation(at: position))
    }

    /// Open rows, most urgent first, each derived as it is read.
    public var openRows: LazyMapSequence<[UrgencyKey], Row> { openOrder.lazy.map(row) }

    /// Every item's row, most urgent first (done items last, in load order). For small reports
    /// and tests: it evaluates everything again.
    public var rows: [Row] {
        var all = Array(openRows)
        for (p, summary) in plans.enumerated() {
            for i in summary.plan.items.indices {
                let position = Position(plan: p, item: i)
                let evaluation = evaluation(at: position)
                if evaluation.state == .done { all.append(Row(plan: summary.plan, item: item(at: position), evaluation: evaluation)) }
            }
        }
        return all
    }
}
