import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes found by the eighth blind corpus (c62–c69) and its report sequences, each reduced
/// to its rule.
struct RoundEightShapeTests {
    /// c65: "1.120呼叫受理时长超标…" is problem 1 whose text starts with a number; three digits
    /// after the dot are no outline number (the item was lost). Quantities stay quantities.
    @Test func dotBeforeLongNumber_isAHeading() {
        let m = HeadingMarker.parse(TestSupport.folded("1.120呼叫受理时长超标，高峰时段接警排队。"))
        #expect(m?.style == .arabicDot)
        #expect(m?.number == 1)
        #expect(HeadingMarker.parse(TestSupport.folded("2.2024年集中学习研讨次数不足。"))?.style == .arabicDot)
        #expect(HeadingMarker.parse(TestSupport.folded("1.125亿元已拨付")) == nil)
        #expect(HeadingMarker.parse(TestSupport.folded("2.5万元已拨付")) == nil)
    }

    /// c69: "(4)…不及时。整改情况：一是…" in one paragraph, between problems whose 整改情况 stands
    /// on a line of its own, is a problem too (it was dropped); so is "(2)…" with no field at all
    /// between two such problems.
    @Test func problemInOneParagraph_betweenFieldedProblems_isAnItem() {
        let (plan, _) = TestSupport.importText([
            "某局巡察整改进展情况通报", "",
            "(1)执法办案程序不规范。", "整改情况：一是评查；二是培训。目前该问题已整改完成。", "",
            "(2)投诉举报办理超时，回复群众不及时。整改情况：一是建立制度；二是专人督办。目前已整改完成。", "",
            "(3)装备配备不足。", "",
            "(4)廉政风险防控不到位。", "整改情况：一是梳理风险点。正在推进，预计2026年3月底前完成。",
        ])
        #expect(plan.items.map(\.id) == ["1", "2", "3", "4"])
        #expect(plan.items[1].status == .done)
        #expect(plan.items[3].deadline?.date == TestSupport.date("2026-03-31"))
    }
}

extension RoundEightShapeTests {
    static let letter = [
        "关于县委第一巡察组反馈问题整改情况的说明", "", "县委巡察办：", "",
        "2025年7月3日县委第一巡察组反馈了巡察意见，共指出3个问题。现将整改情况说明如下。", "",
        "一、整改工作总体情况", "3个问题中已完成整改2个，正在整改1个。具体整改情况见附件1。", "",
        "二、下一步工作", "我局将持续巩固整改成果。", "",
        "附件：1.县卫生健康局巡察反馈问题整改清单", "",
        "中共临沅县卫生健康局党组", "2025年11月25日", "", "",
        "附件1", "", "县卫生健康局巡察反馈问题整改清单", "",
        "序号\t问题类别\t反馈问题\t整改措施\t责任股室\t整改时限\t完成情况",
        "1\t政治建设\t意识形态工作责任制落实不到位\t建立研判台账\t办公室\t2025年9月30日\t已完成",
        "2\t全面从严治党\t卫生院基础设施改造推进缓慢\t倒排工期\t规划财务股\t2026年6月30日\t正在推进",
        "3\t业务工作\t干部人事档案管理不规范\t专项审核\t人事股\t2025年9月30日\t已完成",
    ]

    /// c68: a 情况说明 to 县委巡察办 whose problems are only in 附件1 after the signature: the
    /// table's rows are the items (they were nested under 二、下一步工作 and left out), titled by
    /// the 反馈问题 cell (not 问题类别); the signature above the appendix gives the unit and date.
    @Test func letterWithAppendixTable_readsTheAppendix() {
        let (plan, _) = TestSupport.importText(Self.letter)
        #expect(plan.items.map(\.title) == ["意识形态工作责任制落实不到位", "卫生院基础设施改造推进缓慢", "干部人事档案管理不规范"])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .done])
        #expect(plan.unit.contains("临沅县卫生健康局"))
        #expect(plan.reportDate == TestSupport.date("2025-11-25"))
    }
}

extension RoundEightShapeTests {
    /// c67: a clerk strikes the old status or deadline through and types the new one after it;
    /// struck (w:strike, w:dstrike) and hidden (w:vanish) runs are not the report's text
    /// ("正在推进…已完成" was read as open, "2025年9月30日2025年12月31日" as the earlier date).
    @Test func struckThroughRuns_areLeftOut() throws {
        func run(_ text: String, _ props: String = "") -> String {
            "<w:r>\(props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>")<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
        }
        let xml = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p>\(run("完成情况："))\(run("正在推进，", "<w:strike/>"))\(run("已完成。", "<w:strike w:val=\"0\"/>"))</w:p>
            <w:p><w:pPr><w:rPr><w:strike/></w:rPr></w:pPr>\(run("整改时限："))\(run("2025年9月30日", "<w:dstrike/>"))\(run("2025年12月31日"))</w:p>
            <w:p>\(run("已完成。"))\(run("尚有2个科室未培训。", "<w:vanish/>"))\(run("新增", "<w:rPrChange><w:rPr><w:strike/></w:rPr></w:rPrChange>"))</w:p>
            </w:body></w:document>
            """
        let document = try WordDocument.body(Data(xml.utf8), file: "t.docx")
        #expect(document.text == "完成情况：已完成。\n整改时限：2025年12月31日\n已完成。新增")
    }

    /// c66: "整改期限为3个月" counts from the feedback date (2025年6月10日 → 2025-09-10; "6个月",
    /// "要求6个月内整改到位", "1年"); a span after another event ("资金到位后2个月内") or a part of
    /// a year ("2026年下半年") is no such deadline.
    @Test func spanFromTheFeedbackDate_isTheDeadline() {
        let (plan, _) = TestSupport.importText([
            "某镇卫生院关于巡察反馈问题整改情况的报告", "",
            "2025年6月10日，县委第四巡察组向我院反馈了巡察意见。现将整改情况报告如下：", "",
            "一、健康档案信息不准确。", "整改期限为3个月。整改情况：核对工作正在进行中。", "",
            "二、村卫生室管理不到位。", "整改期限：6个月。整改情况：考核正在组织。", "",
            "三、暂存间设置不规范。", "要求6个月内整改到位。整改情况：目前正在建设。", "",
            "四、中医馆服务项目少。", "整改期限为1年。整改情况：正在推进。", "",
            "五、信息系统老旧。", "计划资金到位后2个月内完成升级，目前正在推进。", "",
            "某镇卫生院", "2025年11月28日",
        ])
        #expect(plan.items.map { $0.deadline?.date.description } == ["2025-09-10", "2025-12-10", "2025-12-10", "2026-06-10", nil])
        #expect(RelativeDeadline.adding(months: 3, to: TestSupport.date("2025-11-30")) == TestSupport.date("2026-02-28"))
        #expect(RelativeDeadline.span(TestSupport.folded("下半年"), at: 1) == nil)
    }
}
