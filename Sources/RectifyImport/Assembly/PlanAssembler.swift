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
    /// Per item, what was read from where and why (`rectifyctl import --explain`).
    var explanations: [ItemExplanation] = []
    private var mentionCache: [Int: [DateMention]] = [:]
    private var quoteCache: [Int: [Bool]] = [:]
    /// When the inspection fed back its findings: the start of spans such as "整改期限为3个月".
    var feedbackDate: CalendarDate?

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
        feedbackDate = inspection?.feedbackDate
        // A letter's signature stands above its appendix (附件1 and its table), not at the end.
        let appendixLine = outline.appendixStart.map { paragraphs[$0].line(at: 0) }
        let closing = appendixLine.map { line in Array(lines.prefix { $0.number < line }) } ?? lines
        let dated = titleBlock.reportDate ?? Header.signatureDate(closing, notBefore: inspection?.feedbackDate ?? inspection?.end)
        let reportDate = dated?.0
        let reference = referenceOverride ?? reportDate ?? inspection?.feedbackDate ?? inspection?.end ?? inspection?.start
        let footer = outline.footerStart
        // The introductions of top-level parts that hold headings of their own (a part per unit).
        let parts = outline.headings.filter { $0.depth == 0 && !$0.children.isEmpty }.map {
            ($0.paragraph + 1)..<outline.headings[$0.children[0]].paragraph
        }
        let stated = Totals.find(in: paragraphs, range: 0..<footer, parts: parts)
        let statusParagraphs = Set((0..<footer).filter { StatusLine.parse(paragraphs[$0].folded) != nil })
        let drafts = ItemOutline.drafts(
            outline: outline, paragraphs: paragraphs, statusParagraphs: statusParagraphs, statedProblems: stated?.problems)

        // "县疾病预防控制中心落实…整改方案": a plan names its unit before what it carries out.
        let planUnit = titleBlock.title.flatMap { PlanDocument.isPlanTitle($0) ? LedgerHeading.unit(fromTitle: $0) : nil }
        var plan = Plan(
            id: ReportImporter.planID(forFile: file),
            unit: Header.unit(title: titleBlock.title, opening: opening) ?? planUnit ?? Header.fallbackUnit(closing, opening: opening)
                ?? titleBlock.title.flatMap(Header.unitBeforeInspection) ?? "",
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
        var statuses = StatusAllocation.allocate(facts.map(\.status), statedOpen: statedOpen, totalsEvidence: totalsEvidence)
        if let title = titleBlock.title, PlanDocument.isPlanTitle(title), !facts.isEmpty,
            !facts.contains(where: { PlanDocument.reportsProgress($0.statusSource) })
        {
            let line = PlanDocument.titleLine(title, in: lines)
            var longTerm = 0
            for k in facts.indices {
                let dated = facts[k].fields.deadline != nil || DeadlinePhrases.schedule(facts[k].planned).deadline != nil
                let isLongTerm = facts[k].status.longTerm && !dated
                if isLongTerm { longTerm += 1 }
                statuses[k] = (isLongTerm ? .longTerm : .notStarted, Evidence(text: title, line: line))
                facts[k].statusSource = "a plan (整改方案) reports no progress yet"
                facts[k].review = []
            }
            warn(line: line, "the report is a plan (整改方案) and reports no progress: its \(facts.count) items are read as not started"
                + (longTerm > 0 ? " (\(longTerm) long-term)." : "."))
        }
        for (k, draft) in drafts.enumerated() {
            let (built, explanation) = item(draft, facts[k], status: statuses[k], hasTotals: statedOpen != nil)
            plan.items.append(built)
            explanations.append(explanation)
            for reason in built.review { warn(line: explanation.line, "item '\(built.id)' needs review: \(reason)") }
        }
        if plan.unit.isEmpty {
            warn(line: 1, "the report names no unit (not before 关于 in the title, nor above the closing date); set plan.unit by hand: the plan does not load without it.")
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
        var fields: ItemFields
        /// Where the explicit status came from: "field 完成情况", "status line", "closing sentence".
        var statusSource: String?
        var review: [String]
        var cueScore: Int
        /// "已申请延期至2026年6月30日", "经批准延期至…": a later date the deadline was moved to.
        var extendedTo: PlannedDate?
        var reportDate: CalendarDate?
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

    /// Words right before a date that move a deadline to it.
    static let extensionWords = ["延期至", "延期到", "延长至", "延长到", "顺延至", "顺延到", "推迟至", "推迟到"]

    mutating func readFacts(_ draft: ItemDraft, reference: CalendarDate?, reportDate: CalendarDate?) -> ItemFacts {
        var fields = ItemFields.read(
            pieces: draft.statement + draft.body, statementPieces: draft.statement.count, paragraphs: paragraphs,
            tableColumns: outline.tableColumns, reference: reference)
        // "整改期限为3个月": counted from the feedback date, read as a deadline field.
        if fields.deadline == nil, let base = feedbackDate {
            for piece in draft.statement + draft.body {
                guard let relative = RelativeDeadline.find(in: paragraphs[piece.paragraph], range: piece.range, base: base) else { continue }
                fields.deadline = relative
                fields.deadlineEvidence = Evidence(text: relative.text, line: relative.line)
                break
            }
        }
        var candidates: [(kind: StatusVocabulary.Kind, evidence: Evidence, source: String)] = []
        if let field = fields.status { candidates.append((field.kind, field.evidence, "field \(field.label)")) }
        if let s = draft.statusParagraph, let line = StatusLine.parse(paragraphs[s].folded) {
            let paragraph = paragraphs[s]
            candidates.append((line.kind, Evidence(text: paragraph.text(0..<line.phraseEnd), line: paragraph.firstLine), "status line"))
        }
        if let tag = StatusTag.find(statement: draft.statement, body: draft.body, paragraphs: paragraphs) {
            candidates.append((tag.kind, tag.evidence, "status tag"))
        }
        if let closing = closingSentence(draft.body) { candidates.append((closing.kind, closing.evidence, "closing sentence")) }
        if let section = draft.sections.reversed().map({ paragraphs[$0] }).lazy.compactMap(SectionStatus.parse).first {
            candidates.append((section.kind, section.evidence, "section heading"))
        }
        for piece in draft.body {
            let paragraph = paragraphs[piece.paragraph]
            guard let hit = CompletionPercent.find(paragraph.folded, range: piece.range) else { continue }
            let evidence = Evidence(text: paragraph.text(hit.range), line: paragraph.line(at: hit.range.lowerBound))
            candidates.append((hit.kind, evidence, "completion percentage"))
            break
        }
        var review: [String] = []
        if let first = candidates.first,
            let other = candidates.dropFirst().first(where: { $0.kind.isOpen != first.kind.isOpen })
        {
            review.append(
                "conflicting statuses: '\(first.evidence.text)' (line \(first.evidence.line ?? 0)) and '\(other.evidence.text)' (line \(other.evidence.line ?? 0)); the first was used.")
        }
        var explicit: (ItemStatus, Evidence)?
        if let first = candidates.first {
            var status = first.kind.status
            if status == .inProgress, fields.deadlineIsLongTerm, fields.deadline == nil { status = .longTerm }
            explicit = (status, first.evidence)
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
        var extendedTo: PlannedDate?
        for piece in draft.body where extendedTo == nil {
            let paragraph = paragraphs[piece.paragraph]
            let f = paragraph.folded
            for mention in mentions(piece.paragraph) where piece.range.contains(mention.range.lowerBound) {
                let start = mention.range.lowerBound
                guard Self.extensionWords.contains(where: { w in
                    let n = w.unicodeScalars.count
                    return start >= n && f.hasLiteral(w, at: start - n)
                }), let (period, date) = mention.resolve(reference: reference, latest: nil, future: true) else { continue }
                var guessed = false
                if case .missing = period.year { guessed = true }
                let phraseStart = max(piece.range.lowerBound, f.clauseStart(before: start))
                let phraseEnd = min(piece.range.upperBound, f.clauseEnd(after: mention.range.upperBound))
                extendedTo = PlannedDate(
                    date: date, precision: mention.period.precision, phrase: paragraph.text(phraseStart..<phraseEnd),
                    line: paragraph.line(at: start), paragraph: piece.paragraph, offset: start, guessedYear: guessed)
                break
            }
        }
        let longTerm = hits.contains { $0.0.word == "长期坚持" || $0.0.word == "长期任务" } || fields.deadlineIsLongTerm
        let text = (draft.statement + draft.body).map { paragraphs[$0.paragraph].text($0.range) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
        return ItemFacts(
            status: StatusAllocation.Input(explicit: explicit, score: score, openEvidence: openEvidence, doneEvidence: doneEvidence, longTerm: longTerm),
            planned: planned, progress: progress, text: text, fields: fields, statusSource: candidates.first?.source,
            review: review, cueScore: hits.isEmpty && planned.isEmpty ? 0 : max(1, abs(score)), extendedTo: extendedTo,
            reportDate: reportDate)
    }

    /// The last sentence of an item that states its status as a whole: "目前，该问题已整改到位",
    /// "目前，…正按计划推进，预计…前完成", "上述问题已全部整改到位". An open word anywhere in it wins
    /// over a done word ("已完成72家，剩余18家正在整改" is open).
    func closingSentence(_ body: [TextPiece]) -> (kind: StatusVocabulary.Kind, evidence: Evidence)? {
        let starts = ["目前", "截至目前", "截止目前", "当前", "上述问题", "以上问题", "该问题", "此问题", "现已", "该项"]
        // Only the item's last sentence closes it; a 目前 sentence in the middle describes a step.
        guard let piece = body.last(where: { !$0.range.isEmpty }) else { return nil }
        let paragraph = paragraphs[piece.paragraph]
        let f = paragraph.folded
        var end = piece.range.upperBound
        while end > piece.range.lowerBound, Chars.isSentenceEnd(f[end - 1]) || f[end - 1] == " " { end -= 1 }
        var start = end
        while start > piece.range.lowerBound, !Chars.isSentenceEnd(f[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        guard starts.contains(where: { f.hasLiteral($0, at: start) }) else {
            return closingPredicate(paragraph, from: start, to: end)
        }
        let found = StatusVocabulary.matches(in: f, range: start..<end)
        // Done must be said of the whole problem ("已整改到位", "该问题已完成"), not of a
        // sub-task ("目前已完成施工图设计"); a plan in the sentence keeps it open.
        let aboutWhole = ["该问题", "上述问题", "以上问题", "此问题", "该项"].contains { f.hasLiteral($0, at: start) }
        let planning = ["有望", "预计", "计划", "力争", "将于"].contains { f.firstOccurrence(of: $0, from: start, to: end) != nil }
        let done = found.first {
            $0.kind == .done && (aboutWhole || $0.word.contains("整改") || $0.word.contains("办结"))
                && !StatusVocabulary.isSaidOfPart(f, $0, statement: false)
        }
        if let m = found.first(where: { $0.kind.isOpen && $0.kind != .longTerm }) ?? (planning ? nil : done) {
            return (m.kind, Evidence(text: paragraph.text(start..<end), line: paragraph.line(at: start)))
        }
        return nil
    }

    /// A last clause whose predicate is a status word, whatever its subject: "人才队伍建设需长期坚持。",
    /// "…，该项持续整改。", "目前正在推进。". It is short, names no date and is no promise or plan (将, 继续,
    /// 预计…: a done item may promise to keep at it, "2025年底前完成整改" is a plan); done must be said
    /// with 整改 or 办结 ("…，已整改。"), as in closing sentences, unless the status word is the
    /// whole last sentence ("…制度。已完成。"): said alone, it speaks of the problem.
    func closingPredicate(_ paragraph: Paragraph, from start: Int, to end: Int) -> (kind: StatusVocabulary.Kind, evidence: Evidence)? {
        let f = paragraph.folded
        let clause = max(start, f.clauseStart(before: end))
        let promises = ["将", "继续", "进一步"] + DeadlinePhrases.planningWords
        guard end - clause <= 14, !promises.contains(where: { f.firstOccurrence(of: $0, from: clause, to: end) != nil }),
            DateScanner.mentions(in: Array(f[clause..<end])).isEmpty,
            let last = StatusVocabulary.matches(in: f, range: clause..<end).last, last.range.upperBound == end,
            !StatusVocabulary.isSaidOfPart(f, last, statement: false)
        else { return nil }
        let alone = last.range.lowerBound == start
        if last.kind == .done, !(last.word.contains("整改") || last.word.contains("办结")), !alone { return nil }
        return (last.kind, Evidence(text: paragraph.text(clause..<end), line: paragraph.line(at: clause)))
    }

    /// The clause around an offset, as evidence.
    func evidence(_ offset: Int, _ piece: TextPiece) -> Evidence {
        let paragraph = paragraphs[piece.paragraph]
        let start = max(piece.range.lowerBound, paragraph.folded.clauseStart(before: offset))
        let end = min(piece.range.upperBound, paragraph.folded.clauseEnd(after: offset + 1))
        return Evidence(text: paragraph.text(start..<end), line: paragraph.line(at: offset))
    }

    func item(_ draft: ItemDraft, _ facts: ItemFacts, status: (ItemStatus, Evidence?), hasTotals: Bool) -> (Item, ItemExplanation) {
        let title = facts.fields.problemCell?.text ?? draft.title
        var item = Item(
            id: draft.id, category: draft.category, title: title, text: facts.text, status: status.0,
            statusEvidence: status.1)
        item.responsible = facts.fields.responsibility
        var review = facts.review
        var explanation = ItemExplanation(id: draft.id, title: title, line: facts.fields.problemCell?.line ?? draft.titleLine)
        let statusWhy: String
        if let source = facts.statusSource {
            statusWhy = source
        } else if status.0 == .done, facts.cueScore == 0 {
            statusWhy = hasTotals ? "no status phrase; read as done, as the report's totals allow" : "no status phrase found; read as done"
            if !hasTotals { review.append("no status phrase found; read as done by default.") }
        } else {
            statusWhy = hasTotals ? "words in the text, weighed against the report's totals" : "words in the text"
        }
        explanation.status = (status.0.rawValue, status.1, statusWhy)
        if let leader = facts.fields.leader { explanation.responsibility.append(("责任领导", leader.value, leader.line)) }
        if let department = facts.fields.department { explanation.responsibility.append(("责任科室", department.value, department.line)) }
        if let person = facts.fields.person { explanation.responsibility.append(("责任人", person.value, person.line)) }
        guard status.0 != .done else {
            if let note = StatusVocabulary.awaitingAcceptance(evidence: item.statusEvidence?.text, in: item.text ?? "") { review.append(note) }
            if let d = facts.fields.deadlineEvidence {
                explanation.deadlineNote = "none: the item is done (\(d.text), line \(d.line ?? 0))"
            } else if let planned = facts.planned.last {
                explanation.deadlineNote = "none: the item is done ('\(planned.phrase)', line \(planned.line), is part of its history)"
            }
            item.review = review
            explanation.review = review
            return (item, explanation)
        }
        let schedule = DeadlinePhrases.schedule(facts.planned)
        if let field = facts.fields.deadline {
            item.deadline = Deadline(date: field.date, precision: field.precision, text: field.text, line: field.line)
            explanation.deadline = (field.date.description, field.text, field.line, "deadline field")
            if field.guessedYear {
                review.append("the deadline '\(field.text)' has no year; \(field.date.year) was taken from the report's date.")
            }
            if let later = facts.planned.first(where: { $0.date > field.date }) {
                review.append("the text plans '\(later.phrase)' (line \(later.line)), later than the deadline field '\(field.text)'.")
            }
            item.milestones = facts.planned.filter { $0.date < field.date }.reduce(into: [PlannedDate]()) { list, step in
                if !list.contains(where: { $0.date == step.date }) { list.append(step) }
            }.sorted { $0.date < $1.date }.map { step in
                Milestone(title: step.phrase, deadline: Deadline(date: step.date, precision: step.precision, text: step.phrase, line: step.line))
            }
        } else if facts.fields.deadlineIsLongTerm || facts.fields.deadlineIsImmediate, schedule.deadline == nil {
            explanation.deadlineNote = "none: \(facts.fields.deadlineEvidence?.text ?? "")"
        } else if let d = schedule.deadline {
            item.deadline = Deadline(date: d.date, precision: d.precision, text: d.phrase, line: d.line)
            explanation.deadline = (d.date.description, d.phrase, d.line, "latest planned date in the text")
            if d.guessedYear {
                review.append("the deadline '\(d.phrase)' has no year; \(d.date.year) was taken from the report's date.")
            }
            item.milestones = schedule.milestones.map { step in
                Milestone(title: step.phrase, deadline: Deadline(date: step.date, precision: step.precision, text: step.phrase, line: step.line))
            }
        }
        // "整改时限：2025年12月31日" and "未完成（已申请延期至2026年6月30日）": the original date stays
        // the deadline, the later one is an extension (as in ledgers).
        if let deadline = item.deadline, let ext = facts.extendedTo, ext.date > deadline.date {
            item.extensions = [
                Extension(
                    deadline: Deadline(date: ext.date, precision: ext.precision, text: ext.phrase, line: ext.line),
                    reason: ext.phrase, granted: facts.reportDate ?? deadline.date)
            ]
            explanation.extended = (ext.date.description, ext.phrase, ext.line)
        }
        if item.deadline != nil, item.status == .longTerm { item.status = .inProgress }
        item.progress = facts.progress
        item.review = review
        explanation.review = review
        return (item, explanation)
    }
}
