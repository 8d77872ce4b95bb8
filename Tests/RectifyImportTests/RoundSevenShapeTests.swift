import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes found by the seventh blind corpus (c59–c61, l36–l43), each reduced to its rule.
struct RoundSevenShapeTests {
    static func csv(_ text: String, _ file: String = "台账.csv") throws -> LedgerImporter.Result {
        try LedgerImporter.importFile(Data(text.utf8), file: file, options: .init(referenceDate: CalendarDate("2025-12-01")))
    }

    /// l36, l43: 未销号 (and 未办结, 未落实) negate the done word inside them; open items of a
    /// 销号 ledger were read as done.
    @Test func negatedDoneWords_areOpen() throws {
        let result = try Self.csv("""
            序号,反馈问题,整改措施,整改时限,销号情况\r
            1,处方点评覆盖率低,成立专家组,2025-10-31,未销号（已逾期）\r
            2,采购论证不充分,修订制度,2026-03-31,未办结\r
            3,培训覆盖不全,纳入培训,2025-09-30,已销号\r

            """)
        #expect(result.plan.items.map(\.status) == [.inProgress, .inProgress, .done])
        #expect(result.plan.items.map { $0.deadline?.date.description } == ["2025-10-31", "2026-03-31", nil])
    }

    /// l43: 问题来源 (巡察, 审计, 自查) before 问题描述 is where the problem came from; it was taken
    /// for the problem column and every item was titled 巡察. 科室负责人 is the person, and a
    /// 是否逾期 column answered 是/否 says whether the item is late, not whether it is done.
    @Test func problemSource_isNotTheProblem() throws {
        let result = try Self.csv("""
            序号,问题来源,问题描述,整改措施,责任科室,科室负责人,计划完成时间,销号情况,是否逾期\r
            1,巡察,手术分级授权管理不规范,逐人授权,医务部,王磊,2025/9/30,已销号,否\r
            2,审计,高值耗材使用登记不全,上线追溯系统,设备科,罗军,2025/11/30,未销号,是\r

            """)
        #expect(result.plan.items.map(\.title) == ["手术分级授权管理不规范", "高值耗材使用登记不全"])
        #expect(result.plan.items.map(\.status) == [.done, .inProgress])
        #expect(result.plan.items[1].responsible?.contacts.first?.name == "罗军")
        #expect(LedgerColumns.kind(of: "是否逾期") == nil)
    }

    static func sheet(_ name: String, _ rows: [[String]]) -> (table: LedgerTable, hidden: Bool, above: [String]?) {
        (LedgerTable(name: name, rows: rows.map { $0.map { $0.isEmpty ? CellValue.empty : .text($0) } }), false, nil)
    }

    /// l42: one workbook, a sheet per source of problems (巡察反馈问题 | 审计反馈问题) whose headers
    /// differ (the audit sheet has no 责任领导): both are the ledger. Only the first was read.
    @Test func sheetsWithLedgersOfTheirOwn_differentHeaders_areReadTogether() throws {
        let result = try LedgerImporter.ledger([
            Self.sheet("巡察反馈问题", [
                ["序号", "反馈问题", "整改措施", "责任领导", "责任科室", "整改时限", "完成情况"],
                ["1", "议事规则执行不严", "修订议事规则", "何军", "办公室", "2025-06-30", "已完成"],
                ["2", "干部选拔任用程序不规范", "开展自查", "何军", "人事科", "2025-12-31", "正在推进"],
            ]),
            Self.sheet("审计反馈问题", [
                ["序号", "审计发现的问题", "整改措施", "责任单位", "整改期限", "整改情况"],
                ["1", "公务卡强制结算目录执行不到位", "专项检查", "财务科", "2025-09-30", "已整改到位"],
                ["2", "项目资金闲置", "加快拨付", "财务科", "2025-12-31", "整改中"],
            ]),
        ], file: "台账.xlsx", options: .init(referenceDate: CalendarDate("2025-12-01")), override: [:])
        #expect(result.plan.items.map(\.title) == ["议事规则执行不严", "干部选拔任用程序不规范", "公务卡强制结算目录执行不到位", "项目资金闲置"])
        #expect(result.plan.items.map(\.status) == [.done, .inProgress, .done, .inProgress])
        #expect(Set(result.plan.items.map(\.id)).count == 4)
        #expect(result.plan.items[2].category == ["审计反馈问题"])
    }

    /// A summary sheet (科室 | 问题数 | 已完成) beside the ledger is still no ledger of its own.
    @Test func aSummarySheet_isNotALedgerOfItsOwn() throws {
        let result = try LedgerImporter.ledger([
            Self.sheet("汇总", [["科室", "问题数", "已完成", "未完成", "完成率"], ["医务科", "2", "1", "1", "50%"]]),
            Self.sheet("医务科", [
                ["序号", "存在问题", "整改措施", "责任人", "整改期限", "整改进展"],
                ["1", "三级查房记录不全", "专项督查", "刘建", "2025.10", "已完成"],
                ["2", "病历书写质量不高", "质控培训", "刘建", "2026.06", "部分完成"],
            ]),
        ], file: "台账.xlsx", options: .init(referenceDate: CalendarDate("2025-12-01")), override: [:])
        #expect(result.plan.items.map(\.title) == ["三级查房记录不全", "病历书写质量不高"])
    }

