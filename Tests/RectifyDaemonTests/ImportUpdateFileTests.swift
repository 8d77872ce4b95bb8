import Foundation
import Testing

/// `rectifyctl import --update PLAN REPORT` writes the office's plan file only when the report
/// changes something, and keeps what a rewrite loses (a YAML plan's comments) beside it.
struct ImportUpdateFileTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds/001_76357eb5244c6017.txt")

    /// -o NAME.json writes JSON and -o NAME.yaml YAML (a .json file held YAML); a --format that
    /// contradicts the name is refused.
    @Test func theOutputFormat_followsTheFileName() throws {
        let harness = try DaemonHarness()
        let json = harness.dir.appendingPathComponent("cdc.plan.json"), yaml = harness.dir.appendingPathComponent("cdc.plan.yaml")
        #expect(try DaemonHarness.rectifyctl(["import", "-o", json.path, Self.seed.path], in: harness.dir).status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) is [String: Any])
        #expect(try DaemonHarness.rectifyctl(["import", "-o", yaml.path, Self.seed.path], in: harness.dir).status == 0)
        #expect(try String(contentsOf: yaml, encoding: .utf8).hasPrefix("plan:\n"))
        let clash = try DaemonHarness.rectifyctl(["import", "--format", "yaml", "-o", json.path, Self.seed.path], in: harness.dir)
        #expect(clash.status == 64 && clash.err.contains("--format yaml would write yaml into \(json.path)"), "\(clash)")
    }

    /// `export -o 台账.csv` writes CSV without --format (it was required); a name that says no
    /// format, or contradicts --format, is refused.
    @Test func theExportFormat_followsTheFileName() throws {
        let harness = try DaemonHarness()
        let csv = harness.dir.appendingPathComponent("台账.csv"), ics = harness.dir.appendingPathComponent("时限.ICS")
        #expect(try DaemonHarness.rectifyctl(["export", "-o", csv.path, Self.seed.path], in: harness.dir).status == 0)
        #expect(try String(contentsOf: csv, encoding: .utf8).contains("序号,问题类别,反馈问题"))
        #expect(try DaemonHarness.rectifyctl(["export", "-o", ics.path, Self.seed.path], in: harness.dir).status == 0)
        #expect(try String(contentsOf: ics, encoding: .utf8).hasPrefix("BEGIN:VCALENDAR"))
        let unnamed = try DaemonHarness.rectifyctl(["export", "-o", "台账.txt", Self.seed.path], in: harness.dir)
        #expect(unnamed.status == 64 && unnamed.err.contains("does not end in .xlsx, .csv or .ics"), "\(unnamed)")
        let clash = try DaemonHarness.rectifyctl(["export", "--format", "csv", "-o", "台账.xlsx", Self.seed.path], in: harness.dir)
        #expect(clash.status == 64 && clash.err.contains("--format csv contradicts"), "\(clash)")
        #expect(!FileManager.default.fileExists(atPath: harness.dir.appendingPathComponent("台账.txt").path))
        // A day that does not exist is said so (it said "is not a date (2026-11-22)").
        let february = try DaemonHarness.rectifyctl(["check", "--at", "2026-02-30", Self.seed.path], in: harness.dir)
        #expect(february.status != 0 && february.err.contains("--at '2026-02-30': a day that does not exist: 2026-02 has 28 days"), "\(february)")
        // A misspelt command names the nearest one (it said "2 unexpected arguments").
        let typo = try DaemonHarness.rectifyctl(["chek", Self.seed.path], in: harness.dir)
        #expect(typo.status == 64 && typo.err.contains("unknown command 'chek'; did you mean 'check'?"), "\(typo)")
        let moved = try DaemonHarness.rectifyctl(["--socket", "/nonexistent", "stauts"], in: harness.dir)
        #expect(moved.status == 64 && moved.err.contains("did you mean 'status'?"), "\(moved)")
    }

    @Test func theSameReportAgain_leavesTheFileByteForByte_aChangeKeepsTheCommentedOriginal() throws {
        let harness = try DaemonHarness()
        let plan = harness.dir.appendingPathComponent("cdc.plan.yaml")
        #expect(try DaemonHarness.rectifyctl(["import", "-o", plan.path, Self.seed.path], in: harness.dir).status == 0)
        let commented = "# 整改办维护：陈刚 2026-01\n" + (try String(contentsOf: plan, encoding: .utf8))
        try commented.write(to: plan, atomically: true, encoding: .utf8)

        let again = try DaemonHarness.rectifyctl(["import", "--update", plan.path, Self.seed.path], in: harness.dir)
        #expect(again.status == 0 && again.out.contains("nothing changed") && again.out.contains("left as it is"), "\(again)")
        #expect(try String(contentsOf: plan, encoding: .utf8) == commented)
        #expect(!FileManager.default.fileExists(atPath: plan.path + ".bak"))

        // Next month: item 3.8 is done. The plan is rewritten, and the commented original kept.
        let report = harness.dir.appendingPathComponent("2026-01.txt")
        let text = try String(contentsOf: Self.seed, encoding: .utf8)
            .replacingOccurrences(of: "整改落实情况：取得阶段性成效。预计10月31日前完成检查整改。", with: "整改落实情况：已完成整改。")
        try text.write(to: report, atomically: true, encoding: .utf8)
        let changed = try DaemonHarness.rectifyctl(["import", "--update", plan.path, report.path], in: harness.dir)
        #expect(changed.status == 0 && changed.out.contains("in_progress → done"), "\(changed)")
        #expect(changed.err.contains("\(plan.path): the rewritten plan does not keep its comments; the previous file is \(plan.path).bak."))
        #expect(try String(contentsOf: URL(fileURLWithPath: plan.path + ".bak"), encoding: .utf8) == commented)
        #expect(try String(contentsOf: plan, encoding: .utf8).contains("status: done"))
    }
}
