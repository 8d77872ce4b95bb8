import Foundation
import RectifyCore

/// Builds a plan from a ledger table: one item per problem, its measure rows as milestones,
/// status and deadline from the cells, responsibility from the 责任 columns; every value keeps
/// the cell it came from.
struct LedgerAssembler {
    let file: String
    let table: LedgerTable
    let layout: LedgerLayout
    let heading: LedgerHeading
    let reference: CalendarDate?
    /// Where `reference` came from, for the review note of a deadline without a year.
    let referenceSource: String
    var warnings: [Diagnostic] = []
    var explanations: [LedgerExplanation] = []
    /// "副院长 马骏" → name and post, once per distinct cell text (leaders repeat down a ledger).
    private var contacts: [String: Contact] = [:]

    /// Whether to write the per-item explanations (`--explain`); building them costs time.
    let explaining: Bool

    init(
        file: String, table: LedgerTable, layout: LedgerLayout, heading: LedgerHeading, referenceOverride: CalendarDate?,
        explaining: Bool = false
    ) {
        self.explaining = explaining
        self.file = file
        self.table = table
        self.layout = layout
        self.heading = heading
        self.reference = referenceOverride ?? heading.reference
        self.referenceSource = referenceOverride != nil ? "--reference-date" : heading.date != nil ? "the ledger's date" : "the ledger's title"
    }

    func note(_ explanation: inout LedgerExplanation, _ line: @autoclosure () -> String) {
        if explaining { explanation.lines.append(line()) }
    }

    mutating func warn(_ row: Int, _ column: Int?, _ message: String) {
        let place = column.map { table.place(row, $0) } ?? "\(table.name)!\(row + 1)"
        warnings.append(
            Diagnostic(file: file, line: row + 1, column: (column ?? 0) + 1, severity: .warning, message: "\(place): \(message)"))
    }

    func place(_ row: Int, _ kind: LedgerColumn) -> String? { layout.columns[kind].map { table.place(row, $0) } }

    mutating func run() -> Plan {
        let grouping = LedgerGrouping(table: table, layout: layout, reference: reference)
        let (groups, skipped) = grouping.groups()
        for skip in skipped where skip.why.hasPrefix("another table: ") {
            let words = skip.why.dropFirst("another table: ".count)
            warn(skip.row, nil, "another table starts here (\(words)…); the ledger ends above it and the rows from here on are not read.")
        }
        for skip in skipped where skip.why.hasPrefix("no problem") {
            warn(skip.row, nil, "the row has values but no problem or measure text, and no problem above it; it was skipped.")
        }
        let stem = ReportImporter.planID(forFile: file)
        var plan = Plan(
            id: stem, unit: heading.unit ?? "", title: heading.title ?? stem,
            source: "\(URL(fileURLWithPath: file).lastPathComponent) (\(table.name))", reportDate: heading.date)
        if plan.unit.isEmpty {
            warnings.append(
                Diagnostic(
                    file: file, line: 1, column: 1, severity: .warning,
                    message: "\(table.name): the ledger names no unit (no 填报单位 row, and its title names none): "
                        + "notices will not say whose plan it is, and a plan file written from it needs plan.unit set by hand."))
        }
        if layout.columns[.status] == nil && layout.columns[.completedOn] == nil && layout.tickColumns.isEmpty {
            warnings.append(
                Diagnostic(
                    file: file, line: layout.header.lowerBound + 1, column: 1, severity: .warning,
                    message: "\(table.name): the ledger has no status column (完成情况, 整改进展); every item is read as open."))
        }
        let ids = itemIDs(groups)
        for (k, group) in groups.enumerated() {
            plan.items.append(item(group, id: ids[k]))
            if table.hiddenRows.contains(group.titleRow) {
                warn(
                    group.titleRow, group.titleColumn,
                    "the row of item '\(ids[k])' is hidden in the workbook; it is read as an item all the same (delete the row if it is not one).")
            }
        }
        if let strays = table.strays {
            warn(
                strays.row, strays.column,
                "\(strays.count == 1 ? "a value" : "\(strays.count) values") far outside the table (past column "
                    + "\(CellName.column(SheetParser.maxColumns - 1)) or over \(SheetParser.maxGap) empty rows below it) "
                    + "\(strays.count == 1 ? "was" : "were") left out; delete \(strays.count == 1 ? "it" : "them") if stray.")
        }
        if groups.isEmpty {
            warn(layout.dataStart, nil, "no problems were found below the header; the ledger has no rows with a problem or measure.")
        }
        if reference == nil, groups.contains(where: { g in g.rows.contains { $0.deadline?.date == nil && $0.deadline?.longTerm == false && $0.deadline?.text.contains("月") == true } }) {
            warn(layout.header.lowerBound, nil, "the ledger names no year in its title or a date row; dates without a year cannot be placed; pass --reference-date.")
        }
        for problem in PlanValidator.problems(in: plan) {
            let row = problem.itemIndex.map { groups[$0].titleRow } ?? layout.dataStart
            warn(row, groups.first?.titleColumn, problem.message)
        }
        return plan
    }

