import Foundation
import RectifyCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the worksheets of an .xlsx workbook (Excel, WPS, LibreOffice, openpyxl) into
/// `LedgerTable`s: shared and inline strings, numbers, date cells (by their number format,
/// in the 1900 or 1904 date system), booleans and merged areas. Hidden sheets are read too
/// and marked, so the importer can prefer visible ones.
enum WorkbookReader {
    struct Sheet {
        var table: LedgerTable
        var hidden: Bool
    }

    static func read(_ data: Data, file: String) throws(LedgerError) -> [Sheet] {
        let package = try OfficeArchive(data: data, file: file)
        let workbookPath = "xl/workbook.xml"
        let workbook = try package.requiredPart(workbookPath)
        let elements = try XMLElements.collect(workbook, names: ["sheet", "workbookPr"], part: workbookPath, file: file)
        let date1904 = elements.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        let relationships = try package.relationships(of: workbookPath)
        let sharedPath = relationships.values.first { $0.hasSuffix("sharedStrings.xml") } ?? "xl/sharedStrings.xml"
        let stylesPath = relationships.values.first { $0.hasSuffix("styles.xml") } ?? "xl/styles.xml"
        let strings = try package.part(sharedPath).map { data throws(LedgerError) in try SharedStrings.read(data, part: sharedPath, file: file) } ?? []
        let styles = try package.part(stylesPath).map { data throws(LedgerError) in try Styles.read(data, part: stylesPath, file: file) } ?? (dates: [:], fills: [:])
        let dateStyles = styles.dates, fillStyles = styles.fills
        var sheets: [Sheet] = []
        var index = 0
        for element in elements where element.name == "sheet" {
            index += 1
            let name = element.attributes["name"] ?? "Sheet\(index)"
            let id = element.attributes["r:id"] ?? element.attributes.first { $0.key.hasSuffix(":id") }?.value
            let path = id.flatMap { relationships[$0] } ?? "xl/worksheets/sheet\(index).xml"
            guard let xml = try package.part(path) else {
                throw LedgerError(file: file, place: name, "the sheet's part \(path) is missing; the file is damaged.")
            }
            let parsed = SheetParser(strings: strings, dateStyles: dateStyles, date1904: date1904)
            parsed.fillStyles = fillStyles
            try XMLElements.parse(xml, with: parsed, part: path, file: file, place: name)
            let hidden = ["hidden", "veryHidden"].contains(element.attributes["state"] ?? "")
            var table = LedgerTable(name: name, rows: parsed.rows, merges: parsed.merges)
            table.hiddenRows = parsed.hiddenRows
            table.strays = parsed.strays
            table.fills = parsed.fills
            table.pageText = parsed.pageText
            sheets.append(Sheet(table: table, hidden: hidden))
        }
        if sheets.isEmpty { throw LedgerError(file: file, "the workbook has no worksheets.") }
        return sheets
    }
}

/// `xl/sharedStrings.xml`: each `<si>` is the text of its `<t>` elements (runs of rich text
/// joined), without phonetic guides (`<rPh>`).
enum SharedStrings {
    static func read(_ data: Data, part: String, file: String) throws(LedgerError) -> [String] {
        let reader = Reader()
        try XMLElements.parse(data, with: reader, part: part, file: file)
        return reader.strings
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch XMLElements.local(elementName) {
            case "si": current = ""
            case "t": inText = phonetic == 0
            case "rPh": phonetic += 1
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            switch XMLElements.local(elementName) {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": phonetic -= 1
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }
    }
}

/// `xl/styles.xml`: which cell formats (`s` attribute = index into `cellXfs`) show dates, and
/// how much of the date they show (a format without the day shows a month).
enum Styles {
    /// Both maps of one `styles.xml`, read once.
    static func read(_ data: Data, part: String, file: String) throws(LedgerError) -> (dates: [Int: DeadlinePrecision], fills: [Int: String]) {
        let reader = Reader()
        try XMLElements.parse(data, with: reader, part: part, file: file)
        return (dateStyles(reader), fillStyles(reader))
    }

