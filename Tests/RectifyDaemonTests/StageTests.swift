import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore
import Testing

@testable import RectifyDaemon

/// The pipeline's stages one at a time, each with a fixed `now`.
struct StageTests {
    static let now = at("2026-05-01T00:00:00+08:00")

    static func router(kinds: [String]) -> AlertRouter {
        var routing = Routing()
        routing.emailReceiver = "mail"
        return AlertRouter(routing: routing, groupChannels: [("hook", kinds)])
    }

    @Test func aGroupChannelWithoutKinds_takesEveryKind_theDigestToo() {
        let plan = samplePlan()
        let all = Self.router(kinds: [])
        #expect(all.channels(for: .overdue).map(\.receiver) == ["hook"])
        #expect(all.digestRecipients(item: plan.items[0], plan: plan).map(\.receiver).contains("hook"))
        let some = Self.router(kinds: ["overdue"])
        #expect(some.channels(for: .digest).isEmpty)
        #expect(!some.digestRecipients(item: plan.items[0], plan: plan).map(\.receiver).contains("hook"))
    }

    @Test func alertsAndDigests_reachTheSamePeople_throughOneRouter() {
        let plan = samplePlan()
        let router = Self.router(kinds: ["overdue"])
        let (alert, gap) = router.recipients(rule: "overdue", kind: .overdue, item: plan.items[0], plan: plan)
        #expect(gap == nil)
        #expect(alert.map(\.address) == ["zhaomin@example.gov.cn", "liming@example.gov.cn", "hook"])
        #expect(
            router.digestRecipients(item: plan.items[0], plan: plan).map(\.address) == [
                "zhaomin@example.gov.cn", "zgb@example.gov.cn",
            ])
    }

    @Test func dedup_namesItsReason() {
        let entry = LogEntry(
            receiver: "mail", recipient: "a@x", alertKey: "p/1/overdue", planID: "p", itemID: "1", kind: "overdue",
            fingerprint: "2026-04-30", sentAt: Self.now, noticeID: "n")
        let week: (Date) -> Date = { $0.addingTimeInterval(7 * 86_400) }
        #expect(Dedup.decide(previous: nil, fingerprint: "2026-04-30", repeatAfter: week, at: Self.now) == .send(.first))
        #expect(Dedup.decide(previous: entry, fingerprint: "2026-05-31", repeatAfter: week, at: Self.now) == .send(.stateChanged))
        #expect(Dedup.decide(previous: entry, fingerprint: "2026-04-30", repeatAfter: nil, at: Self.now) == .alreadyTold)
        let early = Self.now.addingTimeInterval(86_400)
        #expect(
            Dedup.decide(previous: entry, fingerprint: "2026-04-30", repeatAfter: week, at: early)
                == .repeatNotDue(again: Self.now.addingTimeInterval(7 * 86_400)))
        let late = Self.now.addingTimeInterval(7 * 86_400)
        #expect(
            Dedup.decide(previous: entry, fingerprint: "2026-04-30", repeatAfter: week, at: late) == .send(.repeatIntervalElapsed))
    }

    @Test func candidates_forAnOverdueItem_areKeyedByKindAndFingerprintedByDeadline() {
        let plan = samplePlan()
        let evaluation = DeadlineEvaluator().evaluate(plan.items[0], in: plan, at: Self.now)
        let stage = AlertCandidates(alerts: AlertPolicy(), reminderDays: [20, 10], policy: .default)
        let found = stage.candidates(item: plan.items[0], plan: plan, evaluation: evaluation, at: Self.now)
        #expect(found.map(\.key) == ["overdue"])
        #expect(found.first?.fingerprint == "2026-04-30")
        #expect(stage.escalationInstant(due: Self.now, zone: shanghai) == at("2026-05-15T00:00:00+08:00"))
    }

    @Test func kindsHaveOneUrgencyOrder_forNoticesRenderingAndRobots() {
        #expect(AlertKind.urgencyOrder.count == AlertKind.allCases.count)
        #expect(AlertKind.escalation.urgencyRank < AlertKind.overdue.urgencyRank)
        #expect(AlertKind.reminder.urgencyRank < AlertKind.stale.urgencyRank)
        #expect(AlertKind.digest.urgencyRank < AlertKind.resolved.urgencyRank)
    }

    @Test func anItemChange_isCheckedAgainstTheItemAsItIs() throws {
        var plan = samplePlan()
        #expect(throws: Never.self) { try ItemChange.done(note: "n").check(plan.items[0], in: plan, at: Self.now) }
        plan.items[0].status = .done
        #expect(throws: ItemChangeRefused.self) { try ItemChange.done(note: "n").check(plan.items[0], in: plan, at: Self.now) }
        #expect(throws: Never.self) { try ItemChange.reopen(note: "n").check(plan.items[0], in: plan, at: Self.now) }
        let past = ItemChange.snooze(until: CalendarDate("2026-04-01")!, note: nil)
        #expect(throws: ItemChangeRefused.self) { try past.check(plan.items[1], in: plan, at: Self.now) }
        let record = ItemChange.extend(to: CalendarDate("2026-06-30")!, reason: "r").record(
            planID: "p", itemID: "1", at: Self.now, uid: 0, user: "root")
        #expect(record.kind == "extend" && record.payload == ["to": "2026-06-30", "reason": "r"] && record.note == "r")
    }
}

/// Stored updates over the plan file's items.
struct UpdateOverlayTests {
    static func extend(to: String, at: String) -> UpdateRecord {
        UpdateRecord(planID: "p", itemID: "1", kind: "extend", at: RectifyDaemonTests.at(at), uid: 0, user: "office", note: nil, payload: ["to": to, "reason": "设备到货延迟"])
    }

    /// An extension granted here and then recorded in the plan file too (next month's report,
    /// imported with --update, says "已申请延期至2026年9月30日") is one extension, not two: the
    /// draft said 经批准延期至2026年9月30日 twice.
    @Test func anExtensionThePlanFileRecordsAlready_isNotAddedTwice() {
        var item = Item(id: "1", title: "药品采购管理不规范", status: .inProgress, deadline: Deadline(date: CalendarDate("2026-03-31")!))
        item.extensions = [Extension(deadline: Deadline(date: CalendarDate("2026-09-30")!), reason: "m2.txt:9: 已申请延期至2026年9月30日", granted: CalendarDate("2026-02-10")!)]
        var same = item
        UpdateOverlay.apply(Self.extend(to: "2026-09-30", at: "2026-02-01T10:00:00+08:00"), to: &same, zone: shanghai, ackUntil: { $0 })
        #expect(same.extensions.count == 1)
        var later = item
        UpdateOverlay.apply(Self.extend(to: "2026-12-31", at: "2026-09-01T10:00:00+08:00"), to: &later, zone: shanghai, ackUntil: { $0 })
        #expect(later.extensions.count == 2 && later.effectiveDeadline?.date == CalendarDate("2026-12-31"))
    }
}
