import RectifyCore

/// Where a table's header is and which column holds what.
struct LedgerLayout: Sendable {
    /// The header rows (one, or two when a group label such as 责任分工 stands over
    /// 责任领导 / 责任科室 / 责任人); data starts below them.
    var header: Range<Int>
    var columns: [LedgerColumn: Int]
    /// How many distinct kinds the header names: the table that names most is the ledger.
    var score: Int
    /// Every status column, the one `columns` names first: a ledger may have a narrative
    /// 整改进展 and a short 是否完成; a row's status is the first of them that states one.
    var statusColumns: [Int] = []
    /// Tick columns under a status heading: "已完成 | 未完成" with √ in one of them.
    var tickColumns: [(column: Int, kind: StatusVocabulary.Kind)] = []

    var dataStart: Int { header.upperBound }

    /// Kinds that mark a rectification ledger (not a leading-group list or a contact table).
    static let telling: Set<LedgerColumn> = [.problem, .measure, .leader, .department, .person, .deadline, .status, .category, .evidence, .completedOn]

    /// Finds the header among the first rows. `override` (from `--columns`) fixes columns by
    /// letter; the header is still looked for, to know where the data starts.
    static func find(in table: LedgerTable, override: [LedgerColumn: Int] = [:]) -> LedgerLayout? {
        let limit = min(table.rows.count, 40)
        var best: LedgerLayout?
        for r in 0..<limit {
            let kinds = completionTimes(rowKinds(table, r), table, rows: r..<(r + 1))
            let named = Set(kinds.values).intersection(telling)
            guard named.contains(.problem) || named.contains(.measure) || !override.isEmpty else { continue }
            // Three kinds, or a short list: the problem with its deadline, status or measures.
            let short = named.contains(.problem) && !named.isDisjoint(with: [.deadline, .status, .measure])
            guard named.count >= 3 || short || (!override.isEmpty && named.count >= 1) else { continue }
            var layout = LedgerLayout(header: r..<(r + 1), columns: firstColumns(kinds), score: named.count)
            layout.statusColumns = statusOrder(kinds, table, rows: r..<(r + 1))
            // A second header row: labels under a group label (责任分工 over 责任领导 / 责任科室;
            // 完成情况 over 已完成 / 未完成 tick columns), not data.
            if r + 1 < table.rows.count {
                // A section row under the header ("一、政治建设方面" across the table) is data, not labels.
                let below = rowKinds(table, r + 1).filter { c, _ in !isSectionCell(table.cell(r + 1, c)) }
                // Tick columns come in twos or more, under one status heading (完成情况 over 已完成 | 未完成).
                var ticks = tickHeaders(table, r + 1)
                if ticks.count < 2 || !ticks.keys.allSatisfy({ kinds[$0] == .status || table.spansColumns(r, $0) }) { ticks = [:] }
                let filled = table.filled(r + 1).filter { !table.continuesFromAbove(r + 1, $0) }
                let fresh = filled.filter { below[$0] != nil || ticks[$0] != nil }
                if !fresh.isEmpty, fresh.count * 2 >= filled.count {
                    var merged = kinds
                    for (c, k) in below { merged[c] = k }
                    for c in ticks.keys { merged[c] = nil }
                    merged = completionTimes(merged, table, rows: r..<(r + 2))
                    layout = LedgerLayout(
                        header: r..<(r + 2), columns: firstColumns(merged), score: Set(merged.values).intersection(telling).count)
                    layout.statusColumns = statusOrder(merged, table, rows: r..<(r + 2))
                    layout.tickColumns = ticks.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                    if !ticks.isEmpty, !named.contains(.status) { layout.score += 1 }
                }
            }
            if best == nil || layout.score > best!.score { best = layout }
        }
        if !override.isEmpty {
            var layout = best ?? LedgerLayout(header: 0..<0, columns: [:], score: 0)
            if best == nil, let start = firstDataRow(table, problem: override[.problem] ?? override[.measure]) {
                // A first row of labels ("内容", "时间") above values is the header the words did not tell.
                let labels = override.values.allSatisfy { c in isLabel(table.cell(start, c)) }
                let next = start + 1 < table.rows.count && !override.values.allSatisfy { c in isLabel(table.cell(start + 1, c)) }
                layout.header = labels && next ? start..<(start + 1) : start..<start
            }
            for (kind, column) in override {
                for (k, c) in layout.columns where c == column && k != kind { layout.columns[k] = nil }
                layout.columns[kind] = column
            }
            layout.statusColumns = layout.columns[.status].map { [$0] } ?? []
            return layout
        }
        return best
    }

