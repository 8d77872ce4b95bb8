import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore
import Testing

@testable import RectifyDaemon

/// Office days across 春节 2026 (02-15…02-23, make-up Saturdays 02-14 and 02-28) and 国庆节
/// 2026 (10-01…10-07, make-up Saturday 10-10), with the shipped calendar: digests move to the
/// next working day, reminders wait for it, overdue does not; intervals in working days.
struct WorkingDayAlertTests {
    static let cn: WorkingCalendar = {
        let file = DaemonHarness.repository.appendingPathComponent("config/calendars/cn.yaml").path
        return try! WorkingCalendarReader.load(file: file)
    }()

    static func policy(calendar: WorkingCalendar? = cn) -> Policy {
        var policy = Policy()
        policy.calendar = calendar
        return policy
    }

    static func planner(alerts: AlertPolicy = AlertPolicy(), calendar: WorkingCalendar? = cn) -> AlertPlanner {
        var planner = RectifyDaemonTests.planner(alerts: alerts)
        planner.policy = policy(calendar: calendar)
        return planner
    }

    /// The sample plan's item 1 with `deadline` and no staleness in the way.
    static func plan(deadline: String) -> Plan {
        var plan = samplePlan()
        plan.reportDate = nil
        plan.items[0].deadline = Deadline(date: CalendarDate(deadline)!)
        plan.items[0].lastUpdate = nil
        return plan
    }

    static func decide(
        _ plan: Plan, at now: Date, planner: AlertPlanner = planner(), ledger: AlertLedger = AlertLedger()
    ) -> AlertPlanner.Outcome {
        let evaluation = DeadlineEvaluator(policy: planner.policy).evaluate(plan.items[0], in: plan, at: now)
        return planner.plan(item: plan.items[0], in: plan, evaluation: evaluation, ledger: ledger, at: now)
    }

    static func ledger(_ outcomes: AlertPlanner.Outcome...) -> AlertLedger {
        var ledger = AlertLedger()
        for outcome in outcomes { for alert in outcome.alerts { ledger.record(alert.log) } }
        return ledger
    }

    // MARK: digests

    @Test func weeklyDigest_onAHolidayMonday_movesToTheNextWorkingDay_sameTime() {
        let weekly = DigestSchedule()
        let cn = Self.cn
        // 2026-02-16 is a Monday of 春节: its digest goes out on Tuesday 02-24 at 09:00.
        #expect(weekly.next(after: at("2026-02-10T10:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-02-24T09:00:00+08:00"))
        #expect(weekly.next(after: at("2026-02-10T10:00:00+08:00"), in: shanghai) == at("2026-02-16T09:00:00+08:00"))
        #expect(weekly.next(after: at("2026-02-24T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-03-02T09:00:00+08:00"))
        // 2026-10-05 is a Monday of 国庆节: Thursday 10-08, also when asked from inside the holiday.
        #expect(weekly.next(after: at("2026-09-28T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-10-08T09:00:00+08:00"))
        #expect(weekly.next(after: at("2026-10-07T12:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-10-08T09:00:00+08:00"))
        #expect(weekly.next(after: at("2026-10-08T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-10-12T09:00:00+08:00"))
        // Catch-up at start looks at the moved instants.
        #expect(weekly.previous(atOrBefore: at("2026-10-07T12:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-09-28T09:00:00+08:00"))
        #expect(weekly.previous(atOrBefore: at("2026-10-08T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-10-08T09:00:00+08:00"))
        #expect(weekly.previous(atOrBefore: at("2026-02-23T23:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-02-09T09:00:00+08:00"))
    }

    @Test func dailyDigest_skipsTheHolidayOnce_andGoesOutOnMakeUpSaturdays() {
        let daily = DigestSchedule(weekday: nil, minuteOfDay: 9 * 60)
        let cn = Self.cn
        #expect(daily.next(after: at("2026-02-13T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-02-14T09:00:00+08:00"))
        // Nine days of 春节 collapse into one digest on the first working day.
        #expect(daily.next(after: at("2026-02-14T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-02-24T09:00:00+08:00"))
        #expect(daily.next(after: at("2026-02-27T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-02-28T09:00:00+08:00"))
        #expect(daily.next(after: at("2026-02-28T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-03-02T09:00:00+08:00"))
        #expect(daily.next(after: at("2026-09-30T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-10-08T09:00:00+08:00"))
        #expect(daily.next(after: at("2026-10-09T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-10-10T09:00:00+08:00"))
        #expect(daily.next(after: at("2026-10-10T09:00:00+08:00"), in: shanghai, daysOff: cn) == at("2026-10-12T09:00:00+08:00"))
        // Without the calendar: every day.
        #expect(daily.next(after: at("2026-10-01T09:00:00+08:00"), in: shanghai) == at("2026-10-02T09:00:00+08:00"))
    }

