import Foundation
import RectifyCore
import Testing

/// The real `rectifyd` binary against real receivers: a Maildir and a webhook server on
/// 127.0.0.1. Serialized: each test runs a daemon and servers of its own.
@Suite(.serialized)
struct EndToEndTests {
    static let webhookScript = DaemonHarness.repository
        .appendingPathComponent("Tests/RectifyNotifyTests/Support/webhook_server.py").path

    /// A plan whose item "stale" goes stale `staleIn` seconds from now (policy stale_after: 1h);
    /// the other item is fresh and far from its deadline.
    static func plan(staleIn: TimeInterval, id: String = "e2e", extraItem: Bool = false) -> String {
        plan(staleAt: Date().addingTimeInterval(staleIn), id: id, extraItem: extraItem)
    }

    /// `staleAt` should be a whole second (plan files write seconds).
    static func plan(staleAt: Date, id: String = "e2e", extraItem: Bool = false) -> String {
        let lastUpdate = Timestamps.format(staleAt.addingTimeInterval(-3600), in: TimeZone(identifier: "UTC")!)
        let fresh = Timestamps.format(Date(), in: TimeZone(identifier: "UTC")!)
        var text = """
            plan:
              id: \(id)
              unit: 测试县卫生健康局
              title: 端到端测试台账
              owner: {name: 整改办, email: owner@example.gov.cn}
            items:
              - id: stale
                title: 闲置公车未按规定处置
                status: in_progress
                deadline: {date: 2030-12-31, precision: year, text: 2030年底前完成}
                responsible:
                  department: 办公室
                  contacts: [{name: 赵敏, email: zhaomin@example.gov.cn}]
                last_update: \(lastUpdate)
              - id: fresh
                title: 固定资产账实不符
                status: in_progress
                deadline: 2030-12-31
                responsible: {contacts: [{name: 孙丽, email: sunli@example.gov.cn}]}
                last_update: \(fresh)

            """
        if extraItem {
            text += """
                  - id: added
                    title: 新增问题
                    status: in_progress
                    responsible: {contacts: [{name: 吴芳, email: wufang@example.gov.cn}]}
                    last_update: \(fresh)

                """
        }
        return text
    }

    static func config(webhookPort: Int? = nil, webhookPath: String = "/hook") -> String {
        var text = """
            state_dir: state
            plans: [plan.yaml]
            policy: {stale_after: 1h}
            alerts: {digest: {enabled: false}}
            delivery: {backoff_initial: 0.3s, backoff_max: 1s, max_attempts: 100, shutdown_grace: 5s}
            routing: {email_receiver: mail}
            control: {socket: state/rectifyd.sock}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {name: 督办系统, address: rectifyd@localhost}}

            """
        if let webhookPort {
            text += "  - {name: hook, type: webhook, url: \"http://127.0.0.1:\(webhookPort)\(webhookPath)\", timeout: 2s}\n"
        }
        return text
    }

