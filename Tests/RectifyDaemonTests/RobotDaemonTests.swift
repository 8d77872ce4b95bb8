import Foundation
import RectifyNotify
import Testing

/// The real `rectifyd` with the three chat robots played by robot_server.py on 127.0.0.1
/// (signatures checked with Python's hmac, the rate limit enforced): a burst of 200 due
/// items under tight limits, and a robot that refuses the signature.
@Suite(.serialized)
struct RobotDaemonTests {
    static let robotScript = DaemonHarness.repository
        .appendingPathComponent("Tests/RectifyNotifyTests/Support/robot_server.py").path

    /// A robot server and what it was told.
    final class Robot: @unchecked Sendable {
        let name: String
        let server: ScriptServer
        let out: URL

        init(_ name: String, kind: String, secret: String?, limit: Int, window: Double, perSecond: Int? = nil, dir: URL) throws {
            self.name = name
            out = dir.appendingPathComponent("\(name).jsonl")
            var arguments = [
                "--kind", kind, "--key", "key-\(name)", "--limit", "\(limit)", "--window", "\(window)", "--out", out.path,
                "--timeout", "120",
            ]
            if let secret { arguments += ["--secret", secret] }
            if let perSecond { arguments += ["--per-second", "\(perSecond)"] }
            server = try ScriptServer(script: RobotDaemonTests.robotScript, arguments: arguments)
        }

        /// Every request as the robot logged it: accepted, problem, content.
        func requests() -> [[String: Any]] {
            guard let text = try? String(contentsOf: out, encoding: .utf8) else { return [] }
            return text.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
        }

        /// How often each item id arrived in an accepted message.
        func itemCounts() -> [String: Int] {
            var counts: [String: Int] = [:]
            let pattern = try! NSRegularExpression(pattern: "T\\d{3}")
            for request in requests() where request["accepted"] as? Bool == true {
                let content = request["content"] as? String ?? ""
                for match in pattern.matches(in: content, range: NSRange(content.startIndex..., in: content)) {
                    counts[String(content[Range(match.range, in: content)!]), default: 0] += 1
                }
            }
            return counts
        }
    }

    static func plan(items: Int) -> String {
        var text = """
            plan:
              id: bulk
              unit: 测试县疾病预防控制中心
              title: 机器人压力测试台账
            items:

            """
        for n in 1...items {
            let id = String(format: "T%03d", n)
            text += """
                  - id: \(id)
                    title: 整改事项第\(n)项，制度执行不到位
                    status: in_progress
                    deadline: 2026-01-31
                    responsible: {department: 业务股, contacts: [{name: 覃丽, phone: "1380000\(String(format: "%04d", n))"}]}

                """
        }
        return text
    }

    @Test func burstOf200DueItems_reachesEveryRobotExactlyOnce_withinItsLimit_andABadSignatureFails() throws {
        let daemon = try DaemonHarness()
        let dir = daemon.dir
        let secret = "SECdaemon-test-secret"
        let robots = [
            try Robot("wecom", kind: "wecom", secret: nil, limit: 4, window: 2, dir: dir),
            try Robot("dingtalk", kind: "dingtalk", secret: secret, limit: 2, window: 2, dir: dir),
            try Robot("feishu", kind: "feishu", secret: secret, limit: 2, window: 2, perSecond: 1, dir: dir),
        ]
        let badSign = try Robot("badsign", kind: "dingtalk", secret: secret, limit: 20, window: 60, dir: dir)
        defer { for robot in robots + [badSign] { robot.server.stop() } }
        for robot in robots + [badSign] { try daemon.write("key-\(robot.name)", "key-\(robot.name)\n") }
        try daemon.write("secret", secret + "\n")
        try daemon.write("wrong-secret", "SECnot-the-robots-secret\n")
        func url(_ robot: Robot, _ path: String) -> String { "http://127.0.0.1:\(robot.server.port)\(path)" }
        try daemon.write("plan.yaml", Self.plan(items: 200))
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [plan.yaml]
            alerts: {digest: {enabled: false}}
            delivery: {backoff_initial: 0.3s, backoff_max: 1s, max_attempts: 100}
            control: {socket: state/rectifyd.sock}
            receivers:
              - {name: wecom, type: wecom, url: "\(url(robots[0], "/cgi-bin/webhook/send"))", key_file: key-wecom,
                 format: text, rate_limit: {messages: 4, per: 2s}}
              - {name: dingtalk, type: dingtalk, url: "\(url(robots[1], "/robot/send"))", key_file: key-dingtalk,
                 secret_file: secret, rate_limit: {messages: 2, per: 2s}}
              - {name: feishu, type: feishu, url: "\(url(robots[2], "/open-apis/bot/v2/hook"))", key_file: key-feishu,
                 secret_file: secret, rate_limit: {messages: 2, per: 2s, per_second: 1}}
              - {name: badsign, type: dingtalk, url: "\(url(badSign, "/robot/send"))", key_file: key-badsign,
                 secret_file: wrong-secret}

            """)
        try daemon.start()
        defer { daemon.stop() }
        let ids = Set((1...200).map { String(format: "T%03d", $0) })
        let complete = DaemonHarness.waitFor(60) { robots.allSatisfy { Set($0.itemCounts().keys) == ids } }
        #expect(complete, "not every item reached every robot; log:\n\(daemon.log.suffix(3000))")
        Thread.sleep(forTimeInterval: 2.5)  // anything sent twice would arrive now
        for robot in robots {
            let requests = robot.requests()
            let refused = requests.filter { $0["accepted"] as? Bool != true }.map { "\($0["problem"] ?? "?")" }
            #expect(refused.isEmpty, "\(robot.name) refused: \(refused)")
            let counts = robot.itemCounts()
            #expect(counts.count == 200 && counts.values.allSatisfy { $0 == 1 }, "\(robot.name): \(counts.filter { $0.value != 1 })")
            #expect(requests.count > 1, "\(robot.name) got \(requests.count) messages")
        }
        // The robots' limits were spent along the way: the rest waited in the outbox.
        #expect(daemon.log.contains("rate limit"), "\(daemon.log.suffix(2000))")

        // The robot with the wrong secret said `sign not match`: the notice is failed, for good.
        let socket = dir.appendingPathComponent("state/rectifyd.sock").path
        let failed = try UnixSocketHTTP.request(socket: socket, method: "GET", path: "/v1/outbox?status=failed")
        #expect(failed.status == 200)
        let entries = ((try JSONSerialization.jsonObject(with: failed.body)) as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        #expect(entries.count == 1, "\(String(decoding: failed.body, as: UTF8.self))")
        #expect(entries.first?["receiver"] as? String == "badsign")
        #expect(entries.first?["status"] as? String == "failed")
        let lastError = entries.first?["last_error"] as? String ?? ""
        #expect(lastError.contains("sign not match"))
        #expect(!lastError.contains("SECnot-the-robots-secret") && !lastError.contains("key-badsign"))
        #expect((entries.first?["items"] as? [String])?.count == 200)
        #expect(badSign.requests().allSatisfy { $0["problem"] as? String == "sign" })
        let all = try UnixSocketHTTP.request(socket: socket, method: "GET", path: "/v1/outbox")
        let pending = ((try JSONSerialization.jsonObject(with: all.body)) as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        #expect(pending.allSatisfy { $0["receiver"] as? String == "badsign" }, "\(pending)")
        #expect(daemon.stop() == 0)
    }
}
