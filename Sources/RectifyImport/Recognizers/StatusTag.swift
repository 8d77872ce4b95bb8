import RectifyCore

/// A status tag: a short bracket right after the problem that holds its status, as 自查 and
/// audit notices mark each problem — "1.…存在重复参保人员1862人。（已整改）", "【整改中，预计2025年
/// 12月底前完成】", "2.…不规范（已完成）". The bracket ends the problem's statement or opens
/// what follows it, and its content opens with a status word said of the whole problem
/// (`StatusVocabulary.leading`; "（完成60%）" and "（整改时限：…）" are no tags).
enum StatusTag {
    static let opening = Chars.set("(【[")
    static let closing = Chars.set(")】]")
    /// The longest content a tag may have: a status and its date.
    static let maxLength = 24

    static func find(statement: [TextPiece], body: [TextPiece], paragraphs: [Paragraph]) -> (kind: StatusVocabulary.Kind, evidence: Evidence)? {
        // A tag that ends the statement: "…不规范（已完成）。"
        if let last = statement.last {
            let f = paragraphs[last.paragraph].folded
            var end = last.range.upperBound
            while end > last.range.lowerBound, Chars.isSentenceEnd(f[end - 1]) || f[end - 1] == " " { end -= 1 }
            if end > last.range.lowerBound, closing.contains(f[end - 1]),
                let open = f[max(last.range.lowerBound, end - 1 - maxLength)..<(end - 1)].lastIndex(where: { opening.contains($0) }),
                let found = tag(paragraphs[last.paragraph], open: open, close: end - 1)
            {
                return found
            }
        }
        // A tag that opens the text after it: "【已整改】医院对…".
        guard let first = body.first(where: { !$0.range.isEmpty }) else { return nil }
        let f = paragraphs[first.paragraph].folded
        var start = first.range.lowerBound
        while start < first.range.upperBound, f[start] == " " { start += 1 }
        guard start < first.range.upperBound, opening.contains(f[start]),
            let close = f[(start + 1)..<min(first.range.upperBound, start + 2 + maxLength)].firstIndex(where: { closing.contains($0) })
        else { return nil }
        return tag(paragraphs[first.paragraph], open: start, close: close)
    }

    static func tag(_ paragraph: Paragraph, open: Int, close: Int) -> (kind: StatusVocabulary.Kind, evidence: Evidence)? {
        let f = paragraph.folded
        guard close > open + 1, let word = StatusVocabulary.leading(f, from: open + 1, to: close) else { return nil }
        return (word.kind, Evidence(text: paragraph.text(open..<(close + 1)), line: paragraph.line(at: open)))
    }
}
