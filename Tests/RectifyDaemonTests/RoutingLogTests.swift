import Foundation
import RectifyCore
import Testing

@testable import RectifyDaemon

/// The log says what happened to alerts: whom they went to when a plan names nobody, and
/// the same counts for a notice when it is queued and when it is delivered.
@Suite(.serialized)
struct RoutingLogTests {
    /// Two overdue items with no contacts, no leaders and no owner; item "a" is stale too, so
    /// it has two alerts (three alerts on two items in all).
    static func plan() -> String {
        let old = Timestamps.format(Date().addingTimeInterval(-7200), in: TimeZone(identifier: "UTC")!)
        let fresh = Timestamps.format(Date(), in: TimeZone(identifier: "UTC")!)
        return """
            plan:
              id: nobody
              unit: 测试县卫生健康局
              title: 无联系人台账
            items:
              - {id: a, title: 闲置公车未按规定处置, status: in_progress, deadline: 2020-06-30, last_update: \(old)}
              - {id: b, title: 固定资产账实不符, status: in_progress, deadline: 2020-06-30, last_update: \(fresh)}

            """
    }

    static func config(webhookPort: Int) -> String {
        """
        state_dir: state
        plans: [plan.yaml]
        policy: {stale_after: 1h}
        alerts: {digest: {enabled: false}}
        routing: {email_receiver: mail, default_recipient: {name: 值班, email: duty@example.gov.cn}}
        control: {socket: state/rectifyd.sock}
        receivers:
          - {name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}
          - {name: hook, type: webhook, url: "http://127.0.0.1:\(webhookPort)/hook", timeout: 2s}

        """
    }

    /// The key=value pairs of every log line whose msg is `message` (values unquoted).
    static func lines(_ log: String, _ message: String) -> [[String: String]] {
        log.split(separator: "\n").map(fields).filter { $0["msg"] == message }
    }

    /// `key=value key="a value"` → [key: value]; the inverse of `KeyValueLogHandler.quote`.
    static func fields(_ line: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = line[...]
        while let eq = rest.firstIndex(of: "=") {
            let key = rest[..<eq].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: eq)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                while let c = rest.first, c != "\"" {
                    rest = rest.dropFirst()
                    if c == "\\", let next = rest.first {
                        value.append(next == "n" ? "\n" : next)
                        rest = rest.dropFirst()
                    } else {
                        value.append(c)
                    }
                }
                rest = rest.dropFirst()
            } else {
                let end = rest.firstIndex(of: " ") ?? rest.endIndex
                value = String(rest[..<end])
                rest = rest[end...]
            }
            result[key] = value
        }
        return result
    }

    @Test func logValues_areQuotedWhenTheyMustBe_andReadBack() {
        #expect(KeyValueLogHandler.quote("plain") == "plain")
        #expect(KeyValueLogHandler.quote("") == "\"\"")
        #expect(KeyValueLogHandler.quote("两个 词") == "\"两个 词\"")
        #expect(KeyValueLogHandler.quote("a=b") == "\"a=b\"")
        #expect(KeyValueLogHandler.quote(#"say "hi" \ there"#) == #""say \"hi\" \\ there""#)
        #expect(KeyValueLogHandler.quote("line\nnext") == #""line\nnext""#)
        #expect(KeyValueLogHandler.quote("tab\u{2028}sep") == "\"tab\u{2028}sep\"")
        for value in ["plain", "", "两个 词", "a=b", #"say "hi" \ there"#, "line\nnext"] {
            #expect(Self.fields("k=\(KeyValueLogHandler.quote(value))")["k"] == value)
        }
    }

    @Test func planNamingNobody_logsTheDefaultRecipient_andQueuedEqualsDeliveredCounts() throws {
        let daemon = try DaemonHarness()
        let port = freePort()
        let hooks = daemon.dir.appendingPathComponent("hooks.jsonl")
        let server = try ScriptServer(
            script: EndToEndTests.webhookScript, arguments: ["--out", hooks.path, "--port", String(port), "--timeout", "60"])
        defer { server.stop() }
        try daemon.write("plan.yaml", Self.plan())
        try daemon.write("rectifyd.yaml", Self.config(webhookPort: port))
        try daemon.start()
        let delivered = { Self.lines(daemon.log, "delivered") }
        #expect(DaemonHarness.waitFor(10) { delivered().count == 2 }, "\(daemon.log)")
        #expect(daemon.stop() == 0)
        let log = daemon.log

        // The items went to the default recipient: said once, as what happened, not as a warning.
        #expect(!log.contains("nobody to send to"), "\(log)")
        let fallback = Self.lines(log, "alerts whose roles name nobody with an email go to the default recipient")
        #expect(fallback.count == 1, "\(log)")
        #expect(fallback.first?["level"] == "info")
        #expect(fallback.first?["items"] == "2" && fallback.first?["recipient"] == "duty@example.gov.cn")

        // Each notice: three alerts on two items, counted alike when queued and when delivered.
        let queued = Self.lines(log, "notice queued")
        #expect(Set(queued.compactMap { $0["recipient"] }) == ["duty@example.gov.cn", "hook"], "\(log)")
        for notice in queued {
            #expect(notice["alerts"] == "3" && notice["items"] == "2", "\(notice)")
            let sent = delivered().first { $0["notice"] == notice["notice"] }
            #expect(sent?["alerts"] == notice["alerts"] && sent?["items"] == notice["items"], "\(String(describing: sent))")
        }
    }
}
