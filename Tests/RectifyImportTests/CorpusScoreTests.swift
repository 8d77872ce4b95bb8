import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// The corpus in `Fixtures/corpus/`: reports in layouts the seeds lack (labelled field blocks,
/// 【问题】 blocks, nested numbering with closing sentences, audit findings, a one-line web
/// copy, tables flattened with tabs or spaces, traditional characters, damaged text), each
/// with gold annotations. At least 95% of items fully right overall, 90% in each file.
struct CorpusScoreTests {
    static var corpusFolder: URL { TestSupport.fixturesFolder.appendingPathComponent("corpus") }

    @Test func corpus_scoresAtLeast95PercentOverall_and90PercentEach() throws {
        let golds = try FileManager.default.contentsOfDirectory(at: Self.corpusFolder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".gold.json") }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(golds.count >= 12)
        var all: [ImportScore.Row] = []
        for url in golds {
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            let file = gold["file"] as! String
            let data = try Data(contentsOf: Self.corpusFolder.appendingPathComponent(file))
            // .docx and .html reports as well as text: through the importer rectifyctl uses.
            let plan = try LedgerImporter.importFile(data, file: file).plan
            let rows = ImportScore.score(gold: gold, plan: try TestSupport.planJSON(plan))
            let right = rows.filter(\.fullyRight).count
            print("corpus score \(file): \(right)/\(rows.count) fully right")
            for row in rows where !row.fullyRight { print("  miss \(row.snippet): got \(row.got); want \(row.want)") }
            #expect(Double(right) >= 0.9 * Double(rows.count), "\(file): \(right)/\(rows.count)")
            all += rows
        }
        let overall = Double(all.filter(\.fullyRight).count) / Double(max(1, all.count))
        print(String(format: "corpus score: %.1f%% fully right over %d items", overall * 100, all.count))
        #expect(overall >= 0.95)
    }
}
