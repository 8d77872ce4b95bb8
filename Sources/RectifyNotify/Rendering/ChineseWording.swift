import RectifyCore

/// 督办通知 in Chinese: the default wording.
struct ChineseWording: NoticeWording {
    let languageTag = "zh-CN"
    let nextStepsTitle = "请按以下要求办理"
    let labels = RowLabels(
        number: "序号", colour: "预警", item: "整改事项", itemID: "编号", plan: "所属方案", deadline: "整改时限",
        timing: "时限情况", responsible: "责任人", evidence: "方案原文")

    func subject(colour: WarningColour?, kinds: [AlertKind], itemCount: Int, units: [String]) -> String {
        let tag = colour.map { "【\($0.chineseLabel)】" } ?? "【整改督办】"
        let title = kinds.count == 1 ? Self.title(kinds[0]) : "整改事项督办提醒"
        let unit: String
        switch units.count {
        case 0: unit = ""
        case 1: unit = "（\(units[0])）"
        default: unit = "（\(units[0])等\(units.count)个单位）"
        }
        return "\(tag)\(title)：\(itemCount)项\(unit)"
    }

    private static func title(_ kind: AlertKind) -> String {
        switch kind {
        case .escalation: return "整改事项逾期升级督办"
        case .overdue: return "整改事项逾期提醒"
        case .milestoneMissed: return "整改节点逾期提醒"
        case .reminder: return "整改事项到期提醒"
        case .stale: return "整改进展报送提醒"
        case .noDeadline: return "整改事项未明确时限提示"
        case .resolved: return "整改事项办结告知"
        case .digest: return "整改事项督办清单"
        }
    }

    func greeting(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return "各有关责任人：" }
        return "\(name)："
    }

    func intro(at time: LocalTime, zone: TimeZoneLabel, plans: [String], itemCount: Int) -> String {
        let when = "\(Self.day(time.date)) \(time.clock)（\(zone.isBeijing ? "北京时间" : "UTC" + zone.offset)）"
        let source: String
        switch plans.count {
        case 0: source = "整改方案"
        case 1: source = "《\(plans[0])》"
        default: source = "《\(plans[0])》等\(plans.count)个整改方案"
        }
        return "根据巡察整改督办工作要求，截至\(when)，\(source)中由您负责或分管的\(itemCount)项整改事项需要关注，现将有关情况通知如下："
    }

    func sectionTitle(_ kind: AlertKind, index: Int, count: Int) -> String {
        let name: String
        switch kind {
        case .escalation: name = "逾期升级督办事项"
        case .overdue: name = "逾期未完成事项"
        case .milestoneMissed: name = "节点逾期事项"
        case .reminder: name = "即将到期事项"
        case .stale: name = "未按时报送进展事项"
        case .noDeadline: name = "未明确整改时限事项"
        case .resolved: name = "已办结事项"
        case .digest: name = "在办事项清单"
        }
        return "\(Self.numeral(index))、\(name)（\(count)项）"
    }

    func colourLabel(_ colour: WarningColour?) -> String { colour?.chineseLabel ?? "—" }

    func deadline(_ entry: NoticeEntry) -> String {
        guard let deadline = entry.deadline else { return "未明确" }
        var text = deadline.chineseDescription
        if let original = entry.originalDeadline, original != deadline {
            text += "（原定\(original.chineseDescription)，已延期）"
        }
        return text
    }

    func timing(_ entry: NoticeEntry) -> String {
        var parts: [String] = []
        if entry.kind == .resolved || entry.state == .done { return "已完成" }
        if entry.kind == .milestoneMissed, let milestone = entry.milestone {
            parts.append("节点“\(milestone)”未按期完成")
        } else if let days = entry.daysOverdue {
            parts.append("已逾期\(days)天")
        } else if let days = entry.daysLeft {
            parts.append(days <= 1 ? "今日到期" : "剩余\(days)天")
        }
        if let days = entry.daysSinceUpdate, entry.kind == .stale || entry.state == .stale {
            parts.append("已\(days)天未报送进展")
        }
        if entry.deadline == nil && parts.isEmpty { parts.append("未明确整改时限") }
        return parts.isEmpty ? entry.state.chineseLabel : parts.joined(separator: "；")
    }

    func responsible(_ entry: NoticeEntry) -> String {
        entry.responsible.flatMap { $0.isEmpty ? nil : $0 } ?? "未明确"
    }

    func evidence(_ text: String, line: Int?) -> String {
        "“\(text)”" + (line.map { "（第\($0)行）" } ?? "")
    }

    func nextSteps(kinds: Set<AlertKind>, exampleItem: String?) -> [NextStep] {
        guard let item = exampleItem else {
            return [NextStep(text: "上述事项已办结，此件仅作告知，无需回复。", command: nil)]
        }
        var steps = [
            NextStep(
                text: "请加快推进整改。已完成整改或取得阶段性进展的，请及时报送进展情况（注明佐证材料）：",
                command: command("progress", item: item, arguments: "--note \"进展情况及佐证材料\"")),
            NextStep(
                text: "确因客观原因不能按期完成的，请在整改时限届满前提出延期申请，经批准后登记新的整改时限（原时限留档备查）：",
                command: command("extend", item: item, arguments: "--to YYYY-MM-DD --reason \"延期理由\"")),
        ]
        if kinds.contains(.overdue) || kinds.contains(.escalation) || kinds.contains(.milestoneMissed) {
            steps.append(NextStep(text: "已逾期事项，请书面说明逾期原因，明确完成时间和下一步措施，报整改办备案。", command: nil))
        }
        if kinds.contains(.noDeadline) {
            steps.append(NextStep(text: "未明确整改时限的事项，请整改办会同责任部门补充明确整改时限。", command: nil))
        }
        return steps
    }

    func signature(sender: String?, at time: LocalTime) -> [String] {
        [sender.flatMap { $0.isEmpty ? nil : $0 } ?? "整改工作督办系统", Self.day(time.date)]
    }

    func footer(noticeID: String) -> String {
        "本通知由 rectifyd 整改督办系统根据整改方案自动生成并发送，请勿直接回复。通知编号：\(noticeID)。"
    }

    private static func day(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    private static func numeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if n <= 10 { return digits[n] }
        if n < 20 { return "十" + digits[n - 10] }
        return "\(n)"
    }
}
