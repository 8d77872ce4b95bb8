import Foundation
import RectifyControl
import RectifyCore
import RectifyNotify
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon on an operator's bad day (issue 11): receivers that refuse or hang, `kill -9`
/// in the middle of a batch, a second copy on the same state, a full or read-only disk, a
/// deleted or damaged database, a plans directory emptied by mistake, a receiver that echoes
/// its secret URL. The real binary against real servers on 127.0.0.1.
@Suite(.serialized)
struct FaultTests {
    static let webhookScript = EndToEndTests.webhookScript
    static let smtpScript = EndToEndTests.smtpScript

    /// A plan with `count` stale items, each with a contact of its own (one mail per item).
    /// Two hours ago, once per run: a plan rewritten during a test keeps its items' last update
    /// (a rewrite a second later would otherwise move their stale instant and re-alert them).
    static let twoHoursAgo = Timestamps.format(Date().addingTimeInterval(-7200), in: TimeZone(identifier: "UTC")!)

    static func plan(count: Int, id: String = "faults") -> String {
        let old = twoHoursAgo
        var text = """
            plan:
              id: \(id)
              unit: 测试县卫生健康局
              title: 故障测试台账
            items:

            """
        for n in 1...count {
            text += """
                  - id: "\(n)"
                    title: 第\(n)项问题尚未整改到位
                    status: in_progress
                    deadline: 2030-12-31
                    responsible: {contacts: [{name: 联系人\(n), email: person\(n)@example.gov.cn}]}
                    last_update: \(old)

                """
        }
        return text
    }

    static func config(receivers: String, routing: String = "routing: {email_receiver: mail}", plans: String = "[plan.yaml]")
        -> String
    {
        """
        state_dir: state
        plans: \(plans)
        policy: {stale_after: 1h}
        alerts: {digest: {enabled: false}}
        delivery: {backoff_initial: 0.3s, backoff_max: 1s, max_attempts: 1000, shutdown_grace: 3s}
        \(routing)
        control: {socket: state/rectifyd.sock}
        receivers:
        \(receivers)

        """
    }

    static let maildir = "  - {name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}"

