import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes found by the third blind corpus (c35–c43): plans before any progress, prose progress
/// without labels, other issuers (audit, 生态环境保护督察, 医保, schools), each reduced to its rule.
struct RoundThreeShapeTests {
    /// 中央生态环境保护督察 整改 reports number their problems "第1项：" and say "达到序时进度"
    /// of work on schedule (no item was found; then the status fell to the deadline field).
    @Test func taskNumbers_areHeadings_andOnScheduleIsOpen() {
        let (plan, _) = TestSupport.importText([
            "某市生态环境局关于督察反馈意见整改落实情况的报告",
            "第1项：污水处理厂超负荷运行。",
            "整改时限：2025年底前，长期坚持",
            "整改进展：达到序时进度。扩建工程正在调试。",
            "第2项：园区污水直排。",
            "整改时限：2025年6月底前",
            "整改进展：已完成。",
            "某市生态环境局", "2025年11月6日",
        ])
        #expect(plan.items.map(\.id) == ["1", "2"])
        #expect(plan.items.map(\.status) == [.inProgress, .done])
        #expect(plan.items[0].deadline?.date.description == "2025-12-31")
        #expect(HeadingMarker.parse(TestSupport.folded("第十二项：某问题"))?.number == 12)
        #expect(HeadingMarker.parse(TestSupport.folded("第3项工作已完成。")) == nil)
    }

    /// Hedged prose: a stage reached is open, consolidating what is done is done, a part
    /// rectified is open; what waits for something is planned ("待…后于2025年第四季度拨付").
    @Test func hedgedStatusWords() {
        func kind(_ s: String) -> StatusVocabulary.Kind? {
            StatusVocabulary.leading(TestSupport.folded(s), from: 0, to: TestSupport.folded(s).count)?.kind
        }
        #expect(kind("已完成阶段性目标，教师缺口仍需逐步解决") == .partly)
        #expect(kind("部分整改。已拨付148.7万元") == .partly)
        #expect(kind("达到序时进度") == .open)
        let (plan, _) = TestSupport.importText([
            "某局关于审计整改情况的报告",
            "审计发现的2个问题，已整改1个，正在整改1个。",
            "（一）专项资金结存闲置。",
            "整改情况：部分整改。已拨付148.7万元，剩余66.6万元待年度绩效考核结束后于2025年第四季度拨付到位。",
            "（二）党支部议事规则执行不严格。",
            "整改情况：该问题已整改完毕，正在巩固整改成果。",
            "某局", "2025年9月30日",
        ])
        #expect(plan.items.map(\.status) == [.inProgress, .done])
        #expect(plan.items[0].deadline?.date.description == "2025-12-31")
    }

    /// A 方案 is a title too ("…关于落实…反馈意见的整改方案" over two lines), and a school's
    /// 总支部委员会 is a party body, not part of the unit ("华阳县第一中学总").
    @Test func planTitles_andBranchCommittees() {
        let (plan, _) = TestSupport.importText([
            "中共桐柘县中医医院委员会", "关于落实市委第二巡察组反馈意见的整改方案",
            "（一）制度执行不严格。", "整改时限：2026年2月底前",
            "中共桐柘县中医医院委员会", "2026年1月20日",
        ])
        #expect(plan.title == "中共桐柘县中医医院委员会关于落实市委第二巡察组反馈意见的整改方案")
        #expect(Header.cleanUnit("中共华阳县第一中学总支部委员会") == "华阳县第一中学")
    }

    /// A 整改方案 before any progress: its items are not started (long-term where the deadline
    /// is 长期坚持 and nothing is dated), with one warning, not "read as done" and a review per
    /// item; "立行立改" in a plan is no progress. A 印发 notice around it gives the plan's
    /// title, and its date (under the notice) is the plan's date, so "一季度末", "年内", "次年3月" resolve.
    @Test func aPlanBeforeAnyProgress_isNotStarted() {
        let (plan, warnings) = TestSupport.importText([
            "关于印发《县疾病预防控制中心落实县委第三巡察组反馈意见整改方案》的通知",
            "中心各科室：", "现将《县疾病预防控制中心落实县委第三巡察组反馈意见整改方案》印发给你们，请认真抓好落实。",
            "县疾病预防控制中心", "2025年11月20日",
            "县疾病预防控制中心落实县委第三巡察组反馈意见整改方案",
            "针对巡察反馈的4个问题，逐项制定整改措施。",
            "问题1：廉政风险防控不到位。", "整改措施：修订风险防控手册。", "责任领导：张立新", "完成时限：一季度末",
            "问题2：财务报销不规范。", "整改措施：逐笔整改。", "责任领导：赵国庆", "完成时限：立行立改并长期坚持",
            "问题3：干部培训流于形式。", "整改措施：制定年度培训计划。", "完成时限：年内",
            "问题4：“三会一课”落实不严。", "整改措施：严格落实制度。", "完成时限：次年3月",
        ])
        #expect(plan.title == "县疾病预防控制中心落实县委第三巡察组反馈意见整改方案")
        #expect(plan.unit == "县疾病预防控制中心")
        #expect(plan.reportDate?.description == "2025-11-20")
        #expect(plan.items.map(\.status) == [.notStarted, .longTerm, .notStarted, .notStarted])
        #expect(plan.items.map { $0.deadline?.date.description } == ["2026-03-31", nil, "2025-12-31", "2026-03-31"])
        #expect(warnings.filter { $0.message.contains("整改方案") }.count == 1)
        #expect(!warnings.contains { $0.message.contains("read as done") })
    }

