import Foundation
import RectifyCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Excel's "XML Spreadsheet 2003" (`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`),
/// what many OA and 政务 systems export under an `.xls` name: one `Worksheet` per sheet, rows
/// and cells placed by `ss:Index` when cells are skipped, merged areas by `ss:MergeAcross` /
/// `ss:MergeDown`, dates as `ss:Type="DateTime"` (precision from the cell's `NumberFormat`).
enum SpreadsheetML2003 {
    /// Whether the bytes are such a workbook (an XML declaration, then the spreadsheet namespace
    /// on a Workbook element, within the first 4 KB).
    static func matches(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        return head.contains("urn:schemas-microsoft-com:office:spreadsheet")
            && head.range(of: "<(ss:)?Workbook\\b", options: .regularExpression) != nil
    }

    static func read(_ data: Data, file: String) throws(LedgerError) -> [WorkbookReader.Sheet] {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        // What an OA system appends after the workbook is let be; a workbook that stops short is
        // damaged (on Linux `parse()` returns true for it, `parserError` says so).
        guard parser.parse() && parser.parserError == nil || reader.closed && !reader.sheets.isEmpty else {
            let line = parser.lineNumber
            throw LedgerError(
                file: file, line: line,
                "is an XML Spreadsheet 2003 (.xls) file that is not well-formed XML (line \(line)): open it in Excel or WPS and save it as .xlsx, then import that.")
        }
        return reader.sheets
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var sheets: [WorkbookReader.Sheet] = []
        /// `</Workbook>` was read.
        var closed = false
        private var dateStyles: [String: DeadlinePrecision] = [:]
        private var style: String?
        private var name = ""
        private var rows: [[CellValue]] = []
        private var merges: [CellRange] = []
        private var hiddenRows: Set<Int> = []
        private var hidden = false
        private var row = -1, column = -1, across = 0
        private var cellStyle: String?
        private var type: String?
        private var text: String?
        private var inVisible = false, visibleText = ""

        private func attribute(_ attributes: [String: String], _ key: String) -> String? {
            attributes.first { XMLElements.local($0.key) == key }?.value
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch XMLElements.local(elementName) {
            case "Style":
                style = attribute(attributes, "ID")
            case "NumberFormat":
                if let style, let format = attribute(attributes, "Format"), ExcelDate.isDateFormat(format) || ["Short Date", "Long Date", "General Date"].contains(format) {
                    dateStyles[style] = ExcelDate.isDateFormat(format) ? ExcelDate.precision(of: format) : .day
                }
            case "Worksheet":
                name = attribute(attributes, "Name") ?? "Sheet\(sheets.count + 1)"
                rows = []; merges = []; hiddenRows = []; hidden = false; row = -1
            case "Row":
                row = attribute(attributes, "Index").flatMap(Int.init).map { max(row + 1, $0 - 1) } ?? row + 1
                column = -1
                if attribute(attributes, "Hidden") == "1" { hiddenRows.insert(row) }
            case "Cell":
                column = attribute(attributes, "Index").flatMap(Int.init).map { max(column + 1, $0 - 1) } ?? column + 1
                // Skip the places a merged area to the left or above covers.
                while merges.contains(where: { $0.contains(row: row, column: column) && ($0.firstRow, $0.firstColumn) != (row, column) }) {
                    column += 1
                }
                cellStyle = attribute(attributes, "StyleID")
                across = attribute(attributes, "MergeAcross").flatMap(Int.init) ?? 0
                let down = attribute(attributes, "MergeDown").flatMap(Int.init) ?? 0
                if across > 0 || down > 0, across < 1024, down < 100_000 {
                    merges.append(CellRange(firstRow: row, firstColumn: column, lastRow: row + down, lastColumn: column + across))
                }
                store(.empty)
                across = max(0, across)
            case "Data":
                type = attribute(attributes, "Type")
                text = ""
            case "Visible":
                inVisible = true
                visibleText = ""
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if text != nil { text! += string }
            if inVisible { visibleText += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            switch XMLElements.local(elementName) {
            case "Workbook":
                closed = true
            case "Style":
                style = nil
            case "Data":
                if let text { store(value(text)) }
                text = nil
            case "Cell":
                // The next cell starts after the columns this one spans.
                column += across
                across = 0
            case "Visible":
                inVisible = false
                if visibleText.contains("Hidden") { hidden = true }
            case "Worksheet":
                var table = LedgerTable(name: name, rows: rows, merges: merges)
                table.hiddenRows = hiddenRows
                sheets.append(WorkbookReader.Sheet(table: table, hidden: hidden))
            default:
                break
            }
        }

        private func value(_ text: String) -> CellValue {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let precision = cellStyle.flatMap { dateStyles[$0] } ?? .day
            switch type {
            case "DateTime":
                if let date = CalendarDate(String(trimmed.prefix(10))) { return .date(date, precision) }
                return .text(trimmed)
            case "Number":
                guard let n = Double(trimmed) else { return .text(trimmed) }
                if let style = cellStyle, dateStyles[style] != nil, let date = ExcelDate.date(serial: n, date1904: false) {
                    return .date(date, precision)
                }
                return .number(n)
            case "Boolean":
                return .bool(trimmed == "1")
            default:
                return trimmed.isEmpty ? .empty : .text(text)
            }
        }

        private func store(_ value: CellValue) {
            let c = column
            guard row >= 0, c >= 0, row < 1_048_576, c < 16_384 else { return }
            while rows.count <= row { rows.append([]) }
            while rows[row].count <= c { rows[row].append(.empty) }
            rows[row][c] = value
        }
    }
}
