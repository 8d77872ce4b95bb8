import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Ledgers as county offices keep them in Excel and WPS (the fourth blind corpus, l23–l27):
/// OA exports, two-row headers with a 整改情况 group, status and deadline cells as clerks type them.
struct CountyLedgerShapesTests {
    static func csv(_ text: String, _ file: String = "台账.csv") throws -> LedgerImporter.Result {
        try LedgerImporter.importFile(Data(text.utf8), file: file, options: .init(referenceDate: CalendarDate("2026-05-20")))
    }

    /// l26: an OA system heads its status column 办理状态 (处理状态, 销号状态): without it every
    /// item was read as open, 已办结 included.
    @Test func anOAStatusHeader_namesTheStatusColumn() throws {
        let result = try Self.csv("""
            序号,问题描述,整改措施,计划完成时间,办理状态\r
            1,疫苗出入库登记不规范,扫码登记,2026-03-31 00:00:00,已办结\r
            2,报告卡填写错项漏项,月度核查,2026-06-30 00:00:00,办理中\r

            """)
        #expect(result.plan.items.map(\.status) == [.done, .inProgress])
        #expect(result.plan.items[1].deadline?.date.description == "2026-06-30")
        #expect(!result.warnings.contains { $0.description.contains("no status column") })
    }

    /// l24: 整改情况 over 完成时间 | 完成情况 beside a 整改时限 column: 完成时间 is when the work
    /// was done (a date there with no words is done), not a second deadline. Alone, as in an
    /// audit ledger's 整改完成时间, it stays the deadline.
    @Test func aCompletionTimeBesideADeadline_isWhenItWasDone() throws {
        let both = try Self.csv("""
            序号,反馈问题,整改时限,完成时间,完成情况\r
            1-1,培训针对性不强,2026/5/31,2026/5/28,\r
            1-2,主体责任压得不实,2026/6/30,,正在推进\r

            """).plan
        #expect(both.items.map(\.status) == [.done, .inProgress])
        #expect(both.items[1].deadline?.date.description == "2026-06-30")
        let alone = try Self.csv("""
            序号,反馈问题,完成时间,完成情况\r
            1,培训针对性不强,2026/9/30,正在推进\r

            """).plan
        #expect(alone.items[0].deadline?.date.description == "2026-09-30")
    }

    /// l25: "完成80%" is progress on a part, not done; "因资金原因暂缓" is open work put off
    /// (its review said the cell was empty); "每月" is a routine, as 长期坚持, not an unreadable date.
    @Test func clerksStatusAndDeadlineWords() throws {
        let result = try Self.csv("""
            序号,存在问题,整改时限,整改情况\r
            1,筛查复查率低,2026年6月底前,完成80%\r
            2,改扩建滞后,2026年12月,因资金原因暂缓\r
            3,手卫生依从性不高,每月,持续整改\r
            4,院务公开不及时,2026/3/31,已完成（已销号）\r

            """)
        let items = result.plan.items
        #expect(items.map(\.status) == [.inProgress, .inProgress, .longTerm, .done])
        #expect(items[0].deadline?.date.description == "2026-06-30")
        #expect(items[2].deadline == nil)
        let warnings = result.warnings.map(\.description)
        #expect(!warnings.contains { $0.contains("cannot read a deadline from '每月'") }, "\(warnings)")
        #expect(!warnings.contains { $0.contains("is empty") }, "\(warnings)")
    }

    /// l24: "柳林县卫生健康局2026年巡察整改工作台账": the year is not part of the unit.
    @Test func aYearAfterTheUnitInTheTitle_isNotPartOfIt() {
        #expect(LedgerHeading.unit(fromTitle: "柳林县卫生健康局2026年巡察整改工作台账") == "柳林县卫生健康局")
        #expect(LedgerHeading.unit(fromTitle: "县人民医院2025年度审计整改台账") == "县人民医院")
        // The title the export writes for a plan with none (l26's round trip) names no unit.
        #expect(LedgerHeading.unit(fromTitle: "l26_whcdc_oa_export") == nil)
    }

    /// The new corpus files, whole: l23's extension in 备注 and l26's OA export (GUIDs, a hidden
    /// column, text dates with times, a 合计 row, a 填表说明 sheet).
    @Test func theCorpusFiles() throws {
        func ledger(_ name: String) throws -> LedgerImporter.Result {
            try LedgerImporter.importFile(Data(contentsOf: TestFiles.corpus.appendingPathComponent(name)), file: name)
        }
        let measures = try ledger("l23_qhx_measure_rows.xlsx").plan
        let drugs = try #require(measures.items.first { $0.title.hasPrefix("公立医院药品耗材") })
        #expect(drugs.deadline?.date.description == "2026-06-30")
        #expect(drugs.extensions.map(\.deadline.date.description) == ["2026-09-30"])
        let oa = try ledger("l26_whcdc_oa_export.xlsx")
        #expect(oa.table == "导出数据")
        #expect(oa.plan.items.count == 8)
        #expect(oa.plan.items.filter { $0.status == .done }.count == 3)
    }
}
