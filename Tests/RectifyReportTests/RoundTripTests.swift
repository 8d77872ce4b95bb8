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