    private static func dateStyles(_ reader: Reader) -> [Int: DeadlinePrecision] {
        var result: [Int: DeadlinePrecision] = [:]
        for (index, format) in reader.cellFormats.enumerated() {
            if ExcelDate.builtinDateFormats.contains(format) {
                result[index] = ExcelDate.builtinMonthFormats.contains(format) ? .month : .day
            } else if let code = reader.customFormats[format], ExcelDate.isDateFormat(code) {
                result[index] = ExcelDate.precision(of: code)
            }
        }
        return result
    }

    /// Cell formats (`cellXfs` index) that paint the cell with a solid colour other than white:
    /// the colour as RRGGBB ("00B050"), or "theme 5" / "indexed 10" where no RGB is written.
    private static func fillStyles(_ reader: Reader) -> [Int: String] {
        var result: [Int: String] = [:]
        for (index, fill) in reader.cellFills.enumerated() where fill >= 0 && fill < reader.fills.count {
            if let colour = reader.fills[fill] { result[index] = colour }
        }
        return result
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var customFormats: [Int: String] = [:]
        var cellFormats: [Int] = []
        var cellFills: [Int] = []
        var inCellXfs = false
        /// Each `<fill>`: its solid colour, nil for none, a pattern without colour, or white.
        var fills: [String?] = []
        var inFills = false
        var solid = false

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch XMLElements.local(elementName) {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
                cellFills.append(attributes["fillId"].flatMap(Int.init) ?? 0)
            case "fills": inFills = true
            case "fill" where inFills: fills.append(nil)
            case "patternFill" where inFills: solid = attributes["patternType"] == "solid"
            case "fgColor" where inFills && solid && !fills.isEmpty && fills[fills.count - 1] == nil:
                if let rgb = attributes["rgb"] {
                    let colour = String(rgb.suffix(6)).uppercased()
                    if colour != "FFFFFF" { fills[fills.count - 1] = colour }
                } else if let theme = attributes["theme"] {
                    fills[fills.count - 1] = "theme \(theme)"
                } else if let indexed = attributes["indexed"], indexed != "64", indexed != "9", indexed != "1" {
                    fills[fills.count - 1] = "indexed \(indexed)"
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            switch XMLElements.local(elementName) {
            case "cellXfs": inCellXfs = false
            case "fills": inFills = false
            case "patternFill": solid = false
            default: break
            }
        }
    }
}

/// One worksheet's `<sheetData>` and `<mergeCells>`, streamed.
final class SheetParser: NSObject, XMLParserDelegate {
    let strings: [String]
    let dateStyles: [Int: DeadlinePrecision]
    let date1904: Bool
    private(set) var rows: [[CellValue]] = []
    private(set) var merges: [CellRange] = []
    /// Cell formats that paint a colour, and the empty cells painted so (row · 16,384 + column).
    var fillStyles: [Int: String] = [:]
    private(set) var fills: [Int: String] = [:]

    private var row = -1
    private var column = -1
    private var type = ""
    private var style = 0
    private var text = ""
    private var collecting = false
    /// A formula's text: kept for a cell whose value was never saved (written by a program
    /// that does not calculate, such as openpyxl), so the cell says what it holds.
    private var formula = ""
    private(set) var hiddenRows: Set<Int> = []
    private var inFormula = false
    private var inInline = false
    private var phonetic = 0
    /// The printed page header and footer (`<oddHeader>`, `<oddFooter>`), where some offices put
    /// the ledger's title and date instead of rows above the header.
    private(set) var pageText: [String] = []
    private var inPage = false

