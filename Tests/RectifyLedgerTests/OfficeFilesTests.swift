import Foundation
import RectifyCore
import RectifyExport
import Testing

@testable import RectifyImport

/// Real office programs on both sides: workbooks and documents written by openpyxl and
/// python-docx and the same files re-saved by LibreOffice import alike; the exported
/// workbook opens in openpyxl and converts in LibreOffice. (scripts/install-deps.sh --test
/// installs both.) Two LibreOffice runs in all: a few seconds.
struct OfficeFilesTests {
    @Test func openpyxlFiles_andLibreOfficeResaves_importAlike() throws {
        let originals = try TestFiles.corpusFiles(["xlsx", "docx"])
        #expect(originals.count >= 5)
        let folder = try TestFiles.temporaryFolder("resaved")
        defer { try? FileManager.default.removeItem(at: folder) }
        let xlsx = originals.filter { $0.pathExtension == "xlsx" }, docx = originals.filter { $0.pathExtension == "docx" }
        let calc = try TestFiles.libreOffice(convertTo: "xlsx:Calc Office Open XML", files: xlsx, into: folder)
        #expect(calc.status == 0, "\(calc.error)")
        let writer = try TestFiles.libreOffice(convertTo: "docx:MS Word 2007 XML", files: docx, into: folder)
        #expect(writer.status == 0, "\(writer.error)")
        for original in originals {
            let resaved = folder.appendingPathComponent(original.lastPathComponent)
            // LibreOffice writes shared strings where openpyxl wrote inline ones, and its own styles.
            let before = try TestFiles.importFile(original).items.map(TestFiles.summary)
            let after = try TestFiles.importFile(resaved).items.map(TestFiles.summary)
            #expect(!before.isEmpty)
            #expect(before == after, "\(original.lastPathComponent) re-saved by LibreOffice imports differently")
        }
    }

    /// openpyxl saves formulas without their values (it does not calculate): such a deadline
    /// cell says it is an unsaved formula, not "cannot read a deadline"; LibreOffice's re-save,
    /// which calculates, gives the date. A hidden row is read, and said.
    @Test func aFormulaSavedWithoutItsValue_saysSo_andItsCalculatedCopyReads_andAHiddenRowIsSaid() throws {
        let folder = try TestFiles.temporaryFolder("formula")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("formula.xlsx")
        let script = """
            import openpyxl, sys
            wb = openpyxl.Workbook(); ws = wb.active; ws.title = "台账"
            ws.append(["序号", "反馈问题", "整改措施", "整改时限", "完成情况"])
            ws.append([1, "合同管理不规范", "建立合同台账", "=DATE(2025,12,31)", "整改中"])
            ws.append([2, "公务卡使用率低", "推行公务卡结算", "2026年3月31日", "整改中"])
            ws.row_dimensions[3].hidden = True
            wb.save(sys.argv[1])
            """
        let made = try TestFiles.run(["python3", "-c", script, workbook.path])
        #expect(made.status == 0, "\(made.error)")
        let result = try LedgerImporter.importFile(Data(contentsOf: workbook), file: "formula.xlsx")
        #expect(result.plan.items.first?.deadline == nil)
        #expect(
            result.warnings.contains {
                $0.description.hasPrefix("formula.xlsx:2:4: warning: 台账!D2: the deadline is a formula ('=DATE(2025,12,31)') whose value was never saved")
            }, "\(result.warnings)")
        #expect(result.plan.items.count == 2)
        #expect(result.warnings.contains { $0.description.hasPrefix("formula.xlsx:3:2: warning: 台账!B3: the row of item '2' is hidden") }, "\(result.warnings)")
        #expect(!result.warnings.contains { $0.description.contains("item '1' is hidden") })
        let resaved = folder.appendingPathComponent("out")
        let calc = try TestFiles.libreOffice(convertTo: "xlsx:Calc Office Open XML", files: [workbook], into: resaved)
        #expect(calc.status == 0, "\(calc.error)")
        let calculated = try TestFiles.importFile(resaved.appendingPathComponent("formula.xlsx"))
        #expect(calculated.items.first?.deadline?.date.description == "2025-12-31")
    }

    @Test func aWordReportWithoutALedgerTable_readsLikeItsText() throws {
        let folder = try TestFiles.temporaryFolder("docx-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = TestFiles.repository.appendingPathComponent("seeds/001_76357eb5244c6017.txt")
        let docx = folder.appendingPathComponent("001_76357eb5244c6017.docx")
        let made = try TestFiles.run(["python3", TestFiles.support.appendingPathComponent("text_to_docx.py").path, report.path, docx.path])
        #expect(made.status == 0, "\(made.error)")
        let fromText = try TestFiles.importFile(report).items.map(TestFiles.summary)
        let fromWord = try TestFiles.importFile(docx).items.map(TestFiles.summary)
        #expect(fromText.count == 10)
        #expect(fromWord == fromText)
    }

    @Test func exportedWorkbook_opensInOpenpyxl_andConvertsInLibreOffice() throws {
        let folder = try TestFiles.temporaryFolder("export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plans = try TestFiles.corpusFiles(["xlsx", "csv", "docx"]).prefix(4).map { ExportPlan(plan: try TestFiles.importFile($0)) }
        let now = CalendarDate(year: 2025, month: 11, day: 20)!.startInstant(in: TimeZone(identifier: "Asia/Shanghai")!)
        let workbook = folder.appendingPathComponent("台账.xlsx")
        try WorkbookWriter.write(Array(plans), now: now).write(to: workbook)

        let check = try TestFiles.run(["python3", TestFiles.support.appendingPathComponent("check_export.py").path, workbook.path])
        #expect(check.status == 0, "\(check.error)")
        let report = try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as! [String: Any]
        let sheets = report["per_sheet"] as! [[String: Any]]
        #expect(sheets.count == plans.count)
        for (sheet, export) in zip(sheets, plans) {
            #expect(sheet["title"] as? String == export.plan.title)
            #expect(sheet["freeze"] as? String == "A4")
            #expect((sheet["header"] as? [String])?.prefix(4) == ["序号", "问题类别", "反馈问题", "整改措施"])
            #expect(sheet["print_titles"] as? String == "3:3" || sheet["print_titles"] as? String == "$3:$3")
            let dated = export.plan.items.reduce(0) { $0 + ($1.milestones.isEmpty ? ($1.deadline == nil ? 0 : 1) : $1.milestones.count) }
            #expect(sheet["date_cells"] as? Int ?? 0 >= dated - (sheet["text_deadlines"] as? Int ?? 0))
            let fills = sheet["fills"] as! [String: String]
            for (state, colour) in fills {
                if state.hasPrefix("已逾期") { #expect(colour == "FFFFC7CE") }
                if state.hasPrefix("已完成") || state.hasPrefix("已销号") { #expect(colour == "FFD9D9D9") }
                if state.hasPrefix("正常推进") { #expect(colour == "FFC6EFCE") }
            }
        }
        let pdf = try TestFiles.libreOffice(convertTo: "pdf", files: [workbook], into: folder)
        #expect(pdf.status == 0, "\(pdf.error)")
        let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("台账.pdf").path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "LibreOffice wrote no PDF: \(pdf.output) \(pdf.error)")
    }
}
