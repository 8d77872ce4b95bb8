import Foundation

/// The evaluated picture of a set of plans at one instant: what `rectifyctl check` prints.
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

    public var at: Date
    /// Every item's row, most urgent first (see `urgencyOrder`).
    public var rows: [Row]
    public var plans: [PlanSummary]

    public init(plans: [Plan], at now: Date, policy: Policy = .default) {
        let evaluator = DeadlineEvaluator(policy: policy)
        var rows: [Row] = []
        var summaries: [PlanSummary] = []
        for plan in plans {
            let context = PlanContext(plan: plan)
            var counts: [ItemState: Int] = [:]
            for item in plan.items {
                let evaluation = evaluator.evaluate(item, context: context, at: now)
                counts[evaluation.state, default: 0] += 1
                rows.append(Row(plan: plan, item: item, evaluation: evaluation))
            }
            summaries.append(PlanSummary(plan: plan, counts: counts))
        }
        rows.sort(by: StatusReport.urgencyOrder)
        self.at = now
        self.rows = rows
        self.plans = summaries
    }

    /// Open rows only, in urgency order.
    public var openRows: [Row] { rows.filter { $0.evaluation.state != .done } }

    public var hasLagging: Bool { rows.contains { $0.evaluation.state.lags } }

    /// Urgency order (see `Evaluation.urgencyPrecedes`), then plan and item id so the order
    /// is stable.
    public static func urgencyOrder(_ a: Row, _ b: Row) -> Bool {
        if let order = a.evaluation.urgencyPrecedes(b.evaluation) { return order }
        if a.plan.id != b.plan.id { return a.plan.id < b.plan.id }
        return a.item.id.count != b.item.id.count ? a.item.id.count < b.item.id.count : a.item.id < b.item.id
    }
}
