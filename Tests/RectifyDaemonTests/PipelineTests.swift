import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore
import Testing
@testable import RectifyDaemon

let shanghai = TimeZone(identifier: "Asia/Shanghai")!
func at(_ text: String) -> Date { Timestamps.parse(text)! }

func samplePlan() -> Plan {
    let leader = Contact(name: "李明", role: "副局长", email: "liming@example.gov.cn", level: .deputy)
    let main = Contact(name: "王建国", role: "党组书记", email: "wang@example.gov.cn", level: .main)
    var plan = Plan(
        id: "p", unit: "示例县卫健局", title: "台账", reportDate: CalendarDate("2026-01-01"),
        owner: Contact(name: "整改办", email: "zgb@example.gov.cn"), leaders: [leader, main])
    plan.items = [
        Item(
            id: "1", title: "闲置公车未处置", status: .inProgress,
            deadline: Deadline(date: CalendarDate("2026-04-30")!, precision: .month, text: "预计2026年4月底前完成", line: 41),
            responsible: Responsibility(
                leader: leader, department: "办公室", contacts: [Contact(name: "赵敏", email: "zhaomin@example.gov.cn", phone: "13800000011")]),
            lastUpdate: at("2026-04-25T00:00:00+08:00")),
        Item(id: "2", title: "无时限事项", status: .inProgress, lastUpdate: at("2026-04-25T00:00:00+08:00")),
    ]
    return plan
}

func planner(alerts: AlertPolicy = AlertPolicy()) -> AlertPlanner {
    var routing = Routing()
    routing.emailReceiver = "mail"
    routing.defaultRecipient = Contact(name: "值班", email: "duty@example.gov.cn")
    return AlertPlanner(alerts: alerts, reminderDays: [20, 10], routing: routing, webhooks: [])
}

func decide(_ plan: Plan, _ index: Int, at now: Date, ledger: AlertLedger = AlertLedger()) -> AlertPlanner.Outcome {
    let evaluation = DeadlineEvaluator().evaluate(plan.items[index], in: plan, at: now)
    return planner().plan(item: plan.items[index], in: plan, evaluation: evaluation, ledger: ledger, at: now)
}

struct AlertPlannerTests {
    @Test func overdueItem_isReportedOnceUntilRepeatInterval() {
        let plan = samplePlan()
        let first = decide(plan, 0, at: at("2026-05-01T00:00:00+08:00"))
        #expect(first.alerts.map(\.entry.kind) == [.overdue, .overdue])
        #expect(Set(first.alerts.map(\.recipient.address)) == ["zhaomin@example.gov.cn", "liming@example.gov.cn"])
        #expect(first.alerts.allSatisfy { $0.reason == .first })
        var ledger = AlertLedger()
        for alert in first.alerts { ledger.record(alert.log) }
        let soon = decide(plan, 0, at: at("2026-05-07T23:59:59+08:00"), ledger: ledger)
        #expect(soon.alerts.isEmpty)
        #expect(soon.nextAlert == at("2026-05-08T00:00:00+08:00"))
        let week = decide(plan, 0, at: at("2026-05-08T00:00:00+08:00"), ledger: ledger)
        #expect(week.alerts.count == 2)
        #expect(week.alerts.allSatisfy { $0.reason == .repeatIntervalElapsed })
    }

    @Test func extension_changesTheFingerprint_soTheAlertIsStateChanged() {
        var plan = samplePlan()
        let first = decide(plan, 0, at: at("2026-05-01T00:00:00+08:00"))
        var ledger = AlertLedger()
        for alert in first.alerts { ledger.record(alert.log) }
        plan.items[0].extensions = [
            Extension(deadline: Deadline(date: CalendarDate("2026-05-02")!), reason: "r", granted: CalendarDate("2026-04-20")!)
        ]
        let later = decide(plan, 0, at: at("2026-05-03T00:00:00+08:00"), ledger: ledger)
        #expect(later.alerts.first?.reason == .stateChanged)
    }