    init(strings: [String], dateStyles: [Int: DeadlinePrecision], date1904: Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch XMLElements.local(elementName) {
        case "row":
            row = attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? row + 1
            column = -1
            if ["1", "true"].contains(attributes["hidden"] ?? "") { hiddenRows.insert(row) }
        case "c":
            if let reference = attributes["r"], let parsed = CellName.parse(reference) {
                column = parsed.column
                if let r = parsed.row { row = r }
            } else {
                column += 1
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            text = ""
            formula = ""
        case "f": inFormula = true
        case "v": collecting = true
        case "is": inInline = true
        case "t" where inInline: collecting = phonetic == 0
        case "rPh": phonetic += 1
        case "oddHeader", "oddFooter", "firstHeader", "firstFooter":
            inPage = true
            text = ""
        case "mergeCell":
            guard let reference = attributes["ref"] else { return }
            let ends = reference.split(separator: ":").map { CellName.parse(String($0)) }
            if ends.count == 2, let a = ends[0], let b = ends[1], let ra = a.row, let rb = b.row {
                merges.append(CellRange(firstRow: min(ra, rb), firstColumn: min(a.column, b.column), lastRow: max(ra, rb), lastColumn: max(a.column, b.column)))
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XMLElements.local(elementName) {
        case "v", "t": collecting = false
        case "f": inFormula = false
        case "is": inInline = false
        case "rPh": phonetic -= 1
        case "oddHeader", "oddFooter", "firstHeader", "firstFooter":
            inPage = false
            for part in PageHeader.parts(text) where !pageText.contains(part) { pageText.append(part) }
            text = ""
        case "c":
            let value = value()
            if case .empty = value, !formula.isEmpty {
                store(.text("=" + formula))
            } else if case .empty = value, let colour = fillStyles[style], row >= 0, column >= 0, column < Self.maxColumns, fills.count < 100_000 {
                fills[row &* 16_384 &+ column] = colour
            } else {
                store(value)
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting || inPage { text += string }
        if inFormula { formula += string }
    }

    private func value() -> CellValue {
        switch type {
        case "s":
            guard let index = Int(text), index >= 0, index < strings.count else { return .empty }
            return .text(strings[index])
        case "inlineStr", "str": return text.isEmpty ? .empty : .text(text)
        case "b": return .bool(text == "1" || text == "true")
        case "e": return .text(text)
        case "d":
            // ISO 8601 date cells (Strict files, some writers).
            return CalendarDate(String(text.prefix(10))).map { CellValue.date($0, .day) } ?? .text(text)
        default:
            guard let number = Double(text.trimmingCharacters(in: .whitespaces)) else { return text.isEmpty ? .empty : .text(text) }
            if let precision = dateStyles[style], let day = ExcelDate.date(serial: number, date1904: date1904) {
                switch precision {
                case .year: return .date(CalendarDate(year: day.year, month: 12, day: 31)!, .year)
                case .month: return .date(CalendarDate.endOfMonth(year: day.year, month: day.month), .month)
                default: return .date(day, .day)
                }
            }
            return .number(number)
        }
    }

    /// A ledger is a few dozen columns wide; a value past this column is a stray.
    static let maxColumns = 1024
    /// Empty rows after which a value is a stray, not more of the table.
    static let maxGap = 1000
    /// Stray values, ignored: the first one's cell and how many there were. A value left at
    /// XFD1048576 (by a slip of the hand, or on purpose) made every row 16,384 cells wide and
    /// the grid a million rows long.
    private(set) var strays: (row: Int, column: Int, count: Int)?
    private var lastValueRow = -1

    private func store(_ value: CellValue) {
        guard row >= 0, column >= 0, row < 1_048_576, column < 16_384 else { return }
        if case .empty = value { return }
        if column >= Self.maxColumns || lastValueRow >= 0 && row > lastValueRow + Self.maxGap {
            strays = (strays?.row ?? row, strays?.column ?? column, (strays?.count ?? 0) + 1)
            return
        }
        lastValueRow = max(lastValueRow, row)
        if rows.count <= row { rows.append(contentsOf: Array(repeating: [], count: row - rows.count + 1)) }
        if rows[row].count <= column { rows[row].append(contentsOf: Array(repeating: .empty, count: column - rows[row].count + 1)) }
        rows[row][column] = value
    }
}
