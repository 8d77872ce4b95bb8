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

    /// l50: an ".xls" in Excel's XML Spreadsheet 2003 — no item was read. Cells placed by
    /// ss:Index, a problem merged down over its two measure rows, DateTime cells.
    @Test func xmlSpreadsheet2003_isReadAsALedger() throws {
        func cell(_ v: String, _ type: String = "String", _ extra: String = "") -> String {
            "<Cell\(extra)><Data ss:Type=\"\(type)\">\(v)</Data></Cell>"
        }
        let rows = [
            cell("某中心整改台账", "String", " ss:MergeAcross=\"4\""),
            cell("序号") + cell("反馈问题") + cell("整改措施") + cell("整改时限") + cell("完成情况"),
            cell("1", "Number") + cell("疫苗出入库登记不规范", "String", " ss:MergeDown=\"1\"") + cell("更换系统")
                + cell("2025-12-15T00:00:00.000", "DateTime", " ss:StyleID=\"d\"") + cell("已完成"),
            cell("月度核对", "String", " ss:Index=\"3\"") + cell("2026-06-30T00:00:00.000", "DateTime", " ss:StyleID=\"d\"") + cell("正在推进"),
            cell("2", "Number") + cell("健康教育材料发放记录缺失") + cell("建立台账") + cell("2026-03-31T00:00:00.000", "DateTime") + cell("整改中"),
        ].map { "<Row>\($0)</Row>" }.joined()
        let xml = """
            <?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
            <Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy/m/d"/></Style></Styles>
            <Worksheet ss:Name="台账"><Table>\(rows)</Table></Worksheet></Workbook>
            """
        let result = try Self.read(xml, as: "台账.xls")
        #expect(result.table == "台账")
        #expect(result.plan.title == "某中心整改台账")
        #expect(result.plan.items.map(\.title) == ["疫苗出入库登记不规范", "健康教育材料发放记录缺失"])
        #expect(result.plan.items.map(\.status) == [.inProgress, .inProgress])
        #expect(result.plan.items.map { $0.deadline?.date } == [TestSupport.date("2026-06-30"), TestSupport.date("2026-03-31")])
        #expect(result.plan.items[0].milestones.map(\.done) == [true, false])
    }

    /// l49: an OA system's "Excel" export, an HTML table named .xls. It was read as a web page's
    /// text, and the 办理状态 column's 办理中 was not read as open: two open items came out done.
    @Test func htmlTableNamedXls_isReadAsALedger() throws {
        let html = """
            <html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table>
            <tr><td colspan="5">某局巡察反馈问题整改台账</td></tr>
            <tr><th>序号</th><th>问题类别</th><th>反馈问题</th><th>整改时限</th><th>办理状态</th></tr>
            <tr><td>1</td><td rowspan="2">党的建设</td><td>学习不够深入</td><td>2025-12-31</td><td>已办结</td></tr>
            <tr><td>2</td><td>“三会一课”落实不到位</td><td>2026-03-31</td><td>办理中</td></tr>
            </table></body></html>
            """
        for name in ["台账.xls", "export"] {
            let result = try Self.read(html, as: name)
            #expect(result.plan.items.map(\.title) == ["学习不够深入", "“三会一课”落实不到位"])
            #expect(result.plan.items.map(\.status) == [.done, .inProgress])
            #expect(result.plan.items.map(\.category) == [["党的建设"], ["党的建设"]])
            #expect(result.plan.items[1].deadline?.date == TestSupport.date("2026-03-31"))
        }
        // A web page that does not say it is a workbook stays a report.
        #expect(!HTMLTables.isWorkbook("<html><body><table></table></body></html>", file: "通报.html"))
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

    /// Files rectifyd cannot read say what they really are and what to do.
    @Test func unreadableFiles_sayWhatTheyAreAndWhatToDo() throws {
        #expect(Self.error(Data(), as: "通报.txt").contains("通报.txt:1:1: error: is empty (0 bytes)"))
        #expect(Self.error(Data("  \r\n\n".utf8), as: "台账.xlsx").contains("holds nothing but blank space"))
        let ole2 = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        func withStream(_ name: String) -> Data {
            var data = ole2
            for unit in name.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
            return data
        }
        // The stream names tell: a Word file named .xls is a Word file.
        #expect(Self.error(withStream("WordDocument"), as: "台账.xls").contains("is an old binary Word document (Word 97–2003 .doc"))
        #expect(Self.error(withStream("Workbook"), as: "x.doc").contains("save it as .xlsx"))
        #expect(Self.error(withStream("EncryptedPackage"), as: "台账.xlsx").contains("is a password-protected Office file"))
        #expect(Self.error(ole2, as: "通报.wps").contains("is a WPS 文字 document in the old binary format (.wps)"))
        #expect(Self.error(ole2, as: "台账.et").contains("is a WPS 表格 workbook in the old binary format (.et)"))
        let zip = try #require(Data(base64Encoded: "UEsDBBQAAAgAAM8Wfl2sKpPYAgAAAAIAAAAMAAAA54Wn54mHL2EudHh0aGlQSwECFAMUAAAIAADPFn5drCqT2AIAAAACAAAADAAAAAAAAAAAAAAAgAEAAAAA54Wn54mHL2EudHh0UEsFBgAAAAABAAEAOgAAACwAAAAAAA=="))
        let message = Self.error(zip, as: "通报.docx")
        #expect(message.contains("is a ZIP archive of other files (照片/a.txt), not a Word (.docx) or Excel (.xlsx) file though it is named .docx"))
        #expect(message.contains("unzip it"))
    }
}
