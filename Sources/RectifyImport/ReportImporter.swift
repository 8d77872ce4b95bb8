import Foundation
import RectifyCore

/// Turns a 整改进展通报 report (text in, plan out) into a plan: header facts, stated totals, the
/// items with status, deadline, milestones and progress, each with the phrase and line it
/// came from. Pure: no clock, no disk.
///
/// Plan directories load reports through `PlanLoader.importing()` (`LedgerImporter` hands
/// text reports to this importer).
public enum ReportImporter {
    /// Imports report bytes (UTF-8, UTF-16 with BOM, or GB18030/GBK).
    ///
    /// `file` names the report in diagnostics; its stem is the plan id. `referenceDate`
    /// fixes the year of dates written without one (default: the report date, else the
    /// inspection's feedback date). Throws only when the bytes are not text.
    public static func importReport(
        _ data: Data, file: String, referenceDate: CalendarDate? = nil
    ) throws(PlanLoadError) -> (Plan, [Diagnostic]) {
        importReport(text: try decode(data, file: file), file: file, referenceDate: referenceDate)
    }

    /// Imports decoded report text. Never fails: what cannot be read becomes a warning.
    public static func importReport(text: String, file: String, referenceDate: CalendarDate? = nil) -> (Plan, [Diagnostic]) {
        var assembler = PlanAssembler(text: text, file: file, referenceOverride: referenceDate)
        return assembler.run()
    }

    /// Imports decoded report text and explains, per item, what was read from which line and why.
    public static func explain(text: String, file: String, referenceDate: CalendarDate? = nil) -> (Plan, [Diagnostic], [ItemExplanation]) {
        var assembler = PlanAssembler(text: text, file: file, referenceOverride: referenceDate)
        let (plan, warnings) = assembler.run()
        return (plan, warnings, assembler.explanations)
    }

    /// Decodes report bytes as `importReport` does, for callers that need the text.
    public static func decode(_ data: Data, file: String) throws(PlanLoadError) -> String {
        guard let (text, _) = ReportDecoding.decode(data) else {
            throw PlanLoadError(diagnostics: [
                Diagnostic(
                    file: file, line: 1, column: 1,
                    message: "the report is neither UTF-8 nor GB18030 text; save it as text (UTF-8) and try again.")
            ])
        }
        return text
    }

    /// The plan id for a report path: the file name without its extension.
    public static func planID(forFile file: String) -> String {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return name.isEmpty ? "report" : name
    }
}