    // MARK: reminders

    @Test func reminderOnASpringFestivalDay_isHeldUntilTheNextWorkingDayStarts() {
        let plan = Self.plan(deadline: "2026-02-27")
        // Green (20 days) opens on Sunday 02-08: held until Monday.
        let sunday = Self.decide(plan, at: at("2026-02-08T00:00:00+08:00"))
        #expect(sunday.alerts.isEmpty && sunday.held == 1)
        #expect(sunday.nextAlert == at("2026-02-09T00:00:00+08:00"))
        let monday = Self.decide(plan, at: at("2026-02-09T00:00:00+08:00"))
        #expect(monday.alerts.map(\.log.alertKey) == ["p/1/reminder:20"])
        // Yellow (10 days) opens on 02-18, in the holiday: held until 02-24, then to both.
        let holiday = Self.decide(plan, at: at("2026-02-18T00:00:00+08:00"), ledger: Self.ledger(monday))
        #expect(holiday.alerts.isEmpty && holiday.nextAlert == at("2026-02-24T00:00:00+08:00"))
        let back = Self.decide(plan, at: at("2026-02-24T00:00:00+08:00"), ledger: Self.ledger(monday))
        #expect(back.alerts.allSatisfy { $0.log.alertKey == "p/1/reminder:10" })
        #expect(Set(back.alerts.map(\.recipient.address)) == ["zhaomin@example.gov.cn", "liming@example.gov.cn"])
    }

    @Test func reminderOnAMakeUpSaturday_goesAtOnce() {
        // 02-14 and 02-28 are working Saturdays: 20-day windows opening on them are told then.
        for (deadline, opens) in [("2026-03-05", "2026-02-14"), ("2026-03-19", "2026-02-28"), ("2026-10-29", "2026-10-10")] {
            let outcome = Self.decide(Self.plan(deadline: deadline), at: at("\(opens)T00:00:00+08:00"))
            #expect(outcome.held == 0, "\(opens)")
            #expect(outcome.alerts.map(\.log.alertKey) == ["p/1/reminder:20"], "\(opens)")
        }
    }

    @Test func reminderInNationalDay_isHeld_butOverdueGoesOutAtOnce() {
        // 10 days before 10-16 is 10-07, a holiday: the yellow reminder waits for 10-08.
        let reminder = Self.decide(Self.plan(deadline: "2026-10-16"), at: at("2026-10-07T00:00:00+08:00"))
        #expect(reminder.alerts.isEmpty && reminder.held == 1)
        #expect(reminder.nextAlert == at("2026-10-08T00:00:00+08:00"))
        // 20 days before 10-16 is Sunday 09-27 (中秋节): Monday 09-28.
        let green = Self.decide(Self.plan(deadline: "2026-10-16"), at: at("2026-09-27T00:00:00+08:00"))
        #expect(green.alerts.isEmpty && green.nextAlert == at("2026-09-28T00:00:00+08:00"))
        // Due at the end of 09-30: red on 10-01, in the holiday, at once.
        let overdue = Self.decide(Self.plan(deadline: "2026-09-30"), at: at("2026-10-01T00:00:00+08:00"))
        #expect(overdue.held == 0)
        #expect(!overdue.alerts.isEmpty && overdue.alerts.allSatisfy { $0.entry.kind == .overdue })
    }

    @Test func sendOnDaysOff_orNoCalendar_sendsRemindersOnHolidays() {
        var alerts = AlertPolicy()
        alerts.sendOnDaysOff = true
        let plan = Self.plan(deadline: "2026-10-16")
        let configured = Self.decide(plan, at: at("2026-10-07T00:00:00+08:00"), planner: Self.planner(alerts: alerts))
        #expect(configured.alerts.map(\.entry.kind).contains(.reminder))
        let noCalendar = Self.decide(plan, at: at("2026-10-07T00:00:00+08:00"), planner: Self.planner(calendar: nil))
        #expect(noCalendar.alerts.map(\.entry.kind).contains(.reminder))
    }

    // MARK: intervals in working days

