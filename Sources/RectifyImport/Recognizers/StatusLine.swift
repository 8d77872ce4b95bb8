import RectifyCore

/// An explicit status statement at the start of a paragraph: a status field whose value opens
/// with a status word ("整改结果:完成", "整改落实情况：取得阶段性成效。", "完成情况：正在推进"),
/// or a paragraph that is only a status ("已完成整改。"). Words come from `StatusVocabulary`.
struct StatusLine: Sendable {
    var status: ItemStatus
    var kind: StatusVocabulary.Kind
    /// The end of the status phrase as written, e.g. after "整改结果:阶段性完成".
    var phraseEnd: Int

    /// Recognises a status statement at the start of a paragraph.
    static func parse(_ f: [Unicode.Scalar]) -> StatusLine? {
        if let label = FieldLabels.label(f, at: 0) {
            guard label.kind == .status else { return nil }
            let valueEnd = f.sentenceEnd(after: label.valueStart)
            guard let word = StatusVocabulary.leading(f, from: label.valueStart, to: valueEnd) else { return nil }
            return StatusLine(status: word.kind.status, kind: word.kind, phraseEnd: word.range.upperBound)
        }
        guard f.count <= 12, let word = StatusVocabulary.leading(f, from: 0, to: f.count) else { return nil }
        let end = word.range.upperBound
        // An unlabelled paragraph must be the status alone ("已完成整改。").
        if end < f.count, !(end + 1 == f.count && Chars.isSentenceEnd(f[end])) { return nil }
        return StatusLine(status: word.kind.status, kind: word.kind, phraseEnd: end)
    }
}
