import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

/// SMTP against a real aiosmtpd on 127.0.0.1 with STARTTLS (a certificate made by the test)
/// and AUTH that the server only accepts over TLS.
struct SMTPNotifierTests {
    static let user = "alerts"
    static let password = "pw-Zq7!rectify"
    let from = MailAddress("zgb@lzcdc.example.cn", name: "鹿寨县疾控中心整改办")

    /// A running server and what the test needs to reach it.
    struct Server {
        let directory: URL
        let inbox: URL
        let cert: String
        let process: ScriptServer

        init() throws {
            directory = try Harness.temporaryDirectory()
            inbox = directory.appendingPathComponent("inbox")
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            let (cert, key) = try Harness.certificate(in: directory)
            self.cert = cert
            process = try ScriptServer(
                "smtp_server.py",
                [
                    "--out", inbox.path, "--cert", cert, "--key", key, "--user", SMTPNotifierTests.user,
                    "--password", SMTPNotifierTests.password, "--timeout", "60",
                ])
        }

        var url: String { "smtp://127.0.0.1:\(process.port)" }

        func file(_ name: String) -> String { inbox.appendingPathComponent(name).path }

        func cleanUp() {
            process.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    private func notices() -> [AlertNotice] {
        [
            Fixtures.notice(id: "N-1", recipient: "weiming@lzcdc.example.cn", name: "韦明"),
            Fixtures.notice(id: "N-2", recipient: "qinli@lzcdc.example.cn", name: "覃丽", entries: [Fixtures.overdue]),
            Fixtures.notice(
                id: "N-3", recipient: "huanghai@lzcdc.example.cn", name: nil, entries: [Fixtures.reminder],
                language: "en"),
        ]
    }

    @Test func batchOfThree_goesOverOneTLSConnection_andDecodesAsSent() throws {
        let server = try Server()
        defer { server.cleanUp() }
        // The password comes from a systemd credential directory.
        _ = try Harness.write(Self.password + "\n", to: server.directory, name: "smtp-password")
        let notifier = SMTPNotifier(
            config: SMTPConfig(
                url: server.url, from: from, username: Self.user, password: .credential("smtp-password"),
                transport: Transport(caFile: server.cert)),
            environment: ["CREDENTIALS_DIRECTORY": server.directory.path])
        let notices = notices()

        let results = notifier.deliver(notices)

        #expect(results.map(\.noticeID) == ["N-1", "N-2", "N-3"])
        #expect(results.allSatisfy { $0.outcome == .delivered }, "\(results.map(\.detail))")
        #expect(
            results.map(\.detail) == [
                "smtp 250 (new connection): 250 OK stored", "smtp 250 (connection reused): 250 OK stored",
                "smtp 250 (connection reused): 250 OK stored",
            ])
        server.process.stop()

        #expect(try String(contentsOfFile: server.file("connections"), encoding: .utf8) == "1")
        let sessions = try (1...3).map { n in
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: server.file("msg-\(n).json"))))
                as! [String: Any]
        }
        #expect(Set(sessions.map { $0["peer_port"] as! Int }).count == 1, "one TCP connection")
        #expect(sessions.allSatisfy { $0["tls"] as? Bool == true && $0["login"] as? String == Self.user })
        #expect(sessions.map { $0["rcpt_tos"] as! [String] } == notices.map { [$0.recipient] })
        #expect(sessions.allSatisfy { $0["mail_from"] as? String == from.address })

        let mails = try Harness.parseMail((1...3).map { server.file("msg-\($0).eml") })
        let renderer = NoticeRenderer(sender: from.name)
        for (mail, notice) in zip(mails, notices) {
            let rendered = renderer.render(notice)
            #expect(mail.subject == rendered.subject)
            #expect(mail.fromName == "鹿寨县疾控中心整改办")
            #expect(mail.to == [notice.recipient])
            #expect(mail.part("text/plain")?.body.replacingOccurrences(of: "\r\n", with: "\n") == rendered.text)
            #expect(mail.part("text/html")?.body.replacingOccurrences(of: "\r\n", with: "\n") == rendered.html)
            #expect(mail.defects.isEmpty)
            #expect(mail.encodedWordsStandalone)
        }
        #expect(mails[0].subject == "【红色预警】整改事项督办提醒：3项（鹿寨县疾病预防控制中心）")
        #expect(mails[1].subject == "【红色预警】整改事项逾期提醒：1项（鹿寨县疾病预防控制中心）")
        #expect(mails[2].subject == "[Yellow warning] Rectification deadlines approaching: 1 (鹿寨县疾病预防控制中心)")
        #expect(mails[0].part("text/plain")!.body.contains("整改时限：2026年4月底（原定2026年3月底，已延期）"))
    }

    @Test func wrongPassword_isPermanent_andTheBatchStops() throws {
        let server = try Server()
        defer { server.cleanUp() }
        let passwordFile = try Harness.write("wrong-Secret-42\n", to: server.directory, name: "pw")
        let notifier = SMTPNotifier(
            config: SMTPConfig(
                url: server.url, from: from, username: Self.user, password: .file(passwordFile), transport: Transport(caFile: server.cert)))

        let results = notifier.deliver(Array(notices().prefix(2)))

        guard case .permanent(let error) = results[0].outcome else {
            Issue.record("expected permanent, got \(results[0].outcome)")
            return
        }
        #expect(error.responseCode == 535)
        #expect(!error.message.contains("wrong-Secret-42"))
        #expect(results[1].outcome == results[0].outcome)
        #expect(results[1].detail.hasPrefix("not attempted"))
        #expect(!FileManager.default.fileExists(atPath: server.file("msg-1.eml")))
    }

    @Test func untrustedCertificate_isNotAccepted() throws {
        let server = try Server()
        defer { server.cleanUp() }
        let passwordFile = try Harness.write(Self.password, to: server.directory, name: "pw")
        let notifier = SMTPNotifier(
            config: SMTPConfig(url: server.url, from: from, username: Self.user, password: .file(passwordFile)))

        let result = try #require(notifier.deliver([notices()[0]]).first)

        #expect(!result.outcome.isDelivered, "a self-signed certificate without caFile must fail")
        #expect(!FileManager.default.fileExists(atPath: server.file("msg-1.eml")))
    }

    @Test func serverDown_isRetryable_butABadRecipientIsPermanent() throws {
        let port = try Harness.closedPort()
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let passwordFile = try Harness.write(Self.password, to: directory, name: "pw")
        let notifier = SMTPNotifier(
            config: SMTPConfig(
                url: "smtp://127.0.0.1:\(port)", from: from, username: Self.user, password: .file(passwordFile),
                transport: Transport(connectTimeout: 2, timeout: 5)))

        let results = notifier.deliver([Fixtures.notice(id: "bad", recipient: "韦明"), notices()[0], notices()[1]])

        guard case .permanent = results[0].outcome else {
            Issue.record("\(results[0])")
            return
        }
        guard case .retryable(let error) = results[1].outcome else {
            Issue.record("\(results[1])")
            return
        }
        #expect(error.curlCode == 7)
        #expect(!error.message.contains(Self.password))
        guard case .retryable = results[2].outcome else {
            Issue.record("\(results[2])")
            return
        }
    }

    @Test func missingPasswordFile_isPermanent_andNamesTheFile() {
        let notifier = SMTPNotifier(
            config: SMTPConfig(
                url: "smtps://mail.example.cn", from: from, username: Self.user,
                password: .file("/nonexistent/rectifyd/smtp-password")))

        let results = notifier.deliver(notices())

        #expect(results.count == 3)
        for result in results {
            guard case .permanent(let error) = result.outcome else {
                Issue.record("\(result)")
                continue
            }
            #expect(error.message.contains("/nonexistent/rectifyd/smtp-password"))
        }
    }
}
