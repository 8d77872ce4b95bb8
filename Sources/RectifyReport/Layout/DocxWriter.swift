import Foundation
import RectifyCore
import ZIPFoundation

/// A report as a Word document (.docx): a ZIP archive of WordprocessingML parts written here,
/// laid out as 公文 are (GB/T 9704): A4 with margins 37/35/28/26 mm, the title in 方正小标宋简体
/// 22 pt centred, 一级标题 in 黑体, 二级标题 in 楷体_GB2312, body text in 仿宋_GB2312 16 pt on a fixed
/// 28 pt line with a two-character first-line indent, the issuer and date to the right, page
/// numbers "— 1 —" at the foot. Fonts an office lacks fall back to 宋体/仿宋/楷体 (`altName`).
public enum DocxWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The .docx bytes. `modified` dates the archive entries and the document properties, so the
    /// same report written twice gives the same bytes.
    public static func render(_ document: ReportDocument, modified: Date) throws(Failure) -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", DocxParts.contentTypes),
            ("_rels/.rels", DocxParts.packageRelationships),
            ("docProps/core.xml", DocxParts.coreProperties(title: document.title, modified: modified)),
            ("docProps/app.xml", DocxParts.appProperties),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
            ("word/document.xml", DocxBody.document(document)),
            ("word/styles.xml", DocxStyles.styles),
            ("word/settings.xml", DocxParts.settings),
            ("word/fontTable.xml", DocxStyles.fontTable),
            ("word/footer1.xml", DocxParts.footer),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            for (path, xml) in parts {
                let data = Data(xml.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                    compressionMethod: .deflate,
                    provider: { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) })
            }
            guard let data = archive.data else { throw Failure(description: "the in-memory archive has no data") }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot write the .docx archive: \(error)")
        }
    }
}

/// The document part: one paragraph per block, each with its style.
enum DocxBody {
    static func document(_ document: ReportDocument) -> String {
        var body = [paragraph(document.title, style: "ReportTitle")]
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                body.append(paragraph(text, style: "Heading\(min(level, 4))"))
            case .paragraph(let text):
                body.append(paragraph(text, style: nil))
            case .table(let table):
                body.append(self.table(table))
            case .signature(let lines):
                body.append(paragraph("", style: nil))
                body += lines.map { paragraph($0, style: "Signature") }
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(DocxParts.w)" xmlns:r="\(DocxParts.r)"><w:body>
            \(body.joined(separator: "\n"))
            <w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>\
            <w:pgSz w:w="11906" w:h="16838"/>\
            <w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1247" w:gutter="0"/>\
            </w:sectPr>
            </w:body></w:document>
            """
    }

    static func paragraph(_ text: String, style: String?) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        guard !text.isEmpty else { return "<w:p>\(properties)</w:p>" }
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(Markup.xml(text, lineBreaks: .space))</w:t></w:r></w:p>"
    }

    /// A bordered table across the text width, header row repeated on each page.
    static func table(_ table: ReportTable) -> String {
        var xml = ""
        if let caption = table.caption { xml += paragraph(caption, style: "TableCaption") + "\n" }
        let columns = max(1, table.header.count)
        let width = 8844 / columns
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>"
        xml += String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns) + "</w:tblGrid>"
        func row(_ cells: [String], header: Bool) -> String {
            let rowProperties = header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""
            let cellXML = cells.enumerated().map { c, cell in
                let align = table.numericColumns.contains(c) && !header ? "right" : "left"
                let run = cell.isEmpty ? "" : "<w:r>\(header ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(Markup.xml(cell, lineBreaks: .space))</w:t></w:r>"
                return "<w:tc><w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"\(align)\"/></w:pPr>\(run)</w:p></w:tc>"
            }
            return "<w:tr>\(rowProperties)\(cellXML.joined())</w:tr>"
        }
        xml += row(table.header, header: true)
        for cells in table.rows { xml += row(cells, header: false) }
        return xml + "</w:tbl>"
    }
}
