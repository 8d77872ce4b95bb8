import RectifyCore

/// The sentences of a drafted 整改进展情况的通报, in the genre's usual wording. Each figure and date
/// comes from the plan's state; the words are the clerk's to edit. The forms are the ones the
/// importer reads back (a status field opening with a status word, "预计…前完成", totals as
/// "已完成整改N个，正在推进N个"), so a draft imports as the state it was written from.
enum DraftWording {
    // MARK: header

    /// What the findings came from: the kind the plan's title names, else 巡察.
    static func kind(_ plan: Plan) -> ReviewKind {
        ReviewKind.named(in: plan.title) ?? .inspectionTour
    }

    /// The plan's own 通报 title when it has one, else "UNIT关于巡察整改进展情况的通报". An issuer
    /// that lost its start in extraction ("旗疾病预防控制中心" of "敖汉旗疾病预防控制中心") is
    /// written whole.
    static func title(_ plan: Plan) -> String {
        var title = plan.title.filter { !$0.isWhitespace }
        // A plan's or ledger's own title becomes the notice's: "…关于县委第三轮巡察反馈意见整改工作台账"
        // → "…关于县委第三轮巡察反馈意见整改进展情况的通报".
        for suffix in ["整改工作台账", "整改台账", "整改工作方案", "整改方案", "整改任务清单", "整改问题清单"]
        where title.contains("关于") && title.hasSuffix(suffix) {
            title = String(title.dropLast(suffix.count)) + "整改进展情况的通报"
            break
        }
        guard let range = title.range(of: "关于"), ["通报", "报告"].contains(where: { title.hasSuffix($0) }) else {
            return "\(plan.unit)关于\(kind(plan).word)整改进展情况的通报"
        }
        let issuer = String(title[..<range.lowerBound])
        if !issuer.isEmpty, plan.unit.count > issuer.count, plan.unit.hasSuffix(issuer) {
            return plan.unit + title[range.lowerBound...]
        }
        return title
    }

    /// Who issues the 通报: the title's part before 关于 ("中共新野县卫生健康委党组"), else the unit.
    static func issuer(_ plan: Plan, title: String) -> String {
        if let range = title.range(of: "关于"), range.lowerBound != title.startIndex {
            return String(title[..<range.lowerBound])
        }
        return plan.unit
    }

    /// The party committee that sent the inspection, named in the title ("县委第六轮巡察" → 县委).
    static func committee(in title: String) -> String? {
        for name in ["县委", "区委", "市委", "旗委", "州委", "盟委", "省委", "党委", "党组"] where title.contains(name) {
            return name
        }
        return nil
    }

    /// "根据县委统一部署，2023年9月18日至12月31日，县委巡察组对…开展了巡察。2024年1月15日，县委巡察组向…
    /// 反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。" An audit's or an
    /// evaluation's says so instead ("…评估组对…开展了绩效评估…反馈了绩效评估意见").
    static func opening(_ plan: Plan, title: String) -> String {
        let kind = kind(plan)
        // Only a party inspection is sent by a committee ("县委第六轮巡察").
        let committee = kind.isParty ? committee(in: title) : nil
        let group = (committee.map { $0 == "党组" || $0 == "党委" ? "" : $0 } ?? "") + kind.group
        // A plan without a unit (a report that named none) speaks of itself as 我单位.
        let unit = plan.unit.isEmpty ? "我单位" : plan.unit
        var text = committee.map { "根据\($0 == "党组" || $0 == "党委" ? "上级党组织" : $0)统一部署，" } ?? "根据\(kind.word)工作统一部署，"
        if let period = period(plan.inspection) { text += "\(period)，" }
        text += "\(group)对\(unit)开展了\(kind.word)。"
        if let feedback = plan.inspection?.feedbackDate {
            text += "\(plan.inspection?.feedback ?? ChineseText.date(feedback))，\(group)向\(unit)反馈了\(kind.word)意见。"
        } else {
            text += "\(group)向\(unit)反馈了\(kind.word)意见。"
        }
        return text + "按照\(kind.word)工作有关要求，现将\(kind.word)整改进展情况予以公布。"
    }

