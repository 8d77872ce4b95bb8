import RectifyCore

/// The languages a notice is written in, and their words: one phrase table in which every
/// phrase has its Chinese and its English side by side (`pick`), so a new language is a new
/// case and one more argument to `pick` — the compiler then asks for every phrase in it.
/// `NoticeComposer` decides what is said and in which order; the table only says it.
public enum NoticeLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// `en…` is English; anything else the default, Chinese.
    public init(tag: String) { self = tag.lowercased().hasPrefix("en") ? .en : .zh }

    private func pick(zh: @autoclosure () -> String, en: @autoclosure () -> String) -> String {
        switch self {
        case .zh: return zh()
        case .en: return en()
        }
    }

    var tag: String { pick(zh: "zh-CN", en: "en") }

    // MARK: layout punctuation

    /// Between a label and its value in plain text.
    var colon: String { pick(zh: "：", en: ": ") }
    /// At the end of a heading in plain text.
    var headingColon: String { pick(zh: "：", en: ":") }
    /// Indent of the intro paragraph in plain text (全角 spaces in Chinese).
    var paragraphIndent: String { pick(zh: "　　", en: "") }
    func partSuffix(_ part: Int, _ total: Int) -> String { pick(zh: "（\(part)/\(total)）", en: " (\(part)/\(total))") }

    /// Said after the opening of a notice that is one of several parts.
    func partNote(_ part: Int, _ total: Int, _ items: Int) -> String {
        pick(
            zh: "事项较多，本通知分\(total)部分发送（共\(items)项），此为第\(part)部分。",
            en: " There are many items (\(items) in all): this notice comes in \(total) parts; this is part \(part).")
    }

    var labels: RowLabels {
        switch self {
        case .zh:
            return RowLabels(
                number: "序号", colour: "预警", item: "整改事项", itemID: "编号", plan: "所属方案", deadline: "整改时限",
                timing: "时限情况", responsible: "责任人", evidence: "方案原文")
        case .en:
            return RowLabels(
                number: "No.", colour: "Warning", item: "Item", itemID: "ID", plan: "Plan", deadline: "Deadline",
                timing: "Status", responsible: "Responsible", evidence: "Plan text")
        }
    }

    // MARK: the subject

    func subjectTag(_ colour: WarningColour?) -> String {
        guard let colour else { return pick(zh: "【整改督办】", en: "") }
        return pick(zh: "【\(colour.chineseLabel)】", en: "[\(Self.colourName(colour))] ")
    }

    /// A subject's title for notices of one kind, and the name of that kind's section.
    private func kindWords(_ kind: AlertKind) -> (title: String, section: String) {
        switch kind {
        case .escalation:
            return (pick(zh: "整改事项逾期升级督办", en: "Overdue rectification items escalated"),
                pick(zh: "逾期升级督办事项", en: "Escalated: overdue items"))
        case .overdue:
            return (pick(zh: "整改事项逾期提醒", en: "Rectification items overdue"), pick(zh: "逾期未完成事项", en: "Overdue items"))
        case .milestoneMissed:
            return (pick(zh: "整改节点逾期提醒", en: "Rectification milestones missed"), pick(zh: "节点逾期事项", en: "Missed milestones"))
        case .reminder:
            return (pick(zh: "整改事项到期提醒", en: "Rectification deadlines approaching"),
                pick(zh: "即将到期事项", en: "Deadlines approaching"))
        case .stale:
            return (pick(zh: "整改进展报送提醒", en: "Rectification progress reports due"),
                pick(zh: "未按时报送进展事项", en: "No progress reported"))
        case .noDeadline:
            return (pick(zh: "整改事项未明确时限提示", en: "Rectification items without a deadline"),
                pick(zh: "未明确整改时限事项", en: "Items without a deadline"))
        case .unacknowledged:
            return (pick(zh: "督办通知逾期未签收提醒", en: "Notices not acknowledged"),
                pick(zh: "督办通知未按时签收事项", en: "Notices not acknowledged in time"))
        case .reply:
            return (pick(zh: "整改事项申请办理结果", en: "Decisions on your requests"), pick(zh: "申请办理结果", en: "Decisions"))
        case .resolved:
            return (pick(zh: "整改事项办结告知", en: "Rectification items completed"), pick(zh: "已办结事项", en: "Completed items"))
        case .digest:
            return (pick(zh: "整改事项督办清单", en: "Open rectification items"), pick(zh: "在办事项清单", en: "Open items"))
        }
    }

    func kindTitle(_ kind: AlertKind) -> String { kindWords(kind).title }

    var mixedTitle: String { pick(zh: "整改事项督办提醒", en: "Rectification items need attention") }

    func subject(_ tag: String, _ title: String, _ items: Int, _ units: [String]) -> String {
        let unit =
            units.isEmpty
            ? "" : units.count == 1 ? pick(zh: "（\(units[0])）", en: " (\(units[0]))")
            : pick(zh: "（\(units[0])等\(units.count)个单位）", en: " (\(units[0]) and \(units.count - 1) more)")
        return pick(zh: "\(tag)\(title)：\(items)项\(unit)", en: "\(tag)\(title): \(items)\(unit)")
    }

    // MARK: the opening

    /// Trial mode's first line: the notice went to the trial address instead of these people.
    func intendedFor(_ recipients: [String]) -> String {
        pick(
            zh: "【试运行】本通知原应发送给：\(recipients.joined(separator: "、"))（routing.redirect_all 已将其改发至本邮箱）",
            en: "[Trial] This notice was meant for: \(recipients.joined(separator: ", ")) (routing.redirect_all sent it here instead)")
    }

    func greeting(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return pick(zh: "各有关责任人：", en: "Dear colleagues,") }
        return pick(zh: "\(name)：", en: "Dear \(name),")
    }

    func zoneName(_ isBeijing: Bool, _ offset: String) -> String {
        isBeijing ? pick(zh: "北京时间", en: "Beijing time") : "UTC" + offset
    }

    func day(_ date: CalendarDate) -> String {
        pick(zh: "\(date.year)年\(date.month)月\(date.day)日", en: "\(date.day) \(Self.months[date.month - 1]) \(date.year)")
    }

    /// "截至2026年5月6日 09:00（北京时间）".
    func asOf(_ day: String, _ clock: String, _ zone: String) -> String {
        pick(zh: "截至\(day) \(clock)（\(zone)）", en: "As of \(day) \(clock) (\(zone))")
    }

    func intro(_ asOf: String, _ plans: [String], _ items: Int) -> String {
        switch self {
        case .zh:
            let source = plans.isEmpty ? "整改方案" : plans.count == 1 ? "《\(plans[0])》" : "《\(plans[0])》等\(plans.count)个整改方案"
            // The review the plans answer, as their titles name it; none for different ones.
            let review = ReviewKind.common(to: plans)?.word ?? ""
            return "根据\(review)整改督办工作要求，\(asOf)，\(source)中由您负责或分管的\(items)项整改事项需要关注，现将有关情况通知如下："
        case .en:
            let source =
                plans.isEmpty
                ? "the rectification plans"
                : plans.count == 1 ? "the plan “\(plans[0])”" : "“\(plans[0])” and \(plans.count - 1) more plans"
            return "\(asOf), \(items == 1 ? "1 item" : "\(items) items") of \(source) that you are responsible for need attention:"
        }
    }

    // MARK: sections and rows

    func sectionName(_ kind: AlertKind) -> String { kindWords(kind).section }

    func sectionTitle(_ index: Int, _ name: String, _ count: Int) -> String {
        pick(zh: "\(Self.chineseNumeral(index))、\(name)（\(count)项）", en: "\(index). \(name) (\(count))")
    }

    func colourLabel(_ colour: WarningColour?) -> String {
        guard let colour else { return "—" }
        return pick(zh: colour.chineseLabel, en: Self.colourName(colour).replacingOccurrences(of: " warning", with: "").lowercased())
    }

    func describe(_ deadline: Deadline) -> String { pick(zh: deadline.chineseDescription, en: Self.englishDescription(deadline)) }
    var noDeadline: String { pick(zh: "未明确", en: "none") }
    func extended(_ deadline: String, _ original: String) -> String {
        pick(zh: "\(deadline)（原定\(original)，已延期）", en: "\(deadline) (extended from \(original))")
    }
    var done: String { pick(zh: "已完成", en: "done") }
    func milestoneMissed(_ name: String) -> String { pick(zh: "节点“\(name)”未按期完成", en: "milestone “\(name)” missed") }
    func daysOverdue(_ days: Int) -> String {
        pick(zh: "已逾期\(days)天", en: days == 1 ? "1 day overdue" : "\(days) days overdue")
    }
    var dueToday: String { pick(zh: "今日到期", en: "due today") }
    func daysLeft(_ days: Int) -> String { pick(zh: "剩余\(days)天", en: "\(days) days left") }
    func noReportFor(_ days: Int) -> String { pick(zh: "已\(days)天未报送进展", en: "no progress report for \(days) days") }
    var deadlineMissing: String { pick(zh: "未明确整改时限", en: "no deadline set") }
    func stateName(_ state: ItemState) -> String {
        pick(zh: state.chineseLabel, en: state.rawValue.replacingOccurrences(of: "_", with: " "))
    }
    var timingSeparator: String { pick(zh: "；", en: "; ") }
    var nobodyNamed: String { pick(zh: "未明确", en: "not named") }
    func evidence(_ text: String, _ line: Int?) -> String {
        "“\(text)”" + (line.map { pick(zh: "（第\($0)行）", en: " (line \($0))") } ?? "")
    }

    // MARK: what to do, and who signs

    var answerOnline: String {
        pick(
            zh: "请点击以下链接办理：签收本通知，报送整改进展（可上传佐证材料），确需延期的在整改时限届满前申请延期，已完成整改的申请销号（经整改办审核后销号）：",
            en: "Open this link to acknowledge the notice, report progress (with evidence), ask for an extension before the deadline, or ask to close an item (the office reviews it):")
    }
    var viewOnline: String { pick(zh: "办理情况可通过以下链接查看：", en: "See the items online:") }
    var linkLabel: String { pick(zh: "点击在线办理", en: "Open online") }
    func linkExpires(_ day: String) -> String { pick(zh: "（链接有效期至\(day)，仅限本人使用，请勿转发）", en: " (valid until \(day); personal, do not forward)") }

    var nextStepsTitle: String { pick(zh: "请按以下要求办理", en: "What to do next") }
    var closedNoAction: String { pick(zh: "上述事项已办结，此件仅作告知，无需回复。", en: "These items are closed; no action is needed.") }
    var reportProgress: String {
        pick(
            zh: "请加快推进整改。已完成整改或取得阶段性进展的，请及时报送进展情况（注明佐证材料）：",
            en: "Report progress (with the evidence) as soon as an item is done or has moved on:")
    }
    var progressArguments: String { pick(zh: "--note \"进展情况及佐证材料\"", en: "--note \"what was done\"") }
    var askExtension: String {
        pick(
            zh: "确因客观原因不能按期完成的，请在整改时限届满前提出延期申请，经批准后登记新的整改时限（原时限留档备查）：",
            en:
                "If an item cannot be finished in time, ask for an extension before the deadline; once approved, record it (the original deadline stays on record):"
        )
    }
    var extensionArguments: String { pick(zh: "--to YYYY-MM-DD --reason \"延期理由\"", en: "--to YYYY-MM-DD --reason \"why\"") }
    var explainDelay: String {
        pick(
            zh: "已逾期事项，请书面说明逾期原因，明确完成时间和下一步措施，报整改办备案。",
            en: "For overdue items, explain the delay in writing and give a completion date to the rectification office.")
    }
    var setDeadline: String {
        pick(
            zh: "未明确整改时限的事项，请整改办会同责任部门补充明确整改时限。",
            en: "Items without a deadline need one: the rectification office sets it with the department.")
    }
    var defaultSender: String { pick(zh: "整改工作督办系统", en: "Rectification office") }
    func footer(_ noticeID: String) -> String {
        pick(
            zh: "本通知由 rectifyd 整改督办系统根据整改方案自动生成并发送，请勿直接回复。通知编号：\(noticeID)。",
            en: "Sent automatically by rectifyd from the rectification plans; please do not reply. Notice \(noticeID).")
    }
    /// The last line of a chat message: "整改办 · rectifyd 自动发送".
    func chatFooter(_ sender: String?) -> String {
        let office = sender.flatMap { $0.isEmpty ? nil : $0 } ?? pick(zh: "整改办", en: "Rectification office")
        return office + pick(zh: " · rectifyd 自动发送", en: " · sent by rectifyd")
    }

    // MARK: helpers

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func colourName(_ colour: WarningColour) -> String {
        switch colour {
        case .red: return "Red warning"
        case .yellow: return "Yellow warning"
        case .green: return "Green warning"
        }
    }

    /// 一 … 十, 十一 … 十九, then digits.
    private static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if n <= 10 { return digits[n] }
        if n < 20 { return "十" + digits[n - 10] }
        return "\(n)"
    }

    /// "30 Apr 2026", "end of Apr 2026", "late Apr 2026", "end of Q2 2026", "H1 2026", "end of 2026".
    private static func englishDescription(_ deadline: Deadline) -> String {
        let date = deadline.date
        let month = "\(months[date.month - 1]) \(date.year)"
        switch deadline.precision {
        case .day: return "\(date.day) \(month)"
        case .xun: return (date.day <= 10 ? "early " : date.day <= 20 ? "mid " : "late ") + month
        case .month: return "end of " + month
        case .quarter: return "end of Q\((date.month - 1) / 3 + 1) \(date.year)"
        case .halfYear: return (date.month <= 6 ? "H1 " : "H2 ") + "\(date.year)"
        case .year: return "end of \(date.year)"
        }
    }
}

/// How a notice names its time zone: "北京时间" for Asia/Shanghai, else the UTC offset.
enum ZoneNames {
    static func isBeijing(_ identifier: String) -> Bool {
        ["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC"].contains(identifier)
    }
}
