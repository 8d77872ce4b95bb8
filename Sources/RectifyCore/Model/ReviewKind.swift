/// What a plan's findings came from, as its documents name it: 巡察 (a party inspection tour, the
/// genre's commonest), 巡视, 审计, 督查, 绩效评估 … Told from a plan's title; the drafted 通报
/// words its sentences with it.
public struct ReviewKind: Hashable, Sendable {
    /// The word the documents use: "巡察", "绩效评估", "经济责任审计".
    public var word: String
    /// Who carried it out: "巡察组", "评估组", "审计组".
    public var group: String

    /// 巡察: the default when a title names nothing else.
    public static let inspectionTour = ReviewKind(word: "巡察", group: "巡察组")

    /// Whether it is a party inspection (巡察, 巡视), sent by a committee ("县委第六轮巡察").
    public var isParty: Bool { word == "巡察" || word == "巡视" }

    static let known: [ReviewKind] = [
        ("巡视", "巡视组"), ("巡察", "巡察组"),
        ("经济责任审计", "审计组"), ("专项审计", "审计组"), ("审计", "审计组"),
        ("绩效评估", "评估组"), ("评估", "评估组"),
        ("专项督查", "督查组"), ("督查", "督查组"), ("督察", "督察组"), ("督导", "督导组"),
        ("专项检查", "检查组"), ("监督检查", "检查组"), ("检查", "检查组"), ("考核", "考核组"),
    ].map { ReviewKind(word: $0.0, group: $0.1) }

    /// The review a set of plans answers, by their titles (a title naming none is a 巡察, as
    /// drafts read it); nil when they answer different ones. No titles: 巡察.
    public static func common(to titles: [String]) -> ReviewKind? {
        let kinds = Set(titles.map { named(in: $0) ?? .inspectionTour })
        return kinds.count > 1 ? nil : kinds.first ?? .inspectionTour
    }

    /// The first kind `text` names (the longest where two start at the same place: 绩效评估, not
    /// 评估); nil when it names none. An office's name is not a review: 审计局, 巡察办, 督查室.
    public static func named(in text: String) -> ReviewKind? {
        let chars = Array(text)
        var best: (offset: Int, kind: ReviewKind)?
        for kind in known {
            let word = Array(kind.word)
            var start = 0
            while start + word.count <= chars.count {
                defer { start += 1 }
                guard chars[start..<(start + word.count)].elementsEqual(word) else { continue }
                let next = start + word.count < chars.count ? chars[start + word.count] : nil
                if let next, "局厅署委办室处".contains(next) { continue }
                if let current = best, current.offset < start || (current.offset == start && current.kind.word.count >= word.count) {
                    break
                }
                best = (start, kind)
                break
            }
        }
        return best?.kind
    }
}
