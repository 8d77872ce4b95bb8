import Foundation
import RectifyControl
import RectifyCore
import RectifyNotify
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every endpoint of the control API over the real socket of the real daemon, including
/// bad input, a refused write, an idle client and many concurrent clients.
@Suite(.serialized)
struct ControlSocketTests {
    /// A daemon on the example plan, with a socket anyone may open (so another uid can try to write).
    static func startDaemon(bodyLimit: Int = 4096) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        let example = DaemonHarness.repository.appendingPathComponent("config/plans/example.yaml").path
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [\(example)]
            alerts: {digest: {enabled: false}}
            control: {socket: state/rectifyd.sock, mode: "0666", body_limit: \(bodyLimit), idle_timeout: 1s}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}

            """)
        try daemon.start()
        guard DaemonHarness.waitFor(10, { daemon.log.contains("control socket listening") }) else {
            throw HarnessError("the control socket did not come up:\n\(daemon.log)")
        }
        return daemon
    }

    static func socketPath(_ d: DaemonHarness) -> String { d.dir.appendingPathComponent("state/rectifyd.sock").path }

    static func call(_ d: DaemonHarness, _ method: String, _ path: String, _ body: String? = nil) throws -> (Int, [String: Any]) {
        let r = try UnixSocketHTTP.request(socket: socketPath(d), method: method, path: path, body: body.map { Data($0.utf8) })
        let object = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
        return (r.status, object)
    }

    @Test func readEndpoints_answer() throws {
        let d = try Self.startDaemon()
        defer { d.stop() }
        let (hs, health) = try Self.call(d, "GET", "/v1/health")
        #expect(hs == 200 && health["status"] as? String == "ok" && health["items"] as? Int == 13)
        let (ss, status) = try Self.call(d, "GET", "/v1/status")
        #expect(ss == 200)
        #expect(status["items"] as? Int == 13)
        #expect((status["plans"] as? [[String: Any]])?.first?["id"] as? String == "example-county-health")
        #expect(status["next_check"] is String)
        let (is1, items) = try Self.call(d, "GET", "/v1/items?state=overdue,due_soon&limit=1&offset=1")
        #expect(is1 == 200 && items["total"] as? Int == 4 && (items["items"] as? [Any])?.count == 1)
        let (_, search) = try Self.call(d, "GET", "/v1/items?q=%E5%85%AC%E8%BD%A6")  // 公车
        #expect((search["items"] as? [[String: Any]])?.first?["id"] as? String == "2.1")
        let (_, byPerson) = try Self.call(d, "GET", "/v1/items?responsible=%E8%B4%A2%E5%8A%A1%E8%82%A1&due_before=2026-12-01")
        #expect(byPerson["total"] as? Int == 1)
        let (ds, detail) = try Self.call(d, "GET", "/v1/items/example-county-health/2.3")
        #expect(ds == 200 && (detail["milestones"] as? [Any])?.count == 2)
        let (os, outbox) = try Self.call(d, "GET", "/v1/outbox")
        #expect(os == 200 && outbox["entries"] is [Any])
        let deliveries = try UnixSocketHTTP.request(socket: Self.socketPath(d), method: "GET", path: "/v1/deliveries")
        #expect(deliveries.status == 200)
        let (cs, config) = try Self.call(d, "GET", "/v1/config")
        #expect(cs == 200 && config["control.mode"] as? String == "666")
        let metrics = try UnixSocketHTTP.request(socket: Self.socketPath(d), method: "GET", path: "/v1/metrics")
        let text = String(decoding: metrics.body, as: UTF8.self)
        #expect(metrics.status == 200 && text.contains("rectifyd_items{state=\"overdue\"} 2") && text.contains("rectifyd_outbox{status=\"pending\"}"))
    }

    @Test func writes_areRecordedWithTheCaller_andReArmTheScheduler() throws {
        let d = try Self.startDaemon()
        defer { d.stop() }
        #expect(DaemonHarness.waitFor(5) { d.mails().count >= 8 })
        let before = d.mails().count
        let (s1, done) = try Self.call(d, "POST", "/v1/items/example-county-health/2.1/done", #"{"note": "闲置公车已公开拍卖"}"#)
        #expect(s1 == 200 && done["ok"] as? Bool == true)
        // The item was alerted about at start: its people now get a `resolved` notice.
        #expect(DaemonHarness.waitFor(5) { d.mails().count > before }, "\(d.log)")
        let (_, shown) = try Self.call(d, "GET", "/v1/items/example-county-health/2.1")
        let history = shown["history"] as? [[String: Any]] ?? []
        #expect(history.first?["kind"] as? String == "done" && history.first?["user"] as? String == "root" && history.first?["uid"] as? Int == 0)
        #expect((shown["item"] as? [String: Any])?["state"] as? String == "done")

        let (s2, _) = try Self.call(d, "POST", "/v1/items/example-county-health/3.3/progress", #"{"note": "61家已整改到位", "done": 61, "total": 79}"#)
        #expect(s2 == 200)
        let (_, paced) = try Self.call(d, "GET", "/v1/items/example-county-health/3.3")
        #expect((paced["progress"] as? [String: Any])?["done"] as? Int == 61)
        #expect((paced["item"] as? [String: Any])?["state"] as? String == "on_track")

        let (s3, ext) = try Self.call(d, "POST", "/v1/items/example-county-health/2.2/extend", #"{"to": "2026-12-31", "reason": "等待清查"}"#)
        let item = ext["item"] as? [String: Any]
        #expect(s3 == 200 && (item?["deadline"] as? [String: Any])?["date"] as? String == "2026-12-31")
        #expect((item?["original_deadline"] as? [String: Any])?["date"] as? String == "2026-09-30")

        let (s4, _) = try Self.call(d, "POST", "/v1/items/example-county-health/2.3/done", #"{"note": "审图合格", "milestone": "完成施工图审图"}"#)
        #expect(s4 == 200)
        let (s4a, typo) = try Self.call(d, "POST", "/v1/items/example-county-health/2.3/done", #"{"note": "x", "milestone": "完成施工图"}"#)
        #expect(s4a == 404 && (typo["error"] as? String)?.hasSuffix("its milestones: 完成施工图审图, 开工建设") == true, "\(typo)")
        let (s4b, none) = try Self.call(d, "POST", "/v1/items/example-county-health/2.2/done", #"{"note": "x", "milestone": "审图"}"#)
        #expect(s4b == 404 && (none["error"] as? String)?.hasSuffix("it has none; leave out --milestone to close the item itself") == true, "\(none)")
        let (s5, snooze) = try Self.call(d, "POST", "/v1/items/example-county-health/4.1/snooze", #"{"until": "2099-01-31"}"#)
        #expect(s5 == 200 && (snooze["item"] as? [String: Any])?["silenced_until"] as? String == "2099-02-01T00:00:00+08:00")
        let (s6, _) = try Self.call(d, "POST", "/v1/items/example-county-health/4.3/ack", #"{"note": "已知悉"}"#)
        #expect(s6 == 200)
        let (s7, reopened) = try Self.call(d, "POST", "/v1/items/example-county-health/2.1/reopen", #"{"note": "回头看发现反弹"}"#)
        #expect(s7 == 200 && (reopened["item"] as? [String: Any])?["status"] as? String == "in_progress")
        let (s8, reload) = try Self.call(d, "POST", "/v1/reload")
        #expect(s8 == 200 && reload["message"] as? String == "reloaded")
        // Updates survive the reload (they live in the state DB, laid over the plan files).
        let (_, again) = try Self.call(d, "GET", "/v1/items/example-county-health/2.2")
        #expect(((again["item"] as? [String: Any])?["deadline"] as? [String: Any])?["date"] as? String == "2026-12-31")
        let (s9, retry) = try Self.call(d, "POST", "/v1/deliveries/retry")
        #expect(s9 == 200 && (retry["message"] as? String)?.contains("queued again") == true)
        let (s10, unknown) = try Self.call(d, "POST", "/v1/deliveries/retry", #"{"ids": ["no-such-notice"]}"#)
        #expect(s10 == 404 && (unknown["error"] as? String)?.contains("not failed deliveries (unknown, delivered or still pending): 'no-such-notice'") == true, "\(unknown)")
        #expect(d.log.contains("msg=update") && d.log.contains("user=root"))
    }

    @Test func badInput_getsA4xxThatSaysWhatAndWhere() throws {
        let d = try Self.startDaemon(bodyLimit: 2048)
        defer { d.stop() }
        let path = "/v1/items/example-county-health/2.2/progress"
        let cases: [(String, String?, Int, String)] = [
            ("POST", #"{"note": "#, 400, "not valid JSON"),
            ("POST", #"{"note": "x", "colour": "red"}"#, 400, "unknown field 'colour'"),
            ("POST", #"{"note": 42}"#, 400, "field 'note' must be text"),
            ("POST", #"{"note": "x", "done": "many", "total": 3}"#, 400, "field 'done' must be a whole number"),
            ("POST", #"{"note": "x", "done": 9, "total": 3}"#, 400, "done must be between 0 and total"),
            ("POST", #"{"note": "   "}"#, 400, "field 'note' must not be empty"),
            ("POST", #"[1, 2]"#, 400, "must be a JSON object"),
            ("POST", nil, 400, "needs a JSON body"),
        ]
        for (method, body, status, text) in cases {
            let (s, answer) = try Self.call(d, method, path, body)
            #expect(s == status, "\(body ?? "nil")")
            #expect((answer["error"] as? String)?.contains(text) == true, "\(body ?? "nil") → \(answer)")
        }
        let (s1, a1) = try Self.call(d, "POST", "/v1/items/example-county-health/9.9/progress", #"{"note": "x"}"#)
        #expect(s1 == 404 && (a1["error"] as? String)?.contains("no item '9.9'") == true)
        let (s1p, a1p) = try Self.call(d, "POST", "/v1/items/nosuchplan/2.1/progress", #"{"note": "x"}"#)
        #expect(s1p == 404 && (a1p["error"] as? String)?.contains("no plan 'nosuchplan'; the plans are: example-county-health") == true, "\(a1p)")
        let (s1q, a1q) = try Self.call(d, "GET", "/v1/items/nosuchplan/2.1")
        #expect(s1q == 404 && (a1q["error"] as? String)?.contains("no plan 'nosuchplan'") == true, "\(a1q)")
        let (s2, a2) = try Self.call(d, "POST", "/v1/items/example-county-health/2.2/extend", #"{"to": "2026-02-30", "reason": "r"}"#)
        #expect(s2 == 400 && a2["field"] as? String == "to")
        let (s3, a3) = try Self.call(d, "POST", "/v1/items/example-county-health/2.2/extend", #"{"to": "2026-01-31", "reason": "r"}"#)
        #expect(s3 == 409 && (a3["error"] as? String)?.contains("must be after the current one") == true)
        // 2.2 is overdue (due 2026-09-30): an extension that is later but not ahead of today is refused.
        let past = Self.shanghaiDay(offset: 0)
        let (s3p, a3p) = try Self.call(d, "POST", "/v1/items/example-county-health/2.2/extend", #"{"to": "\#(past)", "reason": "r"}"#)
        #expect(s3p == 400 && a3p["field"] as? String == "to" && (a3p["error"] as? String)?.contains("is not after today") == true, "\(a3p)")
        let (s3b, a3b) = try Self.call(d, "POST", "/v1/items/example-county-health/2.2/extend", #"{"to": "9999-12-31", "reason": "r"}"#)
        #expect(s3b == 400 && (a3b["error"] as? String)?.contains("1900–9998") == true, "\(a3b)")
        let (s4, _) = try Self.call(d, "GET", "/v1/items?state=late")
        #expect(s4 == 400)
        let (s5, _) = try Self.call(d, "GET", "/v1/nothing")
        #expect(s5 == 404)
        let (s6, _) = try Self.call(d, "DELETE", "/v1/status")
        #expect(s6 == 400)
        let (s7, a7) = try Self.call(d, "POST", "/v1/items/example-county-health/1.1/reopen", #"{"note": "x", "note2": 1}"#)
        #expect(s7 == 400 && a7["field"] as? String == "note2")
        // Over the body limit: 413, and the daemon is still fine.
        let big = #"{"note": ""# + String(repeating: "长", count: 3000) + #""}"#
        let (s8, a8) = try Self.call(d, "POST", path, big)
        #expect(s8 == 413 && (a8["error"] as? String)?.contains("2048 bytes") == true)
        let (s9, _) = try Self.call(d, "GET", "/v1/health")
        #expect(s9 == 200)
    }

    @Test func aWriteFromAnotherUser_isRefusedWith403_readsAreAllowed() throws {
        let d = try Self.startDaemon()
        defer { d.stop() }
        // rectifyctl run as uid 65534 (nobody): it may open the socket (mode 0666) and read…
        let ctl = URL(fileURLWithPath: DaemonHarness.binary).deletingLastPathComponent().appendingPathComponent("rectifyctl").path
        let p1 = Process()
        p1.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p1.arguments = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", ctl, "status", "--socket", Self.socketPath(d)]
        p1.standardOutput = FileHandle.nullDevice
        try p1.run()
        p1.waitUntilExit()
        #expect(p1.terminationStatus == 0)
        // …but not write: 403 with the reason.
        let p2 = Process()
        p2.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p2.arguments = [
            "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", ctl, "progress", "example-county-health/2.2",
            "--note", "x", "--socket", Self.socketPath(d),
        ]
        let err = Pipe()
        p2.standardError = err
        try p2.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p2.waitUntilExit()
        #expect(p2.terminationStatus == 1)
        #expect(text.contains("may read but not write") && text.contains("HTTP 403"), "\(text)")
        let (_, shown) = try Self.call(d, "GET", "/v1/items/example-county-health/2.2")
        #expect((shown["history"] as? [Any])?.isEmpty == true)
    }

    /// `rectifyctl --socket PATH status`, the option before the subcommand as systemctl and git take it.
    @Test func socketOptionBeforeTheSubcommand_isTaken() throws {
        let d = try Self.startDaemon()
        defer { d.stop() }
        let ctl = URL(fileURLWithPath: DaemonHarness.binary).deletingLastPathComponent().appendingPathComponent("rectifyctl").path
        for arguments in [["--socket", Self.socketPath(d), "--json", "status"], ["--socket=\(Self.socketPath(d))", "items", "--limit", "1"]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: ctl)
            p.arguments = arguments
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(arguments): \(text)")
            #expect(text.contains("example-county-health"), "\(arguments): \(text)")
        }
    }

    @Test func aClientThatSendsNothing_isClosed_andOthersAreServed() throws {
        let d = try Self.startDaemon()
        defer { d.stop() }
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Self.socketPath(d)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8.prefix(raw.count - 1))
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(connected == 0)
        let started = Date()
        var byte: UInt8 = 0
        let n = read(fd, &byte, 1)  // blocks until the daemon closes the idle connection
        #expect(n == 0)
        #expect(Date().timeIntervalSince(started) < 3, "closed after the 1 s idle timeout")
        let (s, _) = try Self.call(d, "GET", "/v1/health")
        #expect(s == 200)
    }

    @Test func hundredsOfConcurrentClients_areAllServed() async throws {
        let d = try Self.startDaemon()
        defer { d.stop() }
        let socket = Self.socketPath(d)
        let statuses = await withTaskGroup(of: Int.self) { group in
            for i in 0..<300 {
                group.addTask {
                    let path = i % 2 == 0 ? "/v1/status" : "/v1/items?limit=5"
                    return (try? UnixSocketHTTP.request(socket: socket, method: "GET", path: path).status) ?? -1
                }
            }
            var all: [Int] = []
            for await s in group { all.append(s) }
            return all
        }
        #expect(statuses.count == 300)
        #expect(statuses.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
    }
}

extension ControlSocketTests {
    @Test func aSnoozedItem_sendsNothingWhenItFallsDue() throws {
        let d = try DaemonHarness()
        defer { d.stop() }
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 3).rounded(.up))
        try d.write("plan.yaml", EndToEndTests.plan(staleAt: due))
        try d.write("rectifyd.yaml", EndToEndTests.config())
        try d.start()
        #expect(DaemonHarness.waitFor(5) { d.log.contains("control socket listening") })
        let (status, _) = try Self.call(d, "POST", "/v1/items/e2e/stale/snooze", #"{"until": "2099-01-31", "note": "等待批复"}"#)
        #expect(status == 200)
        // The item goes stale at `due`; snoozed, it is not alerted about.
        Thread.sleep(forTimeInterval: max(0, due.timeIntervalSinceNow) + 1.5)
        #expect(d.mails().isEmpty, "\(d.log)")
        let (_, shown) = try Self.call(d, "GET", "/v1/items/e2e/stale")
        #expect((shown["item"] as? [String: Any])?["state"] as? String == "stale")
        #expect((shown["item"] as? [String: Any])?["silenced_until"] as? String != nil)
    }

    /// Today (plus `offset` days) in Asia/Shanghai, as YYYY-MM-DD.
    static func shanghaiDay(offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let day = calendar.date(byAdding: .day, value: offset, to: Date())!
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
