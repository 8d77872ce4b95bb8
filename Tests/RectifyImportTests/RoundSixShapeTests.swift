import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes found by the sixth blind corpus (c51–c58, l32–l35), each reduced to its rule.
struct RoundSixShapeTests {
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
