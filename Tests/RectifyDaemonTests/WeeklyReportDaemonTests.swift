import Foundation
import RectifyCore
import RectifyNotify
import RectifyReport
import Testing

@testable import RectifyDaemon

/// The weekly 情况通报 from the real daemon: mailed (text + HTML, read back with Python's email
/// package) and posted to a WeCom robot (robot_server.py), its figures checked against the
/// daemon's own state (`GET /v1/plans`).
@Suite(.serialized)
struct WeeklyReportDaemonTests {
    static let today = CalendarDate(containing: Date(), in: shanghai)

    /// Items in every colour and state, dated around today.
    static var plan: String {
        func day(_ offset: Int) -> String { today.adding(days: offset).description }
        return """
            plan:
              id: weekly
              unit: 测试县卫生健康局
              title: 周报测试台账
              report_date: \(day(-30))
              owner: {name: 整改办, email: zgb@example.gov.cn}
            items:
              - {id: R1, title: 财务报销审核不严, status: in_progress, deadline: \(day(-40)), responsible: {department: 财务股}}
              - {id: R2, title: 固定资产账实不符, status: in_progress, deadline: \(day(-1)), responsible: {department: 财务股}}
              - {id: Y1, title: 公务用车管理不规范, status: in_progress, deadline: \(day(5)), responsible: {department: 办公室}}
              - {id: G1, title: 意识形态责任制落实不到位, status: in_progress, deadline: \(day(15)), responsible: {department: 办公室}}
              - {id: T1, title: 项目建设推进缓慢, status: in_progress, deadline: \(day(100)), responsible: {department: 规划发展股}}
              - {id: L1, title: 干部作风建设有差距, status: long_term, last_update: \(day(-3))}
              - {id: D1, title: 合同管理存在漏洞, status: done, last_update: \(day(-60)), responsible: {department: 办公室}}
              - {id: C1, title: 食堂账目不清, status: in_progress, deadline: \(day(30)), responsible: {department: 财务股}}
              - {id: E1, title: 档案管理不规范, status: in_progress, deadline: \(day(3)), responsible: {department: 办公室}}

            """
    }

    @Test func weeklyReport_isMailedAndPosted_withTheFiguresOfTheDaemonsState() throws {
        let daemon = try DaemonHarness()
        let dir = daemon.dir
        let robot = try RobotDaemonTests.Robot("wecom", kind: "wecom", secret: nil, limit: 20, window: 60, dir: dir)
        defer { robot.server.stop() }
        try daemon.write("key-wecom", "key-wecom\n")
        try daemon.write("plan.yaml", Self.plan)
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [plan.yaml]
            alerts: {digest: {enabled: false}}
            routing: {email_receiver: mail}
            control: {socket: state/rectifyd.sock}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {name: 督办系统, address: rectifyd@localhost}}
              - {name: wecom, type: wecom, url: "http://127.0.0.1:\(robot.server.port)/cgi-bin/webhook/send", key_file: key-wecom, kinds: [digest]}
            reports:
              weekly:
                recipients: [{name: 整改办, email: zgb@example.gov.cn}, {name: 王建国, email: wangjg@example.gov.cn}]
                channels: [wecom]
                weekday: monday
                time: "09:00"
                issuer: 测试县卫生健康局巡察整改办

