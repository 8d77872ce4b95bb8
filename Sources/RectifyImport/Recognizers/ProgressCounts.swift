import RectifyCore

/// Counted progress in a sentence: "对79家问题医疗机构开展“回头看”，已完成72家机构监督检查，
/// 其中61家机构已整改到位" is 61 of 79 家; "涉及600余人，目前仍有121人…待解决" is 479 of 600.
///
/// The total is a count after 对/涉及/共/排查; done counts carry 已 before them or 已整改到位/
/// 已完成/已解决 after them, in the same unit; the last done count not above the total wins.
/// Without one, a remaining count (剩余/仍有/尚有) is taken from the total.
enum ProgressCounts {
    static let countUnits: Set<Unicode.Scalar> = ["家", "人", "个", "项", "件", "所", "户", "名", "台", "处", "条", "份", "座", "批"]
    static let totalWords = ["对", "涉及", "共", "排查", "总计", "合计", "全部"]
    static let doneAfter = ["已整改到位", "已完成", "已解决", "已办结", "整改到位", "已落实"]
    static let remainingWords = ["剩余", "仍有", "尚有", "还有"]

    struct Count {
        var value: Int
        var unit: Unicode.Scalar
        var start: Int
        var end: Int
    }

    static func find(in paragraph: Paragraph, range: Range<Int>) -> Progress? {
        let f = paragraph.folded
        var sentenceStart = range.lowerBound
        while sentenceStart < range.upperBound {
            var end = sentenceStart
            while end < range.upperBound, !Chars.isSentenceEnd(f[end]), f[end] != ";" { end += 1 }
            if let progress = progress(paragraph, sentenceStart..<end) { return progress }
            sentenceStart = end + 1
        }
        return nil
    }

    static func progress(_ paragraph: Paragraph, _ range: Range<Int>) -> Progress? {
        let f = paragraph.folded
        let counts = self.counts(f, range)
        guard let total = counts.first(where: { c in
            totalWords.contains { w in f.hasLiteral(w, at: c.start - w.count) }
        }) else { return nil }
        var done: Int?
        var remaining: Int?
        for c in counts where c.start > total.start && c.unit == total.unit {
            let before = Array(f[max(range.lowerBound, c.start - 6)..<c.start])
            let afterEnd = min(range.upperBound, c.end + 8)
            let after = Array(f[c.end..<afterEnd]).prefix { !Chars.isClauseEnd($0) }
            let afterText = Array(after)
            if remainingWords.contains(where: { before.contains(literal: $0) }) {
                remaining = c.value
            } else if (before.suffix(4).contains("已") || doneAfter.contains { afterText.contains(literal: $0) }),
                c.value <= total.value
            {
                done = c.value
            }
        }
        let value = done ?? remaining.map { total.value - $0 }
        guard let value, value >= 0, total.value > 0 else { return nil }
        return Progress(
            done: value, total: total.value, unit: String(total.unit), text: paragraph.text(range),
            line: paragraph.line(at: total.start))
    }

    static func counts(_ f: [Unicode.Scalar], _ range: Range<Int>) -> [Count] {
        var result: [Count] = []
        f.forEachNumber(in: range, maxDigits: 6) { run, value in
            var u = run.upperBound
            while u < f.count, f[u] == "余" || f[u] == "多" { u += 1 }
            guard u < f.count, countUnits.contains(f[u]) else { return }
            // "4人次" counts visits, not people.
            if u + 1 < f.count, f[u + 1] == "次" { return }
            result.append(Count(value: value, unit: f[u], start: run.lowerBound, end: u + 1))
        }
        return result
    }
}
