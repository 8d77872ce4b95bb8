import Foundation
import Testing
@testable import RectifyCore

struct DeadlineEvaluatorTests {
    let evaluator = DeadlineEvaluator()

    @Test func doneItem_isDoneAndNeverChanges() {
        let e = evaluator.evaluate(item(status: .done, deadline: "2020-01-31"), context: context(), at: instant("2026-01-01T00:00:00Z"))
        #expect(e.state == .done)
        #expect(e.findings.isEmpty)
        #expect(e.nextChange == nil)
    }

    @Test func lastSecondOfMonth_isNotOverdue_firstSecondOfNextMonthIs() {
        let i = item(deadline: "2026-04-30", precision: .month, lastUpdate: "2026-04-29T00:00:00+08:00")
        let before = evaluator.evaluate(i, context: context(), at: instant("2026-04-30T23:59:59+08:00"))
        #expect(before.state == .dueSoon)
        #expect(before.daysLeft == 1)
        #expect(before.colour == .yellow)
        #expect(before.nextChange == instant("2026-05-01T00:00:00+08:00"))
        let after = evaluator.evaluate(i, context: context(), at: instant("2026-05-01T00:00:00+08:00"))
        #expect(after.state == .overdue)
        #expect(after.daysOverdue == 1)
        #expect(after.colour == .red)
    }

    @Test func reminderWindows_openAt20And10DaysLeft() {
        let i = item(deadline: "2026-04-30", lastUpdate: "2026-04-09T00:00:00+08:00")
        let early = evaluator.evaluate(i, context: context(), at: instant("2026-04-10T23:59:59+08:00"))
        #expect(early.state == .onTrack)
        #expect(early.daysLeft == 21)
        #expect(early.nextChange == instant("2026-04-11T00:00:00+08:00"))
        let green = evaluator.evaluate(i, context: context(), at: instant("2026-04-11T00:00:00+08:00"))
        #expect(green.state == .dueSoon)
        #expect(green.colour == .green)
        #expect(green.daysLeft == 20)
        #expect(green.nextChange == instant("2026-04-21T00:00:00+08:00"))
        let yellow = evaluator.evaluate(i, context: context(), at: instant("2026-04-21T00:00:00+08:00"))
        #expect(yellow.colour == .yellow)
        #expect(yellow.daysLeft == 10)
        #expect(yellow.finding(.dueSoon)?.since == instant("2026-04-21T00:00:00+08:00"))
    }

    @Test func leapYear_monthEnd_isFebruary29() {
        let i = item(deadline: "2024-02-29", precision: .month, lastUpdate: "2024-02-20T00:00:00+08:00")
        #expect(evaluator.evaluate(i, context: context(), at: instant("2024-02-29T23:59:59+08:00")).state == .dueSoon)
        let e = evaluator.evaluate(i, context: context(), at: instant("2024-03-01T00:00:00+08:00"))
        #expect(e.state == .overdue)
        #expect(e.daysOverdue == 1)
    }

    @Test func yearAndQuarterDeadlines_useTheirLastDay() {
        let year = item(deadline: "2025-12-31", precision: .year, lastUpdate: "2025-12-30T00:00:00+08:00")
        #expect(evaluator.evaluate(year, context: context(), at: instant("2025-12-31T23:59:59+08:00")).state == .dueSoon)
        #expect(evaluator.evaluate(year, context: context(), at: instant("2026-01-01T00:00:00+08:00")).state == .overdue)
        let quarter = item(deadline: "2026-09-30", precision: .quarter, lastUpdate: "2026-09-29T00:00:00+08:00")
        let e = evaluator.evaluate(quarter, context: context(), at: instant("2026-10-08T12:00:00+08:00"))
        #expect(e.daysOverdue == 8)
    }