            """)
        try daemon.start()
        defer { daemon.stop() }
        guard DaemonHarness.waitFor(10, { daemon.log.contains("control socket listening") }) else {
            throw HarnessError("the daemon did not come up:\n\(daemon.log)")
        }
        let socket = dir.appendingPathComponent("state/rectifyd.sock").path
        func call(_ method: String, _ path: String, _ body: String? = nil) throws -> (Int, [String: Any]) {
            let r = try UnixSocketHTTP.request(socket: socket, method: method, path: path, body: body.map { Data($0.utf8) })
            return (r.status, (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:])
        }
        #expect(try call("POST", "/v1/items/weekly/C1/done", #"{"note": "账目已清理"}"#).0 == 200)
        let extendTo = Self.today.adding(days: 60).description
        #expect(try call("POST", "/v1/items/weekly/E1/extend", "{\"to\": \"\(extendTo)\", \"reason\": \"等待档案馆验收\"}").0 == 200)

        // The mail and the robot start out empty: the first mails are the three-colour alerts.
        let alertMails = Set(daemon.mails())
        let robotBefore = robot.requests().count
        let week = ISOWeek(containing: Self.today)!
        let (status, answer) = try call("POST", "/v1/reports/weekly", "{\"week\": \"\(week)\"}")
        #expect(status == 200, "\(answer)")
        #expect((answer["message"] as? String)?.contains("queued for 3 recipients") == true, "\(answer)")
        let (badStatus, bad) = try call("POST", "/v1/reports/weekly", #"{"week": "2026-47"}"#)
        #expect(badStatus == 400 && bad["field"] as? String == "week")

        #expect(DaemonHarness.waitFor(15) { daemon.log.contains("weekly report queued") && robot.requests().count > robotBefore }, "\(daemon.log.suffix(2000))")
        #expect(DaemonHarness.waitFor(15) { Set(daemon.mails()).subtracting(alertMails).count >= 2 })

        // What the daemon's state says the figures must be.
        let (_, state) = try call("GET", "/v1/plans?plan=weekly")
        let entry = try #require((state["plans"] as? [[String: Any]])?.first)
        let items = try #require(entry["items"] as? [[String: Any]])
        let planItems = try #require((entry["plan"] as? [String: Any])?["items"] as? [[String: Any]])
        let period = week.period(in: shanghai)
        func inWeek(_ text: String?) -> Bool {
            guard let text, let instant = Timestamps.parse(text) else { return false }
            return period.contains(CalendarDate(containing: instant, in: shanghai))
        }
        let states = items.map { $0["state"] as? String ?? "" }
        let done = states.filter { $0 == "done" }.count
        let colours = ["red", "yellow", "green"].map { c in items.filter { $0["colour"] as? String == c }.count }
        let newlyOverdue = items.filter { $0["state"] as? String == "overdue" && inWeek(($0["due"] as? String)) }.count
        let closed = items.filter { item in
            (item["history"] as? [[String: Any]] ?? []).last { ["done", "reopen"].contains($0["kind"] as? String) }
                .map { $0["kind"] as? String == "done" && inWeek($0["at"] as? String) } ?? false
        }.count
        let extended = planItems.flatMap { $0["extensions"] as? [[String: Any]] ?? [] }
            .filter { ($0["granted"] as? String).flatMap(CalendarDate.init).map(period.contains) ?? false }.count
        #expect((done, colours, newlyOverdue, closed, extended) == (2, [2, 1, 1], 1, 1, 1), "the plan is built for these")
        let summary =
            "共有整改事项\(items.count)项，已完成\(done)项（完成率\(done * 100 / items.count).\((done * 1000 / items.count) % 10)%），在办\(items.count - done)项，"
            + "其中红色预警\(colours[0])项、黄色预警\(colours[1])项、绿色预警\(colours[2])项。本周办结\(closed)项，新增逾期\(newlyOverdue)项，批准延期\(extended)项。"

        // The two mails, parsed by a real mail parser: subject, text and HTML bodies.
        let mails = Set(daemon.mails()).subtracting(alertMails).sorted().map { daemon.maildir.appendingPathComponent($0).path }
        let parsed = try EndToEndTests.run(
            [
                "python3", "-c",
                """
                import sys, json, email, email.policy
                out = []
                for name in sys.argv[1:]:
                    m = email.message_from_binary_file(open(name, 'rb'), policy=email.policy.default)
                    out.append({"subject": str(m['subject']), "to": str(m['to']),
                                "text": m.get_body(('plain',)).get_content(), "html": m.get_body(('html',)).get_content()})
                print(json.dumps(out, ensure_ascii=False))
                """,
            ] + mails, in: dir)
        // Alerts decided meanwhile may have arrived too: the weekly reports are the ones with its title.
        let messages = try #require(try JSONSerialization.jsonObject(with: Data(parsed.utf8)) as? [[String: String]])
            .filter { $0["subject"]?.hasPrefix("巡察整改工作周情况通报") == true }
        #expect(Set(messages.map { $0["to"] ?? "" }) == ["整改办 <zgb@example.gov.cn>", "王建国 <wangjg@example.gov.cn>"])
        for message in messages {
            let text = (message["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n"), html = message["html"] ?? ""
            #expect(message["subject"] == "巡察整改工作周情况通报（\(week.label)，\(period.firstDay.month)月\(period.firstDay.day)日—\(period.lastDay.month)月\(period.lastDay.day)日）")
            #expect(text.contains(summary), "\(summary)\n\(text)")
            for (label, count) in Dictionary(grouping: states, by: { $0 }).mapValues(\.count) {
                let name = ItemState(rawValue: label)!.chineseLabel
                #expect(text.range(of: "\n\(name) +\(count)\n", options: .regularExpression) != nil, "\(name) \(count)\n\(text)")
            }
            #expect(text.contains("weekly/R2") && text.contains("weekly/C1") && text.contains("等待档案馆验收"))
            #expect(text.range(of: "\n财务股 +3 +1 +2 +2 +0 +0 +1 +1\n", options: .regularExpression) != nil, "\(text)")
            #expect(text.contains("测试县卫生健康局巡察整改办"))
            #expect(html.contains("<table") && html.contains("本周新增逾期") && html.contains(summary))
        }

        // The robot: the same figures in its Markdown.
        let posted = robot.requests().dropFirst(robotBefore).filter { $0["accepted"] as? Bool == true }
            .map { $0["content"] as? String ?? "" }.joined(separator: "\n")
        #expect(posted.contains("巡察整改工作周情况通报"))
        #expect(posted.contains(summary), "\(posted)")
        #expect(posted.contains("> 财务股：事项 3，已完成 1，在办 2，红色 2，黄色 0，绿色 0，本周办结 1，本周新增逾期 1"), "\(posted)")

        // rectifyctl asks for the same.
        let (code, out, err) = try DaemonHarness.rectifyctl(["report", "weekly", "--send", "--week", "\(week)", "--socket", socket])
        #expect(code == 0, "\(err)")
        #expect(out == "weekly report for \(period.firstDay)…\(period.lastDay) queued for 3 recipients\n")
    }

    /// The scheduled path: a weekly report due while the daemon was down goes out once at start,
    /// and not again at the next start.
    @Test func missedWeeklyReport_goesOutOnceAtStart() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan)
        let base = """
            state_dir: state
            plans: [plan.yaml]
            alerts: {digest: {enabled: false}}
            routing: {email_receiver: mail, default_recipient: {email: zgb@example.gov.cn}}
            control: {socket: state/rectifyd.sock}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}

            """
        try daemon.write("rectifyd.yaml", base)
        try daemon.start()
        #expect(DaemonHarness.waitFor(10) { daemon.log.contains("control socket listening") })
        #expect(daemon.stop() == 0)
        // The daemon first ran eight days ago; today's 00:00 report was missed.
        let eightDaysAgo = Date().timeIntervalSince1970 - 8 * 86_400
        _ = try EndToEndTests.run(
            ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect('state/state.sqlite'); c.execute(\"UPDATE meta SET value = ? WHERE key = 'first_started'\", (sys.argv[1],)); c.commit()", String(eightDaysAgo)],
            in: daemon.dir)
        let weekday = ConfigReader.weekdays[Self.today.weekday - 1]
        try daemon.write(
            "rectifyd.yaml",
            base + """
                reports:
                  weekly: {recipients: [{name: 整改办, email: zgb@example.gov.cn}], weekday: \(weekday), time: "00:00", working_days: false}

                """)
        try daemon.start()
        #expect(DaemonHarness.waitFor(10) { daemon.log.contains("weekly report queued") }, "\(daemon.log.suffix(2000))")
        let period = ReportPeriod.sevenDays(before: Self.today.startInstant(in: shanghai), zone: shanghai)
        #expect(daemon.log.contains("period=\(period.firstDay)…\(period.lastDay)"), "\(daemon.log.suffix(1000))")
        #expect(DaemonHarness.waitFor(10) {
            daemon.mails().contains { name in
                ((try? String(contentsOf: daemon.maildir.appendingPathComponent(name), encoding: .utf8)) ?? "").contains("=?UTF-8?B?")
            }
        })
        #expect(daemon.stop() == 0)
        try daemon.start()
        #expect(DaemonHarness.waitFor(10) { daemon.log.components(separatedBy: "control socket listening").count == 4 })
        Thread.sleep(forTimeInterval: 1)
        #expect(daemon.log.components(separatedBy: "weekly report queued").count == 2, "sent once: \(daemon.log.suffix(2000))")
        #expect(daemon.stop() == 0)
    }

    /// A Monday send covers the week before it; a day off moves the send, not the week.
    @Test func period_isTheSevenDaysBeforeTheScheduledDay() {
        var calendar = WorkingCalendar()
        calendar.addDaysOff(from: CalendarDate("2026-10-01")!, to: CalendarDate("2026-10-07")!, name: "国庆节")
        let job = WeeklyReportJob(
            config: WeeklyReportConfig(recipients: [], channels: ["x"]), emailReceiver: nil, zone: shanghai, language: "zh",
            policy: .default)
        let monday = job.period(forSendAt: at("2026-11-23T09:00:00+08:00"))
        #expect((monday.firstDay.description, monday.lastDay.description, monday.weekLabel) == ("2026-11-16", "2026-11-22", "2026年第47周"))
        // 2026-10-05 (Monday) falls in 国庆节: the send moves to Thursday 10-08 and still covers 09-28…10-04.
        let next = job.config.schedule.next(after: at("2026-10-01T00:00:00+08:00"), in: shanghai, daysOff: job.daysOff(calendar))
        #expect(next == at("2026-10-08T09:00:00+08:00"))
        let moved = job.period(forSendAt: next)
        #expect((moved.firstDay.description, moved.lastDay.description) == ("2026-09-28", "2026-10-04"))
    }

    @Test func config_namesNobodyOrAnUnknownChannel_isRefusedAtItsLine() throws {
        let text = """
            state_dir: state
            plans: [plan.yaml]
            receivers:
              - {name: mail, type: maildir, path: state/Maildir}
            reports:
              weekly:
                channels: [wecom]
                weekday: montag
                time: "9 Uhr"

            """
        do {
            _ = try ConfigReader.read(text, file: "rectifyd.yaml")
            Issue.record("the config was accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("rectifyd.yaml:7:") && $0.contains("'wecom' is not a robot or webhook receiver") }, "\(messages)")
            #expect(messages.contains { $0.contains("reports.weekly names nobody") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("rectifyd.yaml:8:") && $0.contains("'montag' is not a weekday") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("rectifyd.yaml:9:") && $0.contains("not a time of day") }, "\(messages)")
        }
    }
}
