import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

/// Messages per second to a local aiosmtpd over one STARTTLS + AUTH connection.
/// Runs only with `RECTIFY_BENCH_SMTP=N` (bench/smtp.sh); prints one tab-separated line.
struct SMTPThroughputTests {
    static let count = Int(ProcessInfo.processInfo.environment["RECTIFY_BENCH_SMTP"] ?? "") ?? 0

    @Test(.enabled(if: count > 0)) func batchOverOneConnection_throughput() throws {
        let server = try SMTPNotifierTests.Server()
        defer { server.cleanUp() }
        let passwordFile = try Harness.write(SMTPNotifierTests.password, to: server.directory, name: "pw")
        let notifier = SMTPNotifier(
            config: SMTPConfig(
                url: server.url, from: MailAddress("zgb@lzcdc.example.cn", name: "鹿寨县疾控中心整改办"),
                username: SMTPNotifierTests.user, password: .file(passwordFile), transport: Transport(caFile: server.cert)))
        let notices = (1...Self.count).map { Fixtures.notice(id: "B-\($0)") }

        let start = ContinuousClock.now
        let results = notifier.deliver(notices)
        let elapsed = ContinuousClock.now - start

        #expect(results.allSatisfy { $0.outcome.isDelivered })
        server.process.stop()
        let connections = try String(contentsOfFile: server.file("connections"), encoding: .utf8)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let bytes = try MIMEBuilder.build(
            NoticeMail.message(for: notices[0], from: notifier.config.from, renderer: NoticeRenderer())
        ).count
        print(
            "smtp_bench\tmessages=\(Self.count)\tconnections=\(connections)\tbytes_per_message=\(bytes)\tseconds=\(String(format: "%.3f", seconds))\tmessages_per_second=\(String(format: "%.1f", Double(Self.count) / seconds))"
        )
    }
}
