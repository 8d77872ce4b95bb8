import Logging
import RectifyCore

/// The three-colour ladder checked at load: a rung whose role names nobody in a plan is a
/// warning, not an error (the default recipient still gets the alert).
extension AlertPlanner {
    /// The ladder's rungs that name nobody in `plan` ("yellow: 分管领导"), for a warning at load.
    static func ladderGaps(_ plan: Plan, routing: Routing) -> [String] {
        guard routing.usesThreeColourLadder(plan) else { return [] }
        var gaps: [String] = []
        let open = plan.items.filter { $0.status != .done }
        if open.contains(where: { ($0.responsible?.contacts ?? []).isEmpty }) { gaps.append("green: 主办人 (responsible.contacts) of some items") }
        if open.contains(where: { $0.responsible?.leader == nil }) && !plan.leaders.contains(where: { $0.level == .deputy }) {
            gaps.append("yellow: 分管领导 (responsible.leader or a leader with level: deputy)")
        }
        if !plan.leaders.contains(where: { $0.level == .main }) { gaps.append("red: 主要负责人 (a leader with level: main)") }
        if plan.owner == nil { gaps.append("red: plan owner (整改办)") }
        return gaps
    }

    /// Says once, for all plans, which rungs of the ladder name nobody, and how to fix it:
    /// a warning when those alerts reach nobody, a notice when the default recipient gets them.
    static func warnLadderGaps(_ plans: [Plan], routing: Routing, logger: Logger) {
        var groups: [(gaps: [String], plans: [String])] = []
        for plan in plans {
            let gaps = ladderGaps(plan, routing: routing)
            guard !gaps.isEmpty else { continue }
            if let index = groups.firstIndex(where: { $0.gaps == gaps }) { groups[index].plans.append(plan.id) } else {
                groups.append((gaps, [plan.id]))
            }
        }
        guard !groups.isEmpty else { return }
        let count = groups.reduce(0) { $0 + $1.plans.count }
        let missing = groups.count == 1
            ? groups[0].gaps.joined(separator: "; ")
            : groups.map { "\($0.plans.joined(separator: ", ")): \($0.gaps.joined(separator: "; "))" }.joined(separator: " | ")
        let fix = "name them in each plan file: leaders with level: main / deputy, owner, and responsible.contacts (docs/plan-format.md)"
        let subject = count == 1 ? "1 plan names" : "\(count) plans name"
        var metadata: Logger.Metadata = [
            "plans": "\(groups.flatMap(\.plans).joined(separator: ", "))", "missing": "\(missing)", "fix": "\(fix)",
        ]
        if let fallback = routing.defaultRecipient?.email {
            metadata["recipient"] = "\(fallback)"
            logger.notice(
                "three-colour ladder: \(subject) nobody for some rungs; those alerts go to routing.default_recipient",
                metadata: metadata)
        } else {
            metadata["fix"] = "\(fix); or set routing.default_recipient"
            logger.warning(
                "three-colour ladder: \(subject) nobody for some rungs; those alerts reach nobody",
                metadata: metadata)
        }
    }
}