    @Test func nowInAnotherZone_isJudgedInThePlansZone() {
        // 2026-04-30T17:00 in New York is already 2026-05-01T05:00 in Shanghai.
        let i = item(deadline: "2026-04-30", precision: .month, lastUpdate: "2026-04-29T00:00:00+08:00")
        let e = evaluator.evaluate(i, context: context(), at: instant("2026-04-30T17:00:00-04:00"))
        #expect(e.state == .overdue)
        #expect(e.daysOverdue == 1)
        let utcBefore = evaluator.evaluate(i, context: context(), at: instant("2026-04-30T15:59:59Z"))
        #expect(utcBefore.state == .dueSoon)
    }

    @Test func extension_movesTheDeadline_andKeepsTheOriginal() {
        var i = item(deadline: "2026-09-30", lastUpdate: "2026-10-01T00:00:00+08:00")
        i.extensions = [
            Extension(deadline: Deadline(date: day("2026-11-15")), reason: "等待财政清查", granted: day("2026-09-25"))
        ]
        let e = evaluator.evaluate(i, context: context(), at: instant("2026-10-05T00:00:00+08:00"))
        #expect(e.state == .onTrack)
        #expect(e.due == instant("2026-11-16T00:00:00+08:00"))
        #expect(i.deadline?.date == day("2026-09-30"))
        let late = evaluator.evaluate(i, context: context(), at: instant("2026-11-22T00:00:00+08:00"))
        #expect(late.daysOverdue == 7)
    }

    @Test func milestoneMissed_whenAnOpenMilestonePasses() {
        var i = item(deadline: "2027-03-31", precision: .month, lastUpdate: "2026-11-10T00:00:00+08:00")
        i.milestones = [
            Milestone(title: "完成审图", deadline: Deadline(date: day("2026-11-15"))),
            Milestone(title: "开工", deadline: Deadline(date: day("2026-12-31")), done: false),
            Milestone(title: "立项", deadline: Deadline(date: day("2026-10-01")), done: true),
        ]
        let before = evaluator.evaluate(i, context: context(), at: instant("2026-11-15T23:00:00+08:00"))
        #expect(before.state == .onTrack)
        #expect(before.nextChange == instant("2026-11-16T00:00:00+08:00"))
        let after = evaluator.evaluate(i, context: context(), at: instant("2026-11-16T00:00:00+08:00"))
        #expect(after.state == .milestoneMissed)
        #expect(after.finding(.milestoneMissed)?.milestone == "完成审图")
        #expect(after.nextChange == instant("2026-12-10T00:00:00+08:00"))  // stale at last update + 30 days
    }

    @Test func stale_afterThirtyDaysWithoutUpdate() {
        let i = item(deadline: "2027-12-31", precision: .year, lastUpdate: "2026-09-01T10:00:00+08:00")
        let before = evaluator.evaluate(i, context: context(), at: instant("2026-10-01T09:59:59+08:00"))
        #expect(before.state == .onTrack)
        #expect(before.nextChange == instant("2026-10-01T10:00:00+08:00"))
        let after = evaluator.evaluate(i, context: context(), at: instant("2026-10-01T10:00:00+08:00"))
        #expect(after.state == .stale)
        #expect(after.finding(.stale)?.days == 30)
    }

    @Test func stale_countsFromTheReportDateWhenNoUpdate() {
        let i = item(deadline: "2027-12-31", precision: .year)
        let e = evaluator.evaluate(i, context: context(lastUpdate: "2026-09-30T00:00:00+08:00"), at: instant("2026-11-22T00:00:00+08:00"))
        #expect(e.state == .stale)
    }

    @Test func behindPace_whenProgressTrailsElapsedTime() {
        var i = item(deadline: "2026-12-31", lastUpdate: "2026-11-01T00:00:00+08:00")
        i.start = day("2026-01-01")
        i.progress = Progress(done: 10, total: 100)
        // 365 days; falls behind when elapsed > 0.1 + 0.2 = 0.3 → 109.5 days after start.
        let ahead = evaluator.evaluate(i, context: context(), at: instant("2026-04-19T00:00:00+08:00"))
        #expect(ahead.state == .onTrack)
        let crossing = day("2026-01-01").startInstant(in: shanghai).addingTimeInterval(0.3 * 365 * 86_400)
        #expect(ahead.nextChange == crossing.addingTimeInterval(0.001))
        i.lastUpdate = instant("2026-11-01T00:00:00+08:00")
        let behind = evaluator.evaluate(i, context: context(), at: instant("2026-11-02T00:00:00+08:00"))
        #expect(behind.state == .behindPace)
        let finding = behind.finding(.behindPace)
        #expect(finding?.progressFraction == 0.1)
        #expect((finding?.elapsedFraction ?? 0) > 0.8)
    }

