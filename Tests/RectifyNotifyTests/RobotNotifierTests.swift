import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

/// The robots end to end against `Support/robot_server.py`, which checks keys, signatures
/// (Python's hmac), payload shape and size, and the rate limit, and answers like the robots.
struct RobotNotifierTests {
    struct Robot {
        let directory: URL
        let log: URL
        let process: ScriptServer
        let kind: RobotKind
        static let key = "k3y-0f-the-r0bot"
        static let secret = "SEC5f2a9c0b7e1d4a66"

        init(_ kind: RobotKind, limit: Int = 20, window: Double = 60, perSecond: Int? = nil, keyword: String? = nil, secret: String? = Robot.secret)
            throws
        {
            self.kind = kind
            directory = try Harness.temporaryDirectory()
            log = directory.appendingPathComponent("requests.jsonl")
            var arguments = [
                "--kind", kind.rawValue, "--key", Self.key, "--limit", "\(limit)", "--window", "\(window)", "--out",
                log.path, "--timeout", "120",
            ]
            if let secret, kind != .wecom { arguments += ["--secret", secret] }
            if let perSecond { arguments += ["--per-second", "\(perSecond)"] }
            if let keyword { arguments += ["--keyword", keyword] }
            process = try ScriptServer("robot_server.py", arguments)
        }

        var url: String {
            switch kind {
            case .wecom: return "http://127.0.0.1:\(process.port)/cgi-bin/webhook/send"
            case .dingtalk: return "http://127.0.0.1:\(process.port)/robot/send"
            case .feishu: return "http://127.0.0.1:\(process.port)/open-apis/bot/v2/hook"
            }
        }

        func config(format: RobotFormat? = nil, secret: String = Robot.secret, limit: RateLimit? = nil) throws -> RobotConfig {
            let keyFile = try Harness.write(Self.key + "\n", to: directory, name: "key")
            let secretFile = try Harness.write(secret, to: directory, name: "secret-\(secret.count)")
            return RobotConfig(
                kind: kind, url: url, key: .file(keyFile), secret: kind == .wecom ? nil : .file(secretFile), format: format,
                sender: "鹿寨县疾控中心整改办", limit: limit, transport: Transport(timeout: 10))
        }

        struct Request: Decodable {
            var accepted: Bool
            var problem: String?
            var path: String
            var content: String
            var size: Int
        }

        func requests() throws -> [Request] {
            guard FileManager.default.fileExists(atPath: log.path) else { return [] }
            return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
                try JSONDecoder().decode(Request.self, from: Data($0.utf8))
            }
        }

