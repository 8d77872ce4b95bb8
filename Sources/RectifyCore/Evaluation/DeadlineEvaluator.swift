import Foundation

/// What the evaluator needs to know of the plan an item belongs to.
public struct PlanContext: Sendable {
    public var timeZone: TimeZone {
        didSet { days = ZoneDays(timeZone) }
    }
    /// The zone's days, for the evaluator's arithmetic.
    public private(set) var days: ZoneDays
    /// Pace is measured from the item's `start`, else from this date (feedback or report date).
    public var defaultStart: CalendarDate?
    /// Staleness counts from the item's last update, else from this instant (the report date).
    public var defaultLastUpdate: Date?

    public init(timeZone: TimeZone, defaultStart: CalendarDate? = nil, defaultLastUpdate: Date? = nil) {
        self.timeZone = timeZone
        self.days = ZoneDays(timeZone)
        self.defaultStart = defaultStart
        self.defaultLastUpdate = defaultLastUpdate
    }

    public init(plan: Plan) {
        let zone = plan.zone
        self.timeZone = zone
        self.days = ZoneDays(zone)
        self.defaultStart = plan.inspection?.feedbackDate ?? plan.reportDate
        self.defaultLastUpdate = plan.reportDate.map { $0.startInstant(in: zone) }
    }
}

/// Derives an item's state from stored facts and one `now`: pure, no clock, no I/O.
public struct DeadlineEvaluator: Sendable {
    public var policy: Policy

    public init(policy: Policy = .default) { self.policy = policy }

    public func evaluate(_ item: Item, in plan: Plan, at now: Date) -> Evaluation {
        evaluate(item, context: PlanContext(plan: plan), at: now)
    }

    public func evaluate(_ item: Item, context: PlanContext, at now: Date) -> Evaluation {
        if item.status == .done {
            return Evaluation(state: .done, findings: [], nextChange: nil)
        }
        let days = context.days
        let today = days.day(containing: now)
        var result = Evaluation(state: .onTrack, findings: [])
        var next = NextInstant(after: now)

        if let deadline = item.effectiveDeadline {
            let dueDate = policy.dueDate(deadline)
            let due = days.start(of: dueDate.adding(days: 1))
            result.due = due
            if now >= due {
                let days = dueDate.days(until: today)
                result.daysOverdue = days
                result.colour = .red
                result.findings.append(Finding(state: .overdue, since: due, days: days))
            } else {
                next.consider(due)
                let daysLeft = today.days(until: dueDate) + 1
                result.daysLeft = daysLeft
                for (index, window) in policy.reminderDays.enumerated() {
                    let opens = days.start(of: policy.windowOpens(window, due: dueDate))
                    if now >= opens {
                        result.colour = index == 0 ? .green : .yellow
                        if index == 0 {
                            result.findings.append(Finding(state: .dueSoon, since: opens, days: daysLeft))
                        } else {
                            result.findings[result.findings.count - 1].since = opens
                        }
                    } else {
                        next.consider(opens)
                    }
                }
                if let pace = paceFinding(item, deadlineDue: due, context: context, now: now, next: &next) {
                    result.findings.append(pace)
                }
            }
        }

        for milestone in item.milestones where !milestone.done {
            let due = days.start(of: milestone.deadline.date.adding(days: 1))
            if now >= due {
                result.findings.append(
                    Finding(
                        state: .milestoneMissed, since: due, days: milestone.deadline.date.days(until: today),
                        milestone: milestone.title))
            } else {
                next.consider(due)
            }
        }

        let isLongTerm = item.status == .longTerm
        if let base = item.lastUpdate ?? context.defaultLastUpdate {
            let limit = isLongTerm ? policy.longTermReview : policy.staleAfter
            let staleAt = base.addingTimeInterval(limit)
            if now >= staleAt {
                let quiet = days.day(containing: base).days(until: today)
                result.findings.append(Finding(state: .stale, since: staleAt, days: quiet))
            } else {
                next.consider(staleAt)
            }
        }

        if item.effectiveDeadline == nil {
            result.findings.append(Finding(state: isLongTerm ? .longTerm : .noDeadline))
        }

        result.findings.sort { $0.state < $1.state }
        result.state = result.findings.first?.state ?? .onTrack
        result.nextChange = next.earliest
        return result
    }

    /// Behind pace: progress fraction below the elapsed fraction minus the margin. Also
    /// yields the instant at which the item will fall behind if nothing is reported.
    private func paceFinding(
        _ item: Item, deadlineDue: Date, context: PlanContext, now: Date, next: inout NextInstant
    ) -> Finding? {
        guard let progress = item.progress, progress.fraction < 1,
            let startDay = item.start ?? context.defaultStart
        else { return nil }
        let start = context.days.start(of: startDay)
        let span = deadlineDue.timeIntervalSince(start)
        guard span > 0 else { return nil }
        let elapsed = max(0, now.timeIntervalSince(start) / span)
        let threshold = progress.fraction + policy.paceMargin
        if elapsed > threshold {
            return Finding(
                state: .behindPace, since: start.addingTimeInterval(threshold * span),
                progressFraction: progress.fraction, elapsedFraction: elapsed)
        }
        if threshold < 1 {
            // Strictly after the crossing, so the state has changed when the timer fires.
            next.consider(start.addingTimeInterval(threshold * span).addingTimeInterval(0.001))
        }
        return nil
    }
}

/// The earliest candidate instant strictly after `now`.
struct NextInstant {
    let now: Date
    private(set) var earliest: Date?

    init(after now: Date) { self.now = now }

    mutating func consider(_ instant: Date) {
        guard instant > now else { return }
        if let current = earliest, current <= instant { return }
        earliest = instant
    }
}
