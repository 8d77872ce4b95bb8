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
