import Foundation
import RectifyCore

/// What the daemon knows of an item beyond its plan: when it was closed (销号), the latest
/// progress note, and the state it evaluated (with its configured policy).
public struct ItemRecord: Sendable {
    public var closedOn: CalendarDate?
    public var note: String?
    public var noteOn: CalendarDate?
    public var state: ItemState?
    public var daysOverdue: Int?
    public var daysLeft: Int?

    public init(
        closedOn: CalendarDate? = nil, note: String? = nil, noteOn: CalendarDate? = nil, state: ItemState? = nil,
        daysOverdue: Int? = nil, daysLeft: Int? = nil
    ) {
        self.closedOn = closedOn
        self.note = note
        self.noteOn = noteOn
        self.state = state
        self.daysOverdue = daysOverdue
        self.daysLeft = daysLeft
    }
}

/// A plan to export, with what the daemon adds to its items (by item id).
public struct ExportPlan: Sendable {
    public var plan: Plan
    public var records: [String: ItemRecord]

    public init(plan: Plan, records: [String: ItemRecord] = [:]) {
        self.plan = plan
        self.records = records
    }
}

/// The warning colour of a ledger row: red overdue, yellow due soon (or a missed step),
/// green on track, grey closed.
public enum LedgerShade: String, Sendable, CaseIterable {
    case red, yellow, green, grey
}

/// One printed row of the ledger: a problem's first measure, or a further measure under it.
struct LedgerLine: Sendable {
    var itemIndex: Int
    /// Whether this is the problem's first row (it carries the problem's merged cells).
    var first: Bool
    var measure: String
    var deadline: Deadline?
    /// A deadline in words where there is no date (长期坚持).
    var deadlineText: String?
    var status: String
    var remark: String?
}

