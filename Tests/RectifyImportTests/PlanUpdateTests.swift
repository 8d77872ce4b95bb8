import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Next month's report over the kept plan (`rectifyctl import --update`): the seed 001 report
/// edited as the office's next 通报 would be — two items done, one extended, one new — over
/// the seed's plan with contacts added by hand.
struct PlanUpdateTests {
    static let seed = "001_76357eb5244c6017.txt"

    static func nextMonth() throws -> String {
        var text = try String(contentsOf: TestSupport.seedsFolder.appendingPathComponent(seed), encoding: .utf8)
        func edit(_ old: String, _ new: String) throws {
            guard text.contains(old) else { throw TestFailure("the seed no longer holds “\(old.prefix(20))”") }
            text = text.replacingOccurrences(of: old, with: new)
        }
        try edit("整改落实情况：取得阶段性成效。预计10月31日前完成检查整改。", "整改落实情况：已完成整改。")
        try edit(
            "整改落实情况：取得阶段性成效。预计2026年4月1日完成。",
            "整改落实情况：取得阶段性成效。因改建工期调整，经批准延期至2026年6月30日前完成。")
        try edit("整改落实情况：取得阶段性成效。预计2025年10月31日完成。", "整改落实情况：已完成整改。")
        try edit(
            "四、立行立改事项整改情况",
            "11.档案管理不规范。\n整改落实情况：正在推进。预计2026年3月31日前完成。一是清理历史档案；二是建立归档制度。\n四、立行立改事项整改情况")
        try edit("共反馈3方面10个问题，已完成7个，3个取得阶段性成效，预计2026年4月底前完成。", "共反馈3方面11个问题，已完成9个，2个正在推进。")
        return text
    }

    static func keptPlan() throws -> Plan {
        var (plan, _) = try TestSupport.importSeed(seed)
        // What the office added by hand after the first import.
        let i = plan.items.firstIndex { $0.id == "3.8" }!
        plan.items[i].responsible = Responsibility(
            leader: nil, department: "公卫科", contacts: [Contact(name: "王建国", email: "wangjg@example.gov.cn")])
        let j = plan.items.firstIndex { $0.id == "3.10" }!
        plan.items[j].title = "为民服务意识待提升（犬伤门诊、健康证）"
        plan.owner = Contact(name: "整改办", email: "zgb@example.gov.cn")
        return plan
    }

    static func update(kept: Plan) throws -> PlanUpdate {
        let (next, _) = try ReportImporter.importReport(Data(try nextMonth().utf8), file: "next.txt")
        return PlanUpdate(kept: kept, report: next, reportFile: "reports/next.txt", today: CalendarDate("2026-01-05")!)
    }

    @Test func statusesExtensionsAndNewItems_handEditsKept() throws {
        let kept = try Self.keptPlan()
        let result = try Self.update(kept: kept)
        let items = Dictionary(uniqueKeysWithValues: result.plan.items.map { ($0.id, $0) })
        #expect(items.count == 11)
        #expect(items["3.8"]?.status == .done && items["3.10"]?.status == .done)
        #expect(items["3.8"]?.statusEvidence?.text.hasPrefix("next.txt:29:") == true, "\(String(describing: items["3.8"]?.statusEvidence))")
        // Extended: the original deadline stays, the extension is in force.
        let extended = try #require(items["3.9"])
        #expect(extended.deadline?.date == CalendarDate("2026-04-01"))
        #expect(extended.extensions.last?.deadline.date == CalendarDate("2026-06-30"))
        #expect(extended.effectiveDeadline?.date == CalendarDate("2026-06-30"))
        #expect(extended.extensions.last?.granted == CalendarDate("2026-01-05"))
        // New.
        let added = try #require(items["3.11"])
        #expect(added.status != .done && added.deadline?.date == CalendarDate("2026-03-31"))
        // Hand edits kept.
        #expect(items["3.8"]?.responsible?.contacts.first?.email == "wangjg@example.gov.cn")
        #expect(items["3.10"]?.title == "为民服务意识待提升（犬伤门诊、健康证）", "matched by number although the title was edited")
        #expect(result.plan.owner?.email == "zgb@example.gov.cn")
        #expect(result.plan.id == kept.id)
        // The account.
        let kinds = result.changes.map(\.kind)
        #expect(kinds.filter { $0 == .status }.count == 2)
        #expect(kinds.filter { $0 == .extended }.count == 1)
        #expect(kinds.filter { $0 == .added }.count == 1)
        #expect(!kinds.contains(.vanished) && !kinds.contains(.ambiguous))
        let summary = result.summary(planFile: "plan.json", reportFile: "next.txt")
        #expect(summary.contains("status changed: 2") && summary.contains("extended: 1") && summary.contains("new in the report: 1"), "\(summary)")
        // Applying the same report again changes nothing.
        let again = try Self.update(kept: result.plan)
        #expect(again.changes.isEmpty, "\(again.changes)")
        for (a, b) in zip(again.plan.items, result.plan.items) where a != b {
            Issue.record("item \(a.id) changed on the second update:\n\(a)\n\(b)")
        }
        #expect(again.plan.items.count == result.plan.items.count)
    }

