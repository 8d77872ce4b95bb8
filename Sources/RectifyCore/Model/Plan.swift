import Foundation

/// A rectification plan (整改方案 / 整改台账): the unit, its contacts and its items.
public struct Plan: Hashable, Sendable {
    /// Stable identifier, unique among loaded plans; item ids are unique within a plan.
    public var id: String
    /// 被巡察单位: the unit that must rectify.
    public var unit: String
    public var title: String
    /// Where the plan came from: a file name, a report's address, a document number.
    public var source: String?
    public var reportDate: CalendarDate?
    /// IANA zone the plan's deadlines are in; Asia/Shanghai unless the plan says otherwise.
    public var timeZone: String
    /// The office that keeps the plan (整改办), who receives unrouted alerts and digests.
    public var owner: Contact?
    /// The unit's leaders, with their ladder level.
    public var leaders: [Contact]
    /// The totals the report itself states ("反馈问题25个，完成整改23个").
    public var stated: StatedTotals?
    public var inspection: Inspection?
    public var items: [Item]

    public static let defaultTimeZone = "Asia/Shanghai"

    public init(
        id: String, unit: String, title: String, source: String? = nil, reportDate: CalendarDate? = nil,
        timeZone: String = Plan.defaultTimeZone, owner: Contact? = nil, leaders: [Contact] = [],
        stated: StatedTotals? = nil, inspection: Inspection? = nil, items: [Item] = []
    ) {
        self.id = id
        self.unit = unit
        self.title = title
        self.source = source
        self.reportDate = reportDate
        self.timeZone = timeZone
        self.owner = owner
        self.leaders = leaders
        self.stated = stated
        self.inspection = inspection
        self.items = items
    }

    /// The plan's zone; falls back to Asia/Shanghai (loading rejects unknown zone names).
    public var zone: TimeZone {
        TimeZone(identifier: timeZone) ?? TimeZone(identifier: Plan.defaultTimeZone)!
    }

    /// The unit's main leader (主要负责人), if the plan names one.
    public var mainLeader: Contact? { leaders.first { $0.level == .main } }
}

/// The totals a report states about itself; the importer compares them with what it found.
public struct StatedTotals: Hashable, Codable, Sendable {
    /// Problems fed back (反馈问题 N 个).
    public var problems: Int?
    /// Of those, rectified (完成整改 N 个).
    public var done: Int?
    /// Of those, still open (未完成 N 个 / N 个取得阶段性成效).
    public var open: Int?
    /// Measures (整改措施 N 条) and how many of them are in place.
    public var measures: Int?
    public var measuresDone: Int?
    /// The sentence the numbers came from, and its line.
    public var text: String?
    public var line: Int?

    public init(
        problems: Int? = nil, done: Int? = nil, open: Int? = nil, measures: Int? = nil,
        measuresDone: Int? = nil, text: String? = nil, line: Int? = nil
    ) {
        self.problems = problems
        self.done = done
        self.open = open
        self.measures = measures
        self.measuresDone = measuresDone
        self.text = text
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case problems, done, open, measures
        case measuresDone = "measures_done"
        case text, line
    }
}

/// The inspection (巡察) a plan answers: when it ran and when its findings were fed back.
public struct Inspection: Hashable, Codable, Sendable {
    /// The inspection period as the report states it ("2023年9月18日至12月31日").
    public var period: String?
    public var start: CalendarDate?
    public var end: CalendarDate?
    /// 反馈 date: the clock for rectification starts here.
    public var feedbackDate: CalendarDate?
    /// The feedback date as the report states it when it names no day ("2025年1月"):
    /// `feedbackDate` is then the period's last day, which is not to be written as the date.
    public var feedback: String?

    public init(
        period: String? = nil, start: CalendarDate? = nil, end: CalendarDate? = nil, feedbackDate: CalendarDate? = nil,
        feedback: String? = nil
    ) {
        self.period = period
        self.start = start
        self.end = end
        self.feedbackDate = feedbackDate
        self.feedback = feedback
    }

    enum CodingKeys: String, CodingKey {
        case period, start, end, feedback
        case feedbackDate = "feedback_date"
    }
}
