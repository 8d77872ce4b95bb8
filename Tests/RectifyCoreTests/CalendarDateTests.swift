import Foundation
import Testing
@testable import RectifyCore

struct CalendarDateTests {
    @Test func impossibleDays_areRejected() {
        #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CalendarDate("2026-4-30") == nil)
    }

    @Test func dayNumbers_roundTripAcrossCenturies() {
        for n in stride(from: -700_000, through: 2_900_000, by: 997) {
            let date = CalendarDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
        }
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
        #expect(day("2024-03-01").adding(days: -1) == day("2024-02-29"))
        #expect(day("2025-03-01").adding(days: -1) == day("2025-02-28"))
    }

    @Test func weekday_isISO() {
        #expect(day("2026-11-23").weekday == 1)  // Monday
        #expect(day("2026-11-22").weekday == 7)
    }

    @Test func startInstant_usesTheZone() {
        #expect(day("2026-05-01").startInstant(in: shanghai) == instant("2026-04-30T16:00:00Z"))
        let newYork = TimeZone(identifier: "America/New_York")!
        // DST starts 2026-03-08 at 02:00; the day still begins at 00:00 EST (-05:00).
        #expect(day("2026-03-08").startInstant(in: newYork) == instant("2026-03-08T05:00:00Z"))
        #expect(day("2026-03-09").startInstant(in: newYork) == instant("2026-03-09T04:00:00Z"))
    }

    @Test func timestamps_formatWithColonOffset() {
        #expect(Timestamps.format(instant("2026-04-30T16:00:00Z"), in: shanghai) == "2026-05-01T00:00:00+08:00")
        #expect(Timestamps.format(instant("2026-04-30T16:00:00Z"), in: TimeZone(identifier: "UTC")!) == "2026-04-30T16:00:00Z")
    }
}

struct DeadlineTests {
    @Test func monthDeadline_isDueWhenTheNextMonthBegins() {
        let d = Deadline(date: day("2026-04-30"), precision: .month, text: "预计2026年4月底前完成")
        #expect(d.dueInstant(in: shanghai) == instant("2026-05-01T00:00:00+08:00"))
        #expect(d.periodStart == day("2026-04-01"))
        #expect(d.chineseDescription == "2026年4月底")
    }

    @Test func periodEnds_areChecked() {
        #expect(Deadline(date: day("2024-02-29"), precision: .month).isPeriodEnd)
        #expect(!Deadline(date: day("2025-02-28"), precision: .day).isPeriodEnd == false)
        #expect(!Deadline(date: day("2026-04-15"), precision: .month).isPeriodEnd)
        #expect(Deadline(date: day("2026-09-30"), precision: .quarter).isPeriodEnd)
        #expect(!Deadline(date: day("2026-08-31"), precision: .quarter).isPeriodEnd)
        #expect(Deadline(date: day("2026-06-30"), precision: .halfYear).isPeriodEnd)
        #expect(Deadline(date: day("2026-04-20"), precision: .xun).isPeriodEnd)
        #expect(Deadline(date: day("2026-12-31"), precision: .year).isPeriodEnd)
        #expect(!Deadline(date: day("2026-11-30"), precision: .year).isPeriodEnd)
    }
}