    /// The inspection period: the report's own words when they are whole ("2023年3月下旬至7月下旬"),
    /// else written from its first and last day.
    static func period(_ inspection: Inspection?) -> String? {
        guard let inspection else { return nil }
        if let text = inspection.period, text.contains("年"), text.contains("月"), text.contains("至") { return text }
        guard let start = inspection.start else { return inspection.period }
        guard let end = inspection.end else { return ChineseText.date(start) + "起" }
        let endText = end.year == start.year ? "\(end.month)月\(end.day)日" : ChineseText.date(end)
        return "\(ChineseText.date(start))至\(endText)"
    }

    // MARK: totals

    /// "截至2026年11月22日，巡察反馈的30个问题，已完成整改25个，正在推进4个，需长期坚持1个，整改完成率83.3%。
    /// 制定整改措施35项，已落实到位30项。经批准延期整改2个。"
    static func totals(_ t: DraftTotals, asOf day: CalendarDate, kind: ReviewKind = .inspectionTour) -> String {
        guard t.problems > 0 else { return "截至\(ChineseText.date(day))，台账中尚无\(kind.word)反馈问题。" }
        var text = "截至\(ChineseText.date(day))，\(kind.word)反馈的\(t.problems)个问题，已完成整改\(t.done)个"
        if t.inProgress > t.notStarted { text += "，正在推进\(t.inProgress - t.notStarted)个" }
        if t.notStarted > 0 { text += "，尚未启动\(t.notStarted)个" }
        if t.longTerm > 0 { text += "，需长期坚持\(t.longTerm)个" }
        text += "，整改完成率\(t.completionRate)。"
        if let measures = t.measures, let done = t.measuresDone {
            text += "制定整改措施\(measures)项，已落实到位\(done)项。"
        }
        if t.extended > 0 {
            text += "经批准延期整改\(t.extended)个。"
        }
        return text
    }

    /// The open items past their deadline and the ones close to it, for the totals' second paragraph.
    static func timing(_ t: DraftTotals) -> String? {
        guard t.overdue > 0 else { return nil }
        return "\(t.overdueNotStarted > 0 ? "尚未完成整改" : "在推进")的问题中，已超过整改时限\(t.overdue)个，正督促责任科室加快整改。"
    }

    // MARK: items

    /// The problem as a heading: "针对“…”问题的整改情况".
    static func itemHeading(_ title: String) -> String {
        "针对“\(core(of: title))”问题的整改情况"
    }

    /// A title without its marker, its 一是, its closing stop and a "…问题的整改情况" frame; inner
    /// double quotes become single ones so the heading's quotation stays whole.
    static func core(of title: String) -> String {
        var text = ChineseMarkers.strip(problemLabel(ChineseMarkers.strip(title))).trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("针对"), let open = text.firstIndex(of: "“"), let close = text.lastIndex(of: "”"), open < close {
            text = String(text[text.index(after: open)..<close])
        }
        for suffix in ["问题的整改落实情况", "问题整改落实情况", "问题的整改情况", "问题整改情况", "的整改情况", "整改落实情况", "整改情况"]
        where text.hasSuffix(suffix) && text.count > suffix.count + 2 {
            text.removeLast(suffix.count)
            break
        }
        while let last = text.last, "。．.；;，,：: 　".contains(last) { text.removeLast() }
        return String(text.map { $0 == "“" ? "‘" : $0 == "”" ? "’" : $0 })
    }

    /// A title without a problem label: "问题编号1：", "问题1：", "问题一：", "【问题】", "存在问题：".
    static func problemLabel(_ title: String) -> String {
        var text = Substring(title)
        if text.hasPrefix("【问题】") { return String(text.dropFirst(4)) }
        for label in ["存在问题", "问题描述", "问题内容", "反馈问题", "具体问题", "问题编号", "问题"] where text.hasPrefix(label) {
            var rest = text.dropFirst(label.count)
            rest = rest.drop { $0.isNumber || "一二三四五六七八九十".contains($0) }
            if let colon = rest.first, colon == "：" || colon == ":" {
                text = rest.dropFirst()
                break
            }
        }
        return String(text)
    }

