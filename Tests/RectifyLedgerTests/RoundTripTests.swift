import Foundation
import RectifyCore
@testable import RectifyExport
import Testing

@testable import RectifyImport

/// Export, then import, gives the same items, states, deadlines, milestones and extensions.
struct RoundTripTests {
    static let now = CalendarDate(year: 2025, month: 11, day: 20)!.startInstant(in: TimeZone(identifier: "Asia/Shanghai")!)

    @Test(arguments: ["xlsx", "csv"])
    func everyCorpusLedger_survivesExportAndImport(format: String) throws {
        for file in try TestFiles.corpusFiles(["xlsx", "csv", "docx"]) {
            let plan = try TestFiles.importFile(file)
            let data = format == "xlsx"
                ? try WorkbookWriter.write([ExportPlan(plan: plan)], now: Self.now) : CSVWriter.write([ExportPlan(plan: plan)], now: Self.now)
            let back = try LedgerImporter.importFile(data, file: "\(plan.id).\(format)").plan
            #expect(back.items.map(TestFiles.summary) == plan.items.map(TestFiles.summary), "\(file.lastPathComponent) via .\(format)")
            // A report's title comes back as its ledger's ("…整改进展情况的报告" → "…整改工作台账").
            #expect(back.title == LedgerTitle.of(plan))
            #expect(back.unit == plan.unit)
            #expect(back.items.map(\.responsible?.leader?.name) == plan.items.map(\.responsible?.leader?.name))
        }
    }

    /// The export writes 尚未启动 for `not_started`; reading it back gives `not_started`, in
    /// both formats (it gave in_progress).
    @Test(arguments: ["xlsx", "csv"])
    func everyStatus_survives(format: String) throws {
        let due = Deadline(date: CalendarDate(year: 2026, month: 6, day: 30)!)
        let items = ItemStatus.allCases.enumerated().map { k, status in
            Item(id: "\(k + 1)", title: "问题\(k + 1)", status: status, deadline: status == .longTerm ? nil : due)
        }
        let plan = Plan(id: "p", unit: "某医院", title: "某医院整改台账", items: items)
        let data = format == "xlsx"
            ? try WorkbookWriter.write([ExportPlan(plan: plan)], now: Self.now) : CSVWriter.write([ExportPlan(plan: plan)], now: Self.now)
        let back = try LedgerImporter.importFile(data, file: "p.\(format)").plan
        #expect(back.items.map(\.status) == ItemStatus.allCases)
    }

    /// A plan without a unit is exported without an empty "填报单位：" label, and reads back
    /// without one (with the importer's warning that it names none).
    @Test func aPlanWithoutAUnit_hasNoEmptyUnitLabel() throws {
        let plan = Plan(id: "p", unit: "", title: "整改台账", items: [Item(id: "1", title: "公车台账不全", status: .inProgress)])
        let csv = String(decoding: CSVWriter.write([ExportPlan(plan: plan)], now: Self.now), as: UTF8.self)
        #expect(!csv.contains("填报单位"))
        let back = try LedgerImporter.importFile(try WorkbookWriter.write([ExportPlan(plan: plan)], now: Self.now), file: "p.xlsx")
        #expect(back.plan.unit.isEmpty && back.plan.items.count == 1)
        #expect(back.warnings.contains { $0.message.contains("names no unit") })
    }