    /// c60: an OA notice labels its items "整改事项一：" (a matter to rectify, numbered like 问题二：);
    /// no item was found.
    @Test func zhenggaiShixiangLabels_areProblems() {
        let (plan, _) = TestSupport.importText([
            "某区卫生健康局关于巡察反馈问题整改事项推进情况的通报",
            "整改事项一：机关党支部组织生活不够严肃",
            "牵头领导：王海（党组书记）　责任股室：机关党支部",
            "完成时限：2025年第三季度",
            "当前进展：已销号。",
            "整改事项二：专项资金监管不到位",
            "牵头领导：刘芳（副局长）　责任股室：财务股",
            "完成时限：2025年底",
            "当前进展：部分完成。",
            "某区卫生健康局", "2025年11月20日",
        ])
        #expect(plan.items.map(\.id) == ["1", "2"])
        #expect(plan.items.map(\.status) == [.done, .inProgress])
        #expect(plan.items.map { $0.deadline?.date.description } == [nil, "2025-12-31"])
        #expect(plan.items[1].responsible?.leader?.name == "刘芳")
    }

    /// c59: a Word report gives each problem a form table (问题名称 | …; 责任领导 | … | 责任科室 | …;
    /// 完成时限 | … | 完成情况 | …), cells merged across. Flattened as tab-separated rows no item
    /// was found; as labelled lines each table is a problem's field block.
    @Test func formTables_becomeLabelledLines() {
        let form = LedgerTable(name: "表1", rows: [
            ["问题名称", "中医非药物疗法使用率低", "", ""],
            ["整改措施", "开设中医综合治疗区", "", ""],
            ["责任领导", "赵明", "责任科室", "医务科"],
            ["完成时限", "2025年12月31日", "完成情况", "正在推进"],
        ].map { $0.map { $0.isEmpty ? CellValue.empty : .text($0) } }, merges: [
            CellRange(firstRow: 0, firstColumn: 1, lastRow: 0, lastColumn: 3),
            CellRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 3),
        ])
        let lines = FormTables.lines(form)
        #expect(lines == ["问题名称：中医非药物疗法使用率低", "整改措施：开设中医综合治疗区", "责任领导：赵明", "责任科室：医务科",
                          "完成时限：2025年12月31日", "完成情况：正在推进"])
        let (plan, _) = TestSupport.importText(["某医院关于巡察反馈问题整改进展情况的报告"] + (lines ?? []) + ["某医院", "2025年10月15日"])
        #expect(plan.items.count == 1)
        #expect(plan.items.first?.status == .inProgress)
        #expect(plan.items.first?.deadline?.date.description == "2025-12-31")
        // A ledger's header row over data is no form: its values are labels too.
        let ledger = LedgerTable(name: "表2", rows: [
            ["反馈问题", "整改时限"], ["处方点评覆盖率低", "2025年10月31日"],
        ].map { $0.map { CellValue.text($0) } })
        #expect(FormTables.lines(ledger) == nil)
    }

    /// l40: the title and date only in the printed page header and footer, the header row first:
    /// the plan had no title, unit or date. The codes (&C, &"font", &16, &P, &N) print no words.
    @Test func pageHeaderAndFooter_giveTitleAndDate() throws {
        #expect(PageHeader.parts("&C&\"方正小标宋简体,常规\"&16安阳县卫生健康局巡察反馈问题整改台账")
            == ["安阳县卫生健康局巡察反馈问题整改台账"])
        #expect(PageHeader.parts("&L填报日期：2025年11月5日&R第 &P 页，共 &N 页") == ["填报日期：2025年11月5日"])
        var sheet = Self.sheet("Sheet1", [
            ["序号", "反馈问题", "整改措施", "整改时限", "整改进展"],
            ["1", "公务接待审批不规范", "修订办法", "2025-10-31", "阶段性完成"],
        ])
        sheet.table.pageText = ["安阳县卫生健康局巡察反馈问题整改台账", "填报日期：2025年11月5日"]
        let plan = try LedgerImporter.ledger([sheet], file: "台账.xlsx", options: .init(), override: [:]).plan
        #expect(plan.title == "安阳县卫生健康局巡察反馈问题整改台账")
        #expect(plan.unit == "安阳县卫生健康局")
        #expect(plan.reportDate?.description == "2025-11-05")
    }

    /// l43: "…妇幼保健院问题整改销号管理台账": 问题 before 整改 is not part of the unit's name.
    @Test func unitFromTitle_withoutWenti() {
        #expect(LedgerHeading.unit(fromTitle: "南川市妇幼保健院问题整改销号管理台账") == "南川市妇幼保健院")
    }

    /// l38, l39: "已完成" typed into the deadline column, and 每月, are no unreadable deadlines:
    /// each gave a warning (and 每月 one about the year).
    @Test func doneOrRoutineInTheDeadlineColumn_isNoWarning() throws {
        let result = try LedgerImporter.importFile(Data("""
            序号,存在问题,整改措施,整改期限,整改进展
            1,部分医师超范围执业,完成变更注册,已完成,已完成
            2,不良事件上报不及时,每月分析,每月,持续整改
            3,消防设施维护不及时,更换灭火器,2025年9月30日,已完成

            """.utf8), file: "医务科.csv")
        #expect(result.plan.items.map(\.status) == [.done, .longTerm, .done])
        #expect(result.warnings.filter { $0.description.contains("deadline") || $0.description.contains("year") }.isEmpty)
    }
}
