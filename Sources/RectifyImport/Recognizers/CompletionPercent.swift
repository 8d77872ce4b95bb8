/// A completion percentage said of the whole problem: "整改完成率100%", "整改进度：60%",
/// "完成进度80%", "（完成60%）". 100% is done, anything less is open (0% not started). Rates of
/// the work itself ("筛查率达95%", "接种完成率达98%", "履约率由52%提升至81%") are not it: the percentage must
/// follow one of these words directly (with 为, 达, 达到 or a colon between).
enum CompletionPercent {
    static let words = ["整改完成率", "整改完成进度", "整改进度", "完成进度", "整改完成比例"]

    struct Hit: Sendable {
        var percent: Int
        /// From the word to the % sign.
        var range: Range<Int>

        var kind: StatusVocabulary.Kind { percent >= 100 ? .done : percent == 0 ? .notStarted : .partly }
    }

    /// The first completion percentage in `range`.
    static func find(_ f: [Unicode.Scalar], range: Range<Int>) -> Hit? {
        var i = range.lowerBound
        let end = min(range.upperBound, f.count)
        while i < end {
            // "（完成60%）": a bracketed aside after a status.
            if f[i] == "(", f.hasLiteral("完成", at: i + 1), let hit = percent(f, at: i + 3, from: i + 1, end: end),
                hit.range.upperBound < end, f[hit.range.upperBound] == ")"
            {
                return hit
            }
            for word in words where f.hasLiteral(word, at: i) {
                if let hit = percent(f, at: i + word.unicodeScalars.count, from: i, end: end) { return hit }
            }
            i += 1
        }
        return nil
    }

    private static func percent(_ f: [Unicode.Scalar], at start: Int, from wordStart: Int, end: Int) -> Hit? {
        var i = start
        for joiner in ["达到", "为", "达", ":"] where f.hasLiteral(joiner, at: i) {
            i += joiner.unicodeScalars.count
            break
        }
        let run = f.digitRun(at: i)
        guard !run.isEmpty, run.count <= 3, run.upperBound < end, f[run.upperBound] == "%" else { return nil }
        guard let n = f.number(in: run), n <= 100 else { return nil }
        return Hit(percent: n, range: wordStart..<(run.upperBound + 1))
    }
}
