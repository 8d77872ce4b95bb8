/// A report as plain UTF-8 text the way offices paste a 通报 into a web page or a mail: the title,
/// one paragraph per line, headings on their own lines, the signature set to the right, tables
/// aligned by display width (a Han character is two columns). `rectifyctl import` reads it back.
public enum PlainTextLayout {
    /// Where the signature's lines end (a 公文 line of 28 characters is 56 columns).
    static let lineWidth = 56

    public static func render(_ document: ReportDocument) -> String {
        var lines: [String] = [document.title, ""]
        for block in document.blocks {
            switch block {
            case .heading(_, let text), .paragraph(let text):
                lines.append(text)
            case .table(let table):
                if let caption = table.caption { lines.append(caption) }
                lines += tableLines(table)
                lines.append("")
            case .signature(let signature):
                lines.append("")
                for line in signature {
                    lines.append(String(repeating: " ", count: max(8, lineWidth - DisplayWidth.of(line))) + line)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Header, a rule and rows; figures right-aligned, two spaces between columns.
    static func tableLines(_ table: ReportTable) -> [String] {
        let all = [table.header] + table.rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(cell)) }
        }
        func format(_ row: [String]) -> String {
            var line = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - DisplayWidth.of(cell))
                return table.numericColumns.contains(c) ? pad + cell : cell + pad
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [format(table.header), rule] + table.rows.map(format)
    }
}

/// Columns a string takes in a terminal or a monospaced mail: East Asian wide and full-width
/// characters take two.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
