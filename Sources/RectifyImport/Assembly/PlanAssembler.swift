import Foundation
import RectifyCore

/// Runs the recognisers over one report and builds the plan and its warnings.
struct PlanAssembler {
    let file: String
    let lines: [SourceLine]
    let paragraphs: [Paragraph]
    let outline: Outline
    let referenceOverride: CalendarDate?
    var warnings: [Diagnostic] = []
    private var mentionCache: [Int: [DateMention]] = [:]
    private var quoteCache: [Int: [Bool]] = [:]

    init(text: String, file: String, referenceOverride: CalendarDate?) {
        self.file = file
        self.referenceOverride = referenceOverride
        lines = Normalization.lines(of: text)
        let block = Header.titleBlock(lines)
        titleBlock = block
        paragraphs = Normalization.paragraphs(of: lines[min(block.bodyStart, lines.count)...])
        outline = Outline(paragraphs: paragraphs)
    }

    private let titleBlock: (title: String?, reportDate: (CalendarDate, Int)?, bodyStart: Int)

    mutating func run() -> (Plan, [Diagnostic]) {
        let firstHeading = outline.headings.first?.paragraph ?? paragraphs.count
        let openingIndex = (0..<firstHeading).first { i in
            let f = paragraphs[i].folded
            return f.contains(literal: "巡察") || f.contains(literal: "巡视")
        }
        let opening = openingIndex.map { paragraphs[$0] }
        let inspection = Header.inspection(opening)
        let dated = titleBlock.reportDate ?? Header.signatureDate(lines, notBefore: inspection?.feedbackDate ?? inspection?.end)
        let reportDate = dated?.0
        let reference = referenceOverride ?? reportDate ?? inspection?.feedbackDate ?? inspection?.end ?? inspection?.start
        let footer = outline.footerStart
        let stated = Totals.find(in: paragraphs, range: 0..<footer)
        let statusParagraphs = Set((0..<footer).filter { StatusLine.parse(paragraphs[$0].folded) != nil })
        let drafts = ItemOutline.drafts(
            outline: outline, paragraphs: paragraphs, statusParagraphs: statusParagraphs, statedProblems: stated?.problems)

        var plan = Plan(
            id: ReportImporter.planID(forFile: file),
            unit: Header.unit(title: titleBlock.title, opening: opening) ?? "",
            title: titleBlock.title ?? ReportImporter.planID(forFile: file),
            source: URL(fileURLWithPath: file).lastPathComponent, reportDate: reportDate,
            owner: Header.owner(paragraphs[min(footer, paragraphs.count)...]), stated: stated, inspection: inspection)
        if plan.owner == nil { plan.owner = Header.owner(paragraphs[...]) }

        var facts: [ItemFacts] = []
        for draft in drafts {
            facts.append(readFacts(draft, reference: reference, reportDate: reportDate))
        }
        let statedOpen = stated?.open ?? stated.flatMap { s in s.problems.flatMap { p in s.done.map { p - $0 } } }
        let totalsEvidence = stated.flatMap { s in s.text.map { Evidence(text: $0, line: s.line) } }
        let statuses = StatusAllocation.allocate(facts.map(\.status), statedOpen: statedOpen, totalsEvidence: totalsEvidence)
        for (k, draft) in drafts.enumerated() {
            plan.items.append(item(draft, facts[k], status: statuses[k]))
        }
        checkTotals(plan, stated: stated)
        if reference == nil { warnUndated(drafts) }
        if drafts.isEmpty {
            warn(line: 1, "no items were recognised; the report has no numbered problems (1. （1） 针对“…”问题) this importer knows.")
        }
        for item in plan.items where item.status != .done && item.deadline == nil && item.status != .longTerm {
            let line = drafts.first { $0.id == item.id }?.titleLine ?? 1
            warn(line: line, "item '\(item.id)' is open but the report gives it no completion date; add a deadline by hand.")
        }
        for problem in PlanValidator.problems(in: plan) {
            let line = problem.itemIndex.map { drafts[$0].titleLine } ?? 1
            warn(line: line, problem.message)
        }
        return (plan, warnings.sorted { $0.line < $1.line })
    }

    mutating func warn(line: Int, _ message: String) {
        warnings.append(Diagnostic(file: file, line: line, column: 1, severity: .warning, message: message))
    }

