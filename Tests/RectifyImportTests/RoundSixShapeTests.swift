import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes found by the sixth blind corpus (c51–c58, l32–l35), each reduced to its rule.
struct RoundSixShapeTests {
    /// 已 after it does not make the date past work (c55: no deadline).
    @Test func bracketClosesThePlannedClause() {
        let (plan, _) = TestSupport.importText([
            "某医院关于专项整治自查整改情况的公示",
            "1.医用耗材二级库管理不规范。【整改中，预计2025年12月底前完成】已上线耗材管理系统，正在盘点建账。",
            "2.个别医师超范围执业。【已整改】办理变更注册7人。",
            "某医院", "2025年11月5日",
        ])
        #expect(plan.items[0].status == .inProgress)
        #expect(plan.items[0].deadline?.date.description == "2025-12-31")
    }

    /// "64条整改措施已完成61条": the measures, then how many are done (measures_done was 64).
    @Test func totals_measuresThenDone() {
        let totals = Totals.parse(TestSupport.paragraph(
            "共反馈3个方面9个问题，细化制定整改措施64条。截至2026年1月15日，9个问题中已完成整改7个，2个问题取得阶段性成效；64条整改措施已完成61条，整改完成率95.3%。"))
        #expect(totals?.problems == 9)
        #expect(totals?.done == 7)
        #expect(totals?.measures == 64)
        #expect(totals?.measuresDone == 61)
    }
}
