import RectifyCore

extension Phrases {
    /// 督办通知 in Chinese: the default.
    static let chinese = Phrases(
        tag: "zh-CN",
        labels: RowLabels(
            number: "序号", colour: "预警", item: "整改事项", itemID: "编号", plan: "所属方案", deadline: "整改时限",
            timing: "时限情况", responsible: "责任人", evidence: "方案原文"),
        nextStepsTitle: "请按以下要求办理", colon: "：", paragraphIndent: "　　",
        subjectTag: { colour in colour.map { "【\($0.chineseLabel)】" } ?? "【整改督办】" },
        kindTitle: { kind in
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
        },
        mixedTitle: "整改事项督办提醒",
        subject: { tag, title, items, units in
            let unit = units.isEmpty ? "" : units.count == 1 ? "（\(units[0])）" : "（\(units[0])等\(units.count)个单位）"
            return "\(tag)\(title)：\(items)项\(unit)"
        },
        greeting: { name in name.flatMap { $0.isEmpty ? nil : "\($0)：" } ?? "各有关责任人：" },
        zoneName: { beijing, offset in beijing ? "北京时间" : "UTC" + offset },
        day: { "\($0.year)年\($0.month)月\($0.day)日" },
        asOf: { day, clock, zone in "截至\(day) \(clock)（\(zone)）" },
        intro: { asOf, plans, items in
            let source = plans.isEmpty ? "整改方案" : plans.count == 1 ? "《\(plans[0])》" : "《\(plans[0])》等\(plans.count)个整改方案"
            return "根据巡察整改督办工作要求，\(asOf)，\(source)中由您负责或分管的\(items)项整改事项需要关注，现将有关情况通知如下："
        },
        sectionName: { kind in
            switch kind {
            case .escalation: return "逾期升级督办事项"
            case .overdue: return "逾期未完成事项"
            case .milestoneMissed: return "节点逾期事项"
            case .reminder: return "即将到期事项"
            case .stale: return "未按时报送进展事项"
            case .noDeadline: return "未明确整改时限事项"
            case .resolved: return "已办结事项"
            case .digest: return "在办事项清单"
            }
        },
        sectionTitle: { index, name, count in "\(chineseNumeral(index))、\(name)（\(count)项）" },
        colourLabel: { $0?.chineseLabel ?? "—" },
        describe: { $0.chineseDescription },
        noDeadline: "未明确",
        extended: { deadline, original in "\(deadline)（原定\(original)，已延期）" },
        done: "已完成",
        milestoneMissed: { "节点“\($0)”未按期完成" },
        daysOverdue: { "已逾期\($0)天" },
        dueToday: "今日到期",
        daysLeft: { "剩余\($0)天" },
        noReportFor: { "已\($0)天未报送进展" },
        deadlineMissing: "未明确整改时限",
        stateName: { $0.chineseLabel },
        timingSeparator: "；",
        nobodyNamed: "未明确",
        evidence: { text, line in "“\(text)”" + (line.map { "（第\($0)行）" } ?? "") },
        closedNoAction: "上述事项已办结，此件仅作告知，无需回复。",
        reportProgress: "请加快推进整改。已完成整改或取得阶段性进展的，请及时报送进展情况（注明佐证材料）：",
        progressArguments: "--note \"进展情况及佐证材料\"",
        askExtension: "确因客观原因不能按期完成的，请在整改时限届满前提出延期申请，经批准后登记新的整改时限（原时限留档备查）：",
        extensionArguments: "--to YYYY-MM-DD --reason \"延期理由\"",
        explainDelay: "已逾期事项，请书面说明逾期原因，明确完成时间和下一步措施，报整改办备案。",
        setDeadline: "未明确整改时限的事项，请整改办会同责任部门补充明确整改时限。",
        defaultSender: "整改工作督办系统",
        footer: { "本通知由 rectifyd 整改督办系统根据整改方案自动生成并发送，请勿直接回复。通知编号：\($0)。" },
        chatFooter: { sender in (sender.flatMap { $0.isEmpty ? nil : $0 } ?? "整改办") + " · rectifyd 自动发送" },
        partSuffix: { part, total in "（\(part)/\(total)）" })

    /// 一 … 十, 十一 … 十九, then digits.
    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if n <= 10 { return digits[n] }
        if n < 20 { return "十" + digits[n - 10] }
        return "\(n)"
    }
}
