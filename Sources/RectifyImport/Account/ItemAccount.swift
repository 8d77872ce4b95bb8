import Foundation
import RectifyCore

/// What a report said was done on an item, made fit to stand in the next report: the item's
/// text without its heading, the problem statement before its status, and its labelled fields
/// (status, deadline, responsibility), with every date given its year. The next report states
/// status and deadline afresh; a date written without a year ("10月31日前") would be placed
/// relative to the new report's date and could become next year's.
///
/// Uses the importer's own vocabulary (`FieldLabels`, `StatusVocabulary`, `DateScanner`,
/// `DeadlinePhrases`), so what it removes is exactly what the importer would read.
public enum ItemAccount {
    /// The account of an item of `plan` as one paragraph. Its dates are placed as the importer
    /// placed them: plans from the report's date (else the feedback date); past work before the
    /// report's date, or, in a report without a date, after the inspection began.
    public static func account(of item: Item, in plan: Plan) -> String {
        let inspection = plan.inspection
        let dates = DateReferences(
            planned: plan.reportDate ?? inspection?.feedbackDate,
            past: plan.reportDate ?? inspection?.start ?? inspection?.end ?? inspection?.feedbackDate,
            pastIsAfter: plan.reportDate == nil)
        return account(of: item, dates: dates)
    }

    /// Where dates without a year are placed: a plan on or after `planned`; past work on or
    /// before `past`, or on or after it when `pastIsAfter` (a report without a date of its own).
    struct DateReferences {
        var planned: CalendarDate?
        var past: CalendarDate?
        var pastIsAfter = false
    }

    static func account(of item: Item, dates: DateReferences) -> String {
        guard let text = item.text, !text.isEmpty else { return "" }
        let paragraphs = Normalization.paragraphs(of: Normalization.lines(of: text)[...])
        guard !paragraphs.isEmpty else { return "" }
        var pieces: [(paragraph: Int, start: Int)] = []
        var ends: [Int: Int] = [:]
        if let s = paragraphs.firstIndex(where: { StatusLine.parse($0.folded) != nil }),
            let line = StatusLine.parse(paragraphs[s].folded)
        {
            let start = skipPunctuation(paragraphs[s].folded, from: line.phraseEnd)
            pieces.append((s, skipPlanSentence(paragraphs[s], index: s, from: start, dates: dates)))
            pieces += ((s + 1)..<paragraphs.count).map { ($0, 0) }
        } else {
            pieces.append((0, headingEnd(paragraphs[0], title: item.title)))
            pieces += (1..<paragraphs.count).map { ($0, 0) }
        }
        pieces = withoutSignature(pieces, paragraphs)
        if let last = pieces.last, let end = closingStatusStart(paragraphs[last.paragraph], from: last.start) {
            pieces[pieces.count - 1] = (last.paragraph, last.start)
            ends[last.paragraph] = end
        }
        var sentences: [String] = []
        for (index, start) in pieces {
            var piece = rewrite(paragraphs[index], index: index, from: start, to: ends[index], dates: dates, mode: .account)
            piece = piece.trimmingCharacters(in: [" ", "　", "\t"])
            guard !piece.isEmpty else { continue }
            if let last = piece.unicodeScalars.last, !Chars.isSentenceEnd(Chars.fold(last)), !Chars.isClauseEnd(Chars.fold(last)) {
                piece += "。"
            }
            sentences.append(piece)
        }
        return sentences.joined()
    }

    /// A note a person wrote (a progress report, a 销号 note), made safe to stand in a report:
    /// a label's colon becomes 为 ("完成时间：2026年12月" → "完成时间为2026年12月"), so the note is
    /// not read as the item's status or deadline, and dates without a year get the year they had
    /// on `day`, the day the note was written.
    public static func note(_ text: String, writtenOn day: CalendarDate) -> String {
        let paragraphs = Normalization.paragraphs(of: Normalization.lines(of: text)[...])
        let dates = DateReferences(planned: day, past: day)
        let lines = paragraphs.indices.map { rewrite(paragraphs[$0], index: $0, from: 0, dates: dates, mode: .note) }
        return lines.enumerated().map { k, line in
            guard k + 1 < lines.count, let last = line.unicodeScalars.last else { return line }
            let folded = Chars.fold(last)
            return Chars.isSentenceEnd(folded) || Chars.isClauseEnd(folded) ? line : line + "；"
        }.joined()
    }

