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
        var s = html
        for tag in ["script", "style", "head"] {
            s = s.replacingOccurrences(
                of: "<\(tag)\\b[^>]*>[\\s\\S]*?</\(tag)\\s*>", with: " ", options: [.regularExpression, .caseInsensitive])
        }
        s = s.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: "", options: .regularExpression)
        guard let table = try? NSRegularExpression(pattern: "<table\\b[^>]*>([\\s\\S]*?)</table\\s*>", options: [.caseInsensitive]),
            let row = try? NSRegularExpression(pattern: "<tr\\b[^>]*>([\\s\\S]*?)(?=<tr\\b|$)", options: [.caseInsensitive]),
            let cell = try? NSRegularExpression(
                pattern: "<(td|th)\\b([^>]*)>([\\s\\S]*?)(?=<td\\b|<th\\b|</tr|$)", options: [.caseInsensitive])
        else { return [] }
        let ns = s as NSString
        var result: [LedgerTable] = []
        for t in table.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            let body = ns.substring(with: t.range(at: 1)) as NSString
            var rows: [[CellValue]] = []
            var merges: [CellRange] = []
            for r in row.matches(in: body as String, range: NSRange(location: 0, length: body.length)) {
                let rowHTML = body.substring(with: r.range(at: 1)) as NSString
                let index = rows.count
                var cells: [CellValue] = []
                func covered(_ column: Int) -> Bool {
                    merges.contains { $0.contains(row: index, column: column) && $0.firstRow < index }
                }
                for c in cell.matches(in: rowHTML as String, range: NSRange(location: 0, length: rowHTML.length)) {
                    while covered(cells.count) { cells.append(.empty) }
                    let attributes = rowHTML.substring(with: c.range(at: 2))
                    let text = cellText(rowHTML.substring(with: c.range(at: 3)))
                    let down = HTMLText.span("rowspan", attributes), across = HTMLText.span("colspan", attributes)
                    if down > 1 || across > 1 {
                        merges.append(CellRange(firstRow: index, firstColumn: cells.count, lastRow: index + down - 1, lastColumn: cells.count + across - 1))
                    }
                    cells.append(text.isEmpty ? .empty : .text(text))
                    for _ in 1..<across { cells.append(.empty) }
                }
                while covered(cells.count) { cells.append(.empty) }
                rows.append(cells)
            }
            guard rows.contains(where: { $0.contains { !$0.isEmpty } }) else { continue }
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
