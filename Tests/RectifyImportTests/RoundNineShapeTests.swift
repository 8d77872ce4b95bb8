import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes found by the ninth blind corpus (c70–c76, l44–l48): short plain documents as a busy
/// clerk types them, each reduced to its rule.
struct RoundNineShapeTests {
    /// c73: a report typed as Markdown — "## 一、…" headings and "- 整改时限：…" bullets. The
    /// marks hid the numbering and the labels (no item was read); "-3" and "#1" stay text.
    @Test func markdownMarks_areDecoration() {
        let (plan, _) = TestSupport.importText([
            "# 县卫健局巡察整改进展", "",
            "## 一、医疗机构监管不到位", "- 整改措施：开展专项检查。", "- 整改时限：2026年3月31日", "- 进展：正在推进", "",
            "## 二、办公用房超标", "- 整改措施：腾退。", "- 整改时限：即知即改", "- 进展：已完成",
        ])
        #expect(plan.items.map(\.id) == ["1", "2"])
        #expect(plan.items.map(\.status) == [.inProgress, .done])
        #expect(plan.items[0].deadline?.date == TestSupport.date("2026-03-31"))
        #expect(Normalization.withoutMarkdownMark(TestSupport.folded("-3℃")) == TestSupport.folded("-3℃"))
        #expect(Normalization.withoutMarkdownMark(TestSupport.folded("#1楼")) == TestSupport.folded("#1楼"))
    }

    /// c73: "进展：已完成", "进度：80%", "状态：已整改" are status fields (进展： was read as no
    /// status, and the item done only by default, marked for review).
    @Test func shortStatusLabels_areStatusFields() {
        for label in ["进展", "进度", "状态"] {
            let read = FieldLabels.label(TestSupport.folded(label + "：已完成"), at: 0)
            #expect(read?.kind == .status)
        }
        let (plan, warnings) = TestSupport.importText([
            "某院巡察整改进展", "", "1.病历书写不规范。", "整改时限：2026年3月31日", "进展：已完成",
        ])
        #expect(plan.items.first?.status == .done)
        #expect(!warnings.contains { $0.message.contains("review") })
    }
}