    static func lines(_ file: URL) -> [String] {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Runs rectifyd to its exit (it is expected to refuse to start); returns status and log.
    static func runToExit(
        _ arguments: [String], in dir: URL, timeout: TimeInterval = 15, environment: [String: String] = [:]
    ) throws -> (Int32, String) {
        let p = Process()
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.executableURL = URL(fileURLWithPath: DaemonHarness.binary)
        p.arguments = arguments
        p.currentDirectoryURL = dir
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func call(_ d: DaemonHarness, _ method: String, _ path: String) throws -> (Int, String) {
        let r = try UnixSocketHTTP.request(
            socket: d.dir.appendingPathComponent("state/rectifyd.sock").path, method: method, path: path, body: nil)
        return (r.status, String(decoding: r.body, as: UTF8.self))
    }

    // MARK: 1. retries never stall

    /// One receiver refuses connections, another accepts and never answers. The refused one's
    /// retries go on while the other hangs, and its notice arrives within its backoff plus a
    /// second of the receiver coming back.
    @Test func retriesGoOnWhileAnotherReceiverHangs() throws {
        let daemon = try DaemonHarness()
        let hung = try ScriptServer(
            script: Self.webhookScript,
            arguments: ["--out", daemon.dir.appendingPathComponent("hung.jsonl").path, "--timeout", "60"])
        defer { hung.stop() }
        let deadPort = freePort()
        try daemon.write("plan.yaml", Self.plan(count: 1))
        try daemon.write(
            "rectifyd.yaml",
            Self.config(
                receivers: """
                      - {name: a-dead, type: webhook, url: "http://127.0.0.1:\(deadPort)/hook", timeout: 2s}
                      - {name: b-hung, type: webhook, url: "http://127.0.0.1:\(hung.port)/hang", timeout: 2s}
                    """, routing: ""))
        try daemon.start()
        defer { daemon.stop() }
        let failures = { daemon.log.components(separatedBy: "receiver=a-dead").count - 1 }
        #expect(DaemonHarness.waitFor(10) { failures() >= 4 }, "retries to the refusing receiver stalled:\n\(daemon.log)")
        let hooks = daemon.dir.appendingPathComponent("hooks.jsonl")
        let back = try ScriptServer(
            script: Self.webhookScript, arguments: ["--out", hooks.path, "--port", String(deadPort), "--timeout", "60"])
        defer { back.stop() }
        let cameBack = Date()
        #expect(DaemonHarness.waitFor(6) { !Self.lines(hooks).isEmpty }, "never delivered after the receiver came back:\n\(daemon.log)")
        // backoff_max 1 s (+20% jitter) + 1 s.
        #expect(Date().timeIntervalSince(cameBack) <= 2.5, "delivered \(Date().timeIntervalSince(cameBack)) s after the receiver came back")
        // The hanging receiver is tried again too (timeout 2 s, then its backoff).
        let hungTries = { Self.lines(daemon.dir.appendingPathComponent("hung.jsonl.hung")).count }
        #expect(DaemonHarness.waitFor(8) { hungTries() >= 3 }, "the hanging receiver was tried \(hungTries()) times")
    }

    // MARK: 2. kill -9 re-sends at most the message in flight

    @Test func killDuringABatch_resendsAtMostOneMessage() throws {
        let daemon = try DaemonHarness()
        let dir = daemon.dir
        try daemon.makeCertificate()
        try daemon.write("smtp-password", "secret\n")
        let inbox = dir.appendingPathComponent("inbox")
        let server = try ScriptServer(
            script: Self.smtpScript,
            arguments: [
                "--out", inbox.path, "--cert", dir.appendingPathComponent("cert.pem").path, "--key",
                dir.appendingPathComponent("key.pem").path, "--timeout", "90", "--delay", "0.1",
            ])
        defer { server.stop() }
        let count = 30
        try daemon.write("plan.yaml", Self.plan(count: count))
        try daemon.write(
            "rectifyd.yaml",
            Self.config(
                receivers: """
                      - name: smtp
                        type: smtp
                        url: smtp://127.0.0.1:\(server.port)
                        from: {address: rectifyd@example.gov.cn}
                        username: alerts
                        password_file: smtp-password
                        ca_file: cert.pem
                        timeout: 10s
                    """, routing: "routing: {email_receiver: smtp}"))
        let received = { ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).filter { $0.hasSuffix(".json") } }
        var kills = 0
        for target in [6, 14, 22] {
            try daemon.start()
            #expect(DaemonHarness.waitFor(20) { received().count >= target }, "\(daemon.log)")
            daemon.stop(SIGKILL)
            kills += 1
        }
        try daemon.start()
        defer { daemon.stop() }
        #expect(DaemonHarness.waitFor(30) { Set(Self.recipients(inbox)).count == count }, "\(daemon.log)")
        Thread.sleep(forTimeInterval: 1)
        let all = Self.recipients(inbox)
        let duplicates = all.count - Set(all).count
        // At most the one message in flight per kill (one receiver).
        #expect(duplicates <= kills, "\(duplicates) duplicates over \(kills) kills")
    }

    static func recipients(_ inbox: URL) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).filter { $0.hasSuffix(".json") }
        return names.compactMap { name -> String? in
            guard let data = FileManager.default.contents(atPath: inbox.appendingPathComponent(name).path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let to = object["rcpt_tos"] as? [String]
            else { return nil }
            return to.joined(separator: ",")
        }
    }

    // MARK: 3. one daemon per state directory

