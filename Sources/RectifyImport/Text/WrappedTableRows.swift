/// A table laid out with spaces (copied from a PDF or a fixed-width print) wraps long cells
/// onto the next line: that line is indented, holds only the wrapped fragments, and each
/// fragment stands under the cell it continues:
///
///     1     党委会议议题把关不严，个别议题未经前期      严格执行议题审核制度，议题提交前由      院长  …
///           研究直接上会                                分管领导审核把关
///
/// The fragments are joined to their cells by column (display width, a Han character being two
/// columns wide) and the continuation line is left blank, so the row reads as one line. Only
/// under a header row that names a problem column and another field, and only for an indented
/// line with fewer than half the header's cells, starting right of the first column: a new row
/// starts at the left with its number.
enum WrappedTableRows {
    struct Cell {
        var column: Int
        var text: [Unicode.Scalar]
    }

    static func join(_ raw: [[Unicode.Scalar]]) -> [[Unicode.Scalar]] {
        var out = raw
        var header: [Cell]?
        var row: (index: Int, cells: [Cell])?
        for (k, line) in raw.enumerated() {
            let cells = line.contains("\t") ? [] : self.cells(line)
            if cells.isEmpty {
                header = nil
                row = nil
                continue
            }
            if cells.count >= 3 {
                let kinds = cells.map { FieldLabels.columnKind($0.text.map(Chars.fold)) }
                if kinds.contains(.problem), Set(kinds.compactMap { $0 }).count >= 2 {
                    header = cells
                    row = (k, cells)
                    continue
                }
                if header != nil {
                    row = (k, cells)
                    continue
                }
            }
            guard let head = header, var current = row, head.count >= 3, cells.count * 2 < head.count,
                cells[0].column > 0, cells[0].column + 1 >= head[1].column, cells.allSatisfy({ $0.text.count <= 40 })
            else {
                header = nil
                row = nil
                continue
            }
            for fragment in cells {
                let target = current.cells.lastIndex { $0.column <= fragment.column + 2 } ?? 0
                current.cells[target].text += fragment.text
            }
            var joined: [Unicode.Scalar] = []
            for (n, cell) in current.cells.enumerated() {
                if n > 0 { joined.append("\t") }
                joined += cell.text
            }
            out[current.index] = joined
            out[k] = []
            row = current
        }
        return out
    }

    /// The cells of a line separated by two or more spaces, with the display column each starts at.
    static func cells(_ line: [Unicode.Scalar]) -> [Cell] {
        var result: [Cell] = []
        var column = 0
        var i = 0
        while i < line.count {
            if Chars.isSpace(line[i]) {
                var j = i
                while j < line.count, Chars.isSpace(line[j]) {
                    column += width(line[j])
                    j += 1
                }
                if let last = result.indices.last, j - i < 2, j < line.count {
                    result[last].text += line[i..<j]  // one space inside a cell
                }
                i = j
                continue
            }
            if result.isEmpty || i > 0 && Chars.isSpace(line[i - 1]) && !(i >= 2 && !Chars.isSpace(line[i - 2])) {
                result.append(Cell(column: column, text: []))
            }
            result[result.count - 1].text.append(line[i])
            column += width(line[i])
            i += 1
        }
        return result
    }

    /// Display width: two columns for Han characters, full-width forms and CJK punctuation.
    static func width(_ c: Unicode.Scalar) -> Int {
        switch c.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3040...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
