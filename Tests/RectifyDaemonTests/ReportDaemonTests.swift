import Foundation
import RectifyControl
import RectifyCore
import RectifyNotify
import Testing

/// `rectifyctl report draft` from the running daemon: the draft carries the progress notes,
/// extensions and closures made over the socket, and importing it gives the daemon's items,
/// statuses and deadlines.
@Suite(.serialized)
struct ReportDaemonTests {
    @Test func draftFromTheDaemon_carriesNotesExtensionsAndClosures_andImportsAsItsState() throws {
        let d = try ControlSocketTests.startDaemon()
        defer { d.stop() }
        let socket = ControlSocketTests.socketPath(d)
        let plan = "example-county-health"
        for (path, body) in [
            ("/v1/items/\(plan)/2.3/progress", #"{"note": "施工图审图已报送住建局", "evidence": "审图受理单"}"#),
            ("/v1/items/\(plan)/3.3/progress", #"{"note": "回头看完成大部分", "done": 72, "total": 79}"#),
            ("/v1/items/\(plan)/2.2/extend", #"{"to": "2027-03-31", "reason": "等待县财政局年度清查结果"}"#),
            ("/v1/items/\(plan)/2.1/done", #"{"note": "闲置公车已公开拍卖处置"}"#),
        ] {
            let (status, answer) = try ControlSocketTests.call(d, "POST", path, body)
            #expect(status == 200, "\(path): \(answer)")
        }

        // The bulk read the draft is made from.
        let (status, state) = try ControlSocketTests.call(d, "GET", "/v1/plans?plan=\(plan)&at=2026-12-01")
        #expect(status == 200)
        let entry = try #require((state["plans"] as? [[String: Any]])?.first)
        let items = try #require(entry["items"] as? [[String: Any]])
        #expect(items.count == 13)
        let history = items.first { $0["id"] as? String == "2.3" }?["history"] as? [[String: Any]]
        #expect(history?.first?["note"] as? String == "施工图审图已报送住建局")
        #expect(((entry["plan"] as? [String: Any])?["items"] as? [[String: Any]])?.first { $0["id"] as? String == "2.1" }?["status"] as? String == "done")
        let (badStatus, bad) = try ControlSocketTests.call(d, "GET", "/v1/plans?when=now")
        #expect(badStatus == 400 && (bad["error"] as? String)?.contains("unknown parameter 'when'") == true)

        let (code, draft, errors) = try DaemonHarness.rectifyctl(["report", "draft", "--socket", socket, "--plan", plan])
        #expect(code == 0, "\(errors)")
        #expect(draft.contains("施工图审图已报送住建局（佐证材料：审图受理单）"), "\(draft)")
        #expect(draft.contains("回头看完成大部分（完成72/79）"))
        #expect(draft.contains("经批准延期至2027年3月31日（原定完成日期为"))
        #expect(draft.contains("闲置公车已公开拍卖处置，经审核予以销号"))

        // Imported again, the draft gives the daemon's items, statuses and deadlines.
        let file = d.dir.appendingPathComponent("draft.txt")
        try draft.write(to: file, atomically: true, encoding: .utf8)
        let (importCode, imported, importErrors) = try DaemonHarness.rectifyctl(["import", "--format", "json", file.path])
        #expect(importCode == 0, "\(importErrors)")
        let back = try #require(try JSONSerialization.jsonObject(with: Data(imported.utf8)) as? [String: Any])
        let backItems = try #require(back["items"] as? [[String: Any]])
        let planItems = try #require((entry["plan"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(backItems.count == planItems.count)
        func effective(_ item: [String: Any]) -> String? {
            if item["status"] as? String == "done" || item["status"] as? String == "long_term" { return nil }
            let extensions = item["extensions"] as? [[String: Any]] ?? []
            let deadline = (extensions.last?["deadline"] ?? item["deadline"]) as? [String: Any]
            return deadline?["date"] as? String
        }
        // The draft lists the example plan's items in its order (one category after another).
        for (original, copy) in zip(planItems, backItems) {
            let wasDone = original["status"] as? String == "done", isDone = copy["status"] as? String == "done"
            #expect(wasDone == isDone, "\(original["id"] ?? "") → \(copy["id"] ?? "")")
            #expect(effective(original) == (copy["deadline"] as? [String: Any])?["date"] as? String, "\(original["id"] ?? "")")
        }

        // A day before the latest change is refused: the daemon keeps only the current state.
        let (pastCode, _, pastErrors) = try DaemonHarness.rectifyctl(["report", "draft", "--socket", socket, "--plan", plan, "--as-of", "2026-10-01"])
        #expect(pastCode == 2)
        #expect(pastErrors.contains("changes after 2026-10-01"), "\(pastErrors)")
    }
}
