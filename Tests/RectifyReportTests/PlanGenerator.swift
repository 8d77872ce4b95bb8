import Foundation
import RectifyCore
import RectifyReport

/// Deterministic pseudo-random numbers (SplitMix64), so a failing generated plan can be rebuilt
/// from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random plans in the shapes offices write: categories one to four levels deep (or none),
/// items done, in progress, not started and long-term, deadlines of every precision,
/// milestones, extensions (some of them twice), progress notes with evidence and counts, and
/// titles that are awkward for a heading (quotes, full stops, numbering, measures, 一是).
struct PlanGenerator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let units = ["示例县卫生健康局", "某某区疾病预防控制中心", "某县人民医院", "某市妇幼保健院", "某旗中医医院", "某县医疗保障局"]
    static let committees = ["县委", "区委", "市委", "旗委"]
    static let categories = [
        "贯彻落实党的路线方针政策和党中央决策部署方面", "群众身边腐败问题和不正之风方面", "基层党组织建设方面", "全面从严治党主体责任落实方面",
        "落实巡视巡察整改方面", "财务管理和内部控制方面", "医疗服务能力建设方面", "意识形态工作方面",
    ]
    static let subcategories = ["制度执行不严格", "监督管理不到位", "工作推进不力", "责任落实有差距", "作风建设有短板"]
    static let problems = [
        "财务报销审核不严，部分票据要素不全", "政府采购程序不规范", "固定资产底数不清、账实不符", "公务用车管理不规范",
        "意识形态工作责任制落实不到位", "“三重一大”决策制度执行不严格", "基本公共卫生服务项目绩效考核流于形式",
        "医疗废物管理不到位", "安全生产意识不强", "干部职工学习教育不深入。部分党员学习笔记内容雷同", "为民服务意识有待提升",
        "制定的《内部控制制度》未有效执行", "1.档案管理不规范", "（3）合同管理存在漏洞", "一是专业技术人才短缺",
        "开展“回头看”不彻底", "编制遗留问题尚未解决到位", "项目建设推进缓慢，资金缺口较大",
        "对下级单位的财务、人事管理监督指导不够到位，部分卫生院存在账目不清、报销手续不全、临时工聘用未签订劳动合同、药事管理委员会长期未召开会议、物资出入库记录缺失等问题",
    ]
    static let work = [
        "召开专题会议研究部署整改工作", "修订完善相关管理制度", "对相关责任人进行批评教育", "开展专项检查", "组织全体干部职工集中学习",
        "建立问题整改台账，实行销号管理", "对全系统开展业务培训", "完成历年账目清理", "补签劳动合同12份", "邀请第三方机构开展审计",
    ]
    static let departments = ["办公室", "财务股", "医政股", "基层卫生股", "人事股", "规划发展股", "疾病预防控制股", "检验科、质量管理科"]
    static let reasons = ["等待上级批复", "资金尚未到位", "需与县财政局共同核实", "涉及跨部门协调，工作量较大"]
    static let notes = [
        "召开推进会，逐项对账", "完成现场核查", "已督促相关单位整改到位", "上报整改材料", "完成制度修订并印发执行",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }

    /// A deadline of a random precision ending within `days` of `base`.
    mutating func deadline(near base: CalendarDate, days: ClosedRange<Int>) -> Deadline {
        let day = base.adding(days: int(days))
        let precision = pick(DeadlinePrecision.allCases)
        var d = Deadline(date: day, precision: precision)
        d.date = Deadline(date: day, precision: precision).periodEnd
        return d
    }

    /// A plan and its items' notes.
    mutating func plan(id: String) -> (Plan, [String: [ProgressNote]]) {
        let unit = pick(Self.units)
        let committee = pick(Self.committees)
        let reportDate = CalendarDate(year: int(2023...2026), month: int(1...12), day: int(1...28))!
        let feedback = reportDate.adding(days: -int(60...300))
        let start = feedback.adding(days: -int(60...120))
        var plan = Plan(
            id: id, unit: unit,
            title: chance(0.7) ? "中共\(unit)党组关于\(committee)第\(int(1...9))轮巡察整改进展情况的通报" : "\(unit)巡察整改工作台账",
            reportDate: chance(0.8) ? reportDate : nil,
            owner: chance(0.7) ? Contact(name: "张敏", email: "zgb@example.gov.cn", phone: "0771-1234567") : nil,
            inspection: Inspection(start: start, end: start.adding(days: int(20...60)), feedbackDate: feedback))
        let depth = pick([0, 1, 1, 2, 2, 3, 4])
        var notes: [String: [ProgressNote]] = [:]
        for n in 1...int(1...25) {
            var category: [String] = []
            if depth >= 1 { category.append(["一、", "二、", "三、"][int(0...2)] + pick(Self.categories)) }
            if depth >= 2 { category.append("（\(["一", "二", "三"][int(0...2)])）" + pick(Self.subcategories)) }
            if depth >= 3 { category.append("\(int(1...3)).关于\(pick(Self.subcategories))的问题") }
            if depth >= 4 { category.append("（\(int(1...3))）" + pick(Self.subcategories)) }
            if depth >= 1, chance(0.15) { category = ["二、巡察反馈问题整改进展情况"] + category }
            var item = Item(id: "\(n)", category: category, title: pick(Self.problems))
            let roll = int(0...99)
            item.status = roll < 45 ? .done : roll < 75 ? .inProgress : roll < 85 ? .notStarted : .longTerm
            item.responsible = Responsibility(department: chance(0.8) ? pick(Self.departments) : nil)
            if item.status == .inProgress || item.status == .notStarted, chance(0.9) {
                item.deadline = deadline(near: reportDate, days: -90...400)
                if chance(0.3) {
                    let step = item.deadline!.date.adding(days: -int(20...80))
                    item.milestones = [Milestone(title: "完成\(pick(Self.work))", deadline: Deadline(date: step), done: chance(0.4))]
                }
                for _ in 0..<(chance(0.25) ? int(1...2) : 0) {
                    let current = item.effectiveDeadline!.date
                    var next = deadline(near: current, days: 20...200)
                    if next.date <= current { next = Deadline(date: current.adding(days: 30)) }
                    item.extensions.append(Extension(deadline: next, reason: pick(Self.reasons), granted: current.adding(days: -int(1...15))))
                }
            }
            let planBefore: CalendarDate? =
                item.status == .done ? reportDate.adding(days: 60) : item.status == .longTerm ? nil : item.deadline?.date
            item.text = item.title + "\n" + account(reportDate: reportDate, planBefore: planBefore)
            if chance(0.4) { notes[item.id] = progressNotes(item: item, after: reportDate) }
            plan.items.append(item)
        }
        return (plan, notes)
    }

    /// "一是…；二是…。" with dates, some without a year, and perhaps a planned step before
    /// `planBefore` (none for long-term items or items without a deadline).
    mutating func account(reportDate: CalendarDate, planBefore: CalendarDate?) -> String {
        var parts: [String] = []
        for k in 0..<int(1...3) {
            let day = reportDate.adding(days: -int(10...150))
            let when = chance(0.5) ? "\(day.year)年\(day.month)月\(day.day)日" : "\(day.month)月"
            parts.append("\(["一", "二", "三"][k])是\(when)\(pick(Self.work))")
        }
        var text = parts.joined(separator: "；") + "。"
        let plan = reportDate.adding(days: int(5...40))
        if let planBefore, CalendarDate.endOfMonth(year: plan.year, month: plan.month) < planBefore, chance(0.4) {
            text += "计划\(plan.month)月底前完成验收。"
        }
        return text
    }

    mutating func progressNotes(item: Item, after day: CalendarDate) -> [ProgressNote] {
        var result: [ProgressNote] = []
        var date = day.adding(days: int(1...10))
        for _ in 0..<int(1...3) {
            let counted = chance(0.3)
            result.append(
                ProgressNote(
                    day: date, kind: .progress, text: pick(Self.notes), evidence: chance(0.5) ? "整改台账\(date.year)-\(date.month).xlsx" : nil,
                    done: counted ? 61 : nil, total: counted ? 79 : nil))
            date = date.adding(days: int(1...20))
        }
        if item.status == .inProgress || item.status == .notStarted, let deadline = item.effectiveDeadline, chance(0.3) {
            // A note planning a date of its own, possibly after the deadline in force.
            let planned = deadline.date.adding(days: int(-60...120))
            let text = chance(0.5) ? "计划于\(planned.year)年\(planned.month)月完成剩余工作" : "整改时限：\(planned.month)月底前完成"
            result.append(ProgressNote(day: date, kind: .progress, text: text))
        }
        if item.status == .done {
            if chance(0.2) {
                result.append(ProgressNote(day: date, kind: .done, text: "初步完成"))
                result.append(ProgressNote(day: date.adding(days: 2), kind: .reopen, text: "回头看发现仍有遗留"))
                date = date.adding(days: 9)
            }
            result.append(ProgressNote(day: date, kind: .done, text: "整改完成，佐证材料已归档"))
        } else if let milestone = item.milestones.first, milestone.done {
            result.append(ProgressNote(day: date, kind: .milestoneDone, text: "节点任务完成", milestone: milestone.title))
        }
        return result
    }
}

extension Deadline {
    /// The last day of the period `date` falls in, at this precision.
    var periodEnd: CalendarDate {
        switch precision {
        case .day: return date
        case .xun:
            let end = date.day <= 10 ? 10 : date.day <= 20 ? 20 : CalendarDate.daysIn(month: date.month, year: date.year)
            return CalendarDate(year: date.year, month: date.month, day: end)!
        case .month: return CalendarDate.endOfMonth(year: date.year, month: date.month)
        case .quarter: return CalendarDate.endOfMonth(year: date.year, month: (date.month - 1) / 3 * 3 + 3)
        case .halfYear: return CalendarDate.endOfMonth(year: date.year, month: date.month <= 6 ? 6 : 12)
        case .year: return CalendarDate(year: date.year, month: 12, day: 31)!
        }
    }
}
