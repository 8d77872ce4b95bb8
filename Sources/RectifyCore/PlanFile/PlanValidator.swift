/// Checks the rules that span fields: a milestone after its item's deadline, a `done` item
/// with open milestones, an extension that does not extend. Pure: works on any `Plan`,
/// whether read from a file or imported from a report.
public enum PlanValidator {
    public struct Problem: Hashable, Sendable {
        public var itemID: String?
        /// The item's position in `plan.items`.
        public var itemIndex: Int?
        public var message: String
        public var isWarning: Bool
    }

    public static func problems(in plan: Plan) -> [Problem] {
        var problems: [Problem] = []
        var index = 0
        func error(_ item: Item, _ message: String) {
            problems.append(Problem(itemID: item.id, itemIndex: index, message: "item '\(item.id)': \(message)", isWarning: false))
        }
        func warning(_ item: Item, _ message: String) {
            problems.append(Problem(itemID: item.id, itemIndex: index, message: "item '\(item.id)': \(message)", isWarning: true))
        }
        for (position, item) in plan.items.enumerated() {
            index = position
            // The first date outside the years, in the order deadline, milestones, extensions
            // (found without gathering them in an array: a plan load runs this for every item).
            func outside(_ deadline: Deadline) -> Bool { !Deadline.plannableYears.contains(deadline.date.year) }
            let far =
                item.deadline.flatMap { outside($0) ? $0 : nil }
                ?? item.milestones.first(where: { outside($0.deadline) })?.deadline
                ?? item.extensions.first(where: { outside($0.deadline) })?.deadline
            if let far {
                error(
                    item,
                    "the deadline \(far.date) is outside the years \(Deadline.plannableYears.lowerBound)–\(Deadline.plannableYears.upperBound) a plan may use; write the real date.")
            }
            if item.status == .done, let open = item.milestones.first(where: { !$0.done }) {
                error(
                    item,
                    "status is done but milestone '\(open.title)' is not; mark the milestone done (done: true) or set the item's status to in_progress.")
            }
            if item.status == .longTerm, item.deadline != nil {
                warning(item, "status is long_term but it has a deadline; the deadline is watched, and the item also gets periodic reviews.")
            }
            if let deadline = item.effectiveDeadline {
                for milestone in item.milestones where milestone.deadline.date > deadline.date {
                    error(
                        item,
                        "milestone '\(milestone.title)' is due \(milestone.deadline.date), after the item's deadline \(deadline.date); a milestone is a step before the deadline — move it or extend the item.")
                }
            }
            var previous = item.deadline
            for (index, ext) in item.extensions.enumerated() {
                if let previous, ext.deadline.date <= previous.date {
                    error(
                        item,
                        "extensions[\(index)] moves the deadline to \(ext.deadline.date), which is not after \(previous.date); an extension must give a later date.")
                }
                if let previous, ext.granted > previous.date {
                    warning(
                        item,
                        "extensions[\(index)] was granted on \(ext.granted), after the deadline \(previous.date) had passed; 延期 is normally requested before the deadline.")
                }
                previous = ext.deadline
            }
            if let progress = item.progress, item.status == .done, progress.done < progress.total {
                warning(item, "status is done but progress says \(progress.done) of \(progress.total).")
            }
        }
        return problems
    }
}