    @Test func overdueLongerThanEscalateAfter_escalatesToTheLadder() {
        let outcome = decide(samplePlan(), 0, at: at("2026-05-15T00:00:00+08:00"))
        #expect(outcome.alerts.allSatisfy { $0.entry.kind == .escalation })
        #expect(
            Set(outcome.alerts.map(\.recipient.address)) == [
                "zhaomin@example.gov.cn", "liming@example.gov.cn", "wang@example.gov.cn", "zgb@example.gov.cn",
            ])
        let before = decide(samplePlan(), 0, at: at("2026-05-14T23:59:00+08:00"))
        #expect(before.alerts.allSatisfy { $0.entry.kind == .overdue })
        #expect(before.nextAlert == at("2026-05-15T00:00:00+08:00"))
    }

    @Test func yellowReminder_copiesTheItemLeader_greenDoesNot() {
        let green = decide(samplePlan(), 0, at: at("2026-04-12T00:00:00+08:00"))
        #expect(green.alerts.map(\.recipient.address) == ["zhaomin@example.gov.cn"])
        #expect(green.alerts.first?.log.alertKey == "p/1/reminder:20")
        let yellow = decide(samplePlan(), 0, at: at("2026-04-22T00:00:00+08:00"))
        #expect(Set(yellow.alerts.map(\.recipient.address)) == ["zhaomin@example.gov.cn", "liming@example.gov.cn"])
        #expect(yellow.alerts.first?.log.alertKey == "p/1/reminder:10")
    }

    @Test func noDeadline_goesOnceToTheOwner() {
        let outcome = decide(samplePlan(), 1, at: at("2026-04-26T00:00:00+08:00"))
        #expect(outcome.alerts.map(\.entry.kind) == [.noDeadline])
        #expect(outcome.alerts.map(\.recipient.address) == ["zgb@example.gov.cn"])
        var ledger = AlertLedger()
        for alert in outcome.alerts { ledger.record(alert.log) }
        #expect(decide(samplePlan(), 1, at: at("2026-04-27T00:00:00+08:00"), ledger: ledger).alerts.isEmpty)
    }

    @Test func unroutedAlerts_goToTheDefaultRecipient() {
        var plan = samplePlan()
        plan.owner = nil
        let outcome = decide(plan, 1, at: at("2026-04-26T00:00:00+08:00"))
        #expect(outcome.alerts.map(\.recipient.address) == ["duty@example.gov.cn"])
        // It reached someone: not "nobody to send to".
        #expect(outcome.toDefaultRecipient == ["no_deadline"] && outcome.unrouted.isEmpty)
        // Once told, it is not counted again: nothing went to the default recipient this time.
        var ledger = AlertLedger()
        for alert in outcome.alerts { ledger.record(alert.log) }
        let again = decide(plan, 1, at: at("2026-04-27T00:00:00+08:00"), ledger: ledger)
        #expect(again.alerts.isEmpty && again.toDefaultRecipient.isEmpty && again.unrouted.isEmpty)
    }

    @Test func unroutedAlerts_withoutADefaultRecipient_reachGroupChatsOrNobody() {
        var plan = samplePlan()
        plan.owner = nil
        var bare = planner()
        bare.routing.defaultRecipient = nil
        let now = at("2026-04-26T00:00:00+08:00")
        let evaluation = DeadlineEvaluator().evaluate(plan.items[1], in: plan, at: now)
        let nobody = bare.plan(item: plan.items[1], in: plan, evaluation: evaluation, ledger: AlertLedger(), at: now)
        #expect(nobody.alerts.isEmpty && nobody.unrouted == ["no_deadline"])
        bare.webhooks = [ReceiverSpec(name: "group", channel: RobotChannel(kind: .wecom))]
        let chats = bare.plan(item: plan.items[1], in: plan, evaluation: evaluation, ledger: AlertLedger(), at: now)
        #expect(chats.alerts.map(\.recipient.address) == ["group"])
        #expect(chats.groupChatsOnly == ["no_deadline"] && chats.unrouted.isEmpty)
    }

    @Test func doneAfterAnAlert_sendsResolvedOnceToThoseAlerted() {
        var plan = samplePlan()
        let first = decide(plan, 0, at: at("2026-05-01T00:00:00+08:00"))
        var ledger = AlertLedger()
        for alert in first.alerts { ledger.record(alert.log) }
        plan.items[0].status = .done
        let resolved = decide(plan, 0, at: at("2026-05-02T00:00:00+08:00"), ledger: ledger)
        #expect(resolved.alerts.map(\.entry.kind) == [.resolved, .resolved])
        for alert in resolved.alerts { ledger.record(alert.log) }
        #expect(decide(plan, 0, at: at("2026-05-03T00:00:00+08:00"), ledger: ledger).alerts.isEmpty)
        // A done item nobody was alerted about sends nothing.
        #expect(decide(plan, 0, at: at("2026-05-03T00:00:00+08:00")).alerts.isEmpty)
    }

    @Test func everythingForOneRecipient_isOneNotice() {
        var plan = samplePlan()
        plan.items[1].responsible = plan.items[0].responsible
        plan.items[1].deadline = Deadline(date: CalendarDate("2026-04-15")!)
        let alerts = decide(plan, 0, at: at("2026-05-20T00:00:00+08:00")).alerts + decide(plan, 1, at: at("2026-05-20T00:00:00+08:00")).alerts
        var n = 0
        let notices = NoticeAssembler(language: "zh", timeZone: shanghai).notices(from: alerts, at: at("2026-05-20T00:00:00+08:00")) {
            n += 1
            return "n\(n)"
        }
        let forZhao = notices.filter { $0.0.recipient == "zhaomin@example.gov.cn" }
        #expect(forZhao.count == 1)
        #expect(forZhao[0].0.entries.map(\.itemID) == ["2", "1"])  // longest overdue first
        #expect(forZhao[0].1.allSatisfy { $0.noticeID == forZhao[0].0.id })
    }
}