    // MARK: - Per item

    struct ItemFacts {
        var status: StatusAllocation.Input
        var planned: [PlannedDate]
        var progress: RectifyCore.Progress?
        var text: String
    }

    mutating func mentions(_ paragraph: Int) -> [DateMention] {
        if let cached = mentionCache[paragraph] { return cached }
        let found = DateScanner.mentions(in: paragraphs[paragraph].folded)
        mentionCache[paragraph] = found
        return found
    }

    mutating func quoted(_ paragraph: Int) -> [Bool] {
        if let cached = quoteCache[paragraph] { return cached }
        let mask = Quotation.mask(paragraphs[paragraph].folded)
        quoteCache[paragraph] = mask
        return mask
    }

    mutating func readFacts(_ draft: ItemDraft, reference: CalendarDate?, reportDate: CalendarDate?) -> ItemFacts {
        var explicit: (ItemStatus, Evidence)?
        if let s = draft.statusParagraph, let line = StatusLine.parse(paragraphs[s].folded) {
            let paragraph = paragraphs[s]
            explicit = (line.status, Evidence(text: paragraph.text(0..<line.phraseEnd), line: paragraph.firstLine))
        }
        var planned: [PlannedDate] = []
        var hits: [(StatusCues.Hit, TextPiece)] = []
        var progress: RectifyCore.Progress?
        for piece in draft.body {
            let paragraph = paragraphs[piece.paragraph]
            planned += DeadlinePhrases.planned(
                in: paragraph, index: piece.paragraph, range: piece.range, mentions: mentions(piece.paragraph),
                quoted: quoted(piece.paragraph), reference: reference, reportDate: reportDate)
            hits += StatusCues.hits(in: paragraph.folded, range: piece.range, quoted: quoted(piece.paragraph)).map { ($0, piece) }
            if progress == nil { progress = ProgressCounts.find(in: paragraph, range: piece.range) }
        }
        var score = hits.reduce(0) { $0 + $1.0.weight }
        var openEvidence = hits.filter { $0.0.weight > 0 }.max { $0.0.weight < $1.0.weight }.map { evidence($0.0.offset, $0.1) }
        if let last = DeadlinePhrases.schedule(planned).deadline {
            score += reference.map { last.date >= $0 } ?? true ? 4 : 2
            openEvidence = Evidence(text: last.phrase, line: last.line)
        }
        let doneEvidence = hits.first { $0.0.weight < 0 }.map { evidence($0.0.offset, $0.1) }
        let longTerm = hits.contains { $0.0.word == "长期坚持" }
        let text = (draft.statement + draft.body).map { paragraphs[$0.paragraph].text($0.range) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
        return ItemFacts(
            status: StatusAllocation.Input(explicit: explicit, score: score, openEvidence: openEvidence, doneEvidence: doneEvidence, longTerm: longTerm),
            planned: planned, progress: progress, text: text)
    }

    /// The clause around an offset, as evidence.
    func evidence(_ offset: Int, _ piece: TextPiece) -> Evidence {
        let paragraph = paragraphs[piece.paragraph]
        let start = max(piece.range.lowerBound, paragraph.folded.clauseStart(before: offset))
        let end = min(piece.range.upperBound, paragraph.folded.clauseEnd(after: offset + 1))
        return Evidence(text: paragraph.text(start..<end), line: paragraph.line(at: offset))
    }

    func item(_ draft: ItemDraft, _ facts: ItemFacts, status: (ItemStatus, Evidence?)) -> Item {
        var item = Item(
            id: draft.id, category: draft.category, title: draft.title, text: facts.text, status: status.0,
            statusEvidence: status.1)
        guard status.0 != .done else { return item }
        let schedule = DeadlinePhrases.schedule(facts.planned)
        if let d = schedule.deadline {
            item.deadline = Deadline(date: d.date, precision: d.precision, text: d.phrase, line: d.line)
            if item.status == .longTerm { item.status = .inProgress }
        }
        item.milestones = schedule.milestones.map { step in
            Milestone(title: step.phrase, deadline: Deadline(date: step.date, precision: step.precision, text: step.phrase, line: step.line))
        }
        item.progress = facts.progress
        return item
    }

    // MARK: - Checks

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