    @Test func repeatOverdueInWorkingDays_stepsOverNationalDay_ontoTheMakeUpSaturday() {
        var alerts = AlertPolicy()
        alerts.repeatOverdueWorkingDays = 5
        let planner = Self.planner(alerts: alerts)
        let plan = Self.plan(deadline: "2026-09-29")
        let first = Self.decide(plan, at: at("2026-09-30T10:00:00+08:00"), planner: planner)
        #expect(first.alerts.count == 2 && first.alerts.allSatisfy { $0.entry.kind == .overdue })
        // 10-08, 10-09, 10-10 (Saturday, working), 10-12, 10-13.
        #expect(first.nextAlert == at("2026-10-13T10:00:00+08:00"))
        let ledger = Self.ledger(first)
        let before = Self.decide(plan, at: at("2026-10-12T10:00:00+08:00"), planner: planner, ledger: ledger)
        #expect(before.alerts.isEmpty && before.nextAlert == at("2026-10-13T10:00:00+08:00"))
        let again = Self.decide(plan, at: at("2026-10-13T10:00:00+08:00"), planner: planner, ledger: ledger)
        #expect(again.alerts.count == 2 && again.alerts.allSatisfy { $0.reason == .repeatIntervalElapsed })
    }

    @Test func escalateAfterInWorkingDays_countsTheMakeUpSaturday_notTheHoliday() {
        var alerts = AlertPolicy()
        alerts.escalateAfterWorkingDays = 3
        let planner = Self.planner(alerts: alerts)
        // Due at the start of Friday 02-13; overdue working days: 02-13, 02-14, 02-24.
        let plan = Self.plan(deadline: "2026-02-12")
        let late = Self.decide(plan, at: at("2026-02-24T23:59:00+08:00"), planner: planner)
        #expect(late.alerts.allSatisfy { $0.entry.kind == .overdue })
        #expect(late.nextAlert == at("2026-02-25T00:00:00+08:00"))
        let escalated = Self.decide(plan, at: at("2026-02-25T00:00:00+08:00"), planner: planner)
        #expect(escalated.alerts.allSatisfy { $0.entry.kind == .escalation })
        #expect(escalated.alerts.map(\.recipient.address).contains("wang@example.gov.cn"))
        // Due on a holiday (05-01, 劳动节): counting starts on the first working day, 05-06.
        let mayDay = Self.plan(deadline: "2026-04-30")
        #expect(Self.decide(mayDay, at: at("2026-05-08T23:59:00+08:00"), planner: planner).alerts.allSatisfy { $0.entry.kind == .overdue })
        #expect(Self.decide(mayDay, at: at("2026-05-09T00:00:00+08:00"), planner: planner).alerts.allSatisfy { $0.entry.kind == .escalation })
    }

    @Test func repeatStaleInWorkingDays_withoutACalendar_countsMondayToFriday() {
        var alerts = AlertPolicy()
        alerts.repeatStaleWorkingDays = 2
        let planner = Self.planner(alerts: alerts, calendar: nil)
        var plan = Self.plan(deadline: "2030-12-31")
        plan.items[0].lastUpdate = at("2026-09-01T10:00:00+08:00")
        // Stale from 10-01 10:00 (a Thursday; no calendar, so not a holiday).
        let first = Self.decide(plan, at: at("2026-10-02T10:00:00+08:00"), planner: planner)
        #expect(first.alerts.map(\.entry.kind) == [.stale])
        // Friday 10:00 + 2 working days = Tuesday 10:00.
        #expect(first.nextAlert == at("2026-10-06T10:00:00+08:00"))
    }

    @Test func workingDayInstants_keepTheTimeOfDay_andStartFromTheNextWorkingDay() {
        let cn = Self.cn
        #expect(cn.instant(at("2026-02-13T15:30:00+08:00"), addingWorkingDays: 1, in: shanghai) == at("2026-02-14T15:30:00+08:00"))
        #expect(cn.instant(at("2026-02-13T15:30:00+08:00"), addingWorkingDays: 2, in: shanghai) == at("2026-02-24T15:30:00+08:00"))
        #expect(cn.instant(at("2026-10-03T15:30:00+08:00"), addingWorkingDays: 1, in: shanghai) == at("2026-10-09T00:00:00+08:00"))
        #expect(WorkingCalendar().instant(at("2026-10-03T15:30:00+08:00"), addingWorkingDays: 5, in: shanghai) == at("2026-10-12T00:00:00+08:00"))
        #expect(cn.nextWorkingDayStart(ifDayOff: at("2026-02-28T12:00:00+08:00"), in: shanghai) == nil)
        #expect(cn.nextWorkingDayStart(ifDayOff: at("2026-03-01T12:00:00+08:00"), in: shanghai) == at("2026-03-02T00:00:00+08:00"))
    }

