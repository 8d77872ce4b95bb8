import Foundation
import Testing

/// `rectifyctl test-receiver` against real servers (aiosmtpd with STARTTLS and AUTH, an HTTP
/// webhook receiver): through the daemon and offline from the config, what the server answered,
/// a wrong password refused without showing it, and nothing queued or recorded as a notice.
@Suite(.serialized)
struct TestReceiverTests {
    @Test func testMessages_goThroughTheRealChannels_andSayWhatTheServerAnswered() throws {
        let daemon = try DaemonHarness()
        let dir = daemon.dir
        try daemon.makeCertificate()
        try daemon.write("smtp-password", "secret\n")
        try daemon.write("wrong-password", "hunter2-wrong\n")
        let inbox = dir.appendingPathComponent("inbox")
        let smtp = try ScriptServer(
            script: EndToEndTests.smtpScript,
            arguments: [
                "--out", inbox.path, "--cert", dir.appendingPathComponent("cert.pem").path, "--key",
                dir.appendingPathComponent("key.pem").path, "--timeout", "90",
            ])
        defer { smtp.stop() }
        let hooks = dir.appendingPathComponent("hooks.jsonl")
        let webhook = try ScriptServer(script: EndToEndTests.webhookScript, arguments: ["--out", hooks.path, "--timeout", "90"])
        defer { webhook.stop() }
        try daemon.write("plan.yaml", ReloadAnswerTests.plan)
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [plan.yaml]
            alerts: {digest: {enabled: false}}
            routing: {email_receiver: smtp, default_recipient: {name: 整改办, email: zgb@example.gov.cn}}
            control: {socket: state/rectifyd.sock}
            receivers:
              - {name: smtp, type: smtp, url: "smtp://127.0.0.1:\(smtp.port)", from: {address: rectifyd@example.gov.cn}, username: alerts, password_file: smtp-password, ca_file: cert.pem, timeout: 10s}
              - {name: smtp-wrong, type: smtp, url: "smtp://127.0.0.1:\(smtp.port)", from: {address: rectifyd@example.gov.cn}, username: alerts, password_file: wrong-password, ca_file: cert.pem, timeout: 10s}
              - {name: hook, type: webhook, url: "http://127.0.0.1:\(webhook.port)/hooks?token=s3cr3t-token-value"}

            """)
        try daemon.start()
        defer { daemon.stop() }
        #expect(DaemonHarness.waitFor(10) { daemon.log.contains("control socket listening") }, "\(daemon.log)")
        let socket = ["--socket", "state/rectifyd.sock"]
        let received = { ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).filter { $0.hasSuffix(".eml") } }

        // SMTP through the daemon, to the default recipient: the server's own reply comes back.
        let mail = try DaemonHarness.rectifyctl(socket + ["test-receiver", "smtp"], in: dir)
        #expect(mail.status == 0, "\(mail)")
        #expect(mail.out.hasPrefix("test message through 'smtp' (smtp) to zgb@example.gov.cn (routing.default_recipient): taken by the server"))
        #expect(mail.out.contains("answer: smtp 250 (new connection): 250 OK stored"), "\(mail.out)")
        #expect(received().count == 1)
        let eml = try String(contentsOf: inbox.appendingPathComponent("msg-1.eml"), encoding: .utf8)
        #expect(eml.contains("Subject: =?UTF-8?"), "the subject is encoded")
        let envelope = try String(contentsOf: inbox.appendingPathComponent("msg-1.json"), encoding: .utf8)
        #expect(envelope.contains("zgb@example.gov.cn") && envelope.contains("\"authenticated\": true"), "\(envelope)")

        // --to chooses the address; --json gives the answer as the API does.
        let other = try DaemonHarness.rectifyctl(socket + ["--json", "test-receiver", "smtp", "--to", "weiming@example.gov.cn"], in: dir)
        #expect(other.status == 0)
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(other.out.utf8)) as? [String: Any])
        #expect(answer["delivered"] as? Bool == true && answer["recipient"] as? String == "weiming@example.gov.cn")
        #expect((answer["notice"] as? String)?.hasPrefix("test-") == true)

        // A wrong password: refused by the server, said so, exit 1, and the password is nowhere.
        let wrong = try DaemonHarness.rectifyctl(socket + ["test-receiver", "smtp-wrong", "--to", "a@example.gov.cn"], in: dir)
        #expect(wrong.status == 1)
        #expect(wrong.out.contains("NOT delivered (trying again will fail the same way)"), "\(wrong.out)")
        #expect(wrong.out.contains("535") || wrong.out.lowercased().contains("login"), "\(wrong.out)")
        #expect(!wrong.out.contains("hunter2") && !daemon.log.contains("hunter2"))

        // The webhook: posted with the test text, its answer shown, its token nowhere.
        let hook = try DaemonHarness.rectifyctl(socket + ["test-receiver", "hook"], in: dir)
        #expect(hook.status == 0, "\(hook)")
        #expect(hook.out.contains("answer: HTTP 200"), "\(hook.out)")
        let posted = try String(contentsOf: hooks, encoding: .utf8)
        #expect(posted.contains("rectifyd 接收端") && posted.contains("测试消息"), "\(posted)")
        #expect(!hook.out.contains("s3cr3t-token-value") && !daemon.log.contains("s3cr3t-token-value"))

        // Refusals: --to on a webhook, an address that is not one, a receiver that is not there.
        let toHook = try DaemonHarness.rectifyctl(socket + ["test-receiver", "hook", "--to", "a@example.gov.cn"], in: dir)
        #expect(toHook.status == 1 && toHook.err.contains("--to is for maildir and smtp receivers"), "\(toHook)")
        let notAddress = try DaemonHarness.rectifyctl(socket + ["test-receiver", "smtp", "--to", "zgb"], in: dir)
        #expect(notAddress.status == 1 && notAddress.err.contains("'zgb' is not an email address"), "\(notAddress)")
        let unknown = try DaemonHarness.rectifyctl(socket + ["test-receiver", "wecom"], in: dir)
        #expect(unknown.status == 1 && unknown.err.contains("no receiver is named 'wecom' (receivers: smtp, smtp-wrong, hook)"), "\(unknown)")

        // Offline from the config (before the daemon runs): the same message, sent from here.
        let offline = try DaemonHarness.rectifyctl(["test-receiver", "smtp", "--config", "rectifyd.yaml", "--to", "b@example.gov.cn"], in: dir)
        #expect(offline.status == 0, "\(offline)")
        #expect(offline.out.contains("taken by the server") && received().count == 3)
        let unknownOffline = try DaemonHarness.rectifyctl(["test-receiver", "nope", "--config", "rectifyd.yaml"], in: dir)
        #expect(unknownOffline.status == 2 && unknownOffline.err.contains("no receiver is named 'nope'"), "\(unknownOffline)")

        // Test messages are not notices: nothing queued, nothing in the delivery history.
        let outbox = try DaemonHarness.rectifyctl(socket + ["--json", "deliveries"], in: dir)
        #expect((try JSONSerialization.jsonObject(with: Data(outbox.out.utf8)) as? [Any])?.isEmpty == true, "\(outbox.out)")
        #expect(daemon.log.contains("msg=\"test message delivered\"") && daemon.log.contains("msg=\"test message not delivered\""))
    }

    /// The chat robots: the test message is posted signed, as the robot checks it, and a wrong
    /// secret comes back as the robot's own refusal.
    @Test func robots_getTheTestMessage_signed_andAWrongSecretIsTheRobotsRefusal() throws {
        let daemon = try DaemonHarness()
        let dir = daemon.dir
        let secret = "SECtest-receiver-secret"
        typealias Robot = RobotDaemonTests.Robot
        let robots = [
            try Robot("wecom", kind: "wecom", secret: nil, limit: 20, window: 60, dir: dir),
            try Robot("dingtalk", kind: "dingtalk", secret: secret, limit: 20, window: 60, dir: dir),
            try Robot("feishu", kind: "feishu", secret: secret, limit: 20, window: 60, dir: dir),
        ]
        let badSign = try Robot("badsign", kind: "dingtalk", secret: secret, limit: 20, window: 60, dir: dir)
        defer { for robot in robots + [badSign] { robot.server.stop() } }
        for robot in robots + [badSign] { try daemon.write("key-\(robot.name)", "key-\(robot.name)\n") }
        try daemon.write("secret", secret + "\n")
        try daemon.write("wrong-secret", "SECnot-the-robots-secret\n")
        func url(_ robot: Robot, _ path: String) -> String { "http://127.0.0.1:\(robot.server.port)\(path)" }
        try daemon.write("plan.yaml", ReloadAnswerTests.plan)
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [plan.yaml]
            alerts: {digest: {enabled: false}}
            control: {socket: state/rectifyd.sock}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}
              - {name: wecom, type: wecom, url: "\(url(robots[0], "/cgi-bin/webhook/send"))", key_file: key-wecom}
              - {name: dingtalk, type: dingtalk, url: "\(url(robots[1], "/robot/send"))", key_file: key-dingtalk, secret_file: secret}
              - {name: feishu, type: feishu, url: "\(url(robots[2], "/open-apis/bot/v2/hook"))", key_file: key-feishu, secret_file: secret}
              - {name: badsign, type: dingtalk, url: "\(url(badSign, "/robot/send"))", key_file: key-badsign, secret_file: wrong-secret}

            """)
        try daemon.start()
        defer { daemon.stop() }
        #expect(DaemonHarness.waitFor(10) { daemon.log.contains("control socket listening") }, "\(daemon.log)")
        let socket = ["--socket", "state/rectifyd.sock"]
        for robot in robots {
            let sent = try DaemonHarness.rectifyctl(socket + ["test-receiver", robot.name], in: dir)
            #expect(sent.status == 0, "\(robot.name): \(sent)")
            #expect(sent.out.contains("test message through '\(robot.name)' (\(robot.name)) to \(robot.name): taken by the server"), "\(sent.out)")
            let accepted = robot.requests().filter { $0["accepted"] as? Bool == true }
            #expect(accepted.count == 1, "\(robot.name): \(robot.requests())")
            #expect((accepted.first?["content"] as? String)?.contains("测试消息") == true, "\(robot.name): \(accepted)")
        }
        let refused = try DaemonHarness.rectifyctl(socket + ["test-receiver", "badsign"], in: dir)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.out.contains("NOT delivered"), "\(refused.out)")
        #expect(!refused.out.contains("SECnot-the-robots-secret") && !daemon.log.contains("SECnot-the-robots-secret"))
        // The Maildir receiver without --to and without a default recipient: nothing sent, and why.
        let noRecipient = try DaemonHarness.rectifyctl(socket + ["test-receiver", "mail"], in: dir)
        #expect(noRecipient.status == 1 && noRecipient.err.contains("say whom to send it to with --to ADDRESS"), "\(noRecipient)")
    }
}