    /// Ids from the 序号 column; where numbering restarts per section (or category),
    /// "section.number"; rows without a number count on from the previous item.
    func itemIDs(_ groups: [ProblemGroup]) -> [String] {
        let raw = groups.enumerated().map { k, g in g.number.flatMap { $0.isEmpty ? nil : $0 } ?? String(k + 1) }
        var ids = raw
        if Set(raw).count != raw.count {
            var sectionIndex: [String: Int] = [:]
            ids = zip(groups, raw).map { g, number in
                guard let section = g.section ?? g.category else { return number }
                let index = sectionIndex[section] ?? (sectionIndex.count + 1)
                sectionIndex[section] = index
                return "\(index).\(number)"
            }
        }
        var seen: [String: Int] = [:]
        return ids.map { id in
            let n = seen[id, default: 0] + 1
            seen[id] = n
            return n == 1 ? id : "\(id)-\(n)"
        }
    }

    mutating func item(_ group: ProblemGroup, id: String) -> Item {
        let title = group.title.replacingOccurrences(of: "\n", with: "")
        var item = Item(id: id, category: [group.section, group.category].compactMap { $0 }, title: title)
        var explanation = LedgerExplanation(id: id, title: title, place: group.titleColumn.map { table.place(group.titleRow, $0) } ?? "\(table.name)!\(group.titleRow + 1)")
        item.text = text(group)
        item.responsible = responsibility(group, &explanation)
        var review: [String] = []

        // Status: done when every measure is; long-term when what is open is long-term.
        let kinds = group.rows.map(\.statusKind)
        let stated = kinds.compactMap { $0 }
        let longTermRows = group.rows.filter { $0.deadline?.longTerm == true && $0.deadline?.date == nil }
        let status: ItemStatus
        if stated.isEmpty {
            status = !longTermRows.isEmpty && group.rows.allSatisfy({ $0.deadline?.date == nil }) ? .longTerm : .inProgress
            if let c = layout.statusColumns.first ?? layout.columns[.status] ?? layout.tickColumns.first?.column {
                let painted = table
                if let colour = group.rows.map(\.row).compactMap({ painted.fill($0, c) }).first {
                    // Colour codes differ between offices (green is done in one, on track in
                    // another, and in rectifyd's own export): a colour is not read as a status.
                    review.append(
                        "the status cell \(table.place(group.titleRow, c)) holds no words, only a fill colour (\(colour.hasPrefix("theme") || colour.hasPrefix("indexed") ? colour : "#" + colour)); colours are not read, as offices' colour codes differ: write the status (已完成, 正在推进) in the cell. Read as open.")
                } else if let said = group.rows.map({ table.cell($0.row, c).text }).first(where: { !$0.isEmpty }) {
                    review.append("the status cell \(table.place(group.titleRow, c)) says '\(said.prefix(30))', which is no status (已完成, 正在推进); read as open.")
                } else {
                    review.append("the status cell \(table.place(group.titleRow, c)) is empty; read as open.")
                }
            }
        } else if stated.allSatisfy({ $0 == .done }) {
            status = .done
        } else if stated.filter({ $0 != .done }).allSatisfy({ $0 == .longTerm }) || !longTermRows.isEmpty && stated.allSatisfy({ $0 != .done }) {
            status = .longTerm
        } else if stated.allSatisfy({ $0.status == .notStarted }) {
            status = .notStarted  // every measure 尚未启动 (what the export writes for not_started)
        } else {
            status = .inProgress
        }
        item.status = status
        let statusRow = group.rows.first { $0.statusKind != nil && ($0.statusKind == .done) == (status == .done) } ?? group.rows.first { $0.statusKind != nil }
        if let statusRow {
            if let s = statusRow.status, let c = statusRow.statusColumn ?? layout.columns[.status] {
                item.statusEvidence = Evidence(text: s.text, line: statusRow.row + 1, cell: table.place(statusRow.row, c))
            } else if let done = statusRow.completedOn, let c = layout.columns[.completedOn] {
                item.statusEvidence = Evidence(text: "完成日期 \(done)", line: statusRow.row + 1, cell: table.place(statusRow.row, c))
            }
        }
        note(&explanation, 
            "status    \(status.rawValue)" + (item.statusEvidence.map { " ← '\($0.text)' (\($0.cell ?? ""))" } ?? "")
                + (group.rows.count > 1 ? "; \(stated.filter { $0 == .done }.count) of \(group.rows.count) measures done" : ""))

        // Deadlines: each dated measure row; the problem's is the latest.
        let deadlineColumn = layout.columns[.deadline]
        var dated: [(row: LedgerRow, cell: LedgerCells.DeadlineCell, date: CalendarDate)] = []
        for row in group.rows {
            guard let cell = row.deadline else { continue }
            if let date = cell.date {
                dated.append((row, cell, date))
                if cell.guessedYear, status != .done {
                    review.append("the deadline '\(cell.text)' (\(table.place(row.row, deadlineColumn!))) has no year; \(date.year) was taken from \(referenceSource).")
                }
            } else if cell.text.hasPrefix("="), let c = deadlineColumn {
                warn(row.row, c, "the deadline is a formula ('\(cell.text)') whose value was never saved (the file was written by a program that does not calculate); open and save it in Excel or WPS, or type the date.")
            } else if !cell.longTerm && !cell.immediate, !Self.saysDone(cell.text), let c = deadlineColumn {
                warn(row.row, c, "cannot read a deadline from '\(cell.text)'; write a date (2025年6月30日, 2025/6/30) or 长期坚持.")
            }
        }
        // Milestones need two dated measures: one dated row beside undated ones (立行立改, 长期)
        // says no more than the deadline (and an export could not write it back).
        if dated.count > 1 {
            item.milestones = group.rows.compactMap { row -> Milestone? in
                guard let cell = row.deadline, let date = cell.date, let c = deadlineColumn else { return nil }
                let effective = cell.extendedTo ?? (date, cell.precision)
                let title = (row.measure ?? "措施（\(table.place(row.row, c))）").replacingOccurrences(of: "\n", with: "")
                return Milestone(
                    title: title,
                    deadline: Deadline(date: effective.0, precision: effective.1, text: cell.text, line: row.row + 1, cell: table.place(row.row, c)),
                    done: row.statusKind == .done || (status == .done))
            }
        }
        // Open work without a date (长期坚持 beside done measures) has no deadline: the done
        // measures' dates are history.
        let openDated = dated.filter { $0.row.statusKind != .done || status == .done }
        var undatedOpenWork = false
        if status != .done, openDated.isEmpty, !dated.isEmpty {
            let longTerm = group.rows.contains { $0.statusKind != .done && ($0.deadline?.longTerm == true || $0.statusKind == .longTerm) }
            if longTerm { item.status = .longTerm }
            dated = []
            undatedOpenWork = true
        }
        if undatedOpenWork {
            note(&explanation, 
                "deadline  none: the open measures have no date" + (item.status == .longTerm ? " (长期坚持)" : "")
                    + "; the done measures' dates are history")
        } else if status != .done, let latest = dated.max(by: { $0.date < $1.date }), let c = deadlineColumn {
            item.deadline = Deadline(
                date: latest.date, precision: latest.cell.precision, text: latest.cell.text, line: latest.row.row + 1,
                cell: table.place(latest.row.row, c))
            if let ext = dated.compactMap({ d in d.cell.extendedTo.map { (d, $0) } }).max(by: { $0.1.0 < $1.1.0 }), ext.1.0 > latest.date {
                // The extension's words and cell: the deadline cell, or the remark that notes it.
                let noteColumn = ext.0.row.extensionNote?.column ?? c
                let words = ext.0.row.extensionNote?.text ?? ext.0.cell.text
                let place = table.place(ext.0.row.row, noteColumn)
                item.extensions = [
                    Extension(
                        deadline: Deadline(date: ext.1.0, precision: ext.1.1, text: words, line: ext.0.row.row + 1, cell: place),
                        reason: words, granted: latest.date)
                ]
            }
            if item.status == .longTerm { item.status = .inProgress }
            note(&explanation, "deadline  \(latest.date) ← '\(latest.cell.text)' (\(table.place(latest.row.row, c)))" + (group.rows.count > 1 ? "; the latest of \(dated.count) dated measures" : ""))
            if let ext = item.extensions.last {
                note(&explanation, "extended  \(ext.deadline.date) ← '\(ext.deadline.text ?? "")' (\(ext.deadline.cell ?? ""))")
            }
        } else if status == .done {
            note(&explanation, "deadline  none: the item is done" + (dated.first.map { " (\($0.cell.text), \(table.place($0.row.row, deadlineColumn!)))" } ?? ""))
        } else if let cell = group.rows.compactMap(\.deadline).first {
            note(&explanation, "deadline  none: '\(cell.text)'" + (cell.longTerm ? " (长期坚持)" : cell.immediate ? " (立行立改)" : ""))
        } else {
            note(&explanation, "deadline  none found")
        }
        if item.status != .done, item.status != .longTerm, item.deadline == nil {
            warn(group.titleRow, deadlineColumn ?? group.titleColumn, "item '\(id)' is open but the ledger gives it no deadline; add one.")
        }
        for m in item.milestones {
            note(&explanation, "measure   \(m.deadline.date) \(m.done ? "done" : "open")  \(m.title) (\(m.deadline.cell ?? ""))")
        }
        if item.status == .done, let note = StatusVocabulary.awaitingAcceptance(evidence: item.statusEvidence?.text, in: "") {
            review.append(note)
        }
        item.review = review
        explanation.lines += review.map { "REVIEW    \($0)" }
        for reason in review { warn(group.titleRow, group.titleColumn, "item '\(id)' needs review: \(reason)") }
        if explaining { explanations.append(explanation) }
        return item
    }

    mutating func responsibility(_ group: ProblemGroup, _ explanation: inout LedgerExplanation) -> Responsibility? {
        func distinct(_ values: [String?]) -> [String] {
            var seen: [String] = []
            for v in values.compactMap({ $0 }) {
                for part in v.split(whereSeparator: { $0 == "\n" }).map({ String($0).trimmingCharacters(in: .whitespaces) }) where !part.isEmpty && !seen.contains(part) {
                    seen.append(part)
                }
            }
            return seen
        }
        let leaders = distinct(group.rows.map(\.leader))
        let departments = distinct(group.rows.map(\.department))
        let people = distinct(group.rows.map(\.person))
        guard !leaders.isEmpty || !departments.isEmpty || !people.isEmpty else { return nil }
        let first = group.rows[0].row
        if !leaders.isEmpty { note(&explanation, "责任领导  \(leaders.joined(separator: "、")) (\(place(first, .leader) ?? ""))") }
        if !departments.isEmpty { note(&explanation, "责任单位  \(departments.joined(separator: "、")) (\(place(first, .department) ?? ""))") }
        if !people.isEmpty { note(&explanation, "责任人    \(people.joined(separator: "、")) (\(place(first, .person) ?? ""))") }
        var people_: [Contact] = []
        for p in people { for c in ItemFields.people(p) where !people_.contains(c) { people_.append(c) } }
        var leader: Contact?
        if let name = leaders.first {
            if let known = contacts[name] {
                leader = known
            } else {
                leader = ItemFields.contact(name)
                contacts[name] = leader
            }
        }
        return Responsibility(
            leader: leader, department: departments.isEmpty ? nil : departments.joined(separator: "、"), contacts: people_)
    }

    /// The problem and each measure row as labelled lines, the way a report writes them.
    func text(_ group: ProblemGroup) -> String {
        var lines = [group.title]
        for (k, row) in group.rows.enumerated() {
            var parts: [String] = []
            if let m = row.measure { parts.append((group.rows.count > 1 ? "（\(k + 1)）" : "") + "整改措施：\(m)") }
            if let t = row.target { parts.append("整改目标：\(t)") }
            if let d = row.deadline { parts.append("整改时限：\(d.text)") }
            if row.status != nil, let c = row.statusColumn ?? layout.columns[.status] {
                parts.append("完成情况：\(table.cell(row.row, c).text.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            if let c = row.completedOn { parts.append("完成日期：\(c)") }
            if let e = row.evidence { parts.append("佐证材料：\(e)") }
            if let r = row.remark { parts.append("备注：\(r)") }
            if !parts.isEmpty { lines.append(parts.joined(separator: "；")) }
        }
        return lines.joined(separator: "\n")
    }
}

/// Per item, what was read from which cell and why (`rectifyctl import --explain` on a ledger).
public struct LedgerExplanation: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The problem cell ("台账!C5").
    public var place: String
    public var lines: [String] = []

    public func render() -> String {
        (["item \(id)  \(place)  \(title)"] + lines.map { "  " + $0 }).joined(separator: "\n")
    }
}