    /// Cells a spreadsheet would read as formulas (CSV injection) are written with a leading
    /// apostrophe, and read back without it: a title "=HYPERLINK(…)" was a live link in
    /// LibreOffice and an id "+2" became the number 2.
    @Test func formulaLikeCells_areNeutralisedInCSV_andReadBackAsWritten() throws {
        let due = Deadline(date: CalendarDate(year: 2026, month: 6, day: 30)!)
        var first = Item(id: "1", title: "=HYPERLINK(\"http://example.com/x\",\"点击查看\")", status: .inProgress, deadline: due)
        first.text = "整改措施：-建立健全制度"
        first.responsible = Responsibility(department: "@办公室")
        let second = Item(id: "+2", title: "\t普通问题", status: .inProgress, deadline: due)
        let plan = Plan(id: "p", unit: "某医院", title: "某医院整改台账", items: [first, second])
        let csv = String(decoding: CSVWriter.write([ExportPlan(plan: plan)], now: Self.now), as: UTF8.self)
        let cells = csv.split(separator: "\r\n").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let bare = cells.map { $0.hasPrefix("\"") ? $0.dropFirst() : $0 }
        #expect(!bare.contains { $0.first.map { "=+-@\t".contains($0) } == true }, "\(csv)")
        #expect(csv.contains("\"'=HYPERLINK(") && csv.contains("'+2,") && csv.contains("'-建立健全制度") && csv.contains("'@办公室"))
        let back = try LedgerImporter.importFile(Data(csv.utf8), file: "p.csv").plan
        #expect(back.items.map(\.id) == ["1", "+2"])
        #expect(back.items.map(\.title) == [first.title, "普通问题"])
        #expect(back.items.first?.responsible?.department == "@办公室")
        #expect(back.items.first?.text?.contains("整改措施：-建立健全制度") == true)
    }

    @Test func precisionsAndExtensions_survive() throws {
        var item = Item(id: "1", title: "应急物资储备不足", status: .inProgress)
        item.deadline = Deadline(date: CalendarDate(year: 2025, month: 9, day: 30)!, precision: .quarter)
        var monthly = Item(id: "2", title: "病历书写不规范", status: .inProgress)
        monthly.deadline = Deadline(date: CalendarDate(year: 2025, month: 12, day: 31)!, precision: .month)
        monthly.extensions = [
            Extension(deadline: Deadline(date: CalendarDate(year: 2026, month: 3, day: 31)!), reason: "设备到货延迟", granted: CalendarDate(year: 2025, month: 12, day: 1)!)
        ]
        let plan = Plan(id: "p", unit: "某医院", title: "某医院整改台账", items: [item, monthly])
        let back = try LedgerImporter.importFile(try WorkbookWriter.write([ExportPlan(plan: plan)], now: Self.now), file: "p.xlsx").plan
        #expect(back.items[0].deadline?.precision == .quarter)
        #expect(back.items[0].deadline?.date == item.deadline?.date)
        #expect(back.items[1].deadline?.precision == .month)
        #expect(back.items[1].deadline?.date == monthly.deadline?.date)
        #expect(back.items[1].extensions.last?.deadline.date == CalendarDate(year: 2026, month: 3, day: 31))
    }

    @Test func stateWordsAndShades_followTheThreeColourPractice() throws {
        func item(_ id: String, _ status: ItemStatus, _ due: CalendarDate?) -> Item {
            Item(id: id, title: "问题\(id)", status: status, deadline: due.map { Deadline(date: $0) })
        }
        let plan = Plan(id: "p", unit: "u", title: "t", reportDate: CalendarDate(year: 2025, month: 11, day: 1), items: [
            item("1", .inProgress, CalendarDate(year: 2025, month: 11, day: 10)),
            item("2", .inProgress, CalendarDate(year: 2025, month: 11, day: 25)),
            item("3", .inProgress, CalendarDate(year: 2026, month: 6, day: 30)),
            item("4", .done, nil),
        ])
        let csv = String(decoding: CSVWriter.write([ExportPlan(plan: plan, records: ["4": ItemRecord(closedOn: CalendarDate(year: 2025, month: 10, day: 8))])], now: Self.now), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.contains("已逾期10天"))
        #expect(csv.contains("即将到期（剩6天）"))
        #expect(csv.contains("已销号（2025年10月8日）"))
        let document = LedgerDocument(ExportPlan(plan: plan), now: Self.now, policy: .default)
        #expect(document.problems.map(\.shade) == [.red, .yellow, .green, .grey])
    }
}