    @Test func itemFallingDueTwoSecondsAfterStart_isAlertedWithinThreeSeconds() throws {
        let daemon = try DaemonHarness()
        // Due at a whole second 2–3 s from now.
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 2).rounded(.up))
        try daemon.write("plan.yaml", Self.plan(staleAt: due))
        try daemon.write("rectifyd.yaml", Self.config())
        try daemon.start()
        #expect(DaemonHarness.waitFor(1.5) { daemon.log.contains("msg=started") })
        #expect(daemon.mails().isEmpty, "nothing is due at start")
        let arrived = DaemonHarness.waitFor(due.timeIntervalSinceNow + 1.5) { !daemon.mails().isEmpty }
        let lateness = Date().timeIntervalSince(due)
        #expect(arrived, "no mail; log:\n\(daemon.log)")
        #expect(lateness >= 0 && lateness <= 1.0, "alert \(lateness) s after the instant")
        #expect(daemon.mails().count == 1)
        #expect(daemon.stop() == 0)
        #expect(daemon.log.contains("msg=stopped"))
    }

    @Test func killedBetweenOutboxWriteAndDelivery_deliversExactlyOnceAfterRestart() throws {
        let daemon = try DaemonHarness()
        let port = freePort()
        try daemon.write("plan.yaml", Self.plan(staleIn: -10))
        try daemon.write("rectifyd.yaml", Self.config(webhookPort: port))
        try daemon.start()
        // The webhook server is not up yet: the alert sits in the outbox, failing and retrying.
        #expect(DaemonHarness.waitFor(5) { daemon.log.contains("delivery failed, will retry") }, "\(daemon.log)")
        // The mail went out and was recorded before the kill (otherwise it is in the one
        // documented duplicate window and may be sent again, which is not what this test is about).
        #expect(DaemonHarness.waitFor(5) { daemon.log.contains("msg=delivered") && daemon.log.contains("receiver=mail") })
        daemon.stop(SIGKILL)
        let hooks = daemon.dir.appendingPathComponent("hooks.jsonl")
        let server = try ScriptServer(
            script: Self.webhookScript, arguments: ["--out", hooks.path, "--port", String(port), "--timeout", "60"])
        defer { server.stop() }
        try daemon.start()
        // One JSON line per request received.
        let received = {
            ((try? String(contentsOf: hooks, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        #expect(DaemonHarness.waitFor(5) { received().count >= 1 }, "\(daemon.log)")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(received().count == 1)
        #expect(daemon.mails().count == 1)
        let request = received().first ?? ""
        #expect(request.contains("\"idempotency-key\""))
        #expect(request.contains("闲置公车"))
        #expect(daemon.stop() == 0)
    }

    /// A receiver that answers 429 with Retry-After: 3600 is left alone for the hour it asked
    /// for, though the configured backoff is 0.3 s.
    @Test func retryAfter_isHonoured() throws {
        let daemon = try DaemonHarness()
        let port = freePort()
        let hooks = daemon.dir.appendingPathComponent("hooks.jsonl")
        let server = try ScriptServer(
            script: Self.webhookScript, arguments: ["--out", hooks.path, "--port", String(port), "--timeout", "60"])
        defer { server.stop() }
        try daemon.write("plan.yaml", Self.plan(staleIn: -10))
        try daemon.write("rectifyd.yaml", Self.config(webhookPort: port, webhookPath: "/status/429?retry_after=3600"))
        try daemon.start()
        #expect(DaemonHarness.waitFor(5) { daemon.log.contains("delivery failed, will retry") && daemon.log.contains("receiver=hook") }, "\(daemon.log)")
        #expect(daemon.log.contains("the receiver asks to retry after 3600 s"), "\(daemon.log)")
        #expect(daemon.log.contains("retry_in=3600.000s") || daemon.log.contains("retry_in=3599.9"), "\(daemon.log)")
        Thread.sleep(forTimeInterval: 2)
        let received = ((try? String(contentsOf: hooks, encoding: .utf8)) ?? "").split(separator: "\n")
        #expect(received.count == 1, "posted again before the hour: \(received.count)")
        #expect(daemon.stop() == 0)
    }

    @Test func restartWithinTheRepeatInterval_sendsNoDuplicate() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan(staleIn: -10))
        try daemon.write("rectifyd.yaml", Self.config())
        try daemon.start()
        #expect(DaemonHarness.waitFor(5) { daemon.mails().count == 1 }, "\(daemon.log)")
        #expect(daemon.stop() == 0)
        try daemon.start()
        #expect(DaemonHarness.waitFor(5) { daemon.log.components(separatedBy: "msg=started").count == 3 })
        Thread.sleep(forTimeInterval: 1.5)
        #expect(daemon.mails().count == 1)
        #expect(daemon.stop() == 0)
    }

    /// SIGHUP's default action ends a process: the daemon traps it before it loads anything, so a
    /// reload asked for while a large plan loads (logrotate, an operator) is done once it runs.
    @Test func aHangupWhileThePlansLoad_isAReloadOnceRunning_notTheEnd() throws {
        let daemon = try DaemonHarness()
        var plan = "plan:\n  id: big\n  unit: 测试县卫生健康局\n  title: 载入测试\nitems:\n"
        for n in 1...100_000 { plan += "  - {id: \"\(n)\", title: 第\(n)项问题, status: done}\n" }
        try daemon.write("plan.yaml", plan)
        try daemon.write("rectifyd.yaml", Self.config())
        try daemon.start()
        let pid = try #require(daemon.process?.processIdentifier)
        #expect(DaemonHarness.waitFor(20) { Self.catches(SIGHUP, pid: pid) || daemon.log.contains("msg=started") })
        let beforeStart = !daemon.log.contains("msg=started")
        daemon.signal(SIGHUP)
        #expect(DaemonHarness.waitFor(30) { daemon.log.contains("msg=reloaded") }, "\(daemon.log)")
        #expect(daemon.process?.isRunning == true)
        #expect(beforeStart, "SIGHUP was not trapped before the plans had loaded")
        #expect(daemon.stop() == 0)
    }

    /// Whether `pid` catches `signal` (its bit in SigCgt of /proc/PID/status).
    static func catches(_ signal: Int32, pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
            let mask = UInt64(line.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    @Test func badConfigOnSIGHUP_keepsTheOldOneRunning_goodOneIsApplied() throws {
        let daemon = try DaemonHarness()
        // One fixed instant for both versions of the plan: the stale item stays the same item.
        let staleAt = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 10).rounded(.down))
        try daemon.write("plan.yaml", Self.plan(staleAt: staleAt))
        try daemon.write("rectifyd.yaml", Self.config())
        try daemon.start()
        #expect(DaemonHarness.waitFor(5) { daemon.mails().count == 1 }, "\(daemon.log)")
        try daemon.write("rectifyd.yaml", Self.config() + "frobnicate: true\n")
        daemon.signal(SIGHUP)
        #expect(DaemonHarness.waitFor(5) { daemon.log.contains("reload rejected; the previous configuration keeps running") })
        #expect(daemon.log.contains("unknown key 'frobnicate'"))
        #expect(daemon.process?.isRunning == true)
        // A good reload with a new item without a deadline: the owner hears of it.
        try daemon.write("rectifyd.yaml", Self.config())
        try daemon.write("plan.yaml", Self.plan(staleAt: staleAt, extraItem: true))
        daemon.signal(SIGHUP)
        #expect(DaemonHarness.waitFor(5) { daemon.mails().count == 2 }, "\(daemon.log)")
        #expect(daemon.log.contains("msg=reloaded"))
        Thread.sleep(forTimeInterval: 0.5)
        #expect(daemon.mails().count == 2, "the reload re-evaluates, but sends nothing twice")
        #expect(daemon.stop() == 0)
    }
}

extension EndToEndTests {
    static let smtpScript = DaemonHarness.repository
        .appendingPathComponent("Tests/RectifyNotifyTests/Support/smtp_server.py").path

    /// A command found on PATH, run in `dir`: its stdout.
    static func run(_ arguments: [String], in dir: URL) throws -> String {
        try DaemonHarness.run("/usr/bin/env", arguments, in: dir).out
    }

    @Test func smtpDownForAWhile_everythingIsDeliveredWhenItReturns() throws {
        let daemon = try DaemonHarness()
        let dir = daemon.dir
        try daemon.makeCertificate()
        try daemon.write("smtp-password", "secret\n")
        let port = freePort()
        try daemon.write("plan.yaml", Self.plan(staleIn: -10, extraItem: true))
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [plan.yaml]
            policy: {stale_after: 1h}
            alerts: {digest: {enabled: false}}
            delivery: {backoff_initial: 0.3s, backoff_max: 1s, max_attempts: 100}
            routing: {email_receiver: smtp}
            control: {socket: state/rectifyd.sock}
            receivers:
              - name: smtp
                type: smtp
                url: smtp://127.0.0.1:\(port)
                from: {name: 巡察整改督办系统, address: rectifyd@example.gov.cn}
                username: alerts
                password_file: smtp-password
                ca_file: cert.pem
                timeout: 5s

            """)
        try daemon.start()
        #expect(DaemonHarness.waitFor(5) { daemon.log.components(separatedBy: "delivery failed, will retry").count > 2 }, "\(daemon.log)")
        #expect(!daemon.log.contains("secret"))
        let inbox = dir.appendingPathComponent("inbox")
        let server = try ScriptServer(
            script: Self.smtpScript,
            arguments: ["--out", inbox.path, "--cert", dir.appendingPathComponent("cert.pem").path, "--key",
                        dir.appendingPathComponent("key.pem").path, "--port", String(port), "--timeout", "60"])
        defer { server.stop() }
        let received = { ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).filter { $0.hasSuffix(".eml") } }
        #expect(DaemonHarness.waitFor(8) { received().count == 2 }, "\(daemon.log)")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(received().count == 2)
        // A real mail parser decodes the Chinese subject and body.
        let parsed = try Self.run(
            [
                "python3", "-c",
                """
                import sys, email, email.policy
                for name in sys.argv[1:]:
                    m = email.message_from_binary_file(open(name, 'rb'), policy=email.policy.default)
                    print(m['subject'], '|', m['to'], '|', '闲置公车' in m.get_body(('plain',)).get_content())
                """,
            ] + received().map { inbox.appendingPathComponent($0).path }, in: dir)
        #expect(parsed.contains("赵敏 <zhaomin@example.gov.cn> | True"), "\(parsed)")
        #expect(parsed.contains("整改办 <owner@example.gov.cn>"), "\(parsed)")
        #expect(daemon.stop() == 0)
    }
}
