import RectifyCore

/// An explicit status statement: "整改结果:完成", "整改落实情况：已完成整改。",
/// "整改结果:阶段性完成", "整改落实情况：取得阶段性成效。", or a paragraph that is only a status.
struct StatusLine: Sendable {
    var status: ItemStatus
    /// The status phrase as written, e.g. "整改结果:阶段性完成".
    var phraseEnd: Int

    static let labels = [
        "整改结果", "整改落实情况", "整改进展情况", "整改完成情况", "整改进展", "整改情况", "落实情况", "完成情况",
        "整改状态", "整改进度", "进展情况", "办理情况", "完成状态", "当前状态", "目前状态",
    ]
    /// Checked in this order: a partial result is open even though it says 完成.
    static let openWords = [
        "取得阶段性成效", "取得阶段性进展", "阶段性完成", "阶段性成效", "阶段性进展", "基本完成", "部分完成", "正在整改",
        "正在推进", "整改中", "推进中", "进行中", "未完成", "尚未完成", "持续推进", "持续整改", "序时推进", "按序时推进",
    ]
    static let longTermWords = ["长期坚持", "长期整改", "长期推进", "持续坚持"]
    static let doneWords = ["已完成整改", "已整改完成", "已完成", "完成整改", "整改完成", "已整改到位", "已整改", "已办结", "已销号", "完成", "办结"]

    /// Recognises a status statement at the start of a paragraph.
    static func parse(_ f: [Unicode.Scalar]) -> StatusLine? {
        var p = 0
        var labelled = false
        for label in labels where f.hasLiteral(label, at: 0) {
            p = label.count
            labelled = true
            break
        }
        if labelled {
            guard p < f.count, f[p] == ":" || f[p] == "：" else { return nil }
            p += 1
            while p < f.count, f[p] == " " { p += 1 }
        } else if f.count > 12 {
            return nil
        }
        guard let (status, length) = statusWord(f, at: p) else { return nil }
        let end = p + length
        // An unlabelled paragraph must be the status alone ("已完成整改。").
        if !labelled, end < f.count, !(end + 1 == f.count && Chars.isSentenceEnd(f[end])) { return nil }
        return StatusLine(status: status, phraseEnd: end)
    }

    static func statusWord(_ f: [Unicode.Scalar], at p: Int) -> (ItemStatus, Int)? {
        for word in openWords where f.hasLiteral(word, at: p) { return (.inProgress, word.count) }
        for word in longTermWords where f.hasLiteral(word, at: p) { return (.longTerm, word.count) }
        for word in doneWords where f.hasLiteral(word, at: p) { return (.done, word.count) }
        return nil
    }
}
