import Foundation
import RectifyCore
import RectifyImport
import Testing

/// An item's text made fit for the next report: heading, status and labelled fields out, years in.
struct ItemAccountTests {
    static func plan(reportDate: CalendarDate?, feedback: CalendarDate = CalendarDate("2025-06-11")!) -> Plan {
        Plan(
            id: "p", unit: "某单位", title: "t", reportDate: reportDate,
            inspection: Inspection(start: CalendarDate("2025-03-31"), end: CalendarDate("2025-04-30"), feedbackDate: feedback))
    }

    @Test func statusFieldAndTheOldPlanSentence_areLeftOut() {
        let item = Item(
            id: "3.8", title: "8.医疗废物管理不到位。",
            text: "8.医疗废物管理不到位。\n整改落实情况：取得阶段性成效。预计10月31日前完成检查整改。一是督促清运公司整改；二是加强监督。")
        #expect(ItemAccount.account(of: item, in: Self.plan(reportDate: nil)) == "一是督促清运公司整改；二是加强监督。")
    }

    @Test func labelledFields_goWhileMeasuresStay() {
        let item = Item(
            id: "1", title: "问题1：学习不深入。",
            text: "问题1：学习不深入。\n整改措施：修订学习制度。\n责任领导：王建国\n责任科室：办公室\n整改时限：2025年8月底前\n完成情况：已完成。集中学习12次。")
        #expect(ItemAccount.account(of: item, in: Self.plan(reportDate: CalendarDate("2025-10-01"))) == "集中学习12次。")
        let beforeStatus = Item(
            id: "2", title: "问题2：制度不全。", text: "问题2：制度不全。\n整改措施：修订制度。\n整改时限：2025年8月底前")
        #expect(ItemAccount.account(of: beforeStatus, in: Self.plan(reportDate: CalendarDate("2025-10-01"))) == "修订制度。")
    }

    @Test func datesWithoutAYear_getTheYearTheReportMeant() {
        // A report dated 2025-10-09: past work lies before it, plans after it.
        let item = Item(id: "1", title: "1.问题。", text: "1.问题。\n11月召开推进会，计划3月底前完成验收。")
        #expect(ItemAccount.account(of: item, in: Self.plan(reportDate: CalendarDate("2025-10-09"))) == "2024年11月召开推进会，计划2026年3月底前完成验收。")
        // Without a report date, past work lies after the inspection began.
        let undated = Item(id: "2", title: "2.问题。", text: "2.问题。\n5月8日调整预约人数，7月摸排养殖户。")
        #expect(ItemAccount.account(of: undated, in: Self.plan(reportDate: nil)) == "2025年5月8日调整预约人数，2025年7月摸排养殖户。")
    }

    @Test func closingStatusAndSignature_areLeftOut() {
        let audit = Item(id: "1.1-1", title: "个别票据附件不全", text: "个别票据附件不全\n上述问题已全部整改到位。")
        #expect(ItemAccount.account(of: audit, in: Self.plan(reportDate: nil)) == "")
        let last = Item(id: "3", title: "3.作风有差距。", text: "3.作风有差距。\n整改情况：已完成。上线好差评系统。\n东林县医疗保障局\n2024年10月30日")
        #expect(ItemAccount.account(of: last, in: Self.plan(reportDate: nil)) == "上线好差评系统。")
    }

    @Test func note_keepsItsWordsButNotItsLabelsOrYearlessDates() {
        #expect(ItemAccount.note("整改时限：12月底前完成\n完成情况：已完成60%", writtenOn: CalendarDate("2026-11-05")!) == "整改时限为2026年12月底前完成；完成情况为已完成60%")
    }
}
