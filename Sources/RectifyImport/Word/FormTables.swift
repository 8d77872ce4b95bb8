/// A Word table that is a form, not a list: each row holds labels and their values side by side
/// ("问题名称 | …", "责任领导 | 李国华 | 责任科室 | 院办", "完成时限 | … | 完成情况 | 已完成"), as a
/// 问题整改销号表 gives one problem per table. Written out as labelled lines ("完成情况：已完成"),
/// the text importer reads it as it reads a report's labelled field blocks.
enum FormTables {
    /// The table's rows as "label：value" lines, or nil when it is not a form: every row must be
    /// label and value in turn, the labels words a ledger's header would use (反馈问题, 整改措施,
    /// 完成时限 …), no value a label itself (that is a header row), and one label must name the
    /// problem.
    static func lines(_ table: LedgerTable) -> [String]? {
        guard table.rows.count >= 2 else { return nil }
        var lines: [String] = []
        var namesProblem = false
        for r in table.rows.indices {
            // A cell merged across columns counts once, at its first column.
            let cells = table.rows[r].indices.filter { c in
                !table.merges.contains { $0.contains(row: r, column: c) && $0.firstColumn < c }
            }.map { table.rows[r][$0].text.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard !cells.isEmpty, cells.count % 2 == 0 else { return nil }
            for k in stride(from: 0, to: cells.count, by: 2) {
                let label = cells[k], value = cells[k + 1]
                guard label.count <= 12, let kind = LedgerColumns.kind(of: label), LedgerColumns.kind(of: value) == nil else { return nil }
                if kind == .problem { namesProblem = true }
                lines.append(reportLabel(label, kind) + "：" + value.replacingOccurrences(of: "\n", with: " "))
            }
        }
        return namesProblem ? lines : nil
    }

    /// The label as written when the text importer reads it as a field label ("完成时限"), else
    /// the column's own word ("问题名称" → "反馈问题").
    static func reportLabel(_ label: String, _ kind: LedgerColumn) -> String {
        let folded = Array((label + "：").unicodeScalars.map(Chars.fold))
        if let read = FieldLabels.label(folded, at: 0), read.valueStart == folded.count,
            LedgerColumns.map(read.kind) == kind
        {
            return label
        }
        return kind.label
    }
}
