import Foundation
import RectifyCore

/// Writes ledgers as CSV that Excel and WPS open with the Chinese intact: UTF-8 with a BOM,
/// CRLF line ends, cells quoted when they hold a comma, quote or line break (quotes doubled).
/// A cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe:
/// Excel, WPS and LibreOffice would read it as a formula (CSV injection, OWASP): a title
/// "=HYPERLINK(…)" became a live link, an item id "+2" became the number 2. The importer
/// takes the apostrophe off again.
/// Dates are written 2025-06-30 (Excel reads them as dates); a month deadline as 2025年6月.
/// Several plans go one after another, each with its title line and header.
public enum CSVWriter {
    public static func write(_ plans: [ExportPlan], now: Date, policy: Policy = .default) -> Data {
        var out = "\u{FEFF}"
        for (index, export) in plans.enumerated() {
            let document = LedgerDocument(export, now: now, policy: policy)
            if index > 0 { out += "\r\n" }
            out += row([LedgerTitle.of(document.plan)]) + row([document.plan.unit.isEmpty ? "" : "填报单位：\(document.plan.unit)", "截至：\(document.asOf)"])
            out += row(LedgerDocument.columns)
            for problem in document.problems {
                let item = problem.item
                for line in problem.lines {
                    // Every row repeats its problem's cells: a CSV has no merged cells, and a
                    // filter or sort in Excel must not lose which problem a measure belongs to.
                    out += row([
                        item.id, item.category.joined(separator: " / "), item.title, line.measure,
                        item.responsible?.leader.map(SheetWriter.person) ?? "", item.responsible?.department ?? "",
                        item.responsible?.contacts.map(SheetWriter.person).joined(separator: "、") ?? "",
                        line.deadline.map(date) ?? line.deadlineText ?? "", line.status, problem.state, problem.closedOn?.description ?? "",
                        line.remark ?? "",
                    ])
                }
            }
        }
        return Data(out.utf8)
    }

    static func date(_ deadline: Deadline) -> String {
        switch deadline.precision {
        case .day: return deadline.date.description
        case .month: return "\(deadline.date.year)年\(deadline.date.month)月"
        default: return deadline.chineseDescription
        }
    }

    static func row(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",") + "\r\n"
    }

    /// What a spreadsheet reads as the start of a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func quote(_ cell: String) -> String {
        let cell = cell.first.map(formulaStarts.contains) == true ? "'" + cell : cell
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