    /// A report numbering its problems "（一）" only, with the steps taken as "1. 2. 3." under
    /// each, said by their actors ("院党委修订了…", "药剂科对…"), not by verbs: the stated
    /// count names the level of problems (each step was an item); "作为长期任务" is long-term.
    @Test func problemsOverNumberedSteps_areTheItems() {
        let (plan, _) = TestSupport.importText([
            "中共某县人民医院委员会关于巡察整改进展情况的通报",
            "县委第二巡察组对县人民医院党委进行了巡察，共指出问题3个。截至目前，除1个问题需长期坚持外，其余均已整改完成。",
            "（一）党委领导作用发挥不充分。",
            "1.院党委修订完善了《党委会议事规则》。", "2.党委会每季度专题研究一次改革发展问题。",
            "（二）科研经费管理不规范。",
            "1.纪检监察室对问题线索进行了核查。", "2.科教科修订了《科研经费管理办法》。",
            "（三）群众就医“排长队”问题仍较突出。",
            "1.门诊部推行分时段预约诊疗。", "2.院党委将改善就医体验作为长期任务，坚持每月开展一次满意度调查。",
            "中共某县人民医院委员会", "2025年12月10日",
        ])
        #expect(plan.items.map(\.id) == ["1", "2", "3"])
        #expect(plan.items.map(\.status) == [.done, .done, .longTerm])
    }

    /// Totals said in words: the number fed back alone ("共反馈了4个方面的7个具体问题", no done
    /// count) is stated; "除1个问题需长期坚持外，其余均已整改完成" keeps its second half as evidence.
    @Test func totalsInWords() {
        let fed = Totals.parse(TestSupport.paragraph("5月16日反馈了巡察意见，共反馈了4个方面的7个具体问题。"))
        #expect(fed?.problems == 7 && fed?.done == nil)
        #expect(Totals.parse(TestSupport.paragraph("全年开展中心组学习12次，召开专题会议3个。")) == nil)
        let rest = Totals.parse(TestSupport.paragraph("共指出问题5个。截至目前，除1个问题需长期坚持外，其余均已整改完成。"))
        #expect(rest?.problems == 5 && rest?.open == 1 && rest?.done == 4)
        #expect(rest?.text?.hasSuffix("其余均已整改完成。") == true)
    }

    /// A Word report whose items are a table keeps the totals sentence above the table (c32:
    /// the table was read as a ledger and the sentence was dropped, so nothing checked the rows).
    @Test func aWordReportTable_keepsTheTotalsAbove() throws {
        let url = TestSupport.fixturesFolder.appendingPathComponent("corpus/c32_word_table_vmerge_sjfy.docx")
        let plan = try LedgerImporter.importFile(Data(contentsOf: url), file: url.lastPathComponent).plan
        #expect(plan.stated?.problems == 5)
        #expect(plan.stated?.done == 3)
        #expect(plan.stated?.open == 2)
    }

    /// A 方案's task list gives each measure its deadline in brackets: the milestone is the
    /// measure with its date ("时限：2026年2月底前）" named no step).
    @Test func bracketedMeasureDeadlines_nameTheirMeasure() {
        let (plan, _) = TestSupport.importText([
            "某医院关于落实巡察反馈意见的整改方案",
            "针对巡察反馈的1个问题，制定整改措施。",
            "（一）“三重一大”决策制度执行不严格。", "责任领导：党委书记 周建华", "整改措施：",
            "1.修订集体决策实施细则，明确决策事项清单。（完成时限：2026年2月底前）",
            "2.将制度执行情况纳入年度党建考核。（完成时限：2026年12月底前）",
            "某医院", "2026年1月20日",
        ])
        #expect(plan.items.first?.deadline?.date.description == "2026-12-31")
        #expect(plan.items.first?.milestones.map(\.title) == ["1.修订集体决策实施细则，明确决策事项清单。（完成时限：2026年2月底前）"])
    }
}
