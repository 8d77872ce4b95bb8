import Foundation
import RectifyCore
import ZIPFoundation

/// Writes ledgers as an .xlsx workbook that Excel, WPS and LibreOffice open without a
/// repair prompt: one sheet per plan with a title row, the unit and date row, a frozen
/// header, one row per measure (problem cells merged over them), real date cells, the state
/// in words and as a fill, column widths that fit Chinese text, and print settings (A4
/// landscape, fit to width, header repeated on every page).
public enum WorkbookWriter {
    public static func write(_ plans: [ExportPlan], now: Date, policy: Policy = .default) throws -> Data {
        var strings = SharedStringTable()
        var sheets: [(name: String, xml: String, rows: Int)] = []
        var names = Set<String>()
        for export in plans {
            let document = LedgerDocument(export, now: now, policy: policy)
            let name = uniqueSheetName(export.plan.id, among: &names)
            let (xml, rows) = SheetWriter(document: document).xml(strings: &strings)
            sheets.append((name, xml, rows))
        }
        if sheets.isEmpty {
            let empty = LedgerDocument(ExportPlan(plan: Plan(id: "整改台账", unit: "", title: "整改台账")), now: now, policy: policy)
            sheets.append(("整改台账", SheetWriter(document: empty).xml(strings: &strings).0, 3))
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("docProps/app.xml", app),
            ("docProps/core.xml", core(now)),
            ("xl/workbook.xml", workbook(sheets.map { ($0.name, $0.rows) })),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", StyleSheet.xml),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml)) }
        return try zip(parts, modified: now)
    }

    /// Sheet names: at most 31 characters, none of []:*?/\, unique.
    static func uniqueSheetName(_ raw: String, among names: inout Set<String>) -> String {
        var base = String(raw.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        if base.isEmpty { base = "台账" }
        var name = base
        var n = 2
        while names.contains(name) {
            let suffix = "(\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        names.insert(name)
        return name
    }

    static func zip(_ parts: [(String, String)], modified: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(_ sheets: Int) -> String {
        var xml = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in 1...sheets {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>"
    }

    static let rootRelationships = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static let app = header
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>rectifyd</Application></Properties>"

    static func core(_ now: Date) -> String {
        let stamp = Timestamps.format(now, in: TimeZone(identifier: "UTC")!).replacingOccurrences(of: "+00:00", with: "Z")
        return header
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>整改台账</dc:title><dc:creator>rectifyd</dc:creator>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:modified></cp:coreProperties>"
    }

    static func workbook(_ sheets: [(name: String, rows: Int)]) -> String {
        var xml = header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><workbookPr/>"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(Markup.xml(sheet.name, lineBreaks: .keep))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets><definedNames>"
        for (index, sheet) in sheets.enumerated() {
            // Print the header on every page.
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(Markup.xml(quoted, lineBreaks: .keep))!$\(SheetWriter.headerRow):$\(SheetWriter.headerRow)</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    static func workbookRelationships(_ sheets: Int) -> String {
        var xml = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 1...sheets {
            xml += "<Relationship Id=\"rId\(i)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheets + 2)\" Type=\"\(relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }
}

/// `xl/sharedStrings.xml`: each distinct text once.
struct SharedStringTable {
    private var index: [String: Int] = [:]
    private var list: [String] = []
    private var uses = 0

    mutating func id(_ text: String) -> Int {
        uses += 1
        if let i = index[text] { return i }
        index[text] = list.count
        list.append(text)
        return list.count - 1
    }

    var xml: String {
        var xml = WorkbookWriter.header + "<sst xmlns=\"\(WorkbookWriter.mainNS)\" count=\"\(uses)\" uniqueCount=\"\(list.count)\">"
        for text in list {
            let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
            xml += space ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            xml += Markup.xml(text, lineBreaks: .keep) + "</t></si>"
        }
        return xml + "</sst>"
    }
}
