import Foundation

/// Which days an office works: Monday to Friday, minus public holidays, plus the make-up
/// working days (调休) that move a weekend day into the week — as the State Council announces
/// them each year — and minus local days off.
///
/// Pure and cheap: a day is looked up in two sets of day numbers.
public struct WorkingCalendar: Hashable, Sendable {
    /// Days off that would otherwise be working days, with their names (春节, 国庆节 …).
    private var daysOff: [Int: String] = [:]
    /// Weekend days that are working days (调休上班).
    private var workdays: Set<Int> = []
    /// Years a calendar file announces (its `2026:` keys); outside them only weekends and
    /// local days off are days off, since the holidays and 调休 are not known.
    public private(set) var years: Set<Int> = []

    public init() {}

    /// Adds days off (a holiday or a local day off), inclusive.
    public mutating func addDaysOff(from: CalendarDate, to: CalendarDate, name: String) {
        guard from <= to else { return }
        for day in from.dayNumber...to.dayNumber {
            daysOff[day] = name
            workdays.remove(day)
        }
    }

    /// Adds a working day on a weekend (调休).
    public mutating func addWorkday(_ date: CalendarDate) {
        workdays.insert(date.dayNumber)
        daysOff[date.dayNumber] = nil
    }

    /// Marks a year as announced: its holidays and make-up days are all in the calendar.
    public mutating func cover(_ year: Int) { years.insert(year) }

    /// The years from `from` through `through` that no calendar file announces.
    public func unannouncedYears(from: CalendarDate, through: CalendarDate) -> [Int] {
        guard from <= through else { return [] }
        return (from.year...through.year).filter { !years.contains($0) }
    }

    /// The other calendar's days on top of this one's (local days off after the national ones).
    public mutating func merge(_ other: WorkingCalendar) {
        for (day, name) in other.daysOff {
            daysOff[day] = name
            workdays.remove(day)
        }
        for day in other.workdays {
            workdays.insert(day)
            daysOff[day] = nil
        }
        years.formUnion(other.years)
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        let number = date.dayNumber
        if workdays.contains(number) { return true }
        if daysOff[number] != nil { return false }
        return date.weekday <= 5
    }

    /// The holiday's name when `date` is a public holiday or local day off; nil on weekends.
    public func holidayName(_ date: CalendarDate) -> String? { daysOff[date.dayNumber] }

    /// `date` itself when it is a working day, else the next one.
    public func nextWorkingDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// `date` itself when it is a working day, else the last one before it.
    public func lastWorkingDay(onOrBefore date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// The working day `count` working days after `date` (before it when negative). From a
    /// day off, the first step lands on the next (or previous) working day.
    public func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        var left = abs(count)
        let step = count < 0 ? -1 : 1
        while left > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days from `start` through `end`, both included (0 when `end` is before `start`).
    public func workingDays(from start: CalendarDate, through end: CalendarDate) -> Int {
        guard start <= end else { return 0 }
        var count = 0
        var day = start
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The instant `count` working days after `instant`, at the same time of day. Counting
    /// from a day off starts at the beginning of the next working day: `5wd` from a Saturday
    /// is the start of the Monday nine days later, once Monday to Friday have passed.
    public func instant(_ instant: Date, addingWorkingDays count: Int, in zone: TimeZone) -> Date {
        let day = CalendarDate(containing: instant, in: zone)
        guard isWorkingDay(day) else {
            return adding(workingDays: count, to: nextWorkingDay(onOrAfter: day)).startInstant(in: zone)
        }
        let timeOfDay = instant.timeIntervalSince(day.startInstant(in: zone))
        return adding(workingDays: count, to: day).startInstant(in: zone).addingTimeInterval(timeOfDay)
    }

    /// When `instant` falls on a day off, the start of the next working day; nil on a working day.
    public func nextWorkingDayStart(ifDayOff instant: Date, in zone: TimeZone) -> Date? {
        let day = CalendarDate(containing: instant, in: zone)
        guard !isWorkingDay(day) else { return nil }
        return nextWorkingDay(onOrAfter: day).startInstant(in: zone)
    }

    /// The day a reminder window of `count` working days opens for a deadline on `deadline`:
    /// the deadline's last working day is day 1 of the window.
    public func windowOpens(workingDays count: Int, before deadline: CalendarDate) -> CalendarDate {
        adding(workingDays: -(max(1, count) - 1), to: lastWorkingDay(onOrBefore: deadline))
    }
}
