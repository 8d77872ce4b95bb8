import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Ledgers as offices keep them (the third blind corpus, l19–l22): section rows straight under
/// the header, Word tables split across pages by hand with the header typed again, colour-only
/// status cells, a 盖章 note after the unit's name.
struct OfficeShapesTests {
    static func ledger(_ name: String) throws -> LedgerImporter.Result {
        let url = TestFiles.corpus.appendingPathComponent(name)
        return try LedgerImporter.importFile(Data(contentsOf: url), file: name)
    }

    /// "一、政治建设方面" (ending in 方面, a category header word) right under the header is the
    /// first section row, not a second header row.
    @Test func aSectionRowUnderTheHeader_isData_notASecondHeaderRow() throws {
        let csv = """
            序号,反馈问题,整改措施,责任领导,整改时限,完成情况\r
            一、政治建设方面,,,,,\r
            1,理论学习不深入,制定学习计划,王强,2026年3月31日,已完成\r
            2,谈心谈话不经常,建立谈心谈话台账,王强,2026年6月30日,正在推进\r

            """
        let plan = try LedgerImporter.importFile(Data(csv.utf8), file: "section.csv").plan
        #expect(plan.items.map(\.title) == ["理论学习不深入", "谈心谈话不经常"])
        #expect(plan.items.map(\.category) == [["一、政治建设方面"], ["一、政治建设方面"]])
    }

    /// l22: the task table broken across pages by hand: the second table repeats the header
    /// and its first row (problem cell blank) is a third measure of problem 4.
    @Test func aWordTableSplitByHand_withItsHeaderRepeated_continuesTheFirst() throws {
        let result = try Self.ledger("l22_nscdc_split_repeat_header.docx")
        let plan = result.plan
        #expect(plan.items.count == 7)
        #expect(result.table == "表1–表2")
        #expect(!plan.items.contains { $0.title.contains("省级免疫规划平台") })
        let data = try #require(plan.items.first { $0.title.hasPrefix("免疫规划信息系统数据质量不高") })
        #expect(data.milestones.map(\.deadline.cell) == ["表1!F9", "表1!F10", "表2!F2"])
        #expect(data.deadline?.date.description == "2026-09-30")
        #expect(plan.items.first?.category == ["一、政治建设方面"])
    }

    /// One dated measure beside an undated one (立行立改, 长期) is no milestone: the deadline
    /// says it, and the exported ledger could not write a lone milestone back (l19's round trip).
    @Test func oneDatedMeasureBesideUndatedOnes_isNoMilestone() throws {
        let csv = """
            序号,反馈问题,整改措施,整改时限,完成情况\r
            1,议事规则不完善,修订议事规则,立行立改,已完成\r
            ,,建立督办制度,2026.3.31,已完成\r
            2,满意度偏低,流程再造,6月底,推进中\r
            ,,建立回访制度,立行立改,已完成\r
            3,设备论证不充分,建立论证制度,2026.6.30,已完成\r
            ,,开展效益评估,2026.9.30,推进中\r

            """
        let plan = try LedgerImporter.importFile(Data(csv.utf8), file: "台账.csv", options: .init(referenceDate: CalendarDate("2026-01-01"))).plan
        #expect(plan.items.map(\.milestones.count) == [0, 0, 2])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .inProgress])
        #expect(plan.items[1].deadline?.date.description == "2026-06-30")
    }

    /// l19: "填报单位：东平县人民医院（盖章）": the seal's note is not part of the unit's name;
    /// the ledger on the 2nd sheet under a title, a unit row and a blank row; text dates.
    @Test func theSealNote_isNotPartOfTheUnit() throws {
        let plan = try Self.ledger("l19_dprmyy_text_dates.xlsx").plan
        #expect(plan.unit == "东平县人民医院")
        #expect(plan.reportDate?.description == "2026-06-10")
        #expect(plan.items.count == 7)
    }

    /// l20: a status column of colours only (green, yellow, red fills, no words). Colour codes
    /// differ between offices (rectifyd's own export paints open items on track green), so the
    /// items stay open, with their deadlines, and each warning names the colour it did not read.
    @Test func aStatusGivenByColourAlone_isNotGuessed_andTheWarningSaysSo() throws {
        let result = try Self.ledger("l20_hkz_colour_status.xlsx")
        #expect(result.plan.items.count == 6)
        #expect(result.plan.items.allSatisfy { $0.status == .inProgress && $0.deadline != nil })
        let warnings = result.warnings.map(\.description)
        #expect(warnings.contains { $0.contains("整改台账!F3 holds no words, only a fill colour (#00B050); colours are not read") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("整改台账!F7 holds no words, only a fill colour (#FF0000)") }, "\(warnings)")
    }
}
