import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The body of a .docx (Word, WPS, LibreOffice, python-docx) as paragraphs and tables, in
/// document order. A table cell keeps its paragraphs as lines; merged cells (`gridSpan`
/// across, `vMerge` down) become merged areas of the table's grid; a table nested in a cell
/// is read as text of that cell.
struct WordDocument {
    enum Block {
        case paragraph(String)
        /// Index into `tables`.
        case table(Int)
    }

    var blocks: [Block] = []
    var tables: [LedgerTable] = []

    static func read(_ data: Data, file: String) throws(LedgerError) -> WordDocument {
        let package = try OfficeArchive(data: data, file: file)
        let xml = try package.requiredPart("word/document.xml")
        let numbering = try WordNumbering(numbering: try package.part("word/numbering.xml"), styles: try package.part("word/styles.xml"), file: file)
        return try body(xml, numbering: numbering, file: file)
    }

    /// Reads `word/document.xml`.
    static func body(_ xml: Data, numbering: WordNumbering = WordNumbering(), file: String) throws(LedgerError)
        -> WordDocument
    {
        let reader = BodyReader()
        reader.numbering = numbering
        try XMLElements.parse(xml, with: reader, part: "word/document.xml", file: file)
        return reader.document
    }

    /// The document as report text: paragraphs as lines, each table row as one line of
    /// tab-separated cells (line breaks inside a cell become spaces), the way the text
    /// importer reads tables flattened from a report; a form (label | value cells, one problem
    /// per table) and a record table (序号 | a cell of labelled lines) as labelled lines.
    var text: String {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let p): lines.append(p)
            case .table(let index):
                if let form = FormTables.lines(tables[index]) ?? RecordTables.lines(tables[index]) {
                    lines += form
                    continue
                }
                for row in tables[index].rows {
                    lines.append(row.map { $0.text.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t"))
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}

private final class BodyReader: NSObject, XMLParserDelegate {
    var document = WordDocument()

    /// One table being read; nested tables push another.
    struct TableState {
        var rows: [[String]] = []
        var merges: [CellRange] = []
        var row: [String] = []
        var column = 0
        var cellParagraphs: [String] = []
        var span = 1
        var vMerge: String?
        /// For each grid column, the row where its running vertical merge started.
        var verticalStart: [Int: (row: Int, span: Int)] = [:]
        var verticalEnd: [Int: Int] = [:]
    }

    var tables: [TableState] = []
    var paragraph = ""
    var inText = false
    var inParagraph = false
    var numbering = WordNumbering()
    /// The paragraph's list (`w:numPr`) and style, for its automatic number.
    var numId: String?
    var level: Int?
    var style: String?
    /// Inside a tracked change's record of the old paragraph properties, which do not apply.
    var inChangedProperties = false
    /// The run is struck through (w:strike, w:dstrike) or hidden (w:vanish): a clerk's way of
    /// deleting the old status or deadline while keeping it visible, so not the report's text.
    var runStruck = false
    var inRunPropertyChange = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch XMLElements.local(elementName) {
        case "tbl": tables.append(TableState())
        case "tr":
            guard !tables.isEmpty else { return }
            tables[tables.count - 1].row = []
            tables[tables.count - 1].column = 0
        case "tc":
            guard !tables.isEmpty else { return }
            tables[tables.count - 1].cellParagraphs = []
            tables[tables.count - 1].span = 1
            tables[tables.count - 1].vMerge = nil
        case "gridBefore":
            guard !tables.isEmpty else { return }
            let skip = max(0, Int(value(attributes) ?? "0") ?? 0)
            tables[tables.count - 1].row += Array(repeating: "", count: skip)
            tables[tables.count - 1].column += skip
        case "gridSpan":
            guard !tables.isEmpty else { return }
            tables[tables.count - 1].span = max(1, Int(value(attributes) ?? "1") ?? 1)
        case "vMerge":
            guard !tables.isEmpty else { return }
            tables[tables.count - 1].vMerge = value(attributes) ?? "continue"
        case "p":
            paragraph = ""
            inParagraph = true
            numId = nil
            level = nil
            style = nil
        case "pPrChange": inChangedProperties = true
        case "pStyle": if inParagraph, !inChangedProperties { style = value(attributes) }
        case "numId": if inParagraph, !inChangedProperties { numId = value(attributes) }
        case "ilvl": if inParagraph, !inChangedProperties { level = value(attributes).flatMap { Int($0) } }
        case "r": runStruck = false
        case "rPrChange": inRunPropertyChange = true
        case "strike", "dstrike", "vanish":
            if !inRunPropertyChange { runStruck = !["0", "false", "off"].contains(value(attributes) ?? "true") }
        case "t": inText = inParagraph && !runStruck
        case "tab": if inParagraph, !runStruck { paragraph += "\t" }
        case "br", "cr": if inParagraph { paragraph += "\n" }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XMLElements.local(elementName) {
        case "t": inText = false
        case "pPrChange": inChangedProperties = false
        case "rPrChange": inRunPropertyChange = false
        case "r": runStruck = false
        case "p":
            inParagraph = false
            if !numbering.isEmpty, let marker = numbering.marker(numId: numId, level: level, style: style),
                !paragraph.trimmingCharacters(in: .whitespaces).isEmpty
            {
                paragraph = marker + paragraph
            }
            if tables.isEmpty {
                document.blocks.append(.paragraph(paragraph))
            } else {
                tables[tables.count - 1].cellParagraphs.append(paragraph)
            }
        case "tc": endCell()
        case "tr": endRow()
        case "tbl": endTable()
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { paragraph += string }
    }

    private func value(_ attributes: [String: String]) -> String? {
        attributes["w:val"] ?? attributes.first { $0.key.hasSuffix(":val") || $0.key == "val" }?.value
    }

    private func endCell() {
        guard var t = tables.popLast() else { return }
        let text = t.cellParagraphs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
        let r = t.rows.count, c = t.column
        let continues = t.vMerge != nil && t.vMerge != "restart"
        if t.vMerge == "restart" {
            closeVertical(&t, column: c)
            t.verticalStart[c] = (r, t.span)
        } else if continues {
            if t.verticalStart[c] != nil { t.verticalEnd[c] = r }
        } else {
            closeVertical(&t, column: c)
        }
        // A continued cell is blank in Word's XML; the merged area fills it.
        t.row.append(continues ? "" : text)
        if t.span > 1 {
            t.row += Array(repeating: "", count: t.span - 1)
            if t.vMerge == nil { t.merges.append(CellRange(firstRow: r, firstColumn: c, lastRow: r, lastColumn: c + t.span - 1)) }
        }
        t.column += t.span
        tables.append(t)
    }

    private func closeVertical(_ t: inout TableState, column: Int) {
        guard let start = t.verticalStart.removeValue(forKey: column) else { return }
        let end = t.verticalEnd.removeValue(forKey: column) ?? start.row
        t.merges.append(CellRange(firstRow: start.row, firstColumn: column, lastRow: end, lastColumn: column + start.span - 1))
    }

    private func endRow() {
        guard !tables.isEmpty else { return }
        tables[tables.count - 1].rows.append(tables[tables.count - 1].row)
    }

    private func endTable() {
        guard var t = tables.popLast() else { return }
        for column in Array(t.verticalStart.keys) { closeVertical(&t, column: column) }
        if tables.isEmpty {
            let rows = t.rows.map { $0.map { $0.isEmpty ? CellValue.empty : CellValue.text($0) } }
            let index = document.tables.count
            document.tables.append(LedgerTable(name: "表\(index + 1)", rows: rows, merges: t.merges))
            document.blocks.append(.table(index))
        } else {
            // A table inside a cell: its rows become lines of the outer cell.
            let lines = t.rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.filter { !$0.isEmpty }
            tables[tables.count - 1].cellParagraphs += lines
        }
    }
}
