import RectifyCore

/// One data row of a ledger, read cell by cell.
struct LedgerRow: Sendable {
    var row: Int
    var measure: String?
    var status: LedgerCells.Status?
    var deadline: LedgerCells.DeadlineCell?
    var completedOn: CalendarDate?
    var leader: String?
    var department: String?
    var person: String?
    var evidence: String?
    var remark: String?
    var target: String?
    /// The status a row has once a completion date counts as done.
    var statusKind: StatusVocabulary.Kind? { status?.kind ?? (completedOn != nil ? .done : nil) }
    /// The column the status was read from.
    var statusColumn: Int?
    /// Where an extension noted outside the deadline cell was read (备注, 完成情况), and its words.
    var extensionNote: (column: Int, text: String)?
}

/// A problem and its measure rows.
struct ProblemGroup: Sendable {
    var number: String?
    var title: String
    var titleRow: Int
    var titleColumn: Int?
    var section: String?
    var category: String?
    var rows: [LedgerRow] = []
}

/// Splits a table's data rows into problems: a problem starts where its problem cell (or
/// 序号) has a new value; rows below it whose problem cell is merged with it, left blank or
/// repeated are its measures. Blank rows are skipped; a row holding one value across the
/// table ("一、政治建设方面") is a section; 合计 / 说明 / 填表人 rows at the bottom are not items.
struct LedgerGrouping {
    let table: LedgerTable
    let layout: LedgerLayout
    let reference: CalendarDate?

    static let footerWords = [
        "合计", "总计", "小计", "说明", "注：", "注:", "备注：", "备注:", "填表人", "填报人", "审核人", "制表人", "联系人", "联系电话",
        "负责人", "单位负责人", "主要负责人", "分管领导", "统计人", "填表说明", "审核：", "审核:",
    ]

    static let footerInitials = Set(footerWords.compactMap(\.unicodeScalars.first))

    func column(_ kind: LedgerColumn) -> Int? { layout.columns[kind] }

    func text(_ row: Int, _ kind: LedgerColumn) -> String? {
        guard let c = column(kind) else { return nil }
        var t = table.cell(row, c).text.trimmingCharacters(in: .whitespacesAndNewlines)
        // "副院长 马骏": spaces between Chinese words are layout, not content (as the report
        // importer's cleaning removes them).
        if [.leader, .person, .department].contains(kind) { t = Self.withoutSpacesBetweenHan(t) }
        return t.isEmpty ? nil : t
    }

