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
}
