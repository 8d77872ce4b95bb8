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
}