    static func withoutSpacesBetweenHan(_ text: String) -> String {
        guard text.utf8.contains(0x20) || text.contains("\u{3000}") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, c) in scalars.enumerated() {
            if c == " " || c == "\u{3000}" {
                let before = out.last, after = scalars[(i + 1)...].first { $0 != " " && $0 != "\u{3000}" }
                if let before, let after, Chars.isHan(before), Chars.isHan(after) { continue }
            }
            out.append(c)
        }
        return String(out)
    }

    func groups() -> (groups: [ProblemGroup], skipped: [(row: Int, why: String)]) {
        var result: [ProblemGroup] = []
        var skipped: [(Int, String)] = []
        var section: String?
        var lastCategory: String?
        let problemColumn = column(.problem) ?? column(.measure)
        for r in layout.dataStart..<table.rows.count {
            let filled = table.filled(r)
            if filled.isEmpty { continue }
            let firstValue = table.cell(r, filled[0])
            let oneValue = filled.allSatisfy { table.cell(r, $0) == firstValue }
            let firstText = firstValue.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let initial = firstText.unicodeScalars.first, Self.footerInitials.contains(initial),
                Self.footerWords.contains(where: { firstText.hasPrefix($0) })
            {
                skipped.append((r, "a '\(String(firstText.prefix(6)))' row, not an item"))
                continue
            }
            switch headerRow(r, filled) {
            case .repeated:
                // The header again (a sheet printed with repeated titles, sections pasted together).
                skipped.append((r, "the header again"))
                continue
            case .other(let words):
                // Another table below the ledger (a summary by category): the ledger ends here.
                skipped.append((r, "another table: \(words)"))
                return (result, skipped)
            case nil: break
            }
            if oneValue, isSection(r, filled) {
                section = firstText.replacingOccurrences(of: "\n", with: "")
                lastCategory = nil
                continue
            }
            if let heading = numberedSection(r, filled) {
                section = heading
                lastCategory = nil
                continue
            }
            var category = text(r, .category)
            if category == nil { category = lastCategory } else { lastCategory = category }
            let number = text(r, .number)
            let problem = problemColumn.flatMap { c -> String? in
                let t = table.cell(r, c).text.trimmingCharacters(in: .whitespacesAndNewlines)
                return t.isEmpty ? nil : t
            }
            let row = read(r)
            let continuesProblem: Bool = {
                guard let current = result.last else { return false }
                guard let c = problemColumn, column(.problem) != nil else { return false }
                if table.continuesFromAbove(r, c) { return true }
                // The same problem text again: the problem repeated on each of its measure rows.
                if let problem, problem == current.title { return true }
                if problem == nil {
                    guard let number else { return true }
                    if let nc = column(.number), table.continuesFromAbove(r, nc) { return true }
                    // "1.2", "（2）": a measure's own number under its problem.
                    if number.contains(".") || number.contains("（") || number.contains("(") || number.contains("-") { return true }
                    // Measures numbered 1, 2, 3 under a problem whose cell is left blank; only
                    // the next problem's number (current + 1) starts a problem without text.
                    if let n = Int(Self.cleanNumber(number)), let c = current.number.flatMap({ Int($0) }) { return n != c + 1 }
                    return false
                }
                return false
            }()
            if continuesProblem {
                result[result.count - 1].rows.append(row)
                continue
            }
            guard let title = problem ?? row.measure else {
                skipped.append((r, "no problem or measure text"))
                continue
            }
            var group = ProblemGroup(
                number: number.map(Self.cleanNumber), title: title, titleRow: r, titleColumn: problemColumn, section: section,
                category: category)
            group.rows.append(row)
            result.append(group)
        }
        return (result, skipped)
    }

    /// A section heading row: one value, merged across columns, or alone outside the
    /// problem and measure columns, or numbered like a heading (一、 （一）).
    enum HeaderRow {
        /// The ledger's own header, column for column.
        case repeated
        /// A header of other columns: its words, for the warning.
        case other(String)
    }

    /// Whether row `r` is a header rather than data: at least two cells, half of them, are
    /// header words (整改时限, 反馈问题, 类别, 问题数 …) and none is a date.
    func headerRow(_ r: Int, _ filled: [Int]) -> HeaderRow? {
        // A section merged across the row ("二、行风建设方面" in every cell) is no header.
        guard filled.count >= 2, Set(filled.map { table.cell(r, $0).text }).count >= 2 else { return nil }
        var kinds: [(column: Int, kind: LedgerColumn)] = []
        for c in filled {
            let value = table.cell(r, c)
            if case .date = value { return nil }
            if let kind = LedgerColumns.kind(of: value.text) { kinds.append((c, kind)) }
        }
        guard kinds.count >= 2, kinds.count * 2 >= filled.count else { return nil }
        if kinds.allSatisfy({ layout.columns[$0.kind] == $0.column || layout.statusColumns.contains($0.column) && $0.kind == .status }) {
            return .repeated
        }
        return .other(filled.prefix(4).map { table.cell(r, $0).text.replacingOccurrences(of: "\n", with: "") }.joined(separator: "、"))
    }

    func isSection(_ r: Int, _ filled: [Int]) -> Bool {
        let value = table.cell(r, filled[0])
        guard case .text(let text) = value, text.unicodeScalars.contains(where: Chars.isHan) else { return false }
        if filled.count > 1 || table.spansColumns(r, filled[0]) { return true }
        let c = filled[0]
        if c != column(.problem), c != column(.measure) { return true }
        let f = Array(text.unicodeScalars.map(Chars.fold))
        if let first = f.first, Chars.isChineseNumeral(first), f.count > 1, f[1] == "、" { return true }
        return f.first == "(" && f.count > 2 && Chars.isChineseNumeral(f[1])
    }

    /// A heading written as 序号 "一" and the heading text ("政治建设方面") with nothing else in
    /// the row: a section, not a problem.
    func numberedSection(_ r: Int, _ filled: [Int]) -> String? {
        guard let n = column(.number), filled.contains(n), filled.count == 2 else { return nil }
        let rest = filled.first { $0 != n }!
        let number = table.cell(r, n).text.trimmingCharacters(in: .whitespaces)
        let text = table.cell(r, rest).text.trimmingCharacters(in: .whitespacesAndNewlines)
        let numeral = Array(Self.cleanNumber(number).unicodeScalars)
        guard !numeral.isEmpty, numeral.allSatisfy(Chars.isChineseNumeral) || text.hasSuffix("方面") else { return nil }
        guard ![LedgerColumn.deadline, .status, .measure].contains(where: { column($0) == rest }) else { return nil }
        return "\(Self.cleanNumber(number))、\(text.replacingOccurrences(of: "\n", with: ""))"
    }

    func read(_ r: Int) -> LedgerRow {
        var row = LedgerRow(row: r)
        row.measure = text(r, .measure)
        for c in layout.statusColumns.isEmpty ? [column(.status)].compactMap({ $0 }) : layout.statusColumns {
            guard let status = LedgerCells.status(table.cell(r, c)) else { continue }
            row.status = status
            row.statusColumn = c
            break
        }
        if row.status == nil {
            // √ under 已完成 / 未完成.
            for tick in layout.tickColumns where LedgerCells.isTick(table.cell(r, tick.column)) {
                let header = table.cell(max(layout.header.upperBound - 1, 0), tick.column).text
                row.status = LedgerCells.Status(kind: tick.kind, text: "\(header)：\(table.cell(r, tick.column).text)")
                row.statusColumn = tick.column
                break
            }
        }
        if let c = column(.deadline) { row.deadline = LedgerCells.deadline(table.cell(r, c), reference: reference) }
        if let c = column(.completedOn), let done = LedgerCells.deadline(table.cell(r, c), reference: reference), let d = done.date {
            row.completedOn = d
        }
        row.leader = text(r, .leader)
        row.department = text(r, .department)
        row.person = text(r, .person)
        row.evidence = text(r, .evidence)
        row.remark = text(r, .remark)
        row.target = text(r, .target)
        // An extension noted in the remark or status cell ("已申请延期至2026年6月30日").
        if row.deadline?.extendedTo == nil, let base = row.deadline, base.date != nil {
            for kind in [LedgerColumn.remark, .status] {
                guard let c = column(kind), let note = LedgerCells.deadline(table.cell(r, c), reference: reference),
                    let ext = note.extendedTo ?? (LedgerCells.mentionsExtension(table.cell(r, c).text) ? note.date.map { ($0, note.precision) } : nil),
                    ext.0 > base.date!
                else { continue }
                row.deadline?.extendedTo = (ext.0, ext.1)
                row.extensionNote = (c, table.cell(r, c).text.trimmingCharacters(in: .whitespacesAndNewlines))
                break
            }
        }
        return row
    }

    /// "1." → "1", "一、" → "一".
    static func cleanNumber(_ raw: String) -> String {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = s.last, ".、．:：".contains(last) { s.removeLast() }
        return s
    }
}

extension LedgerCells {
    static func mentionsExtension(_ text: String) -> Bool {
        let f = Array(text.unicodeScalars.map(Chars.fold))
        return extensionWords.contains { f.contains(literal: $0) }
    }
}
