import Foundation
import RectifyCore

/// Imports the files offices keep: Excel/WPS/LibreOffice ledgers (`.xlsx`), CSV ledgers
/// (`.csv`), Word plans and reports (`.docx`: the ledger table when there is one, else the
/// text), and `.txt` reports (through `ReportImporter`). Pure: bytes in, plan out.
///
/// The daemon and every offline command load all of them through `LedgerImporter.loaderImporter()`.
public enum LedgerImporter {
    public struct Options: Sendable {
        /// `--columns 问题=C,时限=F`: fixes columns by letter where the header words do not.
        public var columns: String?
        /// Places dates written without a year (default: the ledger's date or title year).
        public var referenceDate: CalendarDate?
        /// Reads this sheet (by name) instead of the one that looks most like a ledger.
        public var sheet: String?
        /// Writes `Result.explanations` (what was read from where, per item).
        public var explain: Bool

        public init(columns: String? = nil, referenceDate: CalendarDate? = nil, sheet: String? = nil, explain: Bool = false) {
            self.columns = columns
            self.referenceDate = referenceDate
            self.sheet = sheet
            self.explain = explain
        }
    }

    public struct Result: Sendable {
        public var plan: Plan
        public var warnings: [Diagnostic]
        /// Per item, what was read from where (with `Options.explain`), already rendered.
        public var explanations: [String]
        /// Where the items came from: "台账" (a sheet), "表2" (a Word table) or nil for text.
        public var table: String?

        public var asLoaderResult: (Plan, [Diagnostic]) { (plan, warnings) }
    }

    /// The extensions this importer reads besides plan files.
    public static let extensions: Set<String> = PlanLoader.reportFileExtensions

    public static func importFile(_ data: Data, file: String, options: Options = Options()) throws(PlanLoadError) -> Result {
        do {
            return try read(data, file: file, options: options)
        } catch let error as LedgerError {
            throw PlanLoadError(diagnostics: [error.diagnostic])
        } catch let error as PlanLoadError {
            throw error
        } catch {
            throw PlanLoadError(diagnostics: [Diagnostic(file: file, line: 1, column: 1, message: "\(error)")])
        }
    }

    static func read(_ data: Data, file: String, options: Options) throws -> Result {
        var ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        // The bytes decide, not the name: a renamed or extension-less file is read as what it is,
        // and a PDF or an old .doc gets advice instead of "no items were recognised".
        if let advice = FileAdvice.empty(data) { throw LedgerError(file: file, advice) }
        let signature = FileSignature.of(data)
        let override = try options.columns.map(LedgerColumns.parseOverride) ?? [:]
        switch signature {
        case .zip:
            let archive = try OfficeArchive(data: data, file: file)
            if archive.has("word/document.xml") {
                ext = "docx"
            } else if archive.has("xl/workbook.xml") {
                ext = "xlsx"
            } else {
                throw LedgerError(file: file, FileAdvice.zip(archive, file: file))
            }
        case .html:
            // A web page: an OA system's "Excel" export (a <table> named .xls) is a ledger when
            // one of its tables has a ledger's header; any other page is read as a report's text.
            let html = try ReportImporter.decode(data, file: file)
            if HTMLTables.isWorkbook(html, file: file) {
                let tables = HTMLTables.tables(in: html)
                if tables.contains(where: { LedgerLayout.find(in: $0, override: override) != nil }) {
                    return try ledger(tables.map { ($0, false, nil) }, file: file, options: options, override: override)
                }
            }
            return text(HTMLText.text(of: html), file: file, options: options)
        case .legacyOffice:
            throw LedgerError(file: file, FileAdvice.legacyOffice(data, file: file))
        case .pdf, .rtf, .image:
            throw LedgerError(file: file, signature.advice ?? "is not a report")
        case .other where SpreadsheetML2003.matches(data):
            ext = "xml-spreadsheet"
        default:
            break
        }
        switch ext {
        case "xlsx", "xlsm", "xml-spreadsheet":
            let sheets = ext == "xml-spreadsheet" ? try SpreadsheetML2003.read(data, file: file) : try WorkbookReader.read(data, file: file)
            var candidates = sheets
            if let name = options.sheet {
                guard let sheet = sheets.first(where: { $0.table.name == name }) else {
                    throw LedgerError(file: file, "has no sheet '\(name)'; its sheets are \(sheets.map { "'\($0.table.name)'" }.joined(separator: ", ")).")
                }
                candidates = [sheet]
            }
            return try ledger(candidates.map { ($0.table, $0.hidden, nil) }, file: file, options: options, override: override)
        case "csv":
            let table = try CSVReader.read(data, file: file)
            return try ledger([(table, false, nil)], file: file, options: options, override: override)
        case "docx":
            let document = try WordDocument.read(data, file: file)
            let paragraphs = document.blocks.compactMap { block -> String? in
                if case .paragraph(let p) = block { return p }
                return nil
            }
            var before: [Int: [String]] = [:]
            var seen: [String] = []
            for block in document.blocks {
                switch block {
                case .paragraph(let p): seen.append(p)
                case .table(let index): before[index] = seen
                }
            }
            let tables = document.tables.enumerated().map { index, table in (table, false, Optional(before[index] ?? [])) }
            if tables.contains(where: { LedgerLayout.find(in: $0.0, override: override) != nil }) || !override.isEmpty {
                var result = try ledger(tables, file: file, options: options, override: override)
                if result.plan.reportDate == nil, let (date, _) = LedgerHeading.fullDate(Array(paragraphs.suffix(6).joined(separator: "\n").unicodeScalars.map(Chars.fold))) {
                    result.plan.reportDate = date
                }
                return result
            }
            return text(document.text, file: file, options: options)
        default:
            let decoded = try ReportImporter.decode(data, file: file)
            return text(decoded, file: file, options: options)
        }
    }

