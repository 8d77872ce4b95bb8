import Foundation
import Yams

/// Reads a calendar of public holidays and make-up working days (config/calendars/cn.yaml):
///
/// ```yaml
/// 2026:
///   holidays:
///     - {name: 春节, from: 2026-02-15, to: 2026-02-23}
///   workdays: [2026-02-14, 2026-02-28]
/// ```
///
/// Every problem is reported as `file:line:column: error: …`, all at once.
public enum WorkingCalendarReader {
    public static func load(file: String) throws(PlanLoadError) -> WorkingCalendar {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw PlanLoadError(diagnostics: [
                Diagnostic(file: file, line: 1, column: 1, message: "cannot read the calendar (missing, not readable or not UTF-8).")
            ])
        }
        return try read(text, file: file)
    }

    public static func read(_ text: String, file: String) throws(PlanLoadError) -> WorkingCalendar {
        let sink = DiagnosticSink(file: file)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            sink.error(PlanReader.syntaxMark(error), "the calendar is not valid YAML: \(PlanReader.syntaxProblem(error))")
            throw PlanLoadError(diagnostics: sink.diagnostics)
        }
        var calendar = WorkingCalendar()
        guard let root, case .mapping(let years) = root else {
            sink.error(root?.mark, "a calendar is a mapping of years (2026:) to their holidays and workdays.")
            throw PlanLoadError(diagnostics: sink.diagnostics)
        }
        for (key, value) in years {
            guard let yearText = key.scalar?.string, yearText.count == 4, let year = Int(yearText) else {
                sink.error(key.mark, "'\(key.scalar?.string ?? "?")' is not a year; write the year, e.g. 2026:.")
                continue
            }
            readYear(year, value, into: &calendar, sink: sink)
            calendar.cover(year)
        }
        if sink.hasErrors { throw PlanLoadError(diagnostics: sink.diagnostics) }
        return calendar
    }

    /// `holidays:` and `workdays:` of one year, or of a config's local additions (`year` nil).
    public static func readYear(_ year: Int?, _ node: Node, into calendar: inout WorkingCalendar, sink: DiagnosticSink) {
        let path = year.map(String.init) ?? "calendar"
        guard let f = FieldReader(node, path: path, sink: sink, allowed: ["holidays", "workdays"]) else { return }
        for (entry, entryPath) in f.list("holidays") {
            if let range = dayRange(entry, path: entryPath, sink: sink) {
                if let year, range.from.year != year && range.to.year != year {
                    sink.error(entry.mark, "\(entryPath) (\(range.from)…\(range.to)) is not in \(year).")
                    continue
                }
                calendar.addDaysOff(from: range.from, to: range.to, name: range.name)
            }
        }
        for (entry, entryPath) in f.list("workdays") {
            guard let date = FieldReader.date(entry, path: entryPath, sink: sink) else { continue }
            if let year, date.year != year {
                sink.error(entry.mark, "\(entryPath) \(date) is not in \(year).")
            } else if date.weekday <= 5 {
                sink.error(
                    entry.mark,
                    "\(entryPath) \(date) is a weekday already; a make-up working day (调休) is a Saturday or Sunday.")
            } else {
                calendar.addWorkday(date)
            }
        }
    }

    /// `{name, from, to}`, `{name, date}` or a bare date.
    public static func dayRange(_ node: Node, path: String, sink: DiagnosticSink) -> (name: String, from: CalendarDate, to: CalendarDate)? {
        if node.scalar != nil {
            return FieldReader.date(node, path: path, sink: sink).map { ("休息日", $0, $0) }
        }
        guard let f = FieldReader(node, path: path, sink: sink, allowed: ["name", "from", "to", "date"]) else { return nil }
        let name = f.string("name") ?? "休息日"
        if let date = f.date("date") { return (name, date, date) }
        guard let from = f.date("from", required: true), let to = f.date("to", required: true) else { return nil }
        guard from <= to, from.days(until: to) < 31 else {
            sink.error(f.mark, "\(path) runs from \(from) to \(to); 'from' must be on or before 'to', within a month.")
            return nil
        }
        return (name, from, to)
    }
}
