/// A Word table a clerk used as ruled paper: a number column and one column holding each
/// problem's fields on lines of their own ("序号 | 内容", the cell "问题：… ↵ 整改措施：… ↵
/// 整改时限：… ↵ 完成情况：…"). Joined into one line per row the labels would run together
/// after the number; written out as the report would be typed ("1.问题：…", then one field
/// a line), the text importer reads the fields as it reads labelled blocks.
enum RecordTables {
    /// The rows as lines, or nil when the table is not such a record: two data rows or more,
    /// every one a number cell (digits, or empty) and cells of which at least one holds two
    /// lines or more that open with a field label. A header row of short words above them
    /// ("序号 | 内容") is left out.
    static func lines(_ table: LedgerTable) -> [String]? {
        var rows = table.rows.map { row in
            row.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }.filter { row in row.contains { !$0.isEmpty } }
        if let first = rows.first, !first.contains(where: { $0.contains("\n") || isNumber($0) }),
            first.allSatisfy({ $0.count <= 6 })
        {
            rows.removeFirst()
        }
        guard rows.count >= 2 else { return nil }
        var lines: [String] = []
        for row in rows {
            guard let number = row.first, isNumber(number) || number.isEmpty else { return nil }
            let fields = row.dropFirst().flatMap { $0.split(separator: "\n").map(String.init) }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let labelled = fields.filter { line in
                FieldLabels.label(Array(line.unicodeScalars.map(Chars.fold)), at: 0) != nil
            }
            guard fields.count >= 2, labelled.count >= 2, let head = fields.first else { return nil }
            lines.append((number.isEmpty ? "" : number + ".") + head)
            lines += fields.dropFirst()
        }
        return lines
    }

    private static func isNumber(_ cell: String) -> Bool {
        let folded = cell.unicodeScalars.map(Chars.fold).filter { $0 != "." && $0 != "、" }
        return !folded.isEmpty && folded.count <= 3 && folded.allSatisfy(Chars.isDigit)
    }
}
