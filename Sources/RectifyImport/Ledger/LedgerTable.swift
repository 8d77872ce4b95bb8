import RectifyCore

/// A value as a spreadsheet holds it.
enum CellValue: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    /// A number in a date format: the day, and what the format shows of it ("2025年6月" is a
    /// month: the date is then the month's last day).
    case date(CalendarDate, DeadlinePrecision)
    case bool(Bool)

    /// The value as a clerk reads it in the cell.
    var text: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .date(let d, let precision):
            switch precision {
            case .year: return "\(d.year)年"
            case .month: return "\(d.year)年\(d.month)月"
            default: return "\(d.year)年\(d.month)月\(d.day)日"
            }
        case .bool(let b): return b ? "是" : "否"
        }
    }

    var isEmpty: Bool {
        if case .empty = self { return true }
        if case .text(let s) = self { return s.allSatisfy { $0.isWhitespace } }
        return false
    }
}

/// A rectangle of cells, 0-based and inclusive: a merged area.
struct CellRange: Hashable, Sendable {
    var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

    func contains(row: Int, column: Int) -> Bool {
        (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
    }
}

/// A grid of cells as the ledger importer reads it: one worksheet, a CSV file or one table
/// of a Word document. Merged areas are filled with their top-left value, and remembered, so
/// a problem cell spanning its measure rows reads as one problem.
struct LedgerTable: Sendable {
    /// The sheet's name ("台账"), the CSV file's stem, or "表2" for a Word document's second table.
    var name: String
    var rows: [[CellValue]]
    var merges: [CellRange] = []
    /// Rows hidden in the workbook (by hand or by a filter): still read, but said.
    var hiddenRows: Set<Int> = []
    /// Values far outside the table (past column AMJ, or over 1,000 empty rows below it),
    /// left out: the first one's cell and how many.
    var strays: (row: Int, column: Int, count: Int)?
    /// Empty cells painted with a colour (row · 16,384 + column → "00B050"): a status some
    /// offices give by colour alone.
    var fills: [Int: String] = [:]
    /// The printed page header and footer's text, left, centre and right apart ("…整改台账",
    /// "填报日期：2025年11月5日"): the title and date of a sheet that has no rows above its header.
    var pageText: [String] = []

    func fill(_ row: Int, _ column: Int) -> String? { fills[row &* 16_384 &+ column] }
    /// Whether the merged area's top-left cell is above (row, column): the cell continues it.
    private(set) var continuation: Set<Int> = []
    var width: Int { rows.map(\.count).max() ?? 0 }

    init(name: String, rows: [[CellValue]], merges: [CellRange] = []) {
        self.name = name
        let width = rows.map(\.count).max() ?? 0
        self.rows = rows.map { $0.count < width ? $0 + Array(repeating: .empty, count: width - $0.count) : $0 }
        self.merges = merges
        for range in merges {
            guard range.firstRow < self.rows.count, range.firstColumn < width else { continue }
            let value = self.rows[range.firstRow][range.firstColumn]
            for r in range.firstRow...min(range.lastRow, self.rows.count - 1) {
                for c in range.firstColumn...min(range.lastColumn, width - 1) where r != range.firstRow || c != range.firstColumn {
                    self.rows[r][c] = value
                    if r > range.firstRow { continuation.insert(r &* 16_384 &+ c) }
                }
            }
        }
    }

    func cell(_ row: Int, _ column: Int) -> CellValue {
        guard row < rows.count, column >= 0, column < rows[row].count else { return .empty }
        return rows[row][column]
    }

    /// Whether the cell belongs to a merged area that starts in a row above it.
    func continuesFromAbove(_ row: Int, _ column: Int) -> Bool { continuation.contains(row &* 16_384 &+ column) }

    /// Whether the cell is part of a merged area spanning several columns.
    func spansColumns(_ row: Int, _ column: Int) -> Bool {
        merges.contains { $0.contains(row: row, column: column) && $0.lastColumn > $0.firstColumn }
    }

    /// Where rows appended from another table came from (a Word table broken across pages):
    /// row index → (that table's name, its row).
    private var origins: [Int: (name: String, row: Int)] = [:]

    /// "台账!F12": the name a clerk finds the cell by.
    func place(_ row: Int, _ column: Int) -> String {
        if let origin = origins[row] { return "\(origin.name)!\(CellName.column(column))\(origin.row + 1)" }
        return "\(name)!\(CellName.column(column))\(row + 1)"
    }

    /// This table with `other`'s rows below it (a table that goes on without a header); every
    /// cell keeps its own place.
    func appending(_ other: LedgerTable) -> LedgerTable {
        let base = rows.count
        let shifted = other.merges.map {
            CellRange(firstRow: $0.firstRow + base, firstColumn: $0.firstColumn, lastRow: $0.lastRow + base, lastColumn: $0.lastColumn)
        }
        var result = LedgerTable(name: name, rows: rows + other.rows, merges: merges + shifted)
        result.origins = origins
        result.hiddenRows = hiddenRows.union(other.hiddenRows.map { $0 + base })
        for r in other.rows.indices { result.origins[base + r] = other.origins[r] ?? (other.name, r) }
        return result
    }

    /// The non-empty cells of a row.
    func filled(_ row: Int) -> [Int] { rows[row].indices.filter { !rows[row][$0].isEmpty } }
}