    @Test func renumberedItems_areMatchedByTitle_vanishedOnesKept() throws {
        var kept = try Self.keptPlan()
        // The office's plan numbers differ from the report's: matching falls back to titles.
        for index in kept.items.indices { kept.items[index].id = "P\(index + 1)" }
        kept.items.append(Item(id: "P99", title: "手工添加的专项整改事项", status: .inProgress))
        let result = try Self.update(kept: kept)
        #expect(result.matchedByTitle == 10, "\(result.summary(planFile: "p", reportFile: "r"))")
        let p8 = try #require(result.plan.items.first { $0.id == "P8" })
        #expect(p8.status == .done)
        #expect(result.changes.contains { $0.kind == .vanished && $0.itemID == "P99" })
        #expect(result.plan.items.contains { $0.id == "P99" }, "a vanished item is kept")
    }

    @Test func aReportItemFittingTwoPlanItems_isListedNotGuessed() throws {
        let kept = Plan(
            id: "p", unit: "测试单位", title: "t",
            items: [
                Item(id: "A", title: "财务管理制度不健全", status: .inProgress),
                Item(id: "B", title: "财务管理制度不完善", status: .inProgress),
            ])
        let report = Plan(id: "r", unit: "测试单位", title: "t", items: [Item(id: "9", title: "财务管理制度不健全不完善", status: .done)])
        let result = PlanUpdate(kept: kept, report: report, reportFile: "r.txt", today: CalendarDate("2026-01-05")!)
        #expect(result.changes.contains { $0.kind == .ambiguous }, "\(result.changes)")
        #expect(result.plan.items.allSatisfy { $0.status == .inProgress }, "nothing merged on a guess")
        #expect(result.plan.items.count == 2, "and the report item is not added either")
    }

    /// Next month's report keeps 整改时限 and says "已申请延期至…": the plan gets that extension
    /// (it said "nothing changed", comparing the report's original deadline), once.
    @Test func anExtensionTheReportStates_isAddedOnce() throws {
        func report(_ day: String, _ progress: String) -> Plan {
            TestSupport.importText([
                "某县卫生健康局关于巡察整改进展情况的通报", "2025年8月县委第二巡察组对县卫生健康局开展了巡察，2025年10月15日反馈了巡察意见。",
                "一、反馈问题整改情况", "1.药品采购管理不规范。", "整改时限：2026年3月31日", "整改进展：\(progress)",
                "2.公车台账不全。", "整改时限：2026年6月30日", "整改进展：正在推进。", "某县卫生健康局", day,
            ]).0
        }
        let kept = report("2026年1月10日", "正在推进。")
        let next = report("2026年2月10日", "未完成（已申请延期至2026年9月30日）。")
        let first = PlanUpdate(kept: kept, report: next, reportFile: "m2.txt", today: CalendarDate("2026-02-11")!)
        #expect(first.changes.map(\.kind) == [.extended], "\(first.changes)")
        #expect(first.plan.items[0].deadline?.date == CalendarDate("2026-03-31"))
        #expect(first.plan.items[0].effectiveDeadline?.date == CalendarDate("2026-09-30"))
        #expect(first.plan.items[0].extensions.last?.granted == CalendarDate("2026-02-10"))
        let again = PlanUpdate(kept: first.plan, report: next, reportFile: "m2.txt", today: CalendarDate("2026-02-11")!)
        #expect(!again.changes.contains { $0.kind == .extended })
        #expect(again.plan.items[0].extensions.count == 1)
    }

    @Test func titleSimilarity_ignoresNumberingAndPunctuation() {
        let a = PlanUpdate.titleKey("8.医疗废物管理不到位。")
        let b = PlanUpdate.titleKey("（八）医疗废物管理不到位")
        #expect(PlanUpdate.similarity(a, b) == 1)
        #expect(PlanUpdate.similarity(a, PlanUpdate.titleKey("安全生产意识不强")) < PlanUpdate.threshold)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
