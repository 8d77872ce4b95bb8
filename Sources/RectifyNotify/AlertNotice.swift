import Foundation
import RectifyCore

/// Why an alert is sent. The daemon's pipeline decides these; notifiers render and deliver them.
public enum AlertKind: String, Codable, Sendable, CaseIterable {
    /// Due soon: a reminder window opened (defaults at 20 and 10 days left).
    case reminder
    /// Past the deadline; repeated every `repeat_overdue`.
    case overdue
    /// Overdue longer than `escalate_after`: the plan's leaders are told too.
    case escalation
    case milestoneMissed = "milestone_missed"
    /// No progress report within `stale_after`.
    case stale
    /// An open item without a deadline (told once, to the plan owner).
    case noDeadline = "no_deadline"
    /// A red or yellow notice nobody signed for (签收) within `web.receipt_within` working days:
    /// the leaders above its recipient are told.
    case unacknowledged
    /// The office's decision on a request made through a signed link (延期, 销号), to its requester.
    case reply
    /// Done after an alert about it was sent.
    case resolved
    /// The periodic list of everything open of one recipient.
    case digest
}

/// One item's line in a notice: what it is, how late, who answers for it, and the evidence.
public struct NoticeEntry: Hashable, Codable, Sendable {
    public var kind: AlertKind
    public var planID: String
    public var planTitle: String
    public var unit: String
    public var itemID: String
    public var itemTitle: String
    public var state: ItemState
    public var colour: WarningColour?
    public var deadline: Deadline?
    /// The original deadline when an extension moved it.
    public var originalDeadline: Deadline?
    public var daysOverdue: Int?
    public var daysLeft: Int?
    /// The milestone a milestone_missed entry is about.
    public var milestone: String?
    /// "医政股（张三）".
    public var responsible: String?
    /// Phones of the responsible people (chat robots @-mention them).
    public var mobiles: [String]
    /// The plan's phrase for the deadline or status, with its line.
    public var evidence: Evidence?
    /// Days since the last progress report (stale entries).
    public var daysSinceUpdate: Int?
    /// What a reply or an unacknowledged entry says in words (the decision and its reason; who
    /// did not sign for which notice).
    public var note: String?

    public init(
        kind: AlertKind, planID: String, planTitle: String, unit: String, itemID: String, itemTitle: String,
        state: ItemState, colour: WarningColour? = nil, deadline: Deadline? = nil, originalDeadline: Deadline? = nil,
        daysOverdue: Int? = nil, daysLeft: Int? = nil, milestone: String? = nil, responsible: String? = nil,
        mobiles: [String] = [], evidence: Evidence? = nil, daysSinceUpdate: Int? = nil, note: String? = nil
    ) {
        self.note = note
        self.kind = kind
        self.planID = planID
        self.planTitle = planTitle
        self.unit = unit
        self.itemID = itemID
        self.itemTitle = itemTitle
        self.state = state
        self.colour = colour
        self.deadline = deadline
        self.originalDeadline = originalDeadline
        self.daysOverdue = daysOverdue
        self.daysLeft = daysLeft
        self.milestone = milestone
        self.responsible = responsible
        self.mobiles = mobiles
        self.evidence = evidence
        self.daysSinceUpdate = daysSinceUpdate
    }
}

/// Everything due for one recipient in one evaluation: rendered as one message.
public struct AlertNotice: Hashable, Codable, Sendable {
    /// Stable id of this notice (the outbox row); webhooks send it as `Idempotency-Key`.
    public var id: String
    /// The receiver (config name) this notice goes through.
    public var receiver: String
    /// Whom it is for: an email address, or a label for webhook/robot receivers.
    public var recipient: String
    public var recipientName: String?
    public var entries: [NoticeEntry]
    /// The evaluation instant the notice was made at (rendered in `timeZone`).
    public var createdAt: Date
    public var timeZone: String
    /// "zh" (default) or "en".
    public var language: String
    /// The recipient's signed link to the web page of this notice (`web.base_url`), added when
    /// the notice is delivered; nil without a web listener. Never logged.
    public var link: String?
    /// When `link` stops working.
    public var linkExpires: Date?
    /// A report carried whole (the weekly 情况通报), sent as it is written instead of a
    /// rendering of `entries` (which is then empty).
    public var report: NoticeReport?
    /// Trial mode (`routing.redirect_all`): whom the notice was meant for ("韦明 <weiming@…>")
    /// while `recipient` is the trial address. nil: sent to its recipient as meant.
    public var intendedFor: [String]?
    /// Set when a recipient's alerts were too many for one notice: which part this is.
    public var part: NoticePart?

