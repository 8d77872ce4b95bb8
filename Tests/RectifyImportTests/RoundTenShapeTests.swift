import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes found by the tenth blind corpus (c77–c81, l49–l51): the files offices really send —
/// exported by OA systems under the wrong name, scanned and OCR'd, or not readable at all.
struct RoundTenShapeTests {
    static func read(_ text: String, as name: String) throws -> LedgerImporter.Result {
        try LedgerImporter.importFile(Data(text.utf8), file: name)
    }

    static func error(_ bytes: Data, as name: String) -> String {
        do throws(PlanLoadError) {
            _ = try LedgerImporter.importFile(bytes, file: name)
            return ""
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    /// c79: text OCR'd from a scanned PDF: digits read as letters ("2O26年1月l2日"), and a
    /// label with a look-alike character ("整改时隈"): no report date, no deadline.
    @Test func ocrDigitsAndLookalikes_areRead() {
        #expect(String(scalars: OCRDigits.repair(Array("2O25年l2月3l日，及时率8O%".unicodeScalars))) == "2025年12月31日，及时率80%")
        for kept in ["ISO9001认证", "COVID19年", "HIS系统", "Ol年", "l号楼"] {
            #expect(String(scalars: OCRDigits.repair(Array(kept.unicodeScalars))) == kept)
        }
        let (plan, _) = TestSupport.importText([
            "县医院关于巡察整改进展情况的报告", "", "2O26年1月l2日", "",
            "1.病历记录缺失。", "整改时隈:2O26年3月3l日前", "完成情况:正在推进",
            "2.药品账实不符。", "整改时限:2O25年l2月3l日", "完成情况:巳完成",
        ])
        #expect(plan.reportDate == TestSupport.date("2026-01-12"))
        #expect(plan.items.map(\.status) == [.inProgress, .done])
        #expect(plan.items[0].deadline?.date == TestSupport.date("2026-03-31"))
    }
}
