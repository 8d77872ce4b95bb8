import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// The accuracy requirement: at least 95% of required gold items fully right over the seeds,
/// and at least 90% in each report, scored as `score-import` does.
struct ImportScoreTests {
    struct FileScore {
        var file: String
        var rows: [ImportScore.Row]
        var fraction: Double { Double(rows.filter(\.fullyRight).count) / Double(max(1, rows.count)) }
    }

    func scores() throws -> [FileScore] {
        try TestSupport.goldFiles().map { url in
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            let file = gold["file"] as! String
            let (plan, _) = try TestSupport.importSeed(file)
            return FileScore(file: file, rows: ImportScore.score(gold: gold, plan: try TestSupport.planJSON(plan)))
        }
    }

    @Test func seeds_scoreAtLeast95PercentOverall_and90PercentEach() throws {
        let scores = try scores()
        #expect(scores.count == 5)
        let all = scores.flatMap(\.rows)
        let overall = Double(all.filter(\.fullyRight).count) / Double(max(1, all.count))
        for score in scores {
            let right = score.rows.filter(\.fullyRight).count
            print("import score \(score.file): \(right)/\(score.rows.count) fully right")
            for row in score.rows where !row.fullyRight {
                print("  miss \(row.snippet): got \(row.got); want \(row.want)")
            }
            #expect(score.fraction >= 0.90, "\(score.file): \(right)/\(score.rows.count)")
        }
        print(String(format: "import score: %.1f%% fully right over %d items", overall * 100, all.count))
        #expect(overall >= 0.95)
    }

    @Test func reportDates_andStatedTotals_matchGold() throws {
        for url in try TestSupport.goldFiles() {
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            let (plan, _) = try TestSupport.importSeed(gold["file"] as! String)
            #expect(plan.reportDate?.description == gold["report_date"] as? String, "\(url.lastPathComponent)")
            let stated = gold["stated"] as? [String: Any] ?? [:]
            let mine: [String: Int?] = [
                "problems": plan.stated?.problems, "done": plan.stated?.done, "open": plan.stated?.open,
                "measures": plan.stated?.measures, "measures_done": plan.stated?.measuresDone,
            ]
            for (key, value) in stated {
                #expect(mine[key] ?? nil == value as? Int, "\(url.lastPathComponent) stated.\(key)")
            }
        }
    }

    @Test func scorer_matchesTitlesWithoutMarkerAndPunctuation() {
        let items: [[String: Any]] = [
            ["title": "（14）制定了《制度》。", "text": "", "status": "done", "deadline": NSNull()],
            ["title": "二是党组织换届程序不合规。", "text": "", "status": "in_progress", "deadline": ["date": "2025-10-31"]],
        ]
        #expect(ImportScore.match("（14）制定了《制度》", items) != nil)
        #expect(ImportScore.match("二是党组织换届程序不合规", items)?["status"] as? String == "in_progress")
        #expect(ImportScore.core("（1） 更新“制度”。") == Array("更新“制度".unicodeScalars))
        #expect(ImportScore.deadline(of: items[1]) == "2025-10-31")
    }
}
