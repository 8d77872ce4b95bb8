import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Three monthly reports of one body laid over the plan one after the other, with hand edits
/// between them (Fixtures/sequences, EXPECTED.md): renumbered and reordered items, a split, a
/// merge, an extension, a reopening.
struct UpdateSequenceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sequences")

    static func report(_ sequence: String, _ month: String) throws -> Plan {
        let url = folder.appendingPathComponent(sequence).appendingPathComponent(month)
        return try ReportImporter.importReport(Data(contentsOf: url), file: url.path).0
    }

    static func update(_ plan: Plan, _ sequence: String, _ month: String) throws -> PlanUpdate {
        PlanUpdate(kept: plan, report: try report(sequence, month), reportFile: month, today: CalendarDate("2026-01-10")!)
    }

    static func item(_ plan: Plan, _ id: String) throws -> Item { try #require(plan.items.first { $0.id == id }) }

    /// s1: m3 numbers 乡村医生绩效考核 as 6, the number of the plan item it was split from, while
    /// plan item 8 holds its exact title: it was matched to 6 by number, 村卫生室 became a new
    /// item and plan 8 "not in the report". A title the plan holds exactly now wins, and so does
    /// a plan item that fits clearly better than the same-numbered one.
    @Test func labelledSequence_splitMergeExtensionReopening() throws {
        var plan = try Self.report("s1_labelled_wsy", "m1.txt")
        #expect(plan.items.map(\.id) == ["1", "2", "3", "4", "5", "6", "7"])
        plan.items[1].responsible = Responsibility(leader: nil, department: "公共卫生科", contacts: [Contact(name: nil, email: "ggwsk@example.cn")])
        plan.items[4].title = "问题5：医疗废物暂存间设置不符合规范要求。"

        let second = try Self.update(plan, "s1_labelled_wsy", "m2.txt")
        plan = second.plan
        #expect(second.matchedByNumber + second.matchedByTitle == 7)
        #expect(try Self.item(plan, "4").status == .done)
        #expect(try Self.item(plan, "5").effectiveDeadline?.date == CalendarDate("2026-06-30"))
        #expect(try Self.item(plan, "5").deadline?.date == CalendarDate("2026-03-31"))
        let split = try #require(second.changes.first { $0.kind == .added })
        #expect(split.itemID == "8" && split.detail.contains("perhaps split from 6"), "\(split.detail)")

        let third = try Self.update(plan, "s1_labelled_wsy", "m3.txt")
        plan = third.plan
        #expect(try Self.item(plan, "1").status == .inProgress)
        #expect(try Self.item(plan, "1").deadline?.date == CalendarDate("2025-12-31"))
        #expect(third.changes.contains { $0.kind == .status && $0.itemID == "1" && $0.detail.hasPrefix("reopened: done → in_progress") })
        #expect(third.changes.contains { $0.kind == .deadlineSet && $0.itemID == "1" })
        #expect(try Self.item(plan, "6").status == .done)
        #expect(try Self.item(plan, "8").status == .inProgress)
        #expect(!third.changes.contains { $0.kind == .added }, "\(third.changes)")
        let merged = try #require(third.changes.first { $0.kind == .vanished && $0.itemID == "2" })
        #expect(merged.detail.contains("perhaps merged into report item 3"))
        #expect(third.changes.contains { $0.kind == .vanished && $0.itemID == "4" })
        // Hand edits kept throughout.
        #expect(try Self.item(plan, "2").responsible?.contacts.first?.email == "ggwsk@example.cn")
        #expect(try Self.item(plan, "5").title == "问题5：医疗废物暂存间设置不符合规范要求。")
        #expect(try Self.item(plan, "5").extensions.count == 1)
    }

    @Test func sectionSequence_renumberedExtendedReopened() throws {
        var plan = try Self.report("s2_sections_rmyy", "m1.txt")
        #expect(plan.items.map(\.status) == [.done, .done, .inProgress, .inProgress, .inProgress, .inProgress])
        plan.items[5].title = "6.医院信息系统网络安全防护薄弱。"
        let second = try Self.update(plan, "s2_sections_rmyy", "m2.txt")
        plan = second.plan
        #expect(plan.items.map(\.status) == [.done, .done, .done, .done, .inProgress, .inProgress])
        #expect(plan.items[4].effectiveDeadline?.date == CalendarDate("2026-06-30"))
        #expect(plan.items[4].deadline?.date == CalendarDate("2026-03-31"))
        let third = try Self.update(plan, "s2_sections_rmyy", "m3.txt")
        plan = third.plan
        #expect(plan.items.map(\.status) == [.done, .inProgress, .done, .done, .inProgress, .inProgress])
        #expect(plan.items[1].deadline?.date == CalendarDate("2026-02-28"))
        #expect(third.changes.filter { $0.kind == .status }.map(\.itemID) == [plan.items[1].id])
        #expect(!third.changes.contains { $0.kind == .deadlineDiffers || $0.kind == .added || $0.kind == .vanished })
        #expect(plan.items[5].title == "6.医院信息系统网络安全防护薄弱。")
    }
}