    @Test func secondDaemonOnTheSameState_isRefusedAndLeavesTheFirstsSocket() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan(count: 2))
        try daemon.write("rectifyd.yaml", Self.config(receivers: Self.maildir))
        try daemon.start()
        defer { daemon.stop() }
        #expect(DaemonHarness.waitFor(10) { daemon.log.contains("control socket listening") })
        #expect(DaemonHarness.waitFor(5) { daemon.mails().count == 2 })
        let (status, log) = try Self.runToExit(["--config", daemon.configPath], in: daemon.dir)
        #expect(status == 2, "\(log)")
        let pid = daemon.process?.processIdentifier ?? -1
        #expect(log.contains("another rectifyd (pid \(pid)) is running"), "\(log)")
        let (code, body) = try Self.call(daemon, "GET", "/v1/health")
        #expect(code == 200 && body.contains("\"ok\""), "the first daemon's socket is gone: \(code) \(body)")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(daemon.mails().count == 2, "the second daemon delivered")
    }

    /// Another process on the control socket (another state_dir): refused, and not unlinked.
    @Test func controlSocketInUse_isRefusedAndKept() throws {
        let first = try DaemonHarness()
        try first.write("plan.yaml", Self.plan(count: 1))
        try first.write("rectifyd.yaml", Self.config(receivers: Self.maildir))
        try first.start()
        defer { first.stop() }
        #expect(DaemonHarness.waitFor(10) { first.log.contains("control socket listening") })
        let socket = first.dir.appendingPathComponent("state/rectifyd.sock").path
        let second = try DaemonHarness()
        try second.write("plan.yaml", Self.plan(count: 1))
        try second.write(
            "rectifyd.yaml",
            Self.config(receivers: Self.maildir).replacingOccurrences(of: "socket: state/rectifyd.sock", with: "socket: \(socket)"))
        let (status, log) = try Self.runToExit(["--config", second.configPath], in: second.dir)
        #expect(status != 0 && log.contains("another process is listening"), "\(log)")
        let (code, _) = try Self.call(first, "GET", "/v1/health")
        #expect(code == 200)
    }

    // MARK: 4. a disk that refuses writes

    /// The state directory on a small tmpfs that fills up: health says unhealthy, the alert
    /// decided meanwhile is not lost, and goes out once space is freed.
    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func fullDisk_reportsUnhealthy_andDecidesAgainWhenWritable() throws {
        let daemon = try DaemonHarness()
        let state = daemon.dir.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        guard Self.sh("mount -t tmpfs -o size=4m tmpfs '\(state.path)'") == 0 else {
            Issue.record("cannot mount a tmpfs")
            return
        }
        defer { _ = Self.sh("umount -l '\(state.path)'") }
        try daemon.write("plan.yaml", Self.plan(count: 1))
        try daemon.write("rectifyd.yaml", Self.config(receivers: Self.maildir))
        try daemon.start()
        defer { daemon.stop() }
        #expect(DaemonHarness.waitFor(5) { daemon.mails().count == 1 }, "\(daemon.log)")
        // Fill the disk, then add an item that is stale at once.
        _ = Self.sh("dd if=/dev/zero of='\(state.path)/filler' bs=64k 2>/dev/null; sync")
        try daemon.write("plan.yaml", Self.plan(count: 2))
        daemon.signal(SIGHUP)
        #expect(DaemonHarness.waitFor(5) { daemon.log.contains("refuses writes") }, "\(daemon.log)")
        let (code, body) = try Self.call(daemon, "GET", "/v1/health")
        #expect(code == 503 && body.contains("unhealthy"), "\(code) \(body)")
        let (_, metrics) = try Self.call(daemon, "GET", "/v1/metrics")
        #expect(metrics.contains("rectifyd_storage_healthy 0"))
        try? FileManager.default.removeItem(at: state.appendingPathComponent("filler"))
        // Decided again within the retry delay (1 s, doubling), delivered, healthy again.
        #expect(DaemonHarness.waitFor(20) { daemon.mails().count == 2 }, "log:\n\(daemon.log)\nEND")
        #expect(DaemonHarness.waitFor(3) { (try? Self.call(daemon, "GET", "/v1/health").0) == 200 })
        #expect(DaemonHarness.waitFor(3) { daemon.log.contains("takes writes again") })
    }

    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func readOnlyStateDirectory_failsAtStart() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan(count: 1))
        try daemon.write("rectifyd.yaml", Self.config(receivers: Self.maildir))
        try daemon.start()
        #expect(DaemonHarness.waitFor(5) { daemon.mails().count == 1 })
        daemon.stop(SIGKILL)  // leaves the WAL behind
        let state = daemon.dir.appendingPathComponent("state").path
        guard Self.sh("mount --bind '\(state)' '\(state)' && mount -o remount,bind,ro '\(state)'") == 0 else {
            Issue.record("cannot bind-mount read-only")
            return
        }
        defer { _ = Self.sh("umount -l '\(state)'") }
        let (status, log) = try Self.runToExit(["--config", daemon.configPath], in: daemon.dir)
        #expect(status == 2, "\(log)")
        #expect(log.contains(state) && log.contains("not writable"), "\(log)")
    }

    static func sh(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    // MARK: 5. a deleted, emptied or damaged database

    @Test func deletedDatabase_isRefusedUnlessAccepted() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan(count: 1))
        try daemon.write("rectifyd.yaml", Self.config(receivers: Self.maildir))
        try daemon.start()
        #expect(DaemonHarness.waitFor(5) { daemon.mails().count == 1 })
        #expect(daemon.stop() == 0)
        let state = daemon.dir.appendingPathComponent("state")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(at: state.appendingPathComponent("state.sqlite" + suffix)) }
        let (status, log) = try Self.runToExit(["--config", daemon.configPath], in: daemon.dir)
        #expect(status == 2)
        #expect(log.contains("state.sqlite") && log.contains("missing") && log.contains("--accept-new-state"), "\(log)")
        #expect(daemon.mails().count == 1, "nothing was sent again")
        // The operator accepts a new history: it starts (and decides the alert afresh).
        let (again, _) = try Self.runToExit(["--config", daemon.configPath, "--accept-new-state"], in: daemon.dir, timeout: 2)
        #expect(again == 9, "killed by the timeout while running")
        #expect(daemon.mails().count == 2)
        // From then on it starts normally.
        try daemon.start()
        #expect(DaemonHarness.waitFor(5) { daemon.log.components(separatedBy: "msg=started").count == 3 }, "\(daemon.log)")
        #expect(daemon.stop() == 0, "\(daemon.log)")
    }

    @Test func damagedDatabase_saysWhichFileAndWhatToDo() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan(count: 1))
        try daemon.write("rectifyd.yaml", Self.config(receivers: Self.maildir))
        try daemon.start()
        #expect(DaemonHarness.waitFor(5) { daemon.mails().count == 1 })
        #expect(daemon.stop() == 0)
        let database = daemon.dir.appendingPathComponent("state/state.sqlite")
        // Damage found after a checkpoint: the main file is garbage and no WAL holds its pages.
        try Data(repeating: 0x5A, count: 8192).write(to: database)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        let (status, log) = try Self.runToExit(["--config", daemon.configPath], in: daemon.dir)
        #expect(status == 2)
        #expect(log.contains(database.path) && log.contains("damaged") && log.contains("backup"), "\(log)")
        #expect(!log.contains("SQLite error 11") || log.contains("damaged"))
    }

    // MARK: 6. a plans directory that holds no plans

    @Test func emptiedPlansDirectory_isRejectedOnReloadAndAtStart() throws {
        let daemon = try DaemonHarness()
        let plans = daemon.dir.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try daemon.write("plans/plan.yaml", Self.plan(count: 3))
        try daemon.write("rectifyd.yaml", Self.config(receivers: Self.maildir, plans: "[plans]"))
        try daemon.start()
        defer { daemon.stop() }
        #expect(DaemonHarness.waitFor(10) { daemon.log.contains("control socket listening") })
        try FileManager.default.moveItem(at: plans.appendingPathComponent("plan.yaml"), to: daemon.dir.appendingPathComponent("moved.yaml"))
        daemon.signal(SIGHUP)
        #expect(DaemonHarness.waitFor(5) { daemon.log.contains("reload rejected") }, "\(daemon.log)")
        #expect(daemon.log.contains("holds no plan files"))
        let (_, status) = try Self.call(daemon, "GET", "/v1/status")
        #expect(status.contains("\"items\":3") || status.contains("\"items\" : 3"), "\(status)")
        let (code, log) = try Self.runToExit(["--check-config", daemon.configPath], in: daemon.dir)
        #expect(code == 2 && log.contains("holds no plan files"), "\(log)")
    }

    /// A plans directory the reader may not list is said to be that, not "holds no plan files"
    /// (which sends the operator looking for files that are there).
    @Test(.enabled(if: getuid() == 0, "reading as another user needs root"))
    func unlistablePlansDirectory_saysWhy() throws {
        let daemon = try DaemonHarness()
        let plans = daemon.dir.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try daemon.write("plans/plan.yaml", Self.plan(count: 3))
        try FileManager.default.setAttributes([.posixPermissions: 0o711], ofItemAtPath: daemon.dir.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: plans.path)
        let copy = daemon.dir.appendingPathComponent("rectifyctl").path
        try FileManager.default.copyItem(atPath: DaemonHarness.rectifyctl, toPath: copy)
        let result = try DaemonHarness.run(
            "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", copy, "check", plans.path])
        #expect(result.status == 2, "\(result)")
        #expect(result.err.contains("\(plans.path):1:1: error: cannot list the directory: Permission denied"), "\(result.err)")
        #expect(!result.err.contains("holds no plan files"))
    }

    /// A stderr whose reader has gone (a closed pipe) loses log lines; the daemon goes on. It
    /// used to end with SIGILL: Foundation's FileHandle.write traps on EPIPE.
    @Test func aClosedLog_losesLines_notTheDaemon() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan(count: 3))
        try daemon.write("rectifyd.yaml", Self.config(receivers: Self.maildir))
        try daemon.start()
        #expect(DaemonHarness.waitFor(10) { daemon.log.contains("control socket listening") })
        daemon.closeLog()
        daemon.signal(SIGHUP)  // a reload logs several lines
        Thread.sleep(forTimeInterval: 1)
        #expect(daemon.process?.isRunning == true)
        let (_, status) = try Self.call(daemon, "GET", "/v1/status")
        #expect(status.contains("\"items\""), "\(status)")
        #expect(daemon.stop() == 0)
    }

    // MARK: 9. a missing secret passes --check-config

    @Test func checkConfig_readsEverySecretItNames() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan(count: 1))
        try daemon.write("token", "s3cr3t-token-value\n")
        try daemon.write(
            "rectifyd.yaml",
            Self.config(
                receivers: """
                      - {name: hook, type: webhook, url: "http://127.0.0.1:9/hook", bearer_token_file: token}
                      - {name: mail, type: smtp, url: "smtp://127.0.0.1:25", from: {address: a@localhost}, username: u, password_file: no-such-password}
                      - {name: bot, type: wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", key_credential: wecom-key}
                    """, routing: "routing: {email_receiver: mail}"))
        let (code, log) = try Self.runToExit(["--check-config", daemon.configPath], in: daemon.dir)
        #expect(code == 2, "\(log)")
        #expect(log.contains("receiver 'mail': password_file") && log.contains("no-such-password"), "\(log)")
        #expect(log.contains("receiver 'bot': key_credential") && log.contains("CREDENTIALS_DIRECTORY"), "\(log)")
        #expect(!log.contains("receiver 'hook'") && !log.contains("s3cr3t"), "\(log)")
        // With every secret in place it passes.
        try daemon.write("no-such-password", "pw\n")
        let credentials = daemon.dir.appendingPathComponent("creds")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        try "k3y\n".write(to: credentials.appendingPathComponent("wecom-key"), atomically: true, encoding: .utf8)
        let (ok, okLog) = try Self.runToExit(
            ["--check-config", daemon.configPath], in: daemon.dir, environment: ["CREDENTIALS_DIRECTORY": credentials.path])
        #expect(ok == 0, "\(okLog)")
    }

    /// A receiver-level failure stops the batch: the rest say "not attempted" where operators look.
    @Test func aBatchStoppedByTheReceiver_saysNotAttempted() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan(count: 3))
        try daemon.write("pw", "pw\n")
        try daemon.write(
            "rectifyd.yaml",
            Self.config(
                receivers: """
                      - {name: smtp, type: smtp, url: "smtp://127.0.0.1:\(freePort())", from: {address: a@localhost}, username: u, password_file: pw, timeout: 2s}
                    """, routing: "routing: {email_receiver: smtp}"))
        try daemon.start()
        defer { daemon.stop() }
        #expect(DaemonHarness.waitFor(5) { daemon.log.components(separatedBy: "delivery failed, will retry").count > 3 }, "\(daemon.log)")
        // The first pass tried one notice; the other two are "not attempted" in the history.
        let (_, history) = try Self.call(daemon, "GET", "/v1/deliveries")
        #expect(history.components(separatedBy: "not attempted: ").count - 1 >= 2, "\(history)")
        #expect(daemon.log.contains("not attempted: "))
    }

    // MARK: 8. a receiver that echoes its secret URL

    @Test func secretInAWebhookURL_neverLeavesTheProcess() throws {
        let daemon = try DaemonHarness()
        let server = try ScriptServer(
            script: Self.webhookScript,
            arguments: ["--out", daemon.dir.appendingPathComponent("hooks.jsonl").path, "--timeout", "60"])
        defer { server.stop() }
        let secret = "Zq7SECRETkey0042"
        try daemon.write("plan.yaml", Self.plan(count: 1))
        try daemon.write(
            "rectifyd.yaml",
            Self.config(
                receivers: """
                      - {name: hook, type: webhook, url: "http://127.0.0.1:\(server.port)/status/500?key=\(secret)&team=ops", timeout: 2s}
                    """, routing: ""))
        try daemon.start()
        defer { daemon.stop() }
        #expect(DaemonHarness.waitFor(5) { daemon.log.contains("delivery failed, will retry") }, "\(daemon.log)")
        #expect(daemon.log.contains("rejected POST"), "the server's echo is reported (redacted)")
        let (_, outbox) = try Self.call(daemon, "GET", "/v1/outbox")
        let (_, deliveries) = try Self.call(daemon, "GET", "/v1/deliveries?failed=true")
        let (_, config) = try Self.call(daemon, "GET", "/v1/config")
        for (name, text) in [("log", daemon.log), ("outbox", outbox), ("deliveries", deliveries), ("config", config)] {
            #expect(!text.contains(secret), "the secret leaks into the \(name):\n\(text)")
        }
    }
}