    static func text(_ text: String, file: String, options: Options) -> Result {
        guard options.explain else {
            let (plan, warnings) = ReportImporter.importReport(text: text, file: file, referenceDate: options.referenceDate)
            return Result(plan: plan, warnings: warnings, explanations: [], table: nil)
        }
        let (plan, warnings, explanations) = ReportImporter.explain(text: text, file: file, referenceDate: options.referenceDate)
        return Result(plan: plan, warnings: warnings, explanations: explanations.map { $0.render() }, table: nil)
    }

    /// Chooses the table that is the ledger (the header naming most columns; visible sheets
    /// first; then the one with more rows) and reads it. Sheets or Word tables with the same
    /// header and problems of their own (one sheet per category, a table per section) are
    /// read with it, and so is a Word table that goes on without a header (a table broken
    /// across pages); a sheet repeating the same problems (a summary copy) is not.
    static func ledger(
        _ tables: [(table: LedgerTable, hidden: Bool, above: [String]?)], file: String, options: Options,
        override: [LedgerColumn: Int]
    ) throws -> Result {
        let layouts = tables.map { LedgerLayout.find(in: $0.table, override: override) }
        var best: Int?
        for (index, layout) in layouts.enumerated() {
            guard let layout else { continue }
            if let b = best, let previous = layouts[b] {
                let current = (layout.score, !tables[index].hidden, tables[index].table.rows.count)
                let before = (previous.score, !tables[b].hidden, tables[b].table.rows.count)
                guard current.0 > before.0 || (current.0 == before.0 && (current.1 && !before.1 || current.1 == before.1 && current.2 > before.2)) else {
                    continue
                }
            }
            best = index
        }
        guard let bestIndex = best, let bestLayout = layouts[bestIndex] else { throw unreadable(tables.map(\.table), file: file) }
        guard bestLayout.columns[.problem] != nil || bestLayout.columns[.measure] != nil else {
            throw LedgerError(
                file: file, place: tables[bestIndex].table.name,
                "no column holds the problems (反馈问题, 存在问题, 问题内容) or measures (整改措施); name it with --columns 问题=C.")
        }
        var parts: [(index: Int, layout: LedgerLayout, table: LedgerTable, last: Int)] = []
        for (index, layout) in layouts.enumerated() {
            if index == bestIndex {
                parts.append((index, bestLayout, tables[index].table, index))
            } else if let layout, let last = parts.last, last.last == index - 1, continuesAcrossPage(tables, from: last.last, to: index),
                tables[index].table.width == last.table.width, Set(layout.columns.keys) == Set(last.layout.columns.keys)
            {
                // A Word table broken across pages by hand, its header typed again on the new
                // page: its rows (the repeated header is skipped) continue the one above, and a
                // first row with a blank problem cell is more measures of the last problem.
                parts[parts.count - 1].table = last.table.appending(tables[index].table)
                parts[parts.count - 1].last = index
            } else if override.isEmpty, options.sheet == nil, let layout, !tables[index].hidden,
                layout.score == bestLayout.score && Set(layout.columns.keys) == Set(bestLayout.columns.keys)
                    || tables[index].above == nil && isLedgerOfItsOwn(layout, beside: bestLayout)
            {
                parts.append((index, layout, tables[index].table, index))
            } else if tables[index].above != nil, layout.map({ $0.score < 3 }) ?? true, let last = parts.last, last.last == index - 1,
                tables[index].table.width == last.table.width
            {
                // A Word table that goes on without a header: its rows continue the one above.
                parts[parts.count - 1].table = last.table.appending(tables[index].table)
                parts[parts.count - 1].last = index
            }
        }
        var result: Result?
        var titles = Set<String>()
        for part in parts {
            let table = part.table
            var above = tables[part.index].above ?? (part.layout.header.lowerBound == 0 ? table.pageText : [])
            for r in 0..<part.layout.header.lowerBound {
                var seen: [String] = []
                for value in table.rows[r] where !value.isEmpty && !seen.contains(value.text) { seen.append(value.text) }
                above.append(seen.joined(separator: " "))
            }
            var heading = LedgerHeading.read(above)
            if let first = result, heading.year == nil { heading.year = first.plan.reportDate?.year }
            var assembler = LedgerAssembler(
                file: file, table: table, layout: part.layout, heading: heading, referenceOverride: options.referenceDate,
                explaining: options.explain)
            var plan = assembler.run()
            // A Word report whose items are a table: the totals sentence above it ("反馈问题5个。
            // 截至…已完成整改3个，正在整改2个") is the report's stated totals.
            if plan.stated == nil, let words = tables[part.index].above, !words.isEmpty {
                let paragraphs = Normalization.paragraphs(of: Normalization.lines(of: words.joined(separator: "\n"))[...])
                plan.stated = Totals.find(in: paragraphs, range: 0..<paragraphs.count)
            }
            guard var combined = result else {
                titles = Set(plan.items.map(\.title))
                let name = table.name + (part.last > part.index ? "–\(tables[part.last].table.name)" : "")
                plan.source = "\(URL(fileURLWithPath: file).lastPathComponent) (\(name))"
                result = Result(plan: plan, warnings: assembler.warnings, explanations: assembler.explanations.map { $0.render() }, table: name)
                continue
            }
            // A sheet that repeats problems already read is a copy (a summary), not more of the ledger.
            if part.layout.score > 0, plan.items.contains(where: { titles.contains($0.title) }) { continue }
            let taken = Set(combined.plan.items.map(\.id))
            if plan.items.contains(where: { taken.contains($0.id) }) {
                let prefix = String(parts.firstIndex { $0.index == part.index }! + 1)
                for k in plan.items.indices { plan.items[k].id = "\(prefix).\(plan.items[k].id)" }
            }
            if tables[part.index].above == nil {
                // One sheet per category: the sheet's name is the category of items without one.
                for k in plan.items.indices where plan.items[k].category.isEmpty { plan.items[k].category = [table.name] }
                if let first = combined.table, !first.contains("、") {
                    for k in combined.plan.items.indices where combined.plan.items[k].category.isEmpty { combined.plan.items[k].category = [first] }
                }
            }
            titles.formUnion(plan.items.map(\.title))
            combined.plan.items += plan.items
            combined.warnings += assembler.warnings
            combined.explanations += assembler.explanations.map { $0.render() }
            combined.table = (combined.table ?? "") + "、" + table.name + (part.last > part.index ? "–\(tables[part.last].table.name)" : "")
            combined.plan.source = "\(URL(fileURLWithPath: file).lastPathComponent) (\(combined.table ?? ""))"
            result = combined
        }
        return result!
    }

