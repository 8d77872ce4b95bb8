import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// `seeds/NAME.plan.json` must be what the importer produces now; regenerate them with
/// `scripts/regenerate-seeds.sh` after changing the importer.
struct SeedPlanTests {
    /// JSON with sorted keys, so key order does not matter.
    func canonical(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
    }

    @Test func committedPlans_areUpToDate() throws {
        let reports = try TestSupport.seedReports()
        #expect(reports.count == 5)
        for report in reports {
            let name = report.deletingPathExtension().lastPathComponent
            let committed = TestSupport.seedsFolder.appendingPathComponent(name + ".plan.json")
            let data = try #require(
                try? Data(contentsOf: committed), "seeds/\(name).plan.json is missing; run scripts/regenerate-seeds.sh")
            let (plan, _) = try TestSupport.importSeed(report.lastPathComponent)
            let now = try canonical(try TestSupport.planJSON(plan))
            let then = try canonical(try JSONSerialization.jsonObject(with: data))
            #expect(now == then, "seeds/\(name).plan.json is out of date; run scripts/regenerate-seeds.sh")
        }
    }

    @Test func importedPlans_readBackThroughPlanReader() throws {
        for report in try TestSupport.seedReports() {
            let (plan, _) = try TestSupport.importSeed(report.lastPathComponent)
            let yaml = try PlanWriter.render(plan, as: .yaml)
            let (read, _) = try PlanReader.read(yaml, file: "roundtrip.yaml")
            #expect(read.items.count == plan.items.count)
            #expect(read.items.map(\.deadline) == plan.items.map(\.deadline))
            #expect(read.stated == plan.stated)
        }
    }
}
