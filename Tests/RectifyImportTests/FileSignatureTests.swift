import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Files that are not reports are told what to do; a renamed Office file or a saved web page
/// is read as what it is.
struct FileSignatureTests {
    static func importing(_ bytes: [UInt8], as name: String) -> Result<Plan, PlanLoadError> {
        do throws(PlanLoadError) {
            return .success(try LedgerImporter.importFile(Data(bytes), file: name).plan)
        } catch {
            return .failure(error)
        }
    }

    static func message(_ result: Result<Plan, PlanLoadError>) -> String {
        if case .failure(let error) = result { return error.diagnostics.map(\.description).joined(separator: "\n") }
        return ""
    }

    @Test(arguments: [
        (Array("%PDF-1.4\n1 0 obj".utf8), "report.txt", "is a PDF"),
        (Array("%PDF-1.7\n".utf8), "通报.pdf", "pdftotext"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "台账.xls", "old binary Excel workbook"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "台账.xlsx", "old Word/Excel/WPS"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "scan.txt", "PNG image"),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "photo.jpg", "JPEG image"),
        (Array("{\\rtf1\\ansi 整改".utf8), "方案.rtf", "RTF"),
    ] as [([UInt8], String, String)])
    func notAReport_saysWhatToDo(bytes: [UInt8], name: String, expected: String) {
        let result = Self.importing(bytes, as: name)
        #expect(Self.message(result).contains(expected), "\(Self.message(result))")
        #expect(Self.message(result).hasPrefix("\(name):1:1: error:"))
    }

    @Test func aSavedWebPage_isReadAsItsText_chromeAndScriptsDropped() throws {
        let seed = try String(contentsOf: TestSupport.seedsFolder.appendingPathComponent("001_76357eb5244c6017.txt"), encoding: .utf8)
        let paragraphs = seed.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { "<p style=\"text-indent:2em\">\($0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</p>" }
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>通报</title>
            <script>var fake = "1.这不是问题。整改落实情况：已完成整改";</script><style>p{margin:0}</style></head>
            <body><div class="crumb">首页 &gt; 通知公告 &gt; 巡察整改</div>
            \(paragraphs[0...1].joined())<div>发布时间：2025-10-20 来源：本站 浏览次数：321</div>
            \(paragraphs[2...].joined())</body></html>
            """
        let result = Self.importing(Array(page.utf8), as: "page.html")
        guard case .success(let plan) = result else {
            Issue.record("\(Self.message(result))")
            return
        }
        let (text, _) = try TestSupport.importSeed("001_76357eb5244c6017.txt")
        #expect(plan.items.count == text.items.count)
        #expect(plan.items.map(\.status) == text.items.map(\.status))
        #expect(plan.items.map { $0.deadline?.date } == text.items.map { $0.deadline?.date })
        #expect(plan.title == text.title, "the breadcrumb is not the title")
        #expect(plan.unit == text.unit)
    }

    @Test func entities_areDecoded() {
        #expect(HTMLText.decodeEntities("A&amp;B &lt;p&gt; &#x6574;&#25913; &ldquo;x&rdquo; &bogus; &") == "A&B <p> 整改 “x” &bogus; &")
    }
}
