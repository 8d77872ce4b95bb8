import RectifyCore

/// The languages a notice is written in. Each has a phrase table; `NoticeComposer` decides
/// what is said and in which order, a table only says it in its language.
public enum NoticeLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// `en…` is English; anything else the default, Chinese.
    public init(tag: String) { self = tag.lowercased().hasPrefix("en") ? .en : .zh }

    var phrases: Phrases {
        switch self {
        case .zh: return .chinese
        case .en: return .english
        }
    }
}

/// The words of one language: fixed texts, and small functions for texts with values in them
/// (counts, names, dates), each with the one grammar its language needs.
struct Phrases: Sendable {
    var tag: String
    var labels: RowLabels
    var nextStepsTitle: String
    /// Between a label and its value in plain text, and at the end of a heading.
    var colon: String
    /// Indent of the intro paragraph in plain text (全角 spaces in Chinese).
    var paragraphIndent: String

    // The subject: "【红色预警】整改事项逾期提醒：3项（某单位）".
    var subjectTag: @Sendable (WarningColour?) -> String
    var kindTitle: @Sendable (AlertKind) -> String
    var mixedTitle: String
    var subject: @Sendable (_ tag: String, _ title: String, _ items: Int, _ units: [String]) -> String

    // The opening.
    var greeting: @Sendable (String?) -> String
    var zoneName: @Sendable (_ isBeijing: Bool, _ offset: String) -> String
    var day: @Sendable (CalendarDate) -> String
    /// "截至2026年5月6日 09:00（北京时间）".
    var asOf: @Sendable (_ day: String, _ clock: String, _ zone: String) -> String
    var intro: @Sendable (_ asOf: String, _ plans: [String], _ items: Int) -> String

    // Sections and rows.
    var sectionName: @Sendable (AlertKind) -> String
    var sectionTitle: @Sendable (_ index: Int, _ name: String, _ count: Int) -> String
    var colourLabel: @Sendable (WarningColour?) -> String
    var describe: @Sendable (Deadline) -> String
    var noDeadline: String
    var extended: @Sendable (_ deadline: String, _ original: String) -> String
    var done: String
    var milestoneMissed: @Sendable (String) -> String
    var daysOverdue: @Sendable (Int) -> String
    var dueToday: String
    var daysLeft: @Sendable (Int) -> String
    var noReportFor: @Sendable (Int) -> String
    var deadlineMissing: String
    var stateName: @Sendable (ItemState) -> String
    var timingSeparator: String
    var nobodyNamed: String
    var evidence: @Sendable (_ text: String, _ line: Int?) -> String

    // What to do, and who signs.
    var closedNoAction: String
    var reportProgress: String
    var progressArguments: String
    var askExtension: String
    var extensionArguments: String
    var explainDelay: String
    var setDeadline: String
    var defaultSender: String
    var footer: @Sendable (_ noticeID: String) -> String
    /// The last line of a chat message: "整改办 · rectifyd 自动发送".
    var chatFooter: @Sendable (_ sender: String?) -> String
    var partSuffix: @Sendable (_ part: Int, _ of: Int) -> String
}

/// How a notice names its time zone: "北京时间" for Asia/Shanghai, else the UTC offset.
enum ZoneNames {
    static func isBeijing(_ identifier: String) -> Bool {
        ["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC"].contains(identifier)
    }
}