    @Test func completeProgress_isNeverBehindPace() {
        var i = item(deadline: "2026-12-31", lastUpdate: "2026-11-01T00:00:00+08:00")
        i.start = day("2026-01-01")
        i.progress = Progress(done: 79, total: 79)
        #expect(evaluator.evaluate(i, context: context(), at: instant("2026-11-02T00:00:00+08:00")).state == .onTrack)
    }

    @Test func longTerm_withoutDeadline_needsReviewEveryNinetyDays() {
        let i = item(status: .longTerm, lastUpdate: "2026-08-01T00:00:00+08:00")
        let e = evaluator.evaluate(i, context: context(), at: instant("2026-10-01T00:00:00+08:00"))
        #expect(e.state == .longTerm)
        #expect(e.nextChange == instant("2026-10-30T00:00:00+08:00"))
        let later = evaluator.evaluate(i, context: context(), at: instant("2026-10-30T00:00:00+08:00"))
        #expect(later.state == .stale)
        #expect(later.findings.map(\.state) == [.stale, .longTerm])
    }

    @Test func openItemWithoutDeadline_isAPlanningDefect() {
        let e = evaluator.evaluate(item(lastUpdate: "2026-11-20T00:00:00+08:00"), context: context(), at: instant("2026-11-22T00:00:00+08:00"))
        #expect(e.state == .noDeadline)
        #expect(e.due == nil)
    }

    @Test func overdueAndStale_overdueLeads_bothAreKept() {
        var i = item(deadline: "2026-10-31", precision: .month, lastUpdate: "2026-09-01T00:00:00+08:00")
        i.milestones = [Milestone(title: "step", deadline: Deadline(date: day("2026-10-15")))]
        let e = evaluator.evaluate(i, context: context(), at: instant("2026-11-22T00:00:00+08:00"))
        #expect(e.state == .overdue)
        #expect(e.findings.map(\.state) == [.overdue, .milestoneMissed, .stale])
        #expect(e.daysOverdue == 22)
        #expect(e.nextChange == nil)
    }

    @Test func customPolicy_changesWindowsAndStaleness() {
        let policy = Policy(reminderDays: [5], staleAfter: 7 * Policy.day)
        let i = item(deadline: "2026-04-30", lastUpdate: "2026-04-20T00:00:00+08:00")
        let e = DeadlineEvaluator(policy: policy).evaluate(i, context: context(), at: instant("2026-04-26T12:00:00+08:00"))
        #expect(e.state == .dueSoon)
        #expect(e.colour == .green)
        let s = DeadlineEvaluator(policy: policy).evaluate(i, context: context(), at: instant("2026-04-27T00:00:00+08:00"))
        #expect(s.findings.map(\.state) == [.dueSoon, .stale])
    }

    @Test func nextChange_isAlwaysInTheFuture_andTheStateDiffersThere() {
        // Walk an item through its life by jumping from change to change.
        var i = item(deadline: "2026-06-30", precision: .month, lastUpdate: "2026-05-01T00:00:00+08:00")
        i.milestones = [Milestone(title: "m", deadline: Deadline(date: day("2026-06-15")))]
        var now = instant("2026-05-01T00:00:00+08:00")
        var seen: [Evaluation] = []
        while let next = evaluator.evaluate(i, context: context(), at: now).nextChange, seen.count < 20 {
            #expect(next > now)
            let here = evaluator.evaluate(i, context: context(), at: now)
            let there = evaluator.evaluate(i, context: context(), at: next)
            #expect(here.findings.map(\.state) != there.findings.map(\.state) || here.colour != there.colour)
            seen.append(there)
            now = next
        }
        #expect(seen.last?.state == .overdue)
    }
}
