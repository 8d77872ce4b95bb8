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

    /// Logs a warning for every plan whose ladder has a rung with nobody on it.
    static func warnLadderGaps(_ plans: [Plan], routing: Routing, logger: Logger) {
        for plan in plans {
            let gaps = ladderGaps(plan, routing: routing)
            guard !gaps.isEmpty else { continue }
            logger.warning(
                "three-colour ladder has a rung with nobody to send to",
                metadata: [
                    "plan": "\(plan.id)", "missing": "\(gaps.joined(separator: "; "))",
                    "hint": "add the contacts to the plan (leaders, owner) or set routing.default_recipient",
                ])
        }
    }

}
