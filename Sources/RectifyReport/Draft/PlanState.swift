import Foundation
import RectifyCore

/// One plan as it stands at an instant: the plan with every update laid over it (销号, 延期,
/// progress), each item's evaluation, and what was reported on each item. This is what a
/// report is drafted from, offline (plan files, reports, ledgers) or from the daemon.
public struct PlanState: Sendable {
    public var plan: Plan
    /// One record per item of `plan`, in the plan's order.
    public var items: [ItemRecord]
    /// The instant the evaluations were made at.
    public var at: Date

    public init(plan: Plan, items: [ItemRecord], at: Date) {
        self.plan = plan
        self.items = items
        self.at = at
    }

    /// Evaluates every item of `plan` at `now`; `account` and `notes` give, per item id, what
    /// the last report said and the progress notes since (empty when unknown).
    public init(
        plan: Plan, at now: Date, policy: Policy = .default, account: (Item) -> String = { _ in "" },
        notes: [String: [ProgressNote]] = [:]
    ) {
        let evaluator = DeadlineEvaluator(policy: policy)
        let context = PlanContext(plan: plan)
        self.plan = plan
        self.at = now
        self.items = plan.items.map { item in
            ItemRecord(
                item: item, evaluation: evaluator.evaluate(item, context: context, at: now), account: account(item),
                notes: notes[item.id] ?? [])
        }
    }
}

/// An item, its state and what was reported on it.
public struct ItemRecord: Sendable {
    public var item: Item
    public var evaluation: Evaluation
    /// What the last report said was done, as one paragraph (the item's text without its heading,
    /// its problem statement and its labelled fields; `RectifyImport.ItemAccount` makes it).
    public var account: String
    /// Progress reported since, oldest first.
    public var notes: [ProgressNote]

    public init(item: Item, evaluation: Evaluation, account: String = "", notes: [ProgressNote] = []) {
        self.item = item
        self.evaluation = evaluation
        self.account = account
        self.notes = notes
    }
}

/// A progress note from the item's history (留痕): what was reported, when, with what evidence.
public struct ProgressNote: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// 报告进展.
        case progress
        /// A milestone (节点) reported done.
        case milestoneDone = "milestone_done"
        /// 销号: the item closed.
        case done
        /// Reopened after it was closed (回头看 found it back).
        case reopen
    }

    public var day: CalendarDate
    public var kind: Kind
    public var text: String
    /// The evidence named with the note (佐证材料: a file, a document number).
    public var evidence: String?
    /// The milestone a `milestoneDone` note closes.
    public var milestone: String?
    /// Counted progress reported with the note (61 of 79).
    public var done: Int?
    public var total: Int?

    public init(
        day: CalendarDate, kind: Kind, text: String, evidence: String? = nil, milestone: String? = nil, done: Int? = nil,
        total: Int? = nil
    ) {
        self.day = day
        self.kind = kind
        self.text = text
        self.evidence = evidence
        self.milestone = milestone
        self.done = done
        self.total = total
    }
}
