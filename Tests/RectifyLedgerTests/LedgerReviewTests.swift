import Foundation
import RectifyCore
import RectifyExport
import Testing

import RectifyImport

/// Defects a reviewer found opening exported ledgers of the importer's blind corpus.
struct LedgerReviewTests {
    static let now = CalendarDate(year: 2026, month: 9, day: 25)!.startInstant(in: TimeZone(identifier: "Asia/Shanghai")!)

    static func extended(_ deadline: Deadline, reason: String) -> Plan {
        var item = Item(id: "3", title: "公立医院药品耗材采购监管不力", status: .inProgress)
        item.deadline = Deadline(date: CalendarDate(year: 2026, month: 6, day: 30)!)
        item.extensions = [Extension(deadline: deadline, reason: reason, granted: CalendarDate(year: 2026, month: 6, day: 30)!)]
        return Plan(id: "p", unit: "清河县卫生健康局", title: "清河县卫生健康局整改台账", items: [item])
    }

    /// l23_qhx_measure_rows.xlsx notes the extension as "经批准延期至2026年9月30日", which the
    /// importer keeps as its reason; the 备注 read "延期至2026年9月30日（经批准延期至2026年9月30日）".
    @Test func reasonThatOnlyRestatesTheExtension_isNotRepeated() throws {
        let plan = Self.extended(Deadline(date: CalendarDate(year: 2026, month: 9, day: 30)!), reason: "经批准延期至2026年9月30日")
        let csv = String(decoding: CSVWriter.write([ExportPlan(plan: plan)], now: Self.now), as: UTF8.self)
        #expect(csv.contains(",延期至2026年9月30日\r\n"), "\(csv)")
        #expect(!csv.contains("（经批准"))
        let real = Self.extended(Deadline(date: CalendarDate(year: 2026, month: 9, day: 30)!), reason: "设备到货延迟")
        #expect(String(decoding: CSVWriter.write([ExportPlan(plan: real)], now: Self.now), as: UTF8.self).contains("延期至2026年9月30日（设备到货延迟）"))
    }

    /// An extension granted to the end of a month was written as its last day
    /// ("延期至2026年9月30日"), and imported back as a day.
    @Test func monthExtension_isWrittenAsTheMonth_andReadBackAsOne() throws {
        let plan = Self.extended(Deadline(date: CalendarDate(year: 2026, month: 9, day: 30)!, precision: .month), reason: "设备到货延迟")
        for format in ["xlsx", "csv"] {
            let data = format == "xlsx"
                ? try WorkbookWriter.write([ExportPlan(plan: plan)], now: Self.now) : CSVWriter.write([ExportPlan(plan: plan)], now: Self.now)
            if format == "csv" { #expect(String(decoding: data, as: UTF8.self).contains("延期至2026年9月底（设备到货延迟）")) }
            let back = try LedgerImporter.importFile(data, file: "p.\(format)").plan
            let ext = try #require(back.items.first?.extensions.last, "via .\(format)")
            #expect(ext.deadline.date == CalendarDate(year: 2026, month: 9, day: 30))
            #expect(ext.deadline.precision == .month, "via .\(format)")
            #expect(ext.reason.contains("设备到货延迟"))
        }
    }
}

extension LedgerReviewTests {
    /// A plan imported from a 通报 (c30_two_units_bswjj_ybj.txt, the seeds) printed its 台账
    /// under the 通报's title: "…反馈意见整改进展情况的通报" over the ledger's columns; seed 001's
    /// title had also lost its issuer's start ("旗疾病预防控制中心关于…").
    @Test func ledgerOfAReport_isTitledAsALedger() throws {
        let item = Item(id: "1", title: "村卫生室标准化建设进度缓慢", status: .inProgress, deadline: Deadline(date: CalendarDate(year: 2026, month: 6, day: 30)!))
        let plan = Plan(id: "p", unit: "白水县卫健局和县医保局", title: "白水县卫健局和县医保局关于县委第二巡察组反馈意见整改进展情况的通报", items: [item])
        let expected = "白水县卫健局和县医保局关于县委第二巡察组反馈意见整改工作台账"
        let csv = String(decoding: CSVWriter.write([ExportPlan(plan: plan)], now: Self.now), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}\(expected)\r\n"), "\(csv)")
        let back = try LedgerImporter.importFile(try WorkbookWriter.write([ExportPlan(plan: plan)], now: Self.now), file: "p.xlsx").plan
        #expect(back.title == expected)
        #expect(String(decoding: CalendarWriter.write([ExportPlan(plan: plan)], now: Self.now), as: UTF8.self).contains("整改工作台账"))

        let cut = Plan(id: "q", unit: "敖汉旗疾病预防控制中心", title: "旗疾病预防控制中心关于十六届旗委第九轮巡察整改进展情况的通报", items: [item])
        #expect(String(decoding: CSVWriter.write([ExportPlan(plan: cut)], now: Self.now), as: UTF8.self)
            .hasPrefix("\u{FEFF}敖汉旗疾病预防控制中心关于十六届旗委第九轮巡察整改工作台账\r\n"))
        // A ledger's own title stays.
        let ledger = Plan(id: "r", unit: "某医院", title: "某医院问题整改销号管理台账", items: [item])
        #expect(String(decoding: CSVWriter.write([ExportPlan(plan: ledger)], now: Self.now), as: UTF8.self).hasPrefix("\u{FEFF}某医院问题整改销号管理台账\r\n"))
    }
}
