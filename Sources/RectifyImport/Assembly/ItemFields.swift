import Foundation
import RectifyCore

/// What an item's labelled fields (or table cells) say: status, deadline and who answers
/// for it, each with the phrase and line it came from.
struct ItemFields: Sendable {
    var status: (kind: StatusVocabulary.Kind, evidence: Evidence, label: String)?
    /// A status field whose value is not a status word ("整改情况：组建…") is not a status.
    var deadline: FieldDeadline?
    var deadlineIsLongTerm = false
    var deadlineIsImmediate = false
    var deadlineEvidence: Evidence?
    var leader: (value: String, line: Int)?
    var department: (value: String, line: Int)?
    var person: (value: String, line: Int)?
    /// The problem cell of a table row, for the item's title.
    var problemCell: (text: String, line: Int)?

    struct FieldDeadline: Sendable {
        var date: CalendarDate
        var precision: DeadlinePrecision
        var text: String
        var line: Int
        /// The year was not written ("12月31日前") and was taken from the reference date.
        var guessedYear: Bool
    }

    /// Reads the fields in an item's pieces and, for a table row, its cells.
    /// The first `statementPieces` pieces are the problem's statement, where a field may open a
    /// bracket after the problem ("（整改时限：2025年12月）").
    static func read(
        pieces: [TextPiece], statementPieces: Int = 0, paragraphs: [Paragraph], tableColumns: [Int: [FieldKind?]],
        reference: CalendarDate?
    ) -> ItemFields {
        var result = ItemFields()
        var fields: [Field] = []
        var seen = Set<Int>()
        var rows: [(paragraph: Int, fields: [Field])] = []
        for (k, piece) in pieces.enumerated() {
            let f = paragraphs[piece.paragraph].folded
            if let columns = tableColumns[piece.paragraph] {
                guard !seen.contains(piece.paragraph) else { continue }
                seen.insert(piece.paragraph)
                let row = cells(f, paragraph: piece.paragraph, columns: columns)
                rows.append((piece.paragraph, row))
                fields += row
                continue
            }
            let markerEnd = HeadingMarker.numbered(f)?.length ?? 0
            fields += FieldLabels.fields(
                in: f, paragraph: piece.paragraph, range: piece.range, markerEnd: markerEnd, bracketed: k < statementPieces)
        }
        for field in fields { result.take(field, paragraphs: paragraphs, tableColumns: tableColumns, reference: reference) }
        if rows.count >= 2 {
            // A problem over several measure rows (its cell merged over them): it is done when
            // every row with a status is done; otherwise the first open row's status stands, and
            // the deadline is the latest of the open rows'.
            let perRow = rows.map { row in
                var r = ItemFields()
                for field in row.fields { r.take(field, paragraphs: paragraphs, tableColumns: tableColumns, reference: reference) }
                return r
            }
            let open = perRow.filter { $0.status.map { $0.kind != .done } ?? false }
            if let first = open.first {
                result.status = first.status
                let dated = open.filter { $0.deadline != nil }
                if let latest = dated.max(by: { $0.deadline!.date < $1.deadline!.date }) {
                    result.deadline = latest.deadline
                    result.deadlineEvidence = latest.deadlineEvidence
                    result.deadlineIsLongTerm = latest.deadlineIsLongTerm
                    result.deadlineIsImmediate = latest.deadlineIsImmediate
                } else if let undated = open.first(where: { $0.deadlineEvidence != nil }) {
                    result.deadline = nil
                    result.deadlineEvidence = undated.deadlineEvidence
                    result.deadlineIsLongTerm = undated.deadlineIsLongTerm
                    result.deadlineIsImmediate = undated.deadlineIsImmediate
                }
            }
        }
        return result
    }

    /// Takes one field's value where the item has none yet (the first of each kind counts).
    mutating func take(_ field: Field, paragraphs: [Paragraph], tableColumns: [Int: [FieldKind?]], reference: CalendarDate?) {
        let paragraph = paragraphs[field.paragraph]
        let f = paragraph.folded
        let value = paragraph.text(field.value)
        let line = paragraph.line(at: field.value.lowerBound)
        switch field.kind {
        case .status:
            guard status == nil else { return }
            // A 是否完成 answer: "√" / "是" done, "×" / "否" not done.
            if let kind = ItemFields.tickKind(Array(f[field.value])) {
                status = (kind, Evidence(text: paragraph.text(field.labelStart..<field.value.upperBound), line: line), field.label)
                return
            }
            guard let word = StatusVocabulary.leading(f, from: field.value.lowerBound, to: field.value.upperBound)
            else { return }
            let phraseEnd = f.clauseEnd(after: word.range.upperBound)
            status = (
                word.kind, Evidence(text: paragraph.text(field.labelStart..<min(phraseEnd, field.value.upperBound)), line: line),
                field.label
            )
        case .deadline:
            guard deadlineEvidence == nil else { return }
            deadlineEvidence = Evidence(text: paragraph.text(field.labelStart..<field.value.upperBound), line: line)
            let valueChars = Array(f[field.value])
            if valueChars.contains(literal: "长期") || valueChars.contains(literal: "持续") { deadlineIsLongTerm = true }
            if valueChars.contains(literal: "立行立改") || valueChars.contains(literal: "立即") { deadlineIsImmediate = true }
            deadline = ItemFields.deadline(in: paragraph, field: field, reference: reference)
        case .leader: if leader == nil, !value.isEmpty { leader = (value, line) }
        case .department: if department == nil, !value.isEmpty { department = (value, line) }
        case .person: if person == nil, !value.isEmpty { person = (value, line) }
        case .problem: if problemCell == nil, tableColumns[field.paragraph] != nil { problemCell = (value, line) }
        case .measures, .target: return
        }
    }

