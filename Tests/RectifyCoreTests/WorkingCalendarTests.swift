import Foundation
import Testing

@testable import RectifyCore

/// The shipped calendar of mainland China (config/calendars/cn.yaml) and working-day policy,
/// across the Spring Festival and the National Day week with their make-up Saturdays.
struct WorkingCalendarTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/calendars/cn.yaml").path

    static func china() throws -> WorkingCalendar { try WorkingCalendarReader.load(file: file) }

    @Test func shippedCalendar_knowsHolidaysAndMakeUpWorkdays_2024to2026() throws {
        let cn = try Self.china()
        #expect(cn.years == [2024, 2025, 2026])
        #expect(!cn.isWorkingDay(day("2026-02-16")))  // 春节, a Monday
        #expect(cn.holidayName(day("2026-02-16")) == "春节")
        #expect(cn.isWorkingDay(day("2026-02-14")))  // make-up Saturday before 春节
        #expect(cn.isWorkingDay(day("2026-02-28")))  // make-up Saturday after it
        #expect(!cn.isWorkingDay(day("2026-10-07")))
        #expect(cn.isWorkingDay(day("2026-10-10")))  // make-up Saturday after 国庆节
        #expect(cn.isWorkingDay(day("2025-09-28")))  // make-up Sunday before 国庆节、中秋节
        #expect(!cn.isWorkingDay(day("2025-10-08")))
        #expect(cn.isWorkingDay(day("2024-02-04")))
        #expect(!cn.isWorkingDay(day("2026-03-07")))  // an ordinary Saturday
        #expect(cn.holidayName(day("2026-03-07")) == nil)
        #expect(cn.workingDays(from: day("2026-02-01"), through: day("2026-02-28")) == 16)
    }

    @Test func addingWorkingDays_stepsOverTheSpringFestival_ontoMakeUpSaturdays() throws {
        let cn = try Self.china()
        #expect(cn.adding(workingDays: 1, to: day("2026-02-13")) == day("2026-02-14"))
        #expect(cn.adding(workingDays: 2, to: day("2026-02-13")) == day("2026-02-24"))
        #expect(cn.adding(workingDays: -1, to: day("2026-02-24")) == day("2026-02-14"))
        #expect(cn.adding(workingDays: 1, to: day("2025-09-30")) == day("2025-10-09"))
        #expect(cn.nextWorkingDay(onOrAfter: day("2026-10-01")) == day("2026-10-08"))
    }

    @Test func reminderWindowInWorkingDays_opensEarlierAcrossHolidays() throws {
        let cn = try Self.china()
        #expect(cn.windowOpens(workingDays: 10, before: day("2026-02-27")) == day("2026-02-09"))
        #expect(cn.windowOpens(workingDays: 20, before: day("2026-02-27")) == day("2026-01-26"))
        #expect(cn.windowOpens(workingDays: 10, before: day("2026-10-16")) == day("2026-09-29"))
        #expect(cn.windowOpens(workingDays: 10, before: day("2025-10-15")) == day("2025-09-26"))
    }

    @Test func evaluator_withWorkingDayWindows_turnsYellowTenWorkingDaysBefore() throws {
        var policy = Policy(reminderDays: [20, 10])
        policy.calendar = try Self.china()
        policy.reminderInWorkingDays = true
        let evaluator = DeadlineEvaluator(policy: policy)
        let task = item(deadline: "2026-02-27")
        let before = evaluator.evaluate(task, context: context(), at: instant("2026-02-08T23:59:59+08:00"))
        #expect(before.colour == .green)
        #expect(before.nextChange == instant("2026-02-09T00:00:00+08:00"))
        let yellow = evaluator.evaluate(task, context: context(), at: instant("2026-02-09T00:00:00+08:00"))
        #expect(yellow.colour == .yellow)
        #expect(yellow.daysLeft == 19)  // messages still count calendar days
        let green = evaluator.evaluate(task, context: context(), at: instant("2026-01-26T00:00:00+08:00"))
        #expect(green.colour == .green)
        #expect(evaluator.evaluate(task, context: context(), at: instant("2026-01-25T12:00:00+08:00")).colour == nil)
        // Calendar days (the default) would open the yellow window only on 02-18, mid-holiday.
        let plain = DeadlineEvaluator(policy: Policy(reminderDays: [20, 10]))
        #expect(plain.evaluate(task, context: context(), at: instant("2026-02-17T12:00:00+08:00")).colour == .green)
    }

    @Test func deadlineOnADayOff_staysByDefault_orMovesToTheNextWorkingDay() throws {
        let task = item(deadline: "2026-10-01")  // 国庆节
        var policy = Policy()
        policy.calendar = try Self.china()
        let stays = DeadlineEvaluator(policy: policy).evaluate(task, context: context(), at: instant("2026-10-05T09:00:00+08:00"))
        #expect(stays.state == .overdue)
        #expect(stays.due == instant("2026-10-02T00:00:00+08:00"))
        policy.deadlineOnDayOff = .nextWorkingDay
        let moved = DeadlineEvaluator(policy: policy).evaluate(task, context: context(), at: instant("2026-10-05T09:00:00+08:00"))
        #expect(moved.state == .dueSoon)
        #expect(moved.due == instant("2026-10-09T00:00:00+08:00"))
        #expect(moved.daysLeft == 4)
    }

    @Test func badCalendar_reportsEveryProblemWithFileAndLine() {
        let text = """
            2026:
              holidays:
                - {name: 春节, from: 2026-02-23, to: 2026-02-15}
                - {name: 劳动节, from: 2026-05-01, to: 2026-05-32}
              workdays: [2026-02-16, 2025-10-11]
              extra: []
            twenty: {}
            """
        #expect {
            _ = try WorkingCalendarReader.read(text, file: "cal.yaml")
        } throws: { error in
            let lines = (error as? PlanLoadError)?.diagnostics.map(\.description) ?? []
            return lines.count == 6
                && lines.contains { $0.hasPrefix("cal.yaml:3:") && $0.contains("'from' must be on or before 'to'") }
                && lines.contains { $0.hasPrefix("cal.yaml:4:") && $0.contains("does not exist") }
                && lines.contains { $0.hasPrefix("cal.yaml:5:") && $0.contains("2026-02-16 is a weekday already") }
                && lines.contains { $0.hasPrefix("cal.yaml:5:") && $0.contains("is not in 2026") }
                && lines.contains { $0.hasPrefix("cal.yaml:6:") && $0.contains("unknown key 'extra'") }
                && lines.contains { $0.hasPrefix("cal.yaml:7:") && $0.contains("'twenty' is not a year") }
        }
    }

    @Test func localDaysOff_mergeOverTheNationalCalendar() throws {
        var cn = try Self.china()
        var local = WorkingCalendar()
        local.addDaysOff(from: day("2026-03-12"), to: day("2026-03-12"), name: "县庆")
        cn.merge(local)
        #expect(!cn.isWorkingDay(day("2026-03-12")))
        #expect(cn.holidayName(day("2026-03-12")) == "县庆")
        #expect(cn.isWorkingDay(day("2026-02-14")))
    }
}