struct SchedulingTests {
    @Test func instantQueue_popsInOrder_andReschedulingSupersedes() {
        var q = InstantQueue()
        let base = Date(timeIntervalSince1970: 1_000_000)
        for i in 0..<1000 { q.schedule(i, at: base.addingTimeInterval(Double((i * 7919) % 1000))) }
        q.schedule(5, at: base.addingTimeInterval(-1))
        q.schedule(6, at: nil)
        #expect(q.count == 999)
        #expect(q.peek() == base.addingTimeInterval(-1))
        let due = q.popDue(base.addingTimeInterval(10))
        #expect(due.first == 5)
        #expect(due.count == 12)  // key 5, then the eleven keys at offsets 0…10
        var last = base.addingTimeInterval(10)
        while let next = q.peek() {
            #expect(next >= last)
            last = next
            _ = q.popDue(next)
        }
        #expect(q.isEmpty)
    }

    @Test func quietHours_wrapMidnight() {
        let quiet = QuietHours(fromMinute: 22 * 60, toMinute: 7 * 60 + 30)
        #expect(quiet.end(ofWindowContaining: at("2026-05-01T23:00:00+08:00"), in: shanghai) == at("2026-05-02T07:30:00+08:00"))
        #expect(quiet.end(ofWindowContaining: at("2026-05-02T03:00:00+08:00"), in: shanghai) == at("2026-05-02T07:30:00+08:00"))
        #expect(quiet.end(ofWindowContaining: at("2026-05-02T07:30:00+08:00"), in: shanghai) == nil)
        #expect(quiet.end(ofWindowContaining: at("2026-05-02T12:00:00+08:00"), in: shanghai) == nil)
    }

    @Test func digest_isMondayNineLocal() {
        let digest = DigestSchedule()
        #expect(digest.next(after: at("2026-11-23T09:00:00+08:00"), in: shanghai) == at("2026-11-30T09:00:00+08:00"))
        #expect(digest.next(after: at("2026-11-23T08:59:59+08:00"), in: shanghai) == at("2026-11-23T09:00:00+08:00"))
        #expect(digest.previous(atOrBefore: at("2026-11-24T00:00:00+08:00"), in: shanghai) == at("2026-11-23T09:00:00+08:00"))
    }

    @Test func backoff_growsAndIsCapped() {
        #expect(Backoff.delay(attempt: 1, initial: 30, max: 3600, jitter: 1) == 30)
        #expect(Backoff.delay(attempt: 3, initial: 30, max: 3600, jitter: 1) == 120)
        #expect(Backoff.delay(attempt: 20, initial: 30, max: 3600, jitter: 1) == 3600)
    }
}

struct ConfigReaderTests {
    @Test func shippedConfig_isValid() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = try ConfigReader.load(file: repo.appendingPathComponent("config/rectifyd.yaml").path)
        #expect(config.routing.emailReceiver == "mail")
        #expect(config.stateDir == repo.appendingPathComponent("state").path)
        #expect(config.plans.count == 6)
    }

    @Test func secretsInTheConfig_areRejected_andErrorsHaveLines() {
        let yaml = """
            state_dir: /tmp/x
            plans: [a.yaml]
            alerts: {repeat_overdue: 7 days}
            receivers:
              - name: smtp
                type: smtp
                url: smtp://mail.example.org:587
                from: {address: a@example.org}
                username: u
                password: hunter2
              - name: mail
                type: maildr
            """
        #expect {
            try ConfigReader.read(yaml, file: "c.yaml")
        } throws: { error in
            let lines = (error as? PlanLoadError)?.diagnostics.map(\.description) ?? []
            return lines.contains { $0.hasPrefix("c.yaml:3:") && $0.contains("not a duration") }
                && lines.contains { $0.hasPrefix("c.yaml:10:") && $0.contains("password_file") && !$0.contains("hunter2") }
                && lines.contains { $0.hasPrefix("c.yaml:12:") && $0.contains("did you mean 'maildir'") }
        }
    }
}
