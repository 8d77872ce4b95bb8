/// Words in an item's text that suggest it is still open (正在, 尚未, 待解决, 有望 …) or done
/// (已整改到位, 立行立改), with weights. Used where a report gives no explicit status.
///
/// Weights: 3 for a clear statement that work goes on, 2 for a plan, 1 for routine future
/// work ("将继续", "下一步") that a finished item may also mention, −2 for a statement that
/// it is done. Cues inside quotations do not count. A cue followed by 的 in its clause describes something else ("尚未完成接种的
/// 受种者") and does not count.
enum StatusCues {
    struct Cue: Sendable {
        var word: String
        var weight: Int
        /// Skip when one of these precedes the word ("按计划" is not a plan).
        var notAfter: [Unicode.Scalar] = []
        /// Skip when one of these follows the word ("计划方案" is a document).
        var notBefore: [Unicode.Scalar] = []
        var attributiveCheck = true
    }

    struct Hit: Sendable {
        var offset: Int
        var weight: Int
        var word: String
    }

    /// Status words come from `StatusVocabulary`: said open (正在, 尚未, 阶段性完成 …) weighs 3,
    /// 持续… and 长期… 2, said done with 已 (已整改到位, 均已整改, 整改已完成) −2; a bare 已完成
    /// in running text is usually a sub-task, and a done word before a count ("已完成整改7卷")
    /// speaks of a part: neither counts. The rest are
    /// planning words that are not statuses.
    static let cues: [Cue] = [
        Cue(word: "有望", weight: 3),
        Cue(word: "即将", weight: 3),
        Cue(word: "尚需", weight: 3),
        Cue(word: "仍需", weight: 3),
        Cue(word: "尚在", weight: 3),
        Cue(word: "仍在", weight: 3),
        Cue(word: "等待", weight: 3),
        Cue(word: "计划", weight: 2,
            notAfter: ["按", "的", "作", "习", "款", "度", "求", "聘", "《", "“", "划", "生"],
            notBefore: ["方", "表", "书", "》", "”", "、", ",", "。", ";", "和", "及", "与", "的", "内", "中", "外", "生", "免", "单"],
            attributiveCheck: false),
        Cue(word: "将继续", weight: 1, attributiveCheck: false),
        Cue(word: "要继续", weight: 1, attributiveCheck: false),
        Cue(word: "还将", weight: 1, attributiveCheck: false),
        Cue(word: "将进一步", weight: 1, attributiveCheck: false),
        Cue(word: "下一步", weight: 1, attributiveCheck: false),
        Cue(word: "将于", weight: 1, attributiveCheck: false),
        Cue(word: "尽快", weight: 1, attributiveCheck: false),
        Cue(word: "力争", weight: 1, attributiveCheck: false),
        Cue(word: "拟", weight: 1, notBefore: ["定", "订"], attributiveCheck: false),
        Cue(word: "立行立改", weight: -2, attributiveCheck: false),
    ]

    /// The running-text weight of a status word, or nil when it does not count there.
    static func weight(of match: StatusVocabulary.Match) -> (weight: Int, attributive: Bool)? {
        let word = match.word
        switch match.kind {
        case .negated, .partly, .open, .notStarted:
            if word.hasPrefix("持续") || word.hasPrefix("序时") || word.hasPrefix("按序时") { return (2, false) }
            if word == "未到位" || word == "未整改" { return nil }
            return (3, true)
        case .longTerm:
            return (2, false)
        case .done:
            guard word.contains("已"), !["已完成", "已整改", "已落实"].contains(word) else { return nil }
            return (-2, false)
        }
    }

    /// 待 followed by one of these is pending work ("待解决", "待县委编办开具"); elsewhere 待
    /// is 待遇, 待岗, 接待.
    static let pendingAfterDai: [String] = [
        "解决", "进一步", "完善", "审核", "审批", "批复", "验收", "进行", "办理", "落实", "推进", "开展", "启动", "整改",
        "提升", "加强", "县", "市", "区", "省", "上级", "有关", "相关",
    ]

    /// Every cue in `range` of folded text.
    static func hits(in f: [Unicode.Scalar], range: Range<Int>, quoted: [Bool]) -> [Hit] {
        var result: [Hit] = []
        for match in StatusVocabulary.matches(in: f, range: range) {
            guard let (weight, attributive) = weight(of: match) else { continue }
            if StatusVocabulary.isSaidOfPart(f, match, statement: false) { continue }
            if attributive, isAttributive(f, after: match.range.upperBound) { continue }
            result.append(Hit(offset: match.range.lowerBound, weight: weight, word: match.word))
        }
        for cue in cues {
            for at in f.occurrences(of: cue.word, from: range.lowerBound, to: range.upperBound) {
                if at > 0, cue.notAfter.contains(f[at - 1]) { continue }
                let after = at + cue.word.count
                if after < f.count, cue.notBefore.contains(f[after]) { continue }
                if cue.attributiveCheck, isAttributive(f, after: after) { continue }
                if cue.word == "计划", isListedInPlan(f, at: at) { continue }
                result.append(Hit(offset: at, weight: cue.weight, word: cue.word))
            }
        }
        for at in f.occurrences(of: "待", from: range.lowerBound, to: range.upperBound) {
            if at > 0, f[at - 1] == "等" || f[at - 1] == "对" || f[at - 1] == "接" || f[at - 1] == "期" { continue }
            guard pendingAfterDai.contains(where: { f.hasLiteral($0, at: at + 1) }) else { continue }
            if isAttributive(f, after: at + 1) { continue }
            result.append(Hit(offset: at, weight: 3, word: "待"))
        }
        for at in f.occurrences(of: "列入", from: range.lowerBound, to: range.upperBound) {
            let end = min(f.sentenceEnd(after: at), at + 30)
            if f.firstOccurrence(of: "计划", from: at, to: end) != nil {
                result.append(Hit(offset: at, weight: 2, word: "列入计划"))
            }
        }
        return result.filter { !quoted[$0.offset] }.sorted { $0.offset < $1.offset }
    }

    /// "列入…计划" is scored once, as a whole.
    static func isListedInPlan(_ f: [Unicode.Scalar], at: Int) -> Bool {
        let start = max(0, at - 30)
        let window = Array(f[start..<at])
        guard let l = window.occurrences(of: "列入").last else { return false }
        return !window[(l + 2)...].contains(where: Chars.isSentenceEnd)
    }

    /// A 的 soon after the cue, in its clause, makes it a modifier of a noun.
    static func isAttributive(_ f: [Unicode.Scalar], after index: Int) -> Bool {
        var i = index
        while i < f.count, i < index + 12, !Chars.isClauseEnd(f[i]) {
            if f[i] == "的" { return true }
            i += 1
        }
        return false
    }
}
