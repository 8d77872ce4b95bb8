import Foundation
import RectifyCore

/// The checks run over the assembled plan: totals against the items, dates without a year.
extension PlanAssembler {
    mutating func checkTotals(_ plan: Plan, stated: StatedTotals?) {
        guard let stated else { return }
        let line = stated.line ?? 1
        let done = plan.items.filter { $0.status == .done }.count
        let open = plan.items.count - done
        if let problems = stated.problems, problems != plan.items.count {
            warn(line: line, "the report states \(problems) problems but \(plan.items.count) items were found; check the item list.")
        }
        if let statedDone = stated.done, statedDone != done {
            warn(line: line, "the report states \(statedDone) problems rectified but \(done) items were read as done.")
        }
        if let statedOpen = stated.open, statedOpen != open {
            warn(line: line, "the report states \(statedOpen) problems still open but \(open) items were read as open.")
        }
    }

    /// Dates without a year cannot be placed when the report has no date of its own.
    mutating func warnUndated(_ drafts: [ItemDraft]) {
        for draft in drafts {
            for piece in draft.body {
                for mention in mentions(piece.paragraph) where piece.range.contains(mention.range.lowerBound) {
                    guard case .missing = mention.period.year else { continue }
                    let paragraph = paragraphs[piece.paragraph]
                    warn(
                        line: paragraph.line(at: mention.range.lowerBound),
                        "cannot tell the year of '\(paragraph.text(mention.range))': the report has no date; pass --reference-date.")
                }
            }
        }
    }
}