    // MARK: config

    @Test func config_readsWorkingDayIntervals_andSendOnDaysOff() throws {
        let yaml = """
            state_dir: /tmp/x
            plans: [a.yaml]
            alerts: {repeat_overdue: 5wd, escalate_after: 10wd, repeat_stale: 2w, send_on_days_off: true}
            receivers: [{name: mail, type: maildir, path: /tmp/x/Maildir}]
            """
        let config = try ConfigReader.read(yaml, file: "c.yaml")
        #expect(config.alerts.repeatOverdueWorkingDays == 5 && config.alerts.escalateAfterWorkingDays == 10)
        #expect(config.alerts.repeatStaleWorkingDays == nil && config.alerts.repeatStale == 14 * Policy.day)
        #expect(config.alerts.sendOnDaysOff)
        #expect(AlertPolicy().sendOnDaysOff == false)
    }

    @Test func config_badWorkingDays_areErrorsWithTheirLine() {
        let yaml = """
            state_dir: /tmp/x
            plans: [a.yaml]
            alerts:
              repeat_overdue: 0wd
              escalate_after: 1.5wd
              send_on_days_off: sometimes
            receivers: [{name: mail, type: maildir, path: /tmp/x/Maildir}]
            """
        #expect {
            try ConfigReader.read(yaml, file: "c.yaml")
        } throws: { error in
            let lines = (error as? PlanLoadError)?.diagnostics.map(\.description) ?? []
            return lines.contains { $0.hasPrefix("c.yaml:4:") && $0.contains("alerts.repeat_overdue '0wd'") && $0.contains("5wd") }
                && lines.contains { $0.hasPrefix("c.yaml:5:") && $0.contains("alerts.escalate_after '1.5wd'") }
                && lines.contains { $0.hasPrefix("c.yaml:6:") }
        }
    }
}

/// The calendar file announces 2024–2026; a daemon that needs 2027 (the coming weeks, or an
/// open deadline in it) says so at start, reload and --check-config, pointing at the file.
struct CalendarCoverageTests {
    static func config(daysOff: String = "") throws -> DaemonConfig {
        let dir = DaemonHarness.repository.appendingPathComponent("config").path
        return try ConfigReader.read(
            """
            state_dir: /tmp/unused
            plans: [plans]
            receivers:
              - {name: box, type: maildir, path: /tmp/unused-maildir}
            policy:
              calendar: calendars/cn.yaml
            \(daysOff)
            """, file: dir + "/test.yaml")
    }

    static func plan(deadline: String?) -> Plan {
        var plan = samplePlan()
        for i in plan.items.indices { plan.items[i].status = .done }
        plan.items[0].status = .inProgress
        plan.items[0].deadline = deadline.map { Deadline(date: CalendarDate($0)!) }
        return plan
    }

    @Test func aYearTheCalendarLacks_isNamed_withTheDeadlinesInIt() throws {
        let config = try Self.config()
        // Mid-2026, nothing due in 2027: nothing to say.
        #expect(CalendarCoverage.warning(config: config, plans: [Self.plan(deadline: "2026-12-31")], now: at("2026-06-01T09:00:00+08:00")) == nil)
        // A deadline in 2027.
        let due = try #require(CalendarCoverage.warning(config: config, plans: [Self.plan(deadline: "2027-03-31")], now: at("2026-06-01T09:00:00+08:00")))
        #expect(due.severity == .warning)
        #expect(due.file.hasSuffix("config/calendars/cn.yaml"))
        #expect(due.message.contains("covers 2024–2026, not 2027"))
        #expect(due.message.contains("1 open deadline falls in 2027"))
        // Late November: the coming weeks are in 2027 even without a deadline there.
        let soon = try #require(CalendarCoverage.warning(config: config, plans: [Self.plan(deadline: nil)], now: at("2026-11-29T09:00:00+08:00")))
        #expect(soon.message.contains("not 2027") && !soon.message.contains("open deadline"))
    }

    /// A local day off in 2027 does not make 2027 announced.
    @Test func localDaysOff_doNotCoverAYear() throws {
        let config = try Self.config(daysOff: "  days_off: [{name: 县庆, date: 2027-03-12}]")
        #expect(CalendarCoverage.warning(config: config, plans: [Self.plan(deadline: "2027-03-31")], now: at("2026-06-01T09:00:00+08:00")) != nil)
    }
}
