import Foundation
import RectifyCore

/// Imports the files offices keep: Excel/WPS/LibreOffice ledgers (`.xlsx`), CSV ledgers
/// (`.csv`), Word plans and reports (`.docx`: the ledger table when there is one, else the
/// text), and `.txt` reports (through `ReportImporter`). Pure: bytes in, plan out.
///
/// The daemon and `rectifyctl check` load all of them through `PlanLoader`:
/// `PlanLoader(reportImporter: { try LedgerImporter.importFile($0, file: $1).asLoaderResult })`.
public enum LedgerImporter {
    public struct Options: Sendable {
        /// `--columns 问题=C,时限=F`: fixes columns by letter where the header words do not.
        public var columns: String?
        /// Places dates written without a year (default: the ledger's date or title year).
        public var referenceDate: CalendarDate?
        /// Reads this sheet (by name) instead of the one that looks most like a ledger.
        public var sheet: String?

        public init(columns: String? = nil, referenceDate: CalendarDate? = nil, sheet: String? = nil) {
            self.columns = columns
            self.referenceDate = referenceDate
            self.sheet = sheet
        }
    }

    public struct Result: Sendable {
        public var plan: Plan
        public var warnings: [Diagnostic]
        /// Per item, what was read from where (`--explain`), already rendered.
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
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        let override = try options.columns.map(LedgerColumns.parseOverride) ?? [:]
        switch ext {
        case "xlsx", "xlsm":
            let sheets = try WorkbookReader.read(data, file: file)
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
            if tables.contains(where: { LedgerLayout.find(in: $0.0, override: override).map { $0.score >= 3 } ?? false }) || !override.isEmpty {
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
        let (plan, warnings, explanations) = ReportImporter.explain(text: text, file: file, referenceDate: options.referenceDate)
        return Result(plan: plan, warnings: warnings, explanations: explanations.map { $0.render() }, table: nil)
    }

    /// Chooses the table that is the ledger (the header naming most columns; visible sheets
    /// first; then the one with more rows) and reads it.
    static func ledger(
        _ tables: [(table: LedgerTable, hidden: Bool, above: [String]?)], file: String, options: Options,
        override: [LedgerColumn: Int]
    ) throws -> Result {
        var best: (index: Int, layout: LedgerLayout)?
        for (index, candidate) in tables.enumerated() {
            guard let layout = LedgerLayout.find(in: candidate.table, override: override) else { continue }
            if let b = best {
                let current = (layout.score, !candidate.hidden, candidate.table.rows.count)
                let previous = (b.layout.score, !tables[b.index].hidden, tables[b.index].table.rows.count)
                guard current.0 > previous.0 || (current.0 == previous.0 && (current.1 && !previous.1 || current.1 == previous.1 && current.2 > previous.2)) else { continue }
            }
            best = (index, layout)
        }
        guard let (index, layout) = best else { throw unreadable(tables.map(\.table), file: file) }
        let table = tables[index].table
        guard layout.columns[.problem] != nil || layout.columns[.measure] != nil else {
            throw LedgerError(
                file: file, place: table.name,
                "no column holds the problems (反馈问题, 存在问题, 问题内容) or measures (整改措施); name it with --columns 问题=C.")
        }
        var above = tables[index].above ?? []
        for r in 0..<layout.header.lowerBound {
            var seen: [String] = []
            for value in table.rows[r] where !value.isEmpty && !seen.contains(value.text) { seen.append(value.text) }
            above.append(seen.joined(separator: " "))
        }
        let heading = LedgerHeading.read(above)
        var assembler = LedgerAssembler(file: file, table: table, layout: layout, heading: heading, referenceOverride: options.referenceDate)
        let plan = assembler.run()
        return Result(plan: plan, warnings: assembler.warnings, explanations: assembler.explanations.map { $0.render() }, table: table.name)
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
