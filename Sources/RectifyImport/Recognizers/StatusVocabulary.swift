import RectifyCore

/// The one list of status words every recogniser uses: labelled fields ("完成情况：阶段性完成"),
/// status lines, closing sentences ("目前，该问题已整改到位"), cues in running text and the
/// report's totals ("已完成7个，3个取得阶段性成效").
///
/// Words are matched longest first at each position, so a negation ("尚未完成", "未按期")
/// or a partial result ("基本完成", "阶段性完成") is read before the 完成 inside it.
enum StatusVocabulary {
    enum Kind: Sendable, Equatable {
        /// 已完成, 整改到位, 办结, 销号.
        case done
        /// 阶段性完成, 基本完成, 部分完成: progress, but open.
        case partly
        /// 正在推进, 持续整改, 推进中.
        case open
        /// 尚未, 未完成, 未按期: said not to be done.
        case negated
        /// 尚未启动, 未开始: said not to have begun (what the ledger export writes for
        /// `not_started`).
        case notStarted
        /// 长期坚持: ongoing by nature.
        case longTerm

        var status: ItemStatus {
            switch self {
            case .done: return .done
            case .longTerm: return .longTerm
            case .notStarted: return .notStarted
            case .partly, .open, .negated: return .inProgress
            }
        }

        var isOpen: Bool { self != .done }
    }

    struct Match: Sendable, Equatable {
        var kind: Kind
        var range: Range<Int>
        var word: String
    }

    static let words: [(String, Kind)] = [
        // Negations first among equals: they contain done words.
        ("尚未完成", .negated), ("仍未完成", .negated), ("还未完成", .negated), ("未完成", .negated), ("没有完成", .negated),
        ("未按期", .negated), ("未整改", .negated), ("尚未", .negated), ("仍未", .negated), ("还未", .negated),
        ("未全部完成", .negated), ("未到位", .negated),
        // "未销号", "未办结": the done word negated, as 销号 ledgers write open items.
        ("未销号", .negated), ("未办结", .negated), ("未落实", .negated), ("暂未完成", .negated),
        ("尚未启动", .notStarted), ("暂未启动", .notStarted), ("还未启动", .notStarted), ("未启动", .notStarted),
        ("尚未开始", .notStarted), ("暂未开始", .notStarted), ("未开始", .notStarted), ("待启动", .notStarted),
        ("取得阶段性成效", .partly), ("取得阶段性进展", .partly), ("取得阶段性成果", .partly), ("阶段性完成", .partly),
        ("阶段性成效", .partly), ("阶段性进展", .partly), ("阶段性成果", .partly), ("基本完成", .partly), ("部分完成", .partly), ("部分整改", .partly), ("部分整改到位", .partly),
        ("大部分完成", .partly), ("初步完成", .partly),
        // "已完成阶段性目标": a stage reached, the problem still open.
        ("完成阶段性目标", .partly), ("已完成阶段性目标", .partly), ("完成阶段性任务", .partly), ("已完成阶段性任务", .partly),
        // "已基本整改到位": 基本 before a done word keeps it open, as 基本完成 does.
        ("基本整改到位", .partly), ("基本整改完成", .partly), ("基本到位", .partly), ("基本完成整改", .partly),
        ("已基本整改到位", .partly), ("已基本完成", .partly), ("已基本到位", .partly),
        ("正在整改", .open), ("正在推进", .open), ("正按计划推进", .open), ("正在按计划推进", .open), ("有序推进中", .open),
        ("整改中", .open), ("推进中", .open), ("进行中", .open), ("持续推进", .open), ("持续整改", .open), ("序时推进", .open),
        ("按序时推进", .open), ("达到序时进度", .open), ("序时进度", .open), ("正在办理", .open), ("正在实施", .open), ("正在", .open),
        ("长期坚持", .longTerm), ("长期整改", .longTerm), ("长期任务", .longTerm), ("长期推进", .longTerm), ("持续坚持", .longTerm),
        ("已完成整改", .done), ("已整改完成", .done), ("已全部整改到位", .done), ("已全部整改完成", .done), ("已全部完成", .done),
        ("均已整改到位", .done), ("均已整改", .done), ("已全部整改", .done), ("已整改到位", .done), ("整改已完成", .done),
        ("已整改", .done), ("已完成", .done), ("完成整改", .done), ("整改完成", .done), ("整改到位", .done), ("已办结", .done),
        ("已销号", .done), ("已落实", .done), ("落实到位", .done), ("办结", .done), ("销号", .done), ("完成", .done),
        ("已整改完毕", .done), ("整改完毕", .done),
        // "已整改完毕，正在巩固整改成果": consolidating what is done, not work in progress.
        ("正在巩固", .done),
    ]

    /// Words sorted longest first, grouped by first scalar for speed.
    private static let index: [Unicode.Scalar: [(word: [Unicode.Scalar], text: String, kind: Kind)]] = {
        var result: [Unicode.Scalar: [(word: [Unicode.Scalar], text: String, kind: Kind)]] = [:]
        for (text, kind) in words {
            let scalars = Array(text.unicodeScalars)
            result[scalars[0], default: []].append((scalars, text, kind))
        }
        for key in result.keys { result[key]!.sort { $0.word.count > $1.word.count } }
        return result
    }()