    /// A sheet whose header names a ledger of its own — the problem with its deadline or status
    /// and most of the columns of the chosen one — though not the same columns: one workbook
    /// with a sheet per source (巡察反馈问题 | 审计反馈问题, the audit sheet without 责任领导).
    static func isLedgerOfItsOwn(_ layout: LedgerLayout, beside best: LedgerLayout) -> Bool {
        let kinds = Set(layout.columns.keys)
        guard kinds.contains(.problem), kinds.contains(.deadline) || kinds.contains(.status) else { return false }
        return layout.score >= 4 && layout.score + 2 >= best.score
    }

    /// Two Word tables with nothing but empty paragraphs (a page break) between them.
    static func continuesAcrossPage(_ tables: [(table: LedgerTable, hidden: Bool, above: [String]?)], from a: Int, to b: Int) -> Bool {
        guard let first = tables[a].above, let second = tables[b].above, second.count >= first.count else { return false }
        return second[first.count...].allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    static func unreadable(_ tables: [LedgerTable], file: String) -> LedgerError {
        let seen = tables.compactMap { table -> String? in
            guard let header = LedgerLayout.likelyHeader(table) else { return nil }
            return "\(table.name) row \(header.row + 1) has \(header.cells.prefix(10).joined(separator: ", "))"
        }
        let what = seen.isEmpty ? "it holds no table with text" : seen.joined(separator: "; ")
        return LedgerError(
            file: file,
            "cannot tell the ledger's columns apart: no header names the problem (反馈问题, 存在问题) with its measures, deadline (整改时限) or status (完成情况); \(what). Name the columns with --columns 问题=C,时限=F,状态=H.")
    }
}

extension LedgerImporter {
    /// Checks a `--columns` value; throws a sentence naming the bad part.
    public static func checkColumns(_ text: String) throws(LedgerError) -> Int {
        try LedgerColumns.parseOverride(text).count
    }
}

extension LedgerImporter {
    /// How a plan directory's reports, ledgers and Word plans are imported on load: the daemon's
    /// snapshot loader and every `PlanLoader.importing()` use this one.
    public static func loaderImporter(_ options: Options = Options()) -> PlanLoader.ReportImporter {
        { data, file throws(PlanLoadError) in try importFile(data, file: file, options: options).asLoaderResult }
    }
}

extension PlanLoader {
    /// A loader that imports what is not a plan file (reports, ledgers, Word plans) on load, as
    /// the daemon does: `rectifyctl check`, `export`, `preview` and the report commands read a
    /// plan directory alike.
    public static func importing(_ options: LedgerImporter.Options = LedgerImporter.Options()) -> PlanLoader {
        PlanLoader(reportImporter: LedgerImporter.loaderImporter(options))
    }
}
