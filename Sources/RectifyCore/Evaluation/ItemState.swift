import Foundation

/// What the evaluator says of an item. Cases are declared in order of precedence: when an
/// item has several findings, the first of them in this order leads (it decides the item's
/// state, its group in reports and the subject of its alert); the others are kept as findings.
public enum ItemState: String, Codable, Sendable, CaseIterable, Comparable {
    /// Past its deadline (red).
    case overdue
    /// A milestone's date has passed and the milestone is not done.
    case milestoneMissed = "milestone_missed"
    /// Inside a reminder window before the deadline (green, then yellow).
    case dueSoon = "due_soon"
    /// Counted progress is clearly behind the share of the item's time that has passed.
    case behindPace = "behind_pace"
    /// No progress update within `staleAfter` (long-term items: `longTermReview`).
    case stale
    /// Open but without a deadline: a planning defect the office must fix.
    case noDeadline = "no_deadline"
    /// 长期坚持: no deadline by nature; reviewed periodically.
    case longTerm = "long_term"
    /// Open, with a deadline outside every reminder window and nothing else wrong.
    case onTrack = "on_track"
    case done

    /// Whether this state means the office should act (everything but on_track, long_term, done).
    public var lags: Bool {
        switch self {
        case .onTrack, .longTerm, .done: return false
        default: return true
        }
    }

    /// Position in the declaration order, as in `allCases` (a switch: `allCases.firstIndex` is a search, and
    /// sorting 100,000 items compares states millions of times).
    public var position: Int { precedence }

    var precedence: Int {
        switch self {
        case .overdue: return 0
        case .milestoneMissed: return 1
        case .dueSoon: return 2
        case .behindPace: return 3
        case .stale: return 4
        case .noDeadline: return 5
        case .longTerm: return 6
        case .onTrack: return 7
        case .done: return 8
        }
    }

    public static func < (lhs: ItemState, rhs: ItemState) -> Bool { lhs.precedence < rhs.precedence }

    /// The Chinese label used in reports and alerts.
    public var chineseLabel: String {
        switch self {
        case .overdue: return "逾期"
        case .milestoneMissed: return "节点逾期"
        case .dueSoon: return "即将到期"
        case .behindPace: return "进度滞后"
        case .stale: return "未报进展"
        case .noDeadline: return "未定时限"
        case .longTerm: return "长期坚持"
        case .onTrack: return "正常推进"
        case .done: return "已完成"
        }
    }
}

/// The three-colour warning of 督办 practice.
public enum WarningColour: String, Codable, Sendable, Comparable {
    case green, yellow, red

    public static func < (lhs: WarningColour, rhs: WarningColour) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .green: return 0
        case .yellow: return 1
        case .red: return 2
        }
    }

    public var chineseLabel: String {
        switch self {
        case .green: return "绿色预警"
        case .yellow: return "黄色预警"
        case .red: return "红色预警"
        }
    }
}

/// One thing wrong (or notable) about an item, with the numbers that describe it.
public struct Finding: Hashable, Sendable {
    public var state: ItemState
    /// When the finding began to hold (deadline passed, window entered, went stale).
    public var since: Date?
    /// Days overdue, days left, or days since the last update, by `state`.
    public var days: Int?
    /// The milestone a `milestone_missed` finding is about.
    public var milestone: String?
    /// For `behind_pace`: progress and elapsed fractions.
    public var progressFraction: Double?
    public var elapsedFraction: Double?
}

/// The evaluator's answer for one item at one instant.
public struct Evaluation: Hashable, Sendable {
    /// The leading finding's state (see `ItemState` for the precedence).
    public var state: ItemState
    /// Every finding, leading first.
    public var findings: [Finding]
    /// The effective deadline's due instant.
    public var due: Date?
    /// Days left including today (1 on the deadline's last day); nil when overdue or no deadline.
    public var daysLeft: Int?
    /// Whole calendar days past the deadline (1 on the first day after it).
    public var daysOverdue: Int?
    public var colour: WarningColour?
    /// The next instant at which the state or a finding can change; nil when none can
    /// (done items). The scheduler arms its timer at the earliest of these.
    public var nextChange: Date?

    public init(
        state: ItemState, findings: [Finding], due: Date? = nil, daysLeft: Int? = nil, daysOverdue: Int? = nil,
        colour: WarningColour? = nil, nextChange: Date? = nil
    ) {
        self.state = state
        self.findings = findings
        self.due = due
        self.daysLeft = daysLeft
        self.daysOverdue = daysOverdue
        self.colour = colour
        self.nextChange = nextChange
    }

    public func finding(_ state: ItemState) -> Finding? { findings.first { $0.state == state } }

    /// Whether `self` is more urgent than `other`: state precedence first, then the longest
    /// overdue, then the nearest due instant (an item with one before one without). Nil when
    /// neither is more urgent; callers break the tie their own way.
    public func urgencyPrecedes(_ other: Evaluation) -> Bool? {
        if state != other.state { return state < other.state }
        if (daysOverdue ?? -1) != (other.daysOverdue ?? -1) { return (daysOverdue ?? -1) > (other.daysOverdue ?? -1) }
        switch (due, other.due) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return nil
        }
    }
}
