import Foundation
import Testing
@testable import RectifyCore

/// Deadlines far from today: what is printed is exactly the instant, and what cannot be a
/// real deadline is refused where it is written.
struct DeadlineRangeTests {
    static func plan(deadline: String) -> String {
        """
        plan: {unit: 某县卫健局, title: 台账}
        items:
          - {id: "1", title: 一, status: in_progress, deadline: 2026-04-30}
          - {id: "2", title: 二, status: in_progress, deadline: \(deadline)}

        """
    }

    @Test func aLocalMeanTimeOffset_isNotTruncated_whenPrinted() {
        // Asia/Shanghai kept local mean time (+08:05:43) until 1901.
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let due = CalendarDate("1900-01-01")!.startInstant(in: zone)
        let text = Timestamps.format(due, in: zone)
        #expect(!text.contains("+08:05"), "\(text)")
        #expect(Timestamps.parse(text) == due, "\(text) is not the instant it prints")
    }

    @Test func deadlinesOutsideTheYears1900To9998_areRefusedAtTheirItem() {
        for deadline in ["9999-12-31", "0001-01-01", "1899-12-31", "{date: 9999-12-31, precision: year}"] {
            do {
                _ = try PlanReader.read(Self.plan(deadline: deadline), file: "p.yaml")
                Issue.record("deadline \(deadline) was accepted")
            } catch {
                let found = error.diagnostics
                #expect(found.count == 1 && found.first?.line == 4, "\(deadline): \(found)")
                #expect(found.first?.message.contains("1900") == true && found.first?.message.contains("9998") == true, "\(found)")
            }
        }
        #expect(throws: Never.self) { try PlanReader.read(Self.plan(deadline: "1900-01-01"), file: "p.yaml") }
        #expect(throws: Never.self) { try PlanReader.read(Self.plan(deadline: "9998-12-31"), file: "p.yaml") }
    }

    @Test func theLatestDeadline_printsAFourDigitYear() {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let due = CalendarDate("9998-12-31")!.startInstant(in: zone).addingTimeInterval(86_400)
        #expect(Timestamps.format(due, in: zone) == "9999-01-01T00:00:00+08:00")
    }
}
