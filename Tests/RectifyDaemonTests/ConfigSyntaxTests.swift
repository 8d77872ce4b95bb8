import Foundation
import RectifyCore
import Testing
@testable import RectifyDaemon

/// A config with a syntax fault is refused at the fault's line and column, not at 1:1.
struct ConfigSyntaxTests {
    static func diagnostics(_ text: String, file: String) -> [Diagnostic] {
        do {
            _ = try ConfigReader.read(text, file: file)
            return []
        } catch { return error.diagnostics }
    }

    @Test func aYamlSyntaxError_isReportedAtItsLine() {
        let yaml = "state_dir: /tmp/x\nplans: [a.yaml]\ncontrol:\n  socket: \"/tmp/x.sock\n  mode: \"0660\"\nreceivers: []\n"
        let found = Self.diagnostics(yaml, file: "c.yaml")
        #expect(found.count == 1 && (found.first?.line ?? 1) >= 4, "\(found)")
        #expect(found.first?.message.contains("not valid YAML") == true && !(found.first?.message.contains("Yams") ?? true), "\(found)")
    }

    @Test func aJsonConfigWithATrailingComma_isRefusedAtTheComma() {
        let json = "{\n  \"state_dir\": \"/tmp/x\",\n  \"plans\": [\"a.yaml\",],\n  \"receivers\": []\n}\n"
        let found = Self.diagnostics(json, file: "c.json")
        #expect(found.first?.line == 3 && found.first?.column == 21 && found.first?.message.contains("trailing comma") == true, "\(found)")
    }

    @Test func aKeyTwice_isRefusedAtTheSecond_inJsonAndYaml() {
        let json = "{\n  \"state_dir\": \"/tmp/x\",\n  \"plans\": [],\n  \"state_dir\": \"/tmp/y\",\n  \"receivers\": []\n}\n"
        let inJSON = Self.diagnostics(json, file: "c.json")
        #expect(inJSON.first?.line == 4 && inJSON.first?.column == 3 && inJSON.first?.message.contains("twice") == true, "\(inJSON)")
        // Yams refuses a repeated YAML key itself and marks the first one.
        let yaml = "state_dir: /tmp/x\nplans: []\ncontrol:\n  mode: \"0660\"\n  mode: \"0600\"\nreceivers: []\n"
        let inYAML = Self.diagnostics(yaml, file: "c.yaml")
        #expect(inYAML.contains { $0.line == 4 && $0.column == 3 && $0.message.contains("mode appears more than once") }, "\(inYAML)")
    }

    static let receivers = "receivers:\n  - {name: mail, type: maildir, path: /tmp/x/Maildir}\n"

    @Test func aWrongPreset_listsAutoAmongTheValues() {
        let yaml = "state_dir: /tmp/x\nplans: [a.yaml]\nrouting: {preset: three_color}\n" + Self.receivers
        let found = Self.diagnostics(yaml, file: "c.yaml")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.contains("auto, three_colour, rules_only") == true, "\(found)")
        #expect(found.first?.message.contains("did you mean 'three_colour'") == true, "\(found)")
    }

    @Test func redirectAll_takesOneAddress() throws {
        let good = "state_dir: /tmp/x\nplans: [a.yaml]\nrouting: {redirect_all: trial@example.gov.cn}\n" + Self.receivers
        #expect(try ConfigReader.read(good, file: "c.yaml").routing.redirectAll == "trial@example.gov.cn")
        let bad = "state_dir: /tmp/x\nplans: [a.yaml]\nrouting: {redirect_all: \"a@x.cn, b@x.cn\"}\n" + Self.receivers
        let found = Self.diagnostics(bad, file: "c.yaml")
        #expect(found.count == 1 && found.first?.message.contains("routing.redirect_all") == true && found.first?.line == 3, "\(found)")
    }

    /// A receiver block with a wrong type is one error at its type; what names that receiver
    /// (routing, the weekly report) is not reported again, nor "no receivers are configured".
    @Test func aMistypedReceiver_isOneError_atItsType() {
        let yaml = """
            state_dir: /tmp/x
            plans: [a.yaml]
            routing: {email_receiver: mail}
            reports:
              weekly: {recipients: [{name: 整改办, email: zgb@example.gov.cn}], channels: [group]}
            receivers:
              - {name: mail, type: mail_dir, path: /tmp/x/Maildir}
              - {name: group, type: wecon, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"}

            """
        let found = Self.diagnostics(yaml, file: "c.yaml")
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.line == 7 && found.first?.message.contains("'mail_dir'") == true && found.first?.message.contains("did you mean 'maildir'") == true, "\(found)")
        #expect(found.last?.line == 8 && found.last?.message.contains("did you mean 'wecom'") == true, "\(found)")
        // No receiver block at all is still an error, at the receivers key.
        let none = Self.diagnostics("state_dir: /tmp/x\nplans: [a.yaml]\nreceivers: []\n", file: "c.yaml")
        #expect(none.count == 1 && none.first?.line == 3 && none.first?.message.contains("no receivers are configured") == true, "\(none)")
    }
}

/// Durations that make no sense are refused at their line: a receiver timeout of 0s failed
/// every delivery after a millisecond, a backoff_max of 0s retried a receiver that is down
/// without pause, a stale_after of minutes made every item stale.
struct DurationMinimumTests {
    @Test(arguments: [
        ("receivers:\n  - {name: hook, type: webhook, url: \"http://127.0.0.1:9/x\", timeout: 0s}\n", 4, "receivers[0].timeout '0s' is too short; it must be at least 1s."),
        ("delivery: {backoff_max: 0s}\nreceivers: []\n", 3, "delivery.backoff_max '0s' is too short; it must be at least 1s."),
        ("policy: {stale_after: 10m}\nreceivers: []\n", 3, "policy.stale_after '10m' is too short; it must be at least 1h."),
        ("policy: {long_term_review: 2h}\nreceivers: []\n", 3, "policy.long_term_review '2h' is too short; it must be at least 1d."),
        ("control: {idle_timeout: 0s}\nreceivers: []\n", 3, "control.idle_timeout '0s' is too short; it must be at least 1s."),
        ("control: {request_timeout: 0s}\nreceivers: []\n", 3, "control.request_timeout '0s' is too short; it must be at least 1s."),
        ("alerts: {repeat_overdue: 0s}\nreceivers: []\n", 3, "alerts.repeat_overdue '0s' is too short; an alert repeats at most hourly (at least 1h or 1wd)."),
        ("alerts: {repeat_stale: 30m}\nreceivers: []\n", 3, "alerts.repeat_stale '30m' is too short; an alert repeats at most hourly (at least 1h or 1wd)."),
    ])
    func aDurationBelowItsMinimum_isRefusedAtItsLine(tail: String, line: Int, message: String) {
        let found = ConfigSyntaxTests.diagnostics("state_dir: /tmp/x\nplans: []\n" + tail, file: "c.yaml")
        #expect(found.contains { $0.line == line && $0.message == message }, "\(found)")
    }

    @Test func durationsAtTheirMinimum_areTaken() throws {
        let config = try ConfigReader.read(
            "state_dir: /tmp/x\nplans: []\npolicy: {stale_after: 1h, long_term_review: 1d}\ndelivery: {backoff_max: 1s}\n"
                + "control: {idle_timeout: 1s, request_timeout: 1s}\n"
                + "receivers:\n  - {name: hook, type: webhook, url: \"http://127.0.0.1:9/x\", timeout: 1s}\n",
            file: "c.yaml")
        #expect(config.policy.staleAfter == 3600 && config.delivery.backoffMax == 1 && config.control.requestTimeout == 1)
    }
}
