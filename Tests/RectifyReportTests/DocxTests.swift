import Foundation
import RectifyCore
import RectifyImport
import RectifyReport
import Testing

/// The drafted .docx read back by python-docx (scripts/install-deps.sh --test installs it): the
/// same paragraphs in the 公文 styles, A4 with 公文 margins, the faces and sizes of GB/T 9704.
struct DocxTests {
    static let reader = #"""
        import json, sys
        import docx
        from docx.shared import Emu
        d = docx.Document(sys.argv[1])
        s = d.sections[0]
        def mm(v): return round(Emu(v).mm, 1)
        def font(style):
            rpr = style.element.rPr
            east = rpr.rFonts.get('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia') if rpr is not None and rpr.rFonts is not None else None
            return {"east_asia": east, "size": style.font.size.pt if style.font.size else None, "bold": style.font.bold}
        out = {
            "page": [mm(s.page_width), mm(s.page_height)],
            "margins": [mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin), mm(s.right_margin)],
            "paragraphs": [[p.style.name, p.text] for p in d.paragraphs],
            "styles": {n: font(d.styles[n]) for n in ["Normal", "标题", "Heading 1", "Heading 2", "Heading 3", "署名"]},
            "normal_indent": d.styles["Normal"].paragraph_format.first_line_indent.pt,
            "normal_line": d.styles["Normal"].paragraph_format.line_spacing.pt,
            "title_alignment": str(d.styles["标题"].paragraph_format.alignment),
            "title": d.core_properties.title,
            "footer": d.sections[0].footer.paragraphs[0].text,
        }
        print(json.dumps(out, ensure_ascii=False))
        """#

    static func read(_ data: Data) throws -> [String: Any] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("draft.docx")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", reader, file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw DocxReadFailure(message: "python-docx could not read the .docx (scripts/install-deps.sh --test installs it): \(errors)")
        }
        return json
    }

    struct DocxReadFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test func draftDocx_readsBackAsTheSameParagraphsInTheGongwenLayout() throws {
        let plan = try ReportTestSupport.loadPlan(ReportTestSupport.seeds.appendingPathComponent("004_03096bf25862ec47.plan.json"))
        let day = CalendarDate("2024-09-30")!
        let state = PlanState(plan: plan, at: ReportTestSupport.endOf(day), account: { ItemAccount.account(of: $0, in: plan) })
        let document = DraftComposer.compose(state, asOf: day).document
        let data = try DocxWriter.render(document, modified: ReportTestSupport.endOf(day))
        #expect(try DocxWriter.render(document, modified: ReportTestSupport.endOf(day)) == data, "the same report gives the same bytes")

        let docx = try Self.read(data)
        #expect(docx["page"] as? [Double] == [210.0, 297.0])
        #expect(docx["margins"] as? [Double] == [37.0, 35.0, 28.0, 26.0])
        #expect(docx["title"] as? String == document.title)
        #expect(docx["footer"] as? String == "— 1 —")
        #expect(docx["normal_indent"] as? Double == 32.0)
        #expect(docx["normal_line"] as? Double == 28.0)
        #expect((docx["title_alignment"] as? String)?.hasPrefix("CENTER") == true)
        let styles = try #require(docx["styles"] as? [String: [String: Any]])
        #expect(styles["Normal"]?["east_asia"] as? String == "仿宋_GB2312")
        #expect(styles["Normal"]?["size"] as? Double == 16.0)
        #expect(styles["标题"]?["east_asia"] as? String == "方正小标宋简体")
        #expect(styles["标题"]?["size"] as? Double == 22.0)
        #expect(styles["Heading 1"]?["east_asia"] as? String == "黑体")
        #expect(styles["Heading 2"]?["east_asia"] as? String == "楷体_GB2312")
        #expect(styles["Heading 3"]?["bold"] as? Bool == true)

        // Every block in order, each in its style (the blank paragraph before the signature aside).
        var expected: [[String]] = [["标题", document.title]]
        for block in document.blocks {
            switch block {
            case .heading(let level, let text): expected.append(["Heading \(min(level, 4))", text])
            case .paragraph(let text): expected.append(["Normal", text])
            case .signature(let lines): expected += [["Normal", ""]] + lines.map { ["署名", $0] }
            case .table: Issue.record("a draft has no tables")
            }
        }
        #expect(docx["paragraphs"] as? [[String]] == expected)
    }
}