/// A plan laid out as the ledger offices keep: one row per measure, grouped by problem, with
/// the state in words and as a shade. Pure: `now` and the policy are passed in.
struct LedgerDocument: Sendable {
    static let columns = ["序号", "问题类别", "反馈问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "完成情况", "督办预警", "完成日期", "备注"]

    struct Problem: Sendable {
        var item: Item
        var state: String
        var shade: LedgerShade
        var closedOn: CalendarDate?
        var lines: [LedgerLine]
    }

    var plan: Plan
    var asOf: CalendarDate
    var problems: [Problem]

    init(_ export: ExportPlan, now: Date, policy: Policy) {
        plan = export.plan
        let zone = plan.zone
        asOf = CalendarDate(containing: now, in: zone)
        let evaluator = DeadlineEvaluator(policy: policy)
        let context = PlanContext(plan: plan)
        problems = plan.items.enumerated().map { index, item in
            let record = export.records[item.id]
            let evaluation = evaluator.evaluate(item, context: context, at: now)
            let state = record?.state ?? evaluation.state
            let (words, shade) = Self.describe(
                state, item: item, evaluation: evaluation, record: record)
            return Problem(
                item: item, state: words, shade: shade, closedOn: record?.closedOn,
                lines: Self.lines(item, index: index, note: record?.note))
        }
    }

    /// The state in words and its shade.
    static func describe(_ state: ItemState, item: Item, evaluation: Evaluation, record: ItemRecord?) -> (String, LedgerShade) {
        switch state {
        case .done:
            return (record?.closedOn.map { "已销号（\($0.year)年\($0.month)月\($0.day)日）" } ?? "已完成", .grey)
        case .overdue:
            let days = record?.daysOverdue ?? evaluation.daysOverdue ?? 0
            return ("已逾期\(days)天", .red)
        case .milestoneMissed:
            let step = evaluation.finding(.milestoneMissed)?.milestone.map { "：\($0.prefix(20))" } ?? ""
            return ("节点逾期\(step)", .yellow)
        case .dueSoon:
            let days = record?.daysLeft ?? evaluation.daysLeft ?? 0
            return ("即将到期（剩\(days)天）", .yellow)
        case .behindPace: return ("进度滞后", .green)
        case .stale: return ("未报进展", .green)
        case .noDeadline: return ("未定时限", .green)
        case .longTerm: return ("长期坚持", .green)
        case .onTrack: return ("正常推进", .green)
        }
    }

    /// Status words the importer reads back: 已完成, 正在推进, 长期坚持, 尚未启动.
    static func statusWords(_ status: ItemStatus) -> String {
        switch status {
        case .done: return "已完成"
        case .inProgress: return "正在推进"
        case .notStarted: return "尚未启动"
        case .longTerm: return "长期坚持"
        }
    }

    /// The measure rows: one per milestone, then the item's own deadline when no milestone
    /// falls on it; a single row for an item without milestones.
    static func lines(_ item: Item, index: Int, note: String?) -> [LedgerLine] {
        let itemStatus = statusWords(item.status) + (note.map { "：\($0)" } ?? "")
        let extensionNote = item.extensions.last.map { ext in
            // The new deadline as precise as it was granted ("延期至2026年9月底", not a made-up day).
            "延期至" + ext.deadline.chineseDescription + (ext.statedReason.isEmpty ? "" : "（\(ext.statedReason)）")
        }
        var result: [LedgerLine] = []
        let effective = item.effectiveDeadline
        for milestone in item.milestones {
            var line = LedgerLine(
                itemIndex: index, first: result.isEmpty, measure: milestone.title, deadline: milestone.deadline,
                status: milestone.done ? "已完成" : statusWords(item.status == .done ? .done : .inProgress))
            // The row that carries the extended deadline shows the original date and the extension.
            if let effective, !item.extensions.isEmpty, milestone.deadline.date == effective.date, let original = item.deadline {
                line.deadline = original
                line.remark = extensionNote
            }
            result.append(line)
        }
        let onMilestone = item.milestones.contains { m in
            m.deadline.date == effective?.date || m.deadline.date == item.deadline?.date
        }
        // An open item whose measures are all done still has open work: 长期坚持, or work
        // without a date. It gets its own row, so the ledger does not read as done.
        let openWorkWithoutRow = item.status != .done && item.deadline == nil && !result.isEmpty && item.milestones.allSatisfy(\.done)
        if openWorkWithoutRow {
            result.append(
                LedgerLine(
                    itemIndex: index, first: false,
                    measure: measures(item).first { m in !item.milestones.contains { $0.title == m } }
                        ?? (item.status == .longTerm ? "长期坚持" : "持续整改"),
                    deadline: nil, status: itemStatus, remark: nil))
            result[result.count - 1].deadlineText = item.status == .longTerm ? "长期坚持" : nil
        } else if result.isEmpty || (item.deadline != nil && !onMilestone) {
            result.append(
                LedgerLine(
                    itemIndex: index, first: result.isEmpty, measure: result.isEmpty ? measureText(item) : "完成整改",
                    deadline: item.deadline, status: itemStatus, remark: extensionNote))
        } else if let last = result.indices.last, result.count == item.milestones.count {
            // With every row a milestone, the item's status and note go on its latest row.
            if item.status != .done, !item.milestones[last].done || note != nil { result[last].status = itemStatus }
        }
        return result
    }

    /// The measures an item's text states ("整改措施：…", as ledgers and labelled reports
    /// write them), else nothing: the problem itself is the row.
    static func measureText(_ item: Item) -> String { measures(item).first ?? "" }

    /// Every "整改措施：…" line of the item's text, in order.
    static func measures(_ item: Item) -> [String] {
        guard let text = item.text else { return [] }
        return text.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "整改措施：") ?? line.range(of: "整改措施:") else { return nil }
            var rest = line[range.upperBound...]
            for stop in ["；整改目标", "；整改时限", "；完成情况", "；完成日期", "；佐证材料", "；备注"] {
                if let end = rest.range(of: stop) { rest = rest[..<end.lowerBound] }
            }
            return String(rest)
        }
    }

    /// "绿色" words for the legend under the table.
    static let legend = "督办预警：红色＝已逾期；黄色＝即将到期（20天内）或节点逾期；绿色＝正常推进；灰色＝已完成、已销号。"
}
