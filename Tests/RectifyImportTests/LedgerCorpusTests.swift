import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// The ledger corpus in `Fixtures/ledgers/` (written by Tests/RectifyLedgerTests/Support/
/// make_ledgers.py): Excel workbooks with merged cells, two-row headers, several sheets and the
/// 1904 date system; CSV files in GBK and UTF-8 as Excel and WPS write them; Word plans and
/// reports with their ledger tables. At least 95% of items fully right overall, 90% in each.
struct LedgerCorpusTests {
    static var folder: URL { TestSupport.fixturesFolder.appendingPathComponent("ledgers") }

    static func golds() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".gold.json") }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func ledgerCorpus_scoresAtLeast95PercentOverall_and90PercentEach() throws {
        let golds = try Self.golds()
        #expect(golds.count >= 6)
        var kinds = Set<String>()
        var all: [ImportScore.Row] = []
        for url in golds {
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            let file = gold["file"] as! String
            kinds.insert(URL(fileURLWithPath: file).pathExtension)
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(file))
            let result = try LedgerImporter.importFile(data, file: file)
            let rows = ImportScore.score(gold: gold, plan: try TestSupport.planJSON(result.plan))
            let right = rows.filter(\.fullyRight).count
            print("ledger score \(file): \(right)/\(rows.count) fully right")
            for row in rows where !row.fullyRight { print("  miss \(row.snippet): got \(row.got); want \(row.want)") }
            #expect(Double(right) >= 0.9 * Double(rows.count), "\(file): \(right)/\(rows.count)")
            if let date = gold["report_date"] as? String {
                #expect(result.plan.reportDate?.description == date, "\(file): ledger date")
            }
            all += rows
        }
        #expect(kinds == ["xlsx", "csv", "docx", "xls"])
        let overall = Double(all.filter(\.fullyRight).count) / Double(max(1, all.count))
        print(String(format: "ledger score: %.1f%% fully right over %d items", overall * 100, all.count))
        #expect(overall >= 0.95)
    }

    @Test func everyValue_keepsItsCell() throws {
        let file = "l01_bsx_merged.xlsx"
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(file))
        let plan = try LedgerImporter.importFile(data, file: file).plan
        let car = try #require(plan.items.first { $0.title.contains("公务用车") })
        #expect(car.deadline?.cell == "整改台账!G9")
        #expect(car.statusEvidence?.cell == "整改台账!H9")
        #expect(car.milestones.map(\.deadline.cell) == ["整改台账!G8", "整改台账!G9"])
        #expect(car.milestones.map(\.done) == [true, false])
        #expect(car.responsible?.leader?.name == "李红梅")
        #expect(car.responsible?.department == "财务股、办公室")
        #expect(car.category == ["二、全面从严治党方面"])
        #expect(plan.unit == "白沙县卫生健康局")
        #expect(plan.items.count == 7)
    }
}
