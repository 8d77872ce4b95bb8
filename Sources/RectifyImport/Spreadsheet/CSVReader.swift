import Foundation

/// Reads a CSV file as Excel and WPS write it: UTF-8 with or without a BOM, GB18030/GBK
/// ("CSV (逗号分隔)" on a Chinese Windows), UTF-16 with a BOM; CRLF or LF; quoted cells holding
/// line breaks, delimiters and doubled quotes; padded empty columns. The delimiter is the one
/// of comma, tab and semicolon that the first line uses most outside quotes.
enum CSVReader {
    static func read(_ data: Data, file: String) throws(LedgerError) -> LedgerTable {
        guard let (text, _) = ReportDecoding.decode(data) else {
            throw LedgerError(file: file, "is neither UTF-8 nor GB18030 text; save it from Excel as CSV (UTF-8) and try again.")
        }
        let scalars = Array(text.unicodeScalars)
        let delimiter = detectDelimiter(scalars)
        var rows: [[CellValue]] = []
        var row: [CellValue] = []
        var field = String.UnicodeScalarView()
        var i = 0
        var line = 1
        var quoted = false
        var quoteLine = 0
        func endField() {
            var value = String(field)
            // An apostrophe before = + - @ is how a CSV writer (ours, and others that follow
            // OWASP) keeps a spreadsheet from reading the cell as a formula: not part of it.
            if value.first == "'", let next = value.dropFirst().first, "=+-@\t\n".contains(next) { value.removeFirst() }
            row.append(value.isEmpty ? .empty : .text(value))
            field = String.UnicodeScalarView()
        }
        func endRow() {
            endField()
            rows.append(row)
            row = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    if c == "\n" { line += 1 }
                    // A CRLF inside a cell is one line break, as Excel shows it.
                    if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                        i += 1
                        line += 1
                        field.append("\n")
                    } else {
                        field.append(c == "\r" ? "\n" : c)
                    }
                }
                i += 1
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                quoted = true
                quoteLine = line
            case delimiter: endField()
            case "\r":
                endRow()
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                line += 1
            case "\n":
                endRow()
                line += 1
            default: field.append(c)
            }
            i += 1
        }
        if quoted {
            throw LedgerError(
                file: file, line: quoteLine,
                "a quoted cell opened here is never closed; the file was cut short or a quote is missing.")
        }
        if !field.isEmpty || !row.isEmpty { endRow() }
        // Trailing empty rows and columns (Excel pads ragged rows with commas).
        while let last = rows.last, last.allSatisfy(\.isEmpty) { rows.removeLast() }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var table = LedgerTable(name: name.isEmpty ? "CSV" : name, rows: rows)
        let used = (0..<table.width).filter { c in table.rows.contains { !$0[c].isEmpty } }.max().map { $0 + 1 } ?? 0
        table.rows = table.rows.map { Array($0.prefix(used)) }
        return table
    }

    static func detectDelimiter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, "\t": 0, ";": 0]
        var quoted = false
        for c in scalars {
            if c == "\"" { quoted.toggle() }
            if !quoted, c == "\n" || c == "\r" { break }
            if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != ",") }!
        return best.value == 0 ? "," : best.key
    }
}
