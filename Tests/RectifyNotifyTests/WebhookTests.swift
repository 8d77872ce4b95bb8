import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

/// Webhooks against a real `http.server` on 127.0.0.1.
struct WebhookNotifierTests {
    struct Server {
        let directory: URL
        let log: URL
        let process: ScriptServer

        init() throws {
            directory = try Harness.temporaryDirectory()
            log = directory.appendingPathComponent("requests.jsonl")
            process = try ScriptServer("webhook_server.py", ["--out", log.path, "--timeout", "60"])
        }

        func url(_ path: String) -> String { "http://127.0.0.1:\(process.port)\(path)" }

        /// The requests received so far, as `{path, headers, body}`.
        func requests() throws -> [[String: Any]] {
            guard FileManager.default.fileExists(atPath: log.path) else { return [] }
            return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
        }

        func cleanUp() {
            process.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test func payloadBytes_areJSONEncodersWithSortedKeys() throws {
        // Every field, absent ones, odd characters (escapes, slashes, controls, CJK).
        var odd = Fixtures.overdueExtended
        odd.note = "决定：\"同意\"\\延期/推迟\n第二行\t\u{1}\u{8}\u{c}\r"
        odd.mobiles = ["13800000011", "13800000012"]
        odd.milestone = "完成50%"
        odd.evidence = Evidence(text: "见台账", line: 12, cell: "台账!H5")
        odd.daysSinceUpdate = 31
        var notice = Fixtures.notice(entries: [odd, Fixtures.overdue, Fixtures.reminder])
        notice.link = "https://zgb.example.cn/n/abc?sig=x/y"
        notice.linkExpires = Date(timeIntervalSince1970: 1_790_000_000)
        var report = Fixtures.notice(name: nil, entries: [])
        report.report = NoticeReport(subject: "周报", text: "正文", html: "<p>正文</p>", markdown: "# 周报\n正文")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for n in [notice, report, Fixtures.notice()] {
            let payload = WebhookPayload(notice: n, rendered: NoticeRenderer().render(n))
            let ours = try payload.encoded(), theirs = Array(try encoder.encode(payload))
            #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
        }
    }

    @Test func post_carriesPayloadV1_idempotencyKey_andBearerToken() throws {
        let server = try Server()
        defer { server.cleanUp() }
        let tokenFile = try Harness.write("tok-5f2a9c\n", to: server.directory, name: "token")
        let notifier = WebhookNotifier(
            config: WebhookConfig(
                url: server.url("/hooks/rectify?key=K-99"), headers: ["X-Office": "zgb"], bearerToken: .file(tokenFile))
        )
        let notices = [
            Fixtures.notice(id: "N-1"),
            Fixtures.notice(id: "N-2", entries: [Fixtures.reminder]),
        ]

        let results = notifier.deliver(notices)

        #expect(results.map(\.outcome) == [.delivered, .delivered])
        #expect(results.map(\.detail) == ["HTTP 200: {\"status\": 200}", "HTTP 200: {\"status\": 200}"])
        let requests = try server.requests()
        try #require(requests.count == 2)
        let headers = requests[0]["headers"] as! [String: String]
        #expect(headers["idempotency-key"] == "N-1")
        #expect((requests[1]["headers"] as! [String: String])["idempotency-key"] == "N-2")
        #expect(headers["authorization"] == "Bearer tok-5f2a9c")
        #expect(headers["x-office"] == "zgb")
        #expect(headers["content-type"] == "application/json; charset=utf-8")
        #expect(requests[0]["path"] as? String == "/hooks/rectify?key=K-99")

        let body = requests[0]["body"] as! [String: Any]
        #expect(body["version"] as? Int == 1)
        #expect(body["notice_id"] as? String == "N-1")
        #expect(body["receiver"] as? String == "mail")
        #expect(body["recipient"] as? String == "weiming@lzcdc.example.cn")
        #expect(body["created_at"] as? String == "2026-05-06T09:00:00+08:00")
        #expect(body["colour"] as? String == "red")
        #expect(body["subject"] as? String == "【红色预警】整改事项督办提醒：3项（鹿寨县疾病预防控制中心）")
        let entries = body["entries"] as! [[String: Any]]
        #expect(entries.count == 3)
        let extended = entries[0]
        #expect(extended["kind"] as? String == "overdue")
        #expect(extended["state"] as? String == "overdue")
        #expect((extended["plan"] as! [String: Any])["id"] as? String == "lz-cdc-2025")
        #expect((extended["item"] as! [String: Any])["id"] as? String == "2-4")
        let deadline = extended["deadline"] as! [String: Any]
        #expect(deadline["date"] as? String == "2026-04-30")
        #expect(deadline["precision"] as? String == "month")
        #expect(deadline["text"] as? String == "预计2026年4月底前完成")
        #expect(deadline["line"] as? Int == 88)
        #expect(deadline["description"] as? String == "2026年4月底")
        #expect((extended["original_deadline"] as! [String: Any])["date"] as? String == "2026-03-31")
        #expect(extended["days_overdue"] as? Int == 6)
        #expect(extended["responsible"] as? String == "检验科（韦明）")
        #expect((extended["evidence"] as! [String: Any])["line"] as? Int == 88)
        #expect(entries[1]["original_deadline"] == nil, "absent when not extended")
        #expect(entries[2]["days_left"] as? Int == 10)
    }

    @Test(arguments: [
        (500, "retryable"), (503, "retryable"), (429, "retryable"), (408, "retryable"), (400, "permanent"),
        (404, "permanent"),
    ])
    func status_decidesWhetherToRetry(status: Int, expected: String) throws {
        let server = try Server()
        defer { server.cleanUp() }
        let notifier = WebhookNotifier(config: WebhookConfig(url: server.url("/status/\(status)?key=SECRETKEY-1")))

        let result = try #require(notifier.deliver([Fixtures.notice()]).first)

        let error: DeliveryError
        switch (result.outcome, expected) {
        case (.retryable(let e), "retryable"), (.permanent(let e), "permanent"): error = e
        default:
            Issue.record("HTTP \(status): expected \(expected), got \(result.outcome)")
            return
        }
        #expect(error.responseCode == status)
        #expect(error.message.contains("HTTP \(status)"))
        #expect(!error.message.contains("SECRETKEY-1"), "the query key is redacted: \(error.message)")
        #expect(error.message.contains("?[redacted]"))
    }

    /// A receiver that throttles (429, 503) with Retry-After: the wait comes back with the error,
    /// and the rest of the batch is not tried (it would be throttled alike).
    @Test func retryAfter_isKept_andTheBatchStops() throws {
        let server = try Server()
        defer { server.cleanUp() }
        let notifier = WebhookNotifier(config: WebhookConfig(url: server.url("/status/429?retry_after=120")))
        let results = notifier.deliver([Fixtures.notice(id: "A"), Fixtures.notice(id: "B")])
        guard case .retryable(let error) = results[0].outcome, case .retryable(let rest) = results[1].outcome else {
            Issue.record("\(results)")
            return
        }
        #expect(error.retryAfter == 120)
        #expect(error.message.contains("the receiver asks to retry after 120 s"), "\(error.message)")
        #expect(rest.retryAfter == 120 && results[1].detail.hasPrefix("not attempted"))
        #expect(try server.requests().count == 1, "the second notice was not posted")
    }

    @Test func retryAfter_readsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds(" 0 ", now: now) == 0)
        #expect(RetryAfter.seconds("Mon, 21 Sep 2026 15:13:20 GMT", now: now) == 3600)
        #expect(RetryAfter.seconds("Mon, 21 Sep 2026 13:13:20 GMT", now: now) == 0, "a date in the past is no wait")
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds("-5", now: now) == nil)
    }

    @Test func serverDown_isRetryable() throws {
        let port = try Harness.closedPort()
        let notifier = WebhookNotifier(
            config: WebhookConfig(url: "http://127.0.0.1:\(port)/hook", transport: Transport(connectTimeout: 2, timeout: 5)))

        let results = notifier.deliver([Fixtures.notice(id: "A"), Fixtures.notice(id: "B")])

        guard case .retryable(let error) = results[0].outcome else {
            Issue.record("\(results[0])")
            return
        }
        #expect(error.curlCode == 7)
        #expect(results[1].detail.hasPrefix("not attempted"))
    }

    @Test func missingToken_isPermanent_andNamesTheCredential() {
        let notifier = WebhookNotifier(
            config: WebhookConfig(url: "https://hooks.example.cn/x", bearerToken: .credential("hook-token")),
            environment: ["CREDENTIALS_DIRECTORY": "/nonexistent/creds"])

        let result = notifier.deliver([Fixtures.notice()])[0]

        guard case .permanent(let error) = result.outcome else {
            Issue.record("\(result)")
            return
        }
        #expect(error.message.contains("/nonexistent/creds/hook-token"))
    }
}
