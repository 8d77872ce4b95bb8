import Foundation
import Testing

/// Trial mode (`routing.redirect_all`): the real daemon with a Maildir; every notice meant for a
/// person lands at the trial address and says whom it was for.
@Suite(.serialized)
struct TrialModeTests {
    static let plan = """
        plan:
          id: trial
          unit: 测试县卫生健康局
          title: 试运行台账
          owner: {name: 整改办, email: owner@example.gov.cn}
        items:
          - id: "2.1"
            title: 闲置公车未按规定处置
            status: in_progress
            deadline: 2020-12-31
            responsible:
              department: 办公室
              contacts: [{name: 赵敏, email: zhaomin@example.gov.cn}]
              leader: {name: 孙丽, email: sunli@example.gov.cn}

        """

    static let config = """
        state_dir: state
        plans: [plan.yaml]
        alerts: {digest: {enabled: false}}
        routing: {email_receiver: mail, redirect_all: trial@example.gov.cn}
        control: {socket: state/rectifyd.sock}
        receivers:
          - {name: mail, type: maildir, path: state/Maildir, from: {name: 督办系统, address: rectifyd@localhost}}

        """

    /// Every mail of the Maildir through Python's `email` package (Support/parse_mail.py).
    static func parse(_ daemon: DaemonHarness) throws -> [[String: Any]] {
        let script = DaemonHarness.repository.appendingPathComponent("Tests/RectifyNotifyTests/Support/parse_mail.py").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script] + daemon.mails().map { daemon.maildir.appendingPathComponent($0).path }
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    @Test func redirectAll_sendsEveryPersonsNoticeToTheTrialAddress_namingWhomItWasFor() throws {
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", Self.plan)
        try daemon.write("rectifyd.yaml", Self.config)
        try daemon.start()
        // Years overdue: escalation goes to responsible, item_leader and owner — three notices.
        #expect(DaemonHarness.waitFor(10) { daemon.mails().count >= 3 }, "log:\n\(daemon.log)")
        #expect(daemon.stop() == 0)
        let mails = try Self.parse(daemon)
        #expect(mails.count == 3)
        var intended: [String] = []
        for mail in mails {
            #expect(mail["to"] as? [String] == ["trial@example.gov.cn"])
            let parts = mail["parts"] as? [[String: Any]] ?? []
            let text = parts.first { $0["content_type"] as? String == "text/plain" }?["body"] as? String ?? ""
            let html = parts.first { $0["content_type"] as? String == "text/html" }?["body"] as? String ?? ""
            #expect(text.hasPrefix("【试运行】本通知原应发送给："), "text starts with the trial note: \(text.prefix(80))")
            #expect(html.contains("【试运行】本通知原应发送给："))
            #expect(text.contains("rectifyctl progress trial/2.1 --note"))
            if text.contains("赵敏 <zhaomin@example.gov.cn>") { intended.append("zhaomin") }
            if text.contains("孙丽 <sunli@example.gov.cn>") { intended.append("sunli") }
            if text.contains("整改办 <owner@example.gov.cn>") { intended.append("owner") }
        }
        #expect(intended.sorted() == ["owner", "sunli", "zhaomin"])
    }
}
