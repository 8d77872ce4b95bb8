import Foundation
import RectifyCore

/// The days a weekly 情况通报 covers, first to last, in one zone.
public struct ReportPeriod: Hashable, Sendable {
    public var firstDay: CalendarDate
    public var lastDay: CalendarDate
    public var zone: TimeZone
    /// "2026年第47周" for an ISO week; nil for another span (the daemon's seven days before a send).
    public var weekLabel: String?

    public init(firstDay: CalendarDate, lastDay: CalendarDate, zone: TimeZone, weekLabel: String? = nil) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.zone = zone
        self.weekLabel = weekLabel
    }

    /// The instant the period ends: the start of the day after its last day.
    public var end: Date { lastDay.adding(days: 1).startInstant(in: zone) }
    public var start: Date { firstDay.startInstant(in: zone) }

    public func contains(_ day: CalendarDate) -> Bool { day >= firstDay && day <= lastDay }

    /// The seven days before `instant` (a send at Monday 09:00 covers Monday to Sunday of the
    /// week before it).
    public static func sevenDays(before instant: Date, zone: TimeZone) -> ReportPeriod {
        let today = CalendarDate(containing: instant, in: zone)
        let last = today.adding(days: -1)
        let first = today.adding(days: -7)
        return ReportPeriod(firstDay: first, lastDay: last, zone: zone, weekLabel: ISOWeek(containing: first).flatMap { week in
            week.monday == first ? week.label : nil
        })
    }
}

/// An ISO 8601 week (`2026-W47`): Monday to Sunday; week 1 holds the year's first Thursday.
public struct ISOWeek: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    /// Parses `YYYY-Www` (also `YYYYWww`); nil when malformed or when the year has no such week.
    public init?(_ text: String) {
        let upper = text.uppercased()
        let parts = upper.split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var yearText = String(parts[0])
        if yearText.hasSuffix("-") { yearText.removeLast() }
        guard yearText.count == 4, let year = Int(yearText), parts[1].count == 2, let week = Int(parts[1]),
            Deadline.plannableYears.contains(year), week >= 1, week <= ISOWeek.weeks(in: year)
        else { return nil }
        self.year = year
        self.week = week
    }

    /// The ISO week a day belongs to (early January days may be in the previous year's last week).
    public init?(containing day: CalendarDate) {
        let thursday = day.adding(days: 4 - day.weekday)
        guard let jan1 = CalendarDate(year: thursday.year, month: 1, day: 1) else { return nil }
        year = thursday.year
        week = jan1.days(until: thursday) / 7 + 1
    }

    public var monday: CalendarDate {
        let jan4 = CalendarDate(year: year, month: 1, day: 4)!
        return jan4.adding(days: 1 - jan4.weekday + 7 * (week - 1))
    }

    public var sunday: CalendarDate { monday.adding(days: 6) }

    public var description: String { String(format: "%04d-W%02d", year, week) }

    /// "2026年第47周".
    public var label: String { "\(year)年第\(week)周" }

    public func period(in zone: TimeZone) -> ReportPeriod {
        ReportPeriod(firstDay: monday, lastDay: sunday, zone: zone, weekLabel: label)
    }

    /// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52.
    public static func weeks(in year: Int) -> Int {
        guard let jan1 = CalendarDate(year: year, month: 1, day: 1) else { return 52 }
        return jan1.weekday == 4 || (CalendarDate.isLeap(year) && jan1.weekday == 3) ? 53 : 52
    }
}