    /// Status columns, those that state a status (完成情况, 整改状态, 是否完成, 销号情况) before
    /// those that tell the story (整改进展, 落实情况), each group left to right.
    static func statusOrder(_ kinds: [Int: LedgerColumn], _ table: LedgerTable, rows: Range<Int>) -> [Int] {
        let columns = kinds.filter { $0.value == .status }.keys.sorted()
        func states(_ c: Int) -> Bool {
            let header = rows.map { table.cell($0, c).text }.joined()
            return ["是否", "状态", "完成情况", "销号"].contains { header.contains($0) }
        }
        return columns.filter(states) + columns.filter { !states($0) }
    }

    /// A 完成时间 column beside a 整改时限 column is when the work was done (整改情况 over 完成时间 |
    /// 完成情况), not a second deadline; alone (整改完成时间 in an audit ledger) it is the deadline.
    static func completionTimes(_ kinds: [Int: LedgerColumn], _ table: LedgerTable, rows: Range<Int>) -> [Int: LedgerColumn] {
        let deadlines = kinds.filter { $0.value == .deadline }.keys
        guard deadlines.count >= 2 else { return kinds }
        func label(_ c: Int) -> String {
            rows.reversed().map { table.cell($0, c) }.first { !$0.isEmpty }?.text.filter { !$0.isWhitespace } ?? ""
        }
        let done = deadlines.filter { c in
            let text = label(c)
            return text.hasSuffix("完成时间") && !["计划", "预计", "要求"].contains { text.contains($0) }
        }
        guard !done.isEmpty, done.count < deadlines.count else { return kinds }
        var result = kinds
        for c in done { result[c] = .completedOn }
        return result
    }

    /// Header cells that are a status word and nothing else ("已完成", "未完成", "正在推进"):
    /// columns ticked (√) for the status they name.
    static func tickHeaders(_ table: LedgerTable, _ r: Int) -> [Int: StatusVocabulary.Kind] {
        var result: [Int: StatusVocabulary.Kind] = [:]
        for c in 0..<table.rows[r].count {
            guard case .text(let text) = table.rows[r][c], !table.continuesFromAbove(r, c) else { continue }
            let f = Array(text.unicodeScalars.map(Chars.fold).filter { !Chars.isSpace($0) && $0 != "\n" })
            guard let m = StatusVocabulary.match(f, at: 0), m.range.upperBound == f.count else { continue }
            result[c] = m.kind
        }
        return result
    }

    /// A cell that opens with a heading number ("一、…方面", "（二）…"): a section row's text,
    /// never a header label.
    static func isSectionCell(_ value: CellValue) -> Bool {
        guard case .text(let text) = value else { return false }
        let f = Array(text.unicodeScalars.map(Chars.fold).filter { !Chars.isSpace($0) })
        guard let marker = HeadingMarker.numbered(f) else { return false }
        return marker.length < f.count
    }

    /// A short text without digits: what header cells look like.
    static func isLabel(_ value: CellValue) -> Bool {
        guard case .text(let t) = value else { return false }
        return t.count <= 8 && !t.unicodeScalars.contains(where: Chars.isDigit)
    }

    /// The kinds the cells of a row name (only short text cells can be header cells).
    static func rowKinds(_ table: LedgerTable, _ r: Int) -> [Int: LedgerColumn] {
        var kinds: [Int: LedgerColumn] = [:]
        for c in 0..<table.rows[r].count {
            guard case .text(let text) = table.rows[r][c], text.count <= 40, let kind = LedgerColumns.kind(of: text) else { continue }
            kinds[c] = kind
        }
        return kinds
    }

    /// The leftmost column of each kind (责任单位 before 配合单位).
    static func firstColumns(_ kinds: [Int: LedgerColumn]) -> [LedgerColumn: Int] {
        var result: [LedgerColumn: Int] = [:]
        for (c, k) in kinds.sorted(by: { $0.key < $1.key }) where result[k] == nil { result[k] = c }
        return result
    }

    /// Without a header: the first row whose problem cell has text and does not span the table.
    static func firstDataRow(_ table: LedgerTable, problem: Int?) -> Int? {
        guard let problem else { return nil }
        return table.rows.indices.first { r in
            !table.cell(r, problem).isEmpty && !table.spansColumns(r, problem) && table.filled(r).count >= 2
        }
    }

    /// The row that most looks like a header, and its cells, for the error when no columns
    /// can be told apart: "台账!A3 序号, B3 内容 …".
    static func likelyHeader(_ table: LedgerTable) -> (row: Int, cells: [String])? {
        let limit = min(table.rows.count, 40)
        let candidates = (0..<limit).map { r in
            (r, table.rows[r].indices.filter { c in
                if case .text(let t) = table.rows[r][c] { return t.count <= 24 && !table.spansColumns(r, c) }
                return false
            })
        }
        guard let best = candidates.max(by: { $0.1.count < $1.1.count }), !best.1.isEmpty else { return nil }
        return (best.0, best.1.map { c in "\(CellName.column(c))\(best.0 + 1) \(table.rows[best.0][c].text.replacingOccurrences(of: "\n", with: ""))" })
    }
}
