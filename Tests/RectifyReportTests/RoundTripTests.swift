import Foundation
import RectifyCore
import RectifyImport
import RectifyReport
import Testing

/// A drafted 通报, imported again, gives the items, statuses and deadlines it was written from.
struct RoundTripTests {
    /// The seeds' plans as committed, drafted at their report date and months later (items
    /// overdue by then), with extensions granted on the open ones.
    @Test(arguments: ["000_3f65e14414f6d587", "001_76357eb5244c6017", "002_b21dc3fc7ee4c764", "003_f4fc3cbe870c3dce", "004_03096bf25862ec47"])
    func seedPlan_draftImportsAsTheSameItems(_ name: String) throws {
        let plan = try ReportTestSupport.loadPlan(ReportTestSupport.seeds.appendingPathComponent("\(name).plan.json"))
        let base = plan.reportDate ?? plan.inspection!.feedbackDate!
        for day in [base, base.adding(days: 200)] {
            let trip = RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day)
            #expect(trip.mismatches == [], "\(name) as of \(day):\n\(trip.text)")
        }
        var extended = plan
        for i in extended.items.indices where extended.items[i].isOpen {
            let current = extended.items[i].effectiveDeadline?.date ?? base
            extended.items[i].extensions.append(
                Extension(deadline: Deadline(date: current.adding(days: 45), precision: .day), reason: "等待上级批复", granted: base))
        }
        let trip = RoundTrip(extended, at: ReportTestSupport.endOf(base.adding(days: 30)), asOf: base.adding(days: 30))
        #expect(trip.mismatches == [], "\(name) extended:\n\(trip.text)")
    }
}

extension RoundTripTests {
    /// The importer's corpus (fifteen layouts): each report imported, drafted, imported again.
    @Test func importCorpus_draftImportsAsTheReport() throws {
        let reports = try ReportTestSupport.files(in: ReportTestSupport.importCorpus, ending: ".txt")
        #expect(reports.count >= 15)
        var failures: [String] = []
        for url in reports {
            let (plan, _) = try ReportImporter.importReport(Data(contentsOf: url), file: url.lastPathComponent)
            let day = plan.reportDate ?? plan.inspection?.feedbackDate ?? CalendarDate(year: 2025, month: 12, day: 31)!
            let trip = RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day)
            failures += trip.mismatches
        }
        #expect(failures == [], "\(failures.joined(separator: "\n"))")
    }

    /// 300 generated plans, each drafted at its report date and half a year later.
    @Test func generatedPlans_draftImportsAsTheSameItems() throws {
        var failures: [String] = []
        var items = 0
        for seed in 1...300 {
            var generator = PlanGenerator(seed: UInt64(seed))
            let (plan, notes) = generator.plan(id: "gen-\(seed)")
            items += plan.items.count
            let base = plan.reportDate ?? plan.inspection!.feedbackDate!
            for day in [base, base.adding(days: 180)] {
                let trip = RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day, notes: notes)
                let found = trip.mismatches
                if !found.isEmpty, failures.count < 40 { failures += ["seed \(seed) as of \(day):"] + found }
                if !found.isEmpty, failures.count < 3 { print(trip.text) }
            }
        }
        #expect(items > 2000)
        print("round trip: 300 generated plans, \(items) items, each drafted at 2 dates: \(failures.count) mismatches")
        #expect(failures == [], "\(failures.joined(separator: "\n"))")
    }
}

extension RoundTripTests {
    /// Plans written by hand for this test (Fixtures/plans) and the shipped example plan, drafted
    /// at their report date and later, with progress notes on some items.
    @Test func handWrittenPlans_draftImportsAsTheSameItems() throws {
        let files = try ReportTestSupport.files(in: ReportTestSupport.fixtures.appendingPathComponent("plans"), ending: ".yaml")
            + [ReportTestSupport.repository.appendingPathComponent("config/plans/example.yaml")]
        #expect(files.count == 4)
        for url in files {
            let plan = try ReportTestSupport.loadPlan(url)
            let base = plan.reportDate!
            let notes: [String: [ProgressNote]] = [
                plan.items[0].id: [ProgressNote(day: base.adding(days: 3), kind: .progress, text: "完成现场核查：\n问题已整改", evidence: "核查记录")],
                plan.items[1].id: [ProgressNote(day: base.adding(days: 5), kind: .progress, text: "整改时限：年底前完成", done: 3, total: 8)],
            ]
            for day in [base, base.adding(days: 45), base.adding(days: 400)] {
                let trip = RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day, notes: notes)
                #expect(trip.mismatches == [], "\(url.lastPathComponent) as of \(day):\n\(trip.text)")
            }
        }
    }
}
