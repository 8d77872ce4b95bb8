import Foundation

/// The tables of a web page as grids of cells: what OA and 政务 systems export as an "Excel"
/// file (`台账.xls` that is an HTML `<table>`, often with `xmlns:x="urn:schemas-microsoft-com:office:excel"`
/// and `mso-number-format`), read as a ledger like a sheet: rowspan and colspan are merged areas.
enum HTMLTables {
    /// Whether the page says it is a workbook: an Excel name (.xls, .xlsx, .et), Excel's HTML
    /// namespace or program id, or the Excel content type in its meta tag.
    static func isWorkbook(_ html: String, file: String) -> Bool {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        if ["xls", "xlsx", "xlsm", "et"].contains(ext) { return true }
        let head = String(html.prefix(4096)).lowercased()
        return head.contains("urn:schemas-microsoft-com:office:excel") || head.contains("excel.sheet")
            || head.contains("application/vnd.ms-excel")
    }

    /// Every table with text, named "表1", "表2" … (or the worksheet's name Excel wrote in the
    /// page, `<x:Name>整改台账</x:Name>`, for a page of one table).
    static func tables(in html: String) -> [LedgerTable] {
        let page = HTMLText.withoutScripts(html)
        var result: [LedgerTable] = []
        for table in HTMLTableGrid.tables(in: page) {
            let rows = table.grid(empty: CellValue.empty) { cell in
                let text = cellText(cell.html)
                return text.isEmpty ? .empty : .text(text)
            }
            guard rows.contains(where: { $0.contains { !$0.isEmpty } }) else { continue }
            let merges = table.rows.enumerated().flatMap { index, row in
                row.cells.filter { $0.rows > 1 || $0.columns > 1 }.map {
                    CellRange(firstRow: index, firstColumn: $0.column, lastRow: index + $0.rows - 1, lastColumn: $0.column + $0.columns - 1)
                }
            }
            result.append(LedgerTable(name: "表\(result.count + 1)", rows: rows, merges: merges))
        }
        if result.count == 1, let name = firstMatch("<x:Name>([^<]{1,31})</x:Name>", in: html) {
            result[0].name = name
        }
        return result
    }

    /// A cell's text: its line breaks (<br>, paragraphs) kept as line breaks, source wrapping as nothing.
    private static func cellText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "[\\t\\r\\n]+", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<\\s*(br|/p|/div)\\b[^>]*>", with: "\n", options: [.regularExpression, .caseInsensitive])
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        text = HTMLText.decodeEntities(text)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \u{00A0}\u{3000}")) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
            let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length))
        else { return nil }
        return (text as NSString).substring(with: m.range(at: 1)).trimmingCharacters(in: .whitespaces)
    }
}