    public init(
        id: String, receiver: String, recipient: String, recipientName: String? = nil, entries: [NoticeEntry],
        createdAt: Date, timeZone: String = Plan.defaultTimeZone, language: String = "zh", report: NoticeReport? = nil,
        intendedFor: [String]? = nil, part: NoticePart? = nil
    ) {
        self.intendedFor = intendedFor
        self.id = id
        self.receiver = receiver
        self.recipient = recipient
        self.recipientName = recipientName
        self.entries = entries
        self.createdAt = createdAt
        self.timeZone = timeZone
        self.language = language
        self.report = report
        self.part = part
    }

    /// The most severe colour among the entries (red beats yellow beats green).
    public var colour: WarningColour? { entries.compactMap(\.colour).max() }
}

/// One of the numbered notices a recipient's alerts were cut into (at most
/// `NoticePart.maxEntries` entries each, most urgent first), as chat robots cut long digests.
public struct NoticePart: Hashable, Codable, Sendable {
    /// 1-based.
    public var number: Int
    public var count: Int
    /// Items in all the parts together.
    public var items: Int

    public init(number: Int, count: Int, items: Int) {
        self.number = number
        self.count = count
        self.items = items
    }

    /// The most entries one notice carries: a notice stays a readable mail (and renders in
    /// milliseconds); more alerts for one recipient at one instant go out as numbered parts.
    public static let maxEntries = 200
}

extension AlertKind {
    /// Most urgent first: the order of a notice's sections, of its entries and of a robot
    /// digest's lines. The one ordering of alert kinds.
    public static let urgencyOrder: [AlertKind] = [
        .escalation, .overdue, .unacknowledged, .milestoneMissed, .reminder, .stale, .noDeadline, .reply, .digest, .resolved,
    ]

    /// Position in `urgencyOrder` (0 most urgent).
    public var urgencyRank: Int { Self.urgencyOrder.firstIndex(of: self) ?? Self.urgencyOrder.count }
}

extension WarningColour {
    /// red 3, yellow 2, green 1, none 0.
    public static func rank(_ colour: WarningColour?) -> Int {
        switch colour {
        case nil: return 0
        case .green: return 1
        case .yellow: return 2
        case .red: return 3
        }
    }
}

/// How urgent an entry is, as one value: by kind (`AlertKind.urgencyOrder`), then red before
/// yellow before green, the longest overdue, the nearest deadline; smaller is more urgent.
/// Sorting by it, then by plan and item, is the one order of entries in notices, their parts
/// and robot digests. A few integers: sorting positions by it never copies the entries.
public struct Urgency: Comparable, Hashable, Sendable {
    var kind: Int
    var colour: Int
    var overdue: Int
    var left: Int

    public static func < (a: Self, b: Self) -> Bool {
        (a.kind, a.colour, a.overdue, a.left) < (b.kind, b.colour, b.overdue, b.left)
    }
}

extension NoticeEntry {
    public var urgency: Urgency {
        Urgency(kind: kind.urgencyRank, colour: -WarningColour.rank(colour), overdue: -(daysOverdue ?? -1), left: daysLeft ?? .max)
    }
}

/// A document already worded and laid out for every channel: the mail's subject, text and HTML
/// bodies, and what chat robots post (Markdown, or the text for their plain formats).
public struct NoticeReport: Hashable, Codable, Sendable {
    public var subject: String
    public var text: String
    public var html: String
    public var markdown: String

    public init(subject: String, text: String, html: String, markdown: String) {
        self.subject = subject
        self.text = text
        self.html = html
        self.markdown = markdown
    }
}
