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

    /// c73: "报送日期：2026年1月8日" (or a bare date) under the title dates the report; without
    /// it "年底前" had no year and the item no deadline.
    @Test func dateLineUnderTitle_datesTheReport() {
        let (plan, _) = TestSupport.importText([
            "县卫健局巡察整改进展", "报送日期：2026年1月8日", "",
            "1.人才流失严重。", "整改时限：年底前", "进展：正在推进",
        ])
        #expect(plan.reportDate == TestSupport.date("2026-01-08"))
        #expect(plan.items.first?.deadline?.date == TestSupport.date("2026-12-31"))
        #expect(Header.isDateLine(TestSupport.folded("2026年1月20日")))
        #expect(!Header.isDateLine(TestSupport.folded("2026年1月20日召开专题会议")))
    }

    /// c72, c73: a title without 关于 and no signature ("县疾控中心巡察整改情况汇报") names the
    /// unit before 巡察 (the plan had no unit and would not load).
    @Test func unitBeforeInspection_inATitleWithout关于() {
        let (plan, _) = TestSupport.importText([
            "县疾控中心巡察整改情况汇报", "", "问题一：冷链记录不全。", "整改时限：2026年3月31日", "完成情况：正在整改中",
        ])
        #expect(plan.unit == "县疾控中心")
        #expect(Header.unitBeforeInspection("整改进展情况") == nil)
        #expect(Header.unitBeforeInspection("关于县医院巡察整改情况的报告") == nil)
    }

    /// c76: a Word table used as ruled paper, 序号 | 内容 with each problem's fields on lines
    /// of one cell: one item a row (the row was one line, "1问题：…", and no item was read).
    @Test func recordTable_rowsAreLabelledBlocks() throws {
        let table = LedgerTable(name: "表1", rows: [
            [.text("序号"), .text("内容")],
            [.text("1"), .text("问题：执法文书不规范。\n整改措施：评查。\n整改时限：2026年3月31日\n完成情况：正在推进")],
            [.text("2"), .text("问题：车辆登记不全。\n整改措施：建立制度。\n整改时限：2025年11月30日\n完成情况：已完成")],
        ])
        let lines = try #require(RecordTables.lines(table))
        #expect(lines.first == "1.问题：执法文书不规范。")
        #expect(lines.count == 8)
        let (plan, _) = TestSupport.importText(["县卫生监督所巡察整改情况", ""] + lines)
        #expect(plan.items.map(\.status) == [.inProgress, .done])
        #expect(plan.items[0].deadline?.date == TestSupport.date("2026-03-31"))
        // A ledger-like table of one line per cell is no record.
        #expect(RecordTables.lines(LedgerTable(name: "表1", rows: [
            [.text("1"), .text("执法文书不规范")], [.text("2"), .text("车辆登记不全")],
        ])) == nil)
    }

    /// l46: a 状态 column of ✔/✘: ✘ (and ✕ ✖ ☒) is "not done" like ×, not an unknown word
    /// that needs review.
    @Test func heavyCrosses_areNotDone() {
        for mark in ["✘", "✕", "✖", "☒"] {
            #expect(LedgerCells.status(.text(mark))?.kind == .negated)
            #expect(ItemFields.tickKind(TestSupport.folded(mark)) == .negated)
            #expect(!LedgerCells.isTick(.text(mark)))
        }
        #expect(LedgerCells.status(.text("☑"))?.kind == .done)
    }
}
