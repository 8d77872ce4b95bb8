import Foundation
import Testing

/// `rectifyctl reload` says what came of it: the plan count and the new warnings when the
/// reload is taken, the errors (file:line) when it is rejected; the daemon logs warnings as
/// warnings, never as "reload rejected".
@Suite(.serialized)
struct ReloadAnswerTests {
    static let plan = """
        plan: {id: reload-test, unit: 测试县卫生健康局, title: 测试整改方案, owner: {name: 整改办, email: zgb@example.gov.cn}}
        items:
          - {id: "1", title: 完善制度, status: in_progress, deadline: 2036-06-30}

        """

    @Test func reload_saysThePlansAndWarnings_orTheErrorsThatRejectedIt() throws {
        let daemon = try DaemonHarness()
        // A report as a plan: its import warnings (an open item without a date) are warnings.
        let report = DaemonHarness.repository.appendingPathComponent("seeds/004_03096bf25862ec47.txt").path
        try daemon.write("plan.yaml", Self.plan)
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [plan.yaml, \(report)]
            alerts: {digest: {enabled: false}}
            control: {socket: state/rectifyd.sock}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}

            """)
        try daemon.start()
        defer { daemon.stop() }
        #expect(DaemonHarness.waitFor(10) { daemon.log.contains("control socket listening") }, "\(daemon.log)")
        let socket = ["--socket", "state/rectifyd.sock"]

        let taken = try DaemonHarness.rectifyctl(socket + ["reload"], in: daemon.dir)
        #expect(taken.status == 0)
        #expect(taken.out == "rectifyctl: reloaded: 2 plans\n")
        #expect(taken.err.contains("004_03096bf25862ec47.txt:13:1: warning: item '2.2' is open but the report gives it no completion date"))

        // A deadline that does not exist: rejected, and the answer says where.
        try daemon.write("plan.yaml", Self.plan.replacingOccurrences(of: "2036-06-30", with: "2036-02-30"))
        let rejected = try DaemonHarness.rectifyctl(socket + ["reload"], in: daemon.dir)
        #expect(rejected.status != 0)
        #expect(rejected.out.isEmpty)
        #expect(rejected.err.contains("the new configuration was rejected (1 error); the previous one keeps running (HTTP 409)"))
        let lines = rejected.err.split(separator: "\n").map(String.init)
        let planFile = daemon.dir.appendingPathComponent("plan.yaml").path
        #expect(lines.count > 2 && lines[1] == "  \(planFile):3:59: error: items[0].deadline is '2036-02-30': a day that does not exist: 2036-02 has 29 days.")
        #expect(lines.dropFirst(2).allSatisfy { $0.contains(": warning: ") })

        // The same as JSON, for scripts.
        let json = try DaemonHarness.rectifyctl(socket + ["--json", "reload"], in: daemon.dir)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect((object["details"] as? [String])?.first?.contains("plan.yaml:3:") == true)

        // The log: errors as errors, warnings as warnings, never "reload rejected: … warning: …".
        let log = daemon.log
        #expect(log.contains("level=error msg=\"reload rejected: \(planFile):3:59: error:"))
        #expect(!log.split(separator: "\n").contains { $0.contains("level=error") && $0.contains(": warning: ") })
        #expect(log.split(separator: "\n").contains { $0.hasPrefix("level=warning") && $0.contains("004_03096bf25862ec47.txt:13:1: warning:") })

        // Fixed: taken again.
        try daemon.write("plan.yaml", Self.plan)
        #expect(try DaemonHarness.rectifyctl(socket + ["reload"], in: daemon.dir).status == 0)
    }
}