    /// A short name of the problem for the 下一步 list: its first clause, at most 30 characters.
    static func shortName(_ title: String) -> String {
        let text = core(of: title)
        let clause = text.prefix { !"，,；;".contains($0) }
        return clause.count <= 30 ? String(clause) : String(clause.prefix(28)) + "…"
    }

    /// The status an item's 整改落实情况 opens with.
    static func status(_ record: ItemRecord) -> String {
        let item = record.item
        switch item.status {
        case .done:
            return "已完成整改。"
        case .longTerm:
            return "长期坚持，持续巩固整改成效。"
        case .inProgress, .notStarted:
            let started = item.status == .inProgress
            guard let deadline = item.effectiveDeadline else { return started ? "正在推进，尚未明确完成时限。" : "尚未启动，尚未明确完成时限。" }
            if record.evaluation.state == .overdue, let days = record.evaluation.daysOverdue {
                return "\(started ? "正在推进" : "尚未启动")，已超过整改时限\(days)天。"
            }
            return started ? "正按计划推进，预计\(ChineseText.byDeadline(deadline))完成。" : "尚未启动，计划于\(ChineseText.byDeadline(deadline))完成。"
        }
    }

    /// The milestones (节点) of an open item: "其中，“…”已完成；“…”计划于2026年5月底前完成；“…”原定于
    /// 2026年3月底前完成，尚未完成。" (past as of `day`).
    /// A milestone an importer made from a planned date ("计划11月底完成改建装修") is the account's own
    /// sentence and is not repeated.
    static func milestones(_ item: Item, asOf day: CalendarDate) -> String {
        let listed = item.milestones.filter { $0.title != $0.deadline.text }
        guard item.isOpen, !listed.isEmpty else { return "" }
        let steps = listed.enumerated().map { k, m -> String in
            // A measure the ledger left unnamed has the importer's place for a name ("措施（三张清单!F5）").
            let name = isUnnamed(m.title) ? "第\(k + 1)项措施" : "“" + String(sentence(m.title).map { $0 == "“" ? "‘" : $0 == "”" ? "’" : $0 }) + "”"
            if m.done { return "\(name)已完成" }
            if m.deadline.date < day { return "\(name)原定于\(ChineseText.byDeadline(m.deadline))完成，尚未完成" }
            return "\(name)计划于\(ChineseText.byDeadline(m.deadline))完成"
        }
        return "其中，" + steps.joined(separator: "；") + "。"
    }