    /// The answer of a 是否完成 cell or field, the whole value: √ ✓ ✔ 是 done; × ✗ ✘ 否 not done.
    static func tickKind(_ value: [Unicode.Scalar]) -> StatusVocabulary.Kind? {
        let v = value.filter { !Chars.isSpace($0) && $0 != "。" && $0 != "." }
        guard v.count == 1 else { return nil }
        if "√✓✔☑是".unicodeScalars.contains(v[0]) { return .done }
        if "×✗✘✕✖☒否xX".unicodeScalars.contains(v[0]) { return .negated }
        return nil
    }

    /// The latest date written in a deadline field's value.
    static func deadline(in paragraph: Paragraph, field: Field, reference: CalendarDate?) -> FieldDeadline? {
        let f = paragraph.folded
        // "2025年6月30日（已申请延期至2025年12月31日）": the date it was moved to is an extension,
        // read as one; the field's deadline is the original.
        let mentions = DateScanner.mentions(in: f).filter { mention in
            let start = mention.range.lowerBound
            return field.value.contains(start) && !DeadlinePhrases.isRecurring(f, at: start)
                && !PlanAssembler.extensionWords.contains { w in
                    let n = w.unicodeScalars.count
                    return start >= n && f.hasLiteral(w, at: start - n)
                }
        }
        var best: FieldDeadline?
        for mention in mentions {
            guard let (period, date) = mention.resolve(reference: reference, latest: nil, future: true) else { continue }
            if let b = best, b.date >= date { continue }
            let guessed: Bool
            if case .missing = period.year { guessed = true } else { guessed = false }
            best = FieldDeadline(
                date: date, precision: period.precision, text: paragraph.text(field.labelStart..<field.value.upperBound),
                line: paragraph.line(at: mention.range.lowerBound), guessedYear: guessed)
        }
        return best
    }

    /// A table row's cells as fields, by the header's column kinds.
    static func cells(_ f: [Unicode.Scalar], paragraph: Int, columns: [FieldKind?]) -> [Field] {
        var result: [Field] = []
        var start = 0
        var column = 0
        for i in 0...f.count where i == f.count || f[i] == "\t" {
            if column < columns.count, let kind = columns[column], i > start {
                result.append(Field(kind: kind, label: "table column (\(kind.rawValue))", paragraph: paragraph, labelStart: start, value: start..<i, number: nil))
            }
            column += 1
            start = i + 1
        }
        return result
    }

    /// 责任领导, 责任科室, 责任人 as a responsibility: "刘振华（副主任）", "院长 马骏",
    /// "业务科科长 李明" give a name and a post.
    var responsibility: Responsibility? {
        guard leader != nil || department != nil || person != nil else { return nil }
        return Responsibility(
            leader: leader.map { ItemFields.contact($0.value) }, department: department?.value,
            contacts: person.map { ItemFields.people($0.value) } ?? [])
    }

    static let posts = ["党组书记", "党委书记", "支部书记", "书记", "院长", "副院长", "局长", "副局长", "主任", "副主任", "站长", "科长", "股长", "部长", "组长", "所长", "负责人"]

    static func people(_ text: String) -> [Contact] {
        text.split(whereSeparator: { "、，,；;/".contains($0) }).map { contact(String($0)) }
    }

    static func contact(_ raw: String) -> Contact {
        var text = raw.trimmingCharacters(in: .whitespaces)
        var role: String?
        // "刘振华（副主任）"
        if let open = text.firstIndex(where: { $0 == "（" || $0 == "(" }), let close = text.lastIndex(where: { $0 == "）" || $0 == ")" }),
            open < close
        {
            role = String(text[text.index(after: open)..<close])
            text = String(text[..<open])
        }
        // "院长 马骏" (the space was removed in cleaning: "院长马骏"), "业务科科长李明".
        if role == nil {
            for post in posts.sorted(by: { $0.count > $1.count }) {
                if let range = text.range(of: post, options: .backwards), range.upperBound != text.endIndex {
                    let name = String(text[range.upperBound...])
                    if (2...4).contains(name.count) {
                        role = String(text[..<range.upperBound])
                        text = name
                        break
                    }
                }
            }
        }
        return Contact(name: text.isEmpty ? nil : text, role: role)
    }
}
