import Foundation

/// How coarse a deadline is: "2026年4月30日前" is a day, "2026年4月底前" a month,
/// "2025年底前" a year. The deadline's `date` is always the last day of that period.
public enum DeadlinePrecision: String, Codable, Sendable, CaseIterable {
    case day
    /// 旬: the first, middle or last ten days of a month (上旬/中旬/下旬).
    case xun
    case month
    case quarter
    case halfYear = "half_year"
    case year
}

/// A deadline as a plan states it: the last day of a period, its precision and the phrase
/// it came from. It is due when the day after `date` begins in the plan's time zone:
/// "2026年4月底前" (2026-04-30, month) is due at 2026-05-01 00:00 +08:00.
public struct Deadline: Hashable, Codable, Sendable {
    /// The years a plan's deadlines may fall in. Plans are about real deadlines; beyond 9998
    /// the moment a deadline falls due (the next day's start) would need a five-digit year,
    /// which RFC 3339 cannot write, and before 1900 is a typo.
    public static let plannableYears = 1900...9998

    public var date: CalendarDate
    public var precision: DeadlinePrecision
    /// The source phrase, e.g. "预计2026年4月底前完成".
    public var text: String?
    /// The line of the source report or plan file the phrase is on.
    public var line: Int?
    /// The spreadsheet or Word-table cell the deadline was read from ("台账!G5"), for ledgers.
    public var cell: String?

    public init(
        date: CalendarDate, precision: DeadlinePrecision = .day, text: String? = nil, line: Int? = nil, cell: String? = nil
    ) {
        self.date = date
        self.precision = precision
        self.text = text
        self.line = line
        self.cell = cell
    }

    /// The instant the deadline passes: the start of the day after `date`.
    public func dueInstant(in timeZone: TimeZone) -> Date {
        date.adding(days: 1).startInstant(in: timeZone)
    }

    /// The first day of the deadline's period (for display: "2026年4月" covers 04-01…04-30).
    public var periodStart: CalendarDate {
        switch precision {
        case .day: return date
        case .xun: return CalendarDate(year: date.year, month: date.month, day: date.day <= 10 ? 1 : date.day <= 20 ? 11 : 21)!
        case .month: return CalendarDate(year: date.year, month: date.month, day: 1)!
        case .quarter: return CalendarDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1)!
        case .halfYear: return CalendarDate(year: date.year, month: date.month <= 6 ? 1 : 7, day: 1)!
        case .year: return CalendarDate(year: date.year, month: 1, day: 1)!
        }
    }

    /// Whether `date` is the last day of a period of `precision` (a month deadline must end a month).
    public var isPeriodEnd: Bool {
        switch precision {
        case .day: return true
        case .xun:
            return date.day == 10 || date.day == 20 || date.day == CalendarDate.daysIn(month: date.month, year: date.year)
        case .month: return date.day == CalendarDate.daysIn(month: date.month, year: date.year)
        case .quarter: return date.month % 3 == 0 && date.day == CalendarDate.daysIn(month: date.month, year: date.year)
        case .halfYear: return (date.month == 6 && date.day == 30) || (date.month == 12 && date.day == 31)
        case .year: return date.month == 12 && date.day == 31
        }
    }

    /// A Chinese rendering of the period: 2026年4月30日, 2026年4月底, 2026年第二季度末, 2025年底.
    public var chineseDescription: String {
        switch precision {
        case .day: return "\(date.year)年\(date.month)月\(date.day)日"
        case .xun: return "\(date.year)年\(date.month)月" + (date.day <= 10 ? "上旬" : date.day <= 20 ? "中旬" : "下旬")
        case .month: return "\(date.year)年\(date.month)月底"
        case .quarter: return "\(date.year)年第\(["一", "二", "三", "四"][(date.month - 1) / 3])季度末"
        case .halfYear: return "\(date.year)年" + (date.month <= 6 ? "上半年" : "下半年")
        case .year: return "\(date.year)年底"
        }
    }
}
