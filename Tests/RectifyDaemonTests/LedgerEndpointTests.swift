import Foundation
import RectifyControl
import RectifyCore
import RectifyNotify
import Testing

/// `GET /v1/ledger` over the real socket of the real daemon, and `rectifyctl export` reading
/// it: 销号 days, the latest progress note and extensions with the original date.
@Suite(.serialized)
struct LedgerEndpointTests {
    @Test func ledger_carriesClosuresNotesAndExtensions_andRectifyctlExportsIt() throws {
        let d = try ControlSocketTests.startDaemon()
        defer { _ = d.stop() }
        #expect(try ControlSocketTests.call(d, "POST", "/v1/items/example-county-health/2.1/done", #"{"note": "闲置公车已公开拍卖"}"#).0 == 200)
        #expect(try ControlSocketTests.call(d, "POST", "/v1/items/example-county-health/3.3/progress", #"{"note": "61家已整改到位"}"#).0 == 200)
        #expect(try ControlSocketTests.call(d, "POST", "/v1/items/example-county-health/2.2/extend", #"{"to": "2099-12-31", "reason": "等待清查"}"#).0 == 200)

        let (status, body) = try ControlSocketTests.call(d, "GET", "/v1/ledger")
        #expect(status == 200)
        let plans = try #require(body["plans"] as? [[String: Any]])
        #expect(plans.count == 1)
        let plan = try #require(plans[0]["plan"] as? [String: Any])
        #expect((plan["plan"] as? [String: Any])?["id"] as? String == "example-county-health")
        let items = try #require(plan["items"] as? [[String: Any]])
        let extended = try #require(items.first { $0["id"] as? String == "2.2" })
        // The example plan grants one extension already; the new one is the last.
        let extensions = try #require(extended["extensions"] as? [[String: Any]])
        #expect(extensions.count == 2)
        #expect((extensions.last?["deadline"] as? [String: Any])?["date"] as? String == "2099-12-31")
        #expect((extended["deadline"] as? [String: Any])?["date"] as? String == "2026-09-30")  // the original stays
        let records = try #require(plans[0]["items"] as? [[String: Any]])
        let closed = try #require(records.first { $0["id"] as? String == "2.1" })
        #expect(closed["state"] as? String == "done")
        #expect((closed["closed"] as? String)?.count == 10)
        #expect(records.first { $0["id"] as? String == "3.3" }?["note"] as? String == "61家已整改到位")

        let ctl = URL(fileURLWithPath: DaemonHarness.binary).deletingLastPathComponent().appendingPathComponent("rectifyctl")
        let process = Process()
        process.executableURL = ctl
        process.arguments = ["export", "--format", "csv", "--socket", ControlSocketTests.socketPath(d)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let csv = String(decoding: data, as: UTF8.self)
        #expect(csv.contains("已销号（"))
        #expect(csv.contains("正在推进：61家已整改到位"))
        #expect(csv.contains("延期至2099年12月31日（等待清查）"))
        #expect(csv.contains("2026-09-30"))
    }
}
