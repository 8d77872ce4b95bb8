import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes of the genre the first corpus lacked, each found by a report or ledger written from
/// the genre's public examples (c17–c24, l15–l18) and reduced here to the rule it needed.
struct UnseenShapeTests {
    /// An audit ledger names its problem column by who found it: 审计发现的问题 (it had no
    /// problem column, and read the measures as the problems).
    @Test func anAuditLedgersFindingColumn_isTheProblem() throws {
        let csv = "序号,审计发现的问题,整改措施,整改完成情况,整改完成时间\r\n"
            + "1,专项资金结余长期未清理,梳理结余资金,未整改（正在推进）,2026/3/31\r\n"
            + "2,政府采购意向未按规定公开,建立公开复核机制,已整改,2025/7/31\r\n"
        let plan = try LedgerImporter.importFile(Data(csv.utf8), file: "审计整改台账.csv").plan
        #expect(plan.items.map(\.title) == ["专项资金结余长期未清理", "政府采购意向未按规定公开"])
        #expect(plan.items.map(\.status) == [.inProgress, .done])
        #expect(plan.items[0].deadline?.date.description == "2026-03-31")
        #expect(FieldLabels.columnKind(Array("审计发现问题".unicodeScalars)) == .problem)
    }
    /// "责任领导：…  责任部门：…  完成时限：…" on one line marks a problem block as well as a
    /// line starting with 完成时限: an item whose progress opens with a step ("已建立…，该项长期
    ///坚持") was dropped from an otherwise labelled report.
    @Test func aDeadlineLabelAfterOthersOnOneLine_marksTheItem() {
        let (plan, _) = TestSupport.importText([
            "某医院党委关于巡察整改进展情况的通报",
            "一、党的领导方面",
            "1.议事规则不健全。",
            "责任领导：党委书记 邓文  责任部门：党委办公室  完成时限：2025年10月底",
            "进展情况：已完成。",
            "2.意识形态工作责任制落实不到位。",
            "责任领导：党委副书记 黄敏  责任部门：宣传科  完成时限：长期坚持",
            "进展情况：已建立网络舆情监测机制，该项长期坚持。",
            "3.病历质量不高。",
            "责任领导：副院长 邱红  责任部门：质控科  完成时限：2026年3月底",
            "进展情况：正在整改。",
            "某医院党委", "2025年11月18日",
        ])
        #expect(plan.items.count == 3)
        #expect(plan.items.first { $0.title.contains("意识形态") }?.status == .longTerm)
    }
    /// "长期坚持并于每年12月底前报告": a date that comes back every year is a routine, not the
    /// item's deadline (it was read as this year's 12月底), in prose and in a deadline field.
    @Test func aYearlyDate_isNoDeadline() {
        let f = TestSupport.folded("长期坚持并于每年12月底前报告培训完成情况")
        #expect(DeadlinePhrases.isRecurring(f, at: 8))
        #expect(!DeadlinePhrases.isRecurring(TestSupport.folded("计划于12月底前完成"), at: 3))
        let (plan, _) = TestSupport.importText([
            "某医院关于巡察整改进展情况的通报",
            "一、整改情况",
            "1.职工培训不系统。整改进展：正在推进。整改时限：长期坚持并于每年12月底前报告。",
            "2.病历质量不高。整改进展：正在整改，预计每季度末通报一次，2026年3月底前完成。",
            "某医院", "2025年11月18日",
        ])
        #expect(plan.items.map { $0.deadline?.date.description } == [nil, "2026-03-31"])
        #expect(plan.items[0].status == .longTerm)
    }
    /// "整改完成率100%" / "整改完成率80%" after each problem is its status: 100% done, less open
    /// (the items had no status word and were allocated by the totals, wrongly).
    @Test func aCompletionPercentage_isTheStatus() {
        let pct = { (s: String) in CompletionPercent.find(TestSupport.folded(s), range: 0..<s.unicodeScalars.count)?.percent }
        #expect(pct("整改完成率100%。严格执行制度。") == 100)
        #expect(pct("正在整改（完成60%），已完成理事会组建") == 60)
        #expect(pct("整改进度：0%") == 0)
        #expect(pct("筛查率达95%，履约率由52%提升至81%") == nil)
        #expect(pct("疫苗接种完成率达98%") == nil)
        let (plan, _) = TestSupport.importText([
            "某中心关于巡察整改进展情况的通报",
            "共反馈3个问题。已完成2项，正在推进1项。",
            "一、党建工作方面",
            "1.“三会一课”制度落实不严格。整改完成率100%。建立支部活动记录台账。",
            "2.财务管理制度不健全。整改完成率100%。修订完善财务管理制度8项。",
            "3.职工培训不系统。整改完成率80%。制定职工培训三年规划。",
            "某中心", "2025年12月1日",
        ])
        #expect(plan.items.map(\.status) == [.done, .done, .inProgress])
        #expect(plan.items[2].statusEvidence?.text == "整改完成率80%")
    }
    /// "第一，…。整改情况：…" under "一、关于…方面": an ordinal opening a paragraph is a heading
    /// (the items were the 方面 sections, each with the first problem's status); "第三季度" and
    /// "第一批" are not.
    @Test func ordinalParagraphs_areHeadings() {
        #expect(HeadingMarker.numbered(TestSupport.folded("第二，公共卫生应急体系建设存在短板。"))?.style == .ordinal)
        #expect(HeadingMarker.numbered(TestSupport.folded("第二，公共卫生应急体系建设存在短板。"))?.number == 2)
        #expect(HeadingMarker.numbered(TestSupport.folded("第三季度完成招标。")) == nil)
        #expect(HeadingMarker.numbered(TestSupport.folded("第一批试点已完成。")) == nil)
        let (plan, _) = TestSupport.importText([
            "中共某市卫生健康委员会党组关于市委巡视整改进展情况的通报",
            "一、关于贯彻落实党中央决策部署方面",
            "第一，医疗资源布局力度不够。整改情况：制定布局规划，已完成整改。",
            "第二，公共卫生应急体系建设存在短板。整改情况：传染病医院扩建工程正在施工，预计2026年9月竣工。",
            "二、关于全面从严治党方面",
            "第一，对直属单位监督管理宽松软。整改情况：开展专项检查。已完成整改。",
            "第二，基层党组织书记抓党建能力不强。整改情况：考核办法正在修订，计划于2026年3月底前印发。",
            "中共某市卫生健康委员会党组", "2025年12月20日",
        ])
        #expect(plan.items.map(\.id) == ["1.1", "1.2", "2.1", "2.2"])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .done, .inProgress])
        #expect(plan.items.map { $0.deadline?.date.description } == [nil, "2026-09-30", nil, "2026-03-31"])
    }
    /// A table laid out with spaces whose long cells wrap onto an indented line under the cell
    /// they continue: the fragments join their cells (the table ended at the first wrapped
    /// line, and the rows below it were read as one done item).
    @Test func wrappedRowsOfASpaceTable_joinTheirCells() {
        let lines = [
            "序号  存在问题                    整改措施                  责任部门  整改期限        完成情况",
            "1     党委会议议题把关不严，个别  严格执行议题审核制度，由  党政办    2025年8月底     已完成",
            "      议题未经研究直接上会        分管领导审核把关",
            "2     医疗质量控制体系不健全      建立院科两级质控体系      医务科    2025年12月底    正在推进，已建立",
            "                                                                                      院级质控委员会",
            "3     绩效考核重数量轻质量        修订绩效分配方案          财务科    2026年一季度    正在推进",
        ]
        let joined = WrappedTableRows.join(lines.map { Array($0.unicodeScalars) }).map { String(String.UnicodeScalarView($0)) }
        #expect(joined[1] == "1\t党委会议议题把关不严，个别议题未经研究直接上会\t严格执行议题审核制度，由分管领导审核把关\t党政办\t2025年8月底\t已完成")
        #expect(joined[2].isEmpty && joined[4].isEmpty)
        #expect(joined[3].hasSuffix("正在推进，已建立院级质控委员会"))
        let (plan, _) = TestSupport.importText(["某医院关于巡察整改进展情况的通报", "（2025年11月3日）"] + lines + ["某医院", "2025年11月3日"])
        #expect(plan.items.map(\.title) == ["党委会议议题把关不严，个别议题未经研究直接上会", "医疗质量控制体系不健全", "绩效考核重数量轻质量"])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .inProgress])
        #expect(plan.items.map { $0.deadline?.date.description } == [nil, "2025-12-31", "2026-03-31"])
    }
    /// "整改时限：2025年12月31日" with "未完成（已申请延期至2026年6月30日）": the original date stays the
    /// deadline and the later one is an extension, as in ledgers (reports carried no extension).
    @Test func anExtensionInAReport_isKeptBesideTheOriginalDeadline() {
        let (plan, _) = TestSupport.importText([
            "某局关于巡察整改进展情况的通报",
            "一、干部队伍建设方面",
            "问题一：干部交流轮岗不够。",
            "整改时限：2025年12月31日",
            "整改进展：未完成（已申请延期至2026年6月30日），轮岗方案已起草。",
            "问题二：职称评聘不规范。",
            "整改时限：2026年3月31日",
            "整改进展：正在整改。",
            "某局", "2026年1月12日",
        ])
        #expect(plan.items[0].deadline?.date.description == "2025-12-31")
        #expect(plan.items[0].extensions.map(\.deadline.date.description) == ["2026-06-30"])
        #expect(plan.items[1].extensions.isEmpty)
    }
    /// A report's table with a 是否完成 column answered √ / × (是 / 否): the answer is the
    /// status (the column was not known, and every row read as done by default).
    @Test func aTickColumnInAReportTable_isTheStatus() {
        #expect(ItemFields.tickKind(Array("√".unicodeScalars)) == .done)
        #expect(ItemFields.tickKind(Array(" 否 ".unicodeScalars)) == .negated)
        #expect(ItemFields.tickKind(Array("是否".unicodeScalars)) == nil)
        let (plan, _) = TestSupport.importText([
            "某县卫生院关于巡察整改进展情况的通报", "（2025年12月1日）",
            "序号\t存在问题\t整改措施\t完成时限\t是否完成",
            "1\t药品管理不规范\t建立台账\t2025年10月31日\t√",
            "2\t院感培训不到位\t开展培训\t2026年3月31日\t×",
            "3\t档案管理混乱\t专项清理\t2026年6月30日\t否",
            "某县卫生院", "2025年12月1日",
        ])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .inProgress])
        #expect(plan.items.map { $0.deadline?.date.description } == [nil, "2026-03-31", "2026-06-30"])
    }
}
