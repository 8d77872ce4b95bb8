import Foundation

/// The tables of an HTML page, cell by cell on their grid: each cell at the column it stands
/// in once the places that cells spanning rows from above cover are skipped, with its spans.
/// `HTMLText` lays the grid out as tab-separated lines for the report importer, `HTMLTables`
/// reads it as a ledger's sheets (the spans are its merged areas).
enum HTMLTableGrid {
    struct Cell {
        var column: Int
        /// The cell's inner HTML, tags and all.
        var html: String
        /// rowspan and colspan (1 to 100).
        var rows: Int
        var columns: Int
    }

    struct Row {
        var cells: [Cell]
        /// Columns the row takes up: its cells, their spans and the covered places after them.
        var width: Int
    }

    struct Table {
        /// Where the table stands in the page, `<table` to `</table>`.
        var range: NSRange
        var rows: [Row]

        /// Each row as `width` values: `cell(cell)` at a cell's column, `empty` elsewhere (the
        /// places a span or a span from above covers).
        func grid<Value>(empty: Value, _ cell: (Cell) -> Value) -> [[Value]] {
            rows.map { row in
                var values = Array(repeating: empty, count: row.width)
                for c in row.cells { values[c.column] = cell(c) }
                return values
            }
        }
    }

    /// Every `<table>` of `html`, in order. Rows are `<tr>`s, cells `<td>`/`<th>`; end tags may
    /// be missing, as hand-written and exported pages leave them out.
    static func tables(in html: String) -> [Table] {
        guard let table = try? NSRegularExpression(pattern: "<table\\b[^>]*>([\\s\\S]*?)</table\\s*>", options: [.caseInsensitive]),
            let row = try? NSRegularExpression(pattern: "<tr\\b[^>]*>([\\s\\S]*?)(?=<tr\\b|$)", options: [.caseInsensitive]),
            let cell = try? NSRegularExpression(
                pattern: "<(td|th)\\b([^>]*)>([\\s\\S]*?)(?=<td\\b|<th\\b|</tr|$)", options: [.caseInsensitive])
        else { return [] }
        let page = html as NSString
        return table.matches(in: html, range: NSRange(location: 0, length: page.length)).map { t in
            let body = page.substring(with: t.range(at: 1)) as NSString
            // Spans from rows above that reach into later rows: (last row, first column, last column).
            var spans: [(lastRow: Int, first: Int, last: Int)] = []
            var rows: [Row] = []
            for r in row.matches(in: body as String, range: NSRange(location: 0, length: body.length)) {
                let index = rows.count
                // Only the spans that reach this row: a long table of merged cells stays linear.
                spans.removeAll { $0.lastRow < index }
                let rowHTML = body.substring(with: r.range(at: 1)) as NSString
                func covered(_ column: Int) -> Bool {
                    spans.contains { $0.lastRow >= index && $0.first <= column && column <= $0.last }
                }
                var cells: [Cell] = []
                var column = 0
                for c in cell.matches(in: rowHTML as String, range: NSRange(location: 0, length: rowHTML.length)) {
                    while covered(column) { column += 1 }
                    let attributes = rowHTML.substring(with: c.range(at: 2))
                    let down = span("rowspan", attributes), across = span("colspan", attributes)
                    cells.append(Cell(column: column, html: rowHTML.substring(with: c.range(at: 3)), rows: down, columns: across))
                    if down > 1 { spans.append((index + down - 1, column, column + across - 1)) }
                    column += across
                }
                while covered(column) { column += 1 }
                rows.append(Row(cells: cells, width: column))
            }
            return Table(range: t.range, rows: rows)
        }
    }

    /// A cell's `rowspan`/`colspan` attribute, 1 when absent, at most 100.
    static func span(_ name: String, _ attributes: String) -> Int {
        guard let regex = try? NSRegularExpression(pattern: "\\b\(name)\\s*=\\s*[\"']?(\\d+)", options: [.caseInsensitive]),
            let m = regex.firstMatch(in: attributes, range: NSRange(location: 0, length: (attributes as NSString).length))
        else { return 1 }
        return max(1, min(100, Int((attributes as NSString).substring(with: m.range(at: 1))) ?? 1))
    }
}