    /// "措施（三张清单!F5）": what a ledger row without a measure is called on import, a cell's place.
    static func isUnnamed(_ title: String) -> Bool {
        guard title.hasPrefix("措施（"), title.hasSuffix("）"), let bang = title.lastIndex(of: "!") else { return false }
        let cell = title[title.index(after: bang)..<title.index(before: title.endIndex)]
        return !cell.isEmpty && cell.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// "整改时限：2026年6月30日（经批准延期，原定2026年4月底）" for an open item with a deadline,
    /// "整改时限：长期坚持" for a long-term one; nil for the others.
    static func deadlineField(_ item: Item) -> String? {
        switch item.status {
        case .done: return nil
        case .longTerm: return "整改时限：长期坚持"
        case .inProgress, .notStarted:
            guard let deadline = item.effectiveDeadline else { return nil }
            var text = "整改时限：" + ChineseText.period(deadline)
            if !item.extensions.isEmpty, let original = item.deadline {
                text += "（经批准延期，原定\(ChineseText.period(original))）"
            }
            return text
        }
    }

    /// "2026年3月20日经批准延期至2026年6月30日（原定完成日期为2026年4月30日），延期原因：…。" — one per
    /// extension, oldest first. The original date is written without a planning word, so it is
    /// on record and not read as a second deadline.
    static func extensions(_ item: Item) -> String {
        var text = ""
        var before = item.deadline
        for ext in item.extensions {
            text += "\(ChineseText.date(ext.granted))经批准延期至\(ChineseText.period(ext.deadline))"
            if let before { text += "（原定完成日期为\(ChineseText.period(before))）" }
            let reason = sentence(ext.statedReason)
            text += reason.isEmpty ? "。" : "，延期原因：\(reason)。"
            before = ext.deadline
        }
        return text
    }

    /// The notes since the last report, each after its day: "2026年11月5日，61家已整改到位（佐证材料：…）。"
    static func notes(_ notes: [ProgressNote]) -> String {
        notes.map { note -> String in
            var body = sentence(note.text)
            switch note.kind {
            case .progress:
                if let done = note.done, let total = note.total, !body.contains(String(done)) {
                    body += body.isEmpty ? "完成\(done)/\(total)" : "（完成\(done)/\(total)）"
                }
            case .milestoneDone:
                let step = note.milestone.map { "完成“\($0)”" } ?? "完成节点任务"
                body = body.isEmpty ? step : "\(step)，\(body)"
            case .done:
                body = body.isEmpty ? "经审核予以销号" : "\(body)，经审核予以销号"
            case .reopen:
                body = body.isEmpty ? "经复核重新列为在办" : "经复核重新列为在办：\(body)"
            }
            if let evidence = note.evidence.map(sentence), !evidence.isEmpty { body += "（佐证材料：\(evidence)）" }
            return "\(ChineseText.date(note.day))，\(body)。"
        }.joined()
    }

    /// Text as a sentence inside a paragraph: one line, without its closing stop.
    static func sentence(_ text: String) -> String {
        var s = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        while let last = s.last, "。．.；;，, 　".contains(last) { s.removeLast() }
        return s
    }

    // MARK: next steps and closing

    /// The 下一步 paragraph: what remains and by when.
    static func nextSteps(_ records: [ItemRecord], totals t: DraftTotals) -> [String] {
        let open = records.filter { $0.item.status == .inProgress || $0.item.status == .notStarted }
        var paragraphs: [String] = []
        if !open.isEmpty {
            let list = open.map { record -> String in
                let name = "“\(shortName(record.item.title))”问题"
                guard let deadline = record.item.effectiveDeadline else { return "\(name)尽快明确完成时限" }
                if record.evaluation.state == .overdue {
                    return "\(name)已超过整改时限（\(ChineseText.period(deadline))），加快推进、尽快完成"
                }
                return "\(name)确保于\(ChineseText.byDeadline(deadline))完成"
            }
            paragraphs.append(
                "对尚未完成整改的\(t.inProgress)个问题，严格按照整改时限持续推进，逐项对账销号：" + list.joined(separator: "；") + "。")
        }
        if t.longTerm > 0 {
            paragraphs.append("对需长期坚持的\(t.longTerm)个问题，建立健全长效机制，定期跟踪评估，持续巩固整改成效。")
        }
        if t.done > 0 {
            paragraphs.append("对已完成整改的\(t.done)个问题，适时开展“回头看”，防止问题反弹回潮。")
        }
        return paragraphs
    }

    static func invitation(_ kind: ReviewKind) -> String {
        "欢迎广大干部群众对\(kind.word)整改落实情况进行监督。如有意见建议，请及时向我们反映。"
    }

    /// "联系人：骆燕武　联系电话：0377-65033066", "电子邮箱：…" from the plan's owner.
    static func contacts(_ owner: Contact?) -> [String] {
        guard let owner else { return [] }
        var lines: [String] = []
        var first: [String] = []
        if let name = owner.name { first.append("联系人：\(name)") }
        if let phone = owner.phone { first.append("联系电话：\(phone)") }
        if !first.isEmpty { lines.append(first.joined(separator: "　")) }
        if let email = owner.email { lines.append("电子邮箱：\(email)") }
        return lines
    }
}