        func cleanUp() {
            process.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test(arguments: [
        (RobotKind.wecom, RobotFormat.markdown), (.wecom, .text), (.dingtalk, .markdown), (.feishu, .card),
        (.feishu, .post),
    ])
    func notices_areDelivered_signedAndShapedAsTheRobotChecks(kind: RobotKind, format: RobotFormat) throws {
        let robot = try Robot(kind)
        defer { robot.cleanUp() }
        let notifier = RobotNotifier(config: try robot.config(format: format))

        let results = notifier.deliver([Fixtures.notice(id: "N-1"), Fixtures.notice(id: "N-2", entries: [Fixtures.reminder])])

        #expect(results.map(\.outcome) == [.delivered, .delivered])
        #expect(results[0].detail == "\(kind.rawValue) message 1 of 1: HTTP 200, code 0")
        let requests = try robot.requests()
        try #require(requests.count == 1)
        #expect(requests[0].accepted, "\(requests[0].problem ?? "")")
        #expect(requests[0].content.contains("【红色预警】整改事项督办提醒：3项（鹿寨县疾病预防控制中心）"))
        for id in ["2-4", "3-2", "4-1"] { #expect(requests[0].content.contains(id)) }
    }

    @Test func dingtalk_wrongSecret_isPermanent_withTheRobotsMessage_andNoSecretInIt() throws {
        let robot = try Robot(.dingtalk)
        defer { robot.cleanUp() }
        let notifier = RobotNotifier(config: try robot.config(secret: "SEC-not-the-right-one"))

        let results = notifier.deliver([Fixtures.notice(id: "N-1"), Fixtures.notice(id: "N-2")])

        guard case .permanent(let error) = results[0].outcome else {
            Issue.record("expected permanent, got \(results[0].outcome)")
            return
        }
        #expect(error.message.contains("code 310000: sign not match"))
        #expect(error.message.hasPrefix("DingTalk robot at http://127.0.0.1:\(robot.process.port)/robot/send: HTTP 200"))
        #expect(!error.message.contains(Robot.key) && !error.message.contains("SEC-not-the-right-one"))
    }

    @Test func feishu_missingKeyword_isPermanent() throws {
        let robot = try Robot(.feishu, keyword: "巡察整改")
        defer { robot.cleanUp() }
        let results = RobotNotifier(config: try robot.config()).deliver([Fixtures.notice()])
        #expect(results[0].outcome.error?.message.contains("code 19024: Key Words Not Found") == true)
        if case .permanent = results[0].outcome {} else { Issue.record("expected permanent: \(results[0].outcome)") }
    }

    @Test func wecom_sendTooFast_isRetryable_andTheRestOfTheDigestWaits() throws {
        // The robot allows 1 message; rectifyd thinks 20: the robot's own "too fast" must stop the batch.
        let robot = try Robot(.wecom, limit: 1)
        defer { robot.cleanUp() }
        let notifier = RobotNotifier(config: try robot.config(format: .text))
        let notices = RobotFixtures.burst(40)

        let results = notifier.deliver(notices)

        let delivered = results.filter(\.outcome.isDelivered)
        #expect(!delivered.isEmpty && delivered.count < 40)
        for result in results where !result.outcome.isDelivered {
            guard case .retryable(let error) = result.outcome else {
                Issue.record("expected retryable: \(result.outcome)")
                continue
            }
            #expect(error.message.contains("code 45009: api freq out of limit"))
        }
        // The window is now treated as spent: the next pass does not hammer the robot.
        let again = notifier.deliver(Array(notices.suffix(1)))
        #expect(again[0].detail.contains("rate limit: 20 messages per 60 s are spent"))
        #expect(try robot.requests().count == 2)
    }

    /// 200 items due at once, a robot allowing few messages per window: the outbox loop (retry
    /// what comes back retryable) gets every item through, each exactly once, and the robot
    /// never has to refuse a message for speed.
    @Test(arguments: [RobotKind.wecom, .dingtalk, .feishu])
    func burstOf200_nothingIsLost_andTheRobotsLimitIsNeverHit(kind: RobotKind) throws {
        let limit: RateLimit
        switch kind {
        case .wecom: limit = RateLimit(perWindow: 4, window: 1.5)
        case .dingtalk: limit = RateLimit(perWindow: 2, window: 1.5)
        case .feishu: limit = RateLimit(perWindow: 2, window: 1.5, perSecond: 1)
        }
        let robot = try Robot(kind, limit: limit.perWindow, window: limit.window, perSecond: limit.perSecond)
        defer { robot.cleanUp() }
        let notifier = RobotNotifier(config: try robot.config(format: kind == .wecom ? .text : nil, limit: limit))
        var pending = RobotFixtures.burst(200)
        var passes = 0
        while !pending.isEmpty && passes < 40 {
            passes += 1
            let results = notifier.deliver(pending)
            let waiting = Set(results.filter { !$0.outcome.isDelivered }.map(\.noticeID))
            for result in results where !result.outcome.isDelivered {
                guard case .retryable(let error) = result.outcome, error.message.contains("rate limit") else {
                    Issue.record("unexpected outcome: \(result.outcome)")
                    return
                }
            }
            pending.removeAll { !waiting.contains($0.id) }
            if !pending.isEmpty { Thread.sleep(forTimeInterval: limit.window / 3) }
        }
        #expect(pending.isEmpty)
        #expect(passes > 1)
        let requests = try robot.requests()
        let refused = requests.filter { !$0.accepted }.compactMap(\.problem)
        #expect(refused.isEmpty, "refused: \(refused)")
        let text = requests.map(\.content).joined(separator: "\n")
        for id in RobotFixtures.itemIDs(200) {
            #expect(text.components(separatedBy: id).count - 1 == 1, "\(id)")
        }
    }
}