    /// The status word starting exactly at `i`, the longest one.
    static func match(_ f: [Unicode.Scalar], at i: Int) -> Match? {
        guard i < f.count, let candidates = index[f[i]] else { return nil }
        for candidate in candidates where f.hasScalars(candidate.word, at: i) {
            // "推进中医院" is 推进 + 中医院: a word ending in 中 must end its phrase.
            let after = i + candidate.word.count
            if candidate.word.last == "中", after < f.count, Chars.isHan(f[after]) { continue }
            return Match(kind: candidate.kind, range: i..<(i + candidate.word.count), word: candidate.text)
        }
        return nil
    }

    /// Every status word in `range`, left to right, without overlaps.
    static func matches(in f: [Unicode.Scalar], range: Range<Int>) -> [Match] {
        var result: [Match] = []
        var i = range.lowerBound
        let end = min(range.upperBound, f.count)
        while i < end {
            if let m = match(f, at: i), m.range.upperBound <= end {
                result.append(m)
                i = m.range.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    /// The status a field value or a short statement opens with: "已完成。…", "阶段性完成",
    /// "目前已整改到位". The word must start within the first few characters (after 目前, 现, 该问题 …)
    /// and be said of the whole problem: "整改情况：已完成对…的清理" reports a step, not a status.
    static func leading(_ f: [Unicode.Scalar], from start: Int, to end: Int) -> Match? {
        var i = start
        while i < end, f[i] == " " || f[i] == "\t" { i += 1 }
        for prefix in ["目前", "截至目前", "现已", "现", "该问题", "此问题", "问题"] where f.hasLiteral(prefix, at: i) {
            if let m = match(f, at: i + prefix.unicodeScalars.count), m.range.upperBound <= end {
                return isSaidOfPart(f, m, statement: true) ? nil : m
            }
        }
        if let m = match(f, at: i), m.range.upperBound <= end { return isSaidOfPart(f, m, statement: true) ? nil : m }
        return nil
    }

    /// What may follow a completion verb in a statement about the whole problem: "已完成。",
    /// "基本完成整改", "已完成全部整改任务".
    static let wholeObjects = ["整改", "全部整改", "各项整改", "所有整改", "销号", "全部任务", "各项任务", "到位", "并"]
    /// Verbs among the status words that take an object ("已完成对…", "已落实…制度").
    static let objectVerbs = ["完成", "落实"]
    /// Measure words after a count of parts: "已完成整改7卷", "完成三项".
    static let measureWords = Chars.set("个项家件条名次份卷所批户人处台套张篇")

    /// Whether a status word speaks of a part of the work rather than the whole problem: a count
    /// follows it ("已完成整改7卷，剩余4卷…", "已完成72家"), or, in a `statement` (a field value
    /// or a status line), a completion verb takes an object that is not the rectification itself
    /// ("已完成对2021年以来9个项目的清理", "已完成HIS系统升级"). Totals count parts on purpose
    /// and do not ask.
    static func isSaidOfPart(_ f: [Unicode.Scalar], _ match: Match, statement: Bool) -> Bool {
        guard match.kind == .done || match.kind == .partly else { return false }
        var i = match.range.upperBound
        while i < f.count, f[i] == " " { i += 1 }
        guard i < f.count else { return false }
        if Chars.isDigit(f[i]) { return true }
        if Chars.isChineseNumeral(f[i]) {
            var k = i
            while k < f.count, Chars.isChineseNumeral(f[k]), k - i < 3 { k += 1 }
            if k < f.count, measureWords.contains(f[k]) { return true }
        }
        guard statement, objectVerbs.contains(where: { match.word.hasSuffix($0) }) else { return false }
        guard Chars.isHan(f[i]) || Chars.isASCIILetter(f[i]) || f[i] == "“" || f[i] == "《" else { return false }
        // "已完成待验收": waiting for acceptance is no object of the verb (see `awaitingWords`).
        return !(wholeObjects + awaitingWords).contains { f.hasLiteral($0, at: i) }
    }

    /// Whether a clause of the totals says its count is open (未完成, 阶段性…, 长期坚持) or done.
    static func clauseKind(_ clause: [Unicode.Scalar]) -> Kind? {
        let found = matches(in: clause, range: 0..<clause.count)
        if let open = found.first(where: { $0.kind.isOpen }) { return open.kind }
        if clause.contains(literal: "阶段性") { return .partly }
        return found.isEmpty ? nil : .done
    }
}

extension Array where Element == Unicode.Scalar {
    /// Whether `pattern` occurs at `index`.
    func hasScalars(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= count else { return false }
        for k in 0..<pattern.count where self[index + k] != pattern[k] { return false }
        return true
    }
}

extension StatusVocabulary {
    /// Words that say a done item still waits for someone: "已完成，待验收", "已整改到位，待销号".
    static let awaitingWords = ["待验收", "待销号", "待审核", "待复核", "待审批", "申请销号"]

    /// A review note for a done item whose status sentence (from its evidence to the sentence's
    /// end, in `text`) says it waits for acceptance; nil otherwise.
    static func awaitingAcceptance(evidence: String?, in text: String) -> String? {
        guard let evidence, !evidence.isEmpty else { return nil }
        let sentence: Substring
        if let start = text.range(of: evidence) {
            let rest = text[start.lowerBound...]
            sentence = rest.prefix { $0 != "。" && $0 != "\n" }
        } else {
            sentence = Substring(evidence)
        }
        guard let word = awaitingWords.first(where: { sentence.contains($0) }) else { return nil }
        return "read as done, but it says '\(word)': check it was accepted before counting it closed (销号)."
    }
}