    enum Mode {
        /// Labelled fields go (status with its word, deadline and responsibility with their values).
        case account
        /// Labels stay, their colons become 为.
        case note
    }

    struct Edit {
        var range: Range<Int>
        var replacement: String
    }

    /// The text of `paragraph` from `start`, with fields handled by `mode` and dates given years.
    static func rewrite(
        _ paragraph: Paragraph, index: Int, from start: Int, to end: Int? = nil, dates: DateReferences, mode: Mode
    ) -> String {
        let f = paragraph.folded
        let upper = min(end ?? f.count, f.count)
        let range = min(start, upper)..<upper
        var edits: [Edit] = []
        let markerEnd = HeadingMarker.numbered(f)?.length ?? 0
        for field in FieldLabels.fields(in: f, paragraph: index, range: range, markerEnd: markerEnd) {
            edits += fieldEdits(field, f: f, mode: mode)
        }
        edits += dateEdits(paragraph, index: index, range: range, dates: dates)
            .filter { date in !edits.contains { $0.range.overlaps(date.range) } }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = String.UnicodeScalarView()
        var i = range.lowerBound
        for edit in edits where edit.range.lowerBound >= i {
            out.append(contentsOf: paragraph.chars[i..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement.unicodeScalars)
            i = edit.range.upperBound
        }
        out.append(contentsOf: paragraph.chars[i..<upper])
        return String(out)
    }

    static func fieldEdits(_ field: Field, f: [Unicode.Scalar], mode: Mode) -> [Edit] {
        let label = field.labelStart..<field.value.lowerBound
        switch mode {
        case .note:
            guard [.status, .deadline, .problem, .leader, .department, .person].contains(field.kind) else { return [] }
            return [Edit(range: label, replacement: field.label + "为")]
        case .account:
            switch field.kind {
            case .measures, .target:
                return [Edit(range: label, replacement: "")]
            case .status:
                guard let word = StatusVocabulary.leading(f, from: field.value.lowerBound, to: field.value.upperBound) else {
                    return [Edit(range: label, replacement: "")]
                }
                return [Edit(range: field.labelStart..<skipPunctuation(f, from: word.range.upperBound), replacement: "")]
            case .deadline, .problem, .leader, .department, .person:
                return [Edit(range: field.labelStart..<skipPunctuation(f, from: field.value.upperBound), replacement: "")]
            }
        }
    }

    /// Dates without a year (or with 今年/明年, or damaged) written out whole: "10月31日前" →
    /// "2025年10月31日前". A planned date takes the next such period from `reference`, a past one
    /// the latest, as the importer places them.
    static func dateEdits(_ paragraph: Paragraph, index: Int, range: Range<Int>, dates: DateReferences) -> [Edit] {
        guard dates.planned != nil || dates.past != nil else { return [] }
        let f = paragraph.folded
        let mentions = DateScanner.mentions(in: f).filter { range.contains($0.range.lowerBound) }
        let needing = mentions.filter { mention in
            if mention.damaged { return true }
            if case .explicit = mention.period.year { return false }
            return true
        }
        guard !needing.isEmpty else { return [] }
        let quoted = Quotation.mask(f)
        let planned = Set(plannedOffsets(paragraph, index: index, range: range, mentions: mentions, quoted: quoted, dates: dates))
        return needing.compactMap { mention -> Edit? in
            let isPlan = planned.contains(mention.range.lowerBound)
            let resolved =
                isPlan
                ? mention.resolve(reference: dates.planned, latest: dates.planned, future: true)
                : mention.resolve(reference: dates.past, latest: dates.pastIsAfter ? nil : dates.past, future: dates.pastIsAfter)
            guard let (period, date) = resolved else { return nil }
            if !mention.damaged, case .missing = period.year {
                return Edit(range: mention.range.lowerBound..<mention.range.lowerBound, replacement: "\(date.year)年")
            }
            let original = Array(f[mention.range])
            let tail = original.last == "底" || original.last == "末" ? String(Character(original.last!)) : ""
            return Edit(range: mention.range, replacement: canonical(period, year: date.year) + tail)
        }
    }

    static func plannedOffsets(
        _ paragraph: Paragraph, index: Int, range: Range<Int>, mentions: [DateMention], quoted: [Bool], dates: DateReferences
    ) -> [Int] {
        DeadlinePhrases.planned(
            in: paragraph, index: index, range: range, mentions: mentions, quoted: quoted, reference: dates.planned,
            reportDate: dates.planned
        ).map(\.offset)
    }

    /// After a status field, the old report's "when" ("预计10月31日前完成检查整改。"): the next
    /// report states the deadline afresh, so a short first sentence holding a planned date goes.
    static func skipPlanSentence(_ paragraph: Paragraph, index: Int, from start: Int, dates: DateReferences) -> Int {
        let f = paragraph.folded
        let end = f.sentenceEnd(after: start)
        guard end > start, end - start <= 40, HeadingMarker.listItem(f, at: start) == nil else { return start }
        let mentions = DateScanner.mentions(in: f).filter { (start..<end).contains($0.range.lowerBound) }
        let planned = plannedOffsets(paragraph, index: index, range: start..<end, mentions: mentions, quoted: Quotation.mask(f), dates: dates)
        return planned.isEmpty ? start : skipPunctuation(f, from: end)
    }

    static let closingStarts = ["上述问题", "以上问题", "该问题", "此问题"]

    /// Where a closing status sentence starts ("上述问题已全部整改到位。", "该问题正在整改中，预计…"):
    /// the old status of the item or of its group, which the next report states afresh.
    static func closingStatusStart(_ paragraph: Paragraph, from start: Int) -> Int? {
        let f = paragraph.folded
        var end = f.count
        while end > start, Chars.isSentenceEnd(f[end - 1]) || f[end - 1] == " " { end -= 1 }
        var sentence = end
        while sentence > start, !Chars.isSentenceEnd(f[sentence - 1]) { sentence -= 1 }
        guard sentence < end, closingStarts.contains(where: { f.hasLiteral($0, at: sentence) }),
            !StatusVocabulary.matches(in: f, range: sentence..<end).isEmpty
        else { return nil }
        return sentence
    }

    /// The pieces without a trailing signature the item's text may have taken from the report's
    /// end: a line that is only a date, and the unit's name above it.
    static func withoutSignature(_ pieces: [(paragraph: Int, start: Int)], _ paragraphs: [Paragraph]) -> [(paragraph: Int, start: Int)] {
        var kept = pieces
        guard let last = kept.last, last.start == 0,
            Header.signatureDate(Normalization.lines(of: paragraphs[last.paragraph].text), notBefore: nil) != nil
        else { return kept }
        kept.removeLast()
        if let previous = kept.last, previous.start == 0 {
            let f = paragraphs[previous.paragraph].folded
            if f.count <= 30, !f.contains(where: { Chars.isClauseEnd($0) || Chars.isSentenceEnd($0) }) { kept.removeLast() }
        }
        return kept
    }

    /// A period written whole: 2025年10月31日, 2025年10月下旬, 2025年10月, 2025年第三季度, 2025年上半年, 2025年.
    static func canonical(_ period: DatePeriod, year: Int) -> String {
        switch period.span {
        case .day(let m, let d): return "\(year)年\(m)月\(d)日"
        case .xun(let m, let part): return "\(year)年\(m)月" + ["上旬", "中旬", "下旬"][max(0, min(2, part - 1))]
        case .month(let m): return "\(year)年\(m)月"
        case .quarter(let q): return "\(year)年第\(["一", "二", "三", "四"][max(0, min(3, q - 1))])季度"
        case .halfYear(let h): return "\(year)年" + (h == 1 ? "上半年" : "下半年")
        case .year: return "\(year)年"
        case .holidayEve(let holiday): return "\(year)年\(holiday.words.last!)前"
        }
    }

    /// Where the account starts in the first paragraph: after the item's heading when the
    /// paragraph opens with it (or holds it, as a point under a group heading), else at 0.
    static func headingEnd(_ paragraph: Paragraph, title: String) -> Int {
        let f = paragraph.folded
        let titleChars = Normalization.lines(of: title).flatMap { $0.chars.map(Chars.fold) }
        guard !titleChars.isEmpty else { return 0 }
        if f.starts(with: titleChars) { return skipPunctuation(f, from: titleChars.count) }
        if let at = f.firstOccurrence(of: String(String.UnicodeScalarView(titleChars))) {
            return skipPunctuation(f, from: at + titleChars.count)
        }
        return 0
    }

    static func skipPunctuation(_ f: [Unicode.Scalar], from index: Int) -> Int {
        var i = min(index, f.count)
        while i < f.count, Chars.isClauseEnd(f[i]) || Chars.isSentenceEnd(f[i]) || f[i] == " " || f[i] == ":" { i += 1 }
        return i
    }
}
