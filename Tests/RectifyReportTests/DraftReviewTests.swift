import Foundation
import RectifyCore
import RectifyImport
@testable import RectifyReport
import Testing

/// Defects a reviewer found reading drafts made from reports the team did not write for the
/// draft (the importer's blind corpus) and from plans built to break it.
struct DraftReviewTests {
    static func importCorpus(_ name: String) throws -> Plan {
        let text = try String(contentsOf: ReportTestSupport.importCorpus.appendingPathComponent(name), encoding: .utf8)
        return ReportImporter.importReport(text: text, file: name).0
    }

    static func paragraphs(_ plan: Plan, asOf day: String) -> [String] {
        let day = CalendarDate(day)!
        let state = PlanState(plan: plan, at: ReportTestSupport.endOf(day), account: { ItemAccount.account(of: $0, in: plan) })
        return DraftComposer.compose(state, asOf: day).document.plainParagraphs
    }

    /// c30 writes each problem and its status on one line ("1.…不到位。已完成整改，全县3家…"): the
    /// account kept the status, and the draft said "已完成整改。已完成整改，…" and
    /// "正按计划推进，预计…前完成。正在推进，预计…".
    @Test func statusTheAccountOpenedWith_isNotSaidTwice() throws {
        let text = Self.paragraphs(try Self.importCorpus("c30_two_units_bswjj_ybj.txt"), asOf: "2026-04-25")
        #expect(text.contains("整改落实情况：已完成整改。全县3家公立医院均修订了党委会和院长办公会议事规则。"), "\(text)")
        #expect(text.contains("整改落实情况：正按计划推进，预计2026年4月30日前完成。预计2026年4月30日前完成全县医疗机构价格专项检查。"))
        #expect(!text.contains { $0.contains("已完成整改。已完成整改") || $0.contains("。正在推进，") })
        // An opening that is an account, not a status, stays ("已完成28个村卫生室改造").
        #expect(text.contains { $0.contains("目前已完成28个村卫生室改造") })
    }

    @Test func accountOpening_dropsOnlyAStatusFollowedByAStop() {
        #expect(AccountOpening.trimmed("已完成整改，建立了制度", status: .done) == "建立了制度")
        #expect(AccountOpening.trimmed("已完成28个村卫生室改造", status: .done) == "已完成28个村卫生室改造")
        // A reopened item's account that says it was done is what the last report said: kept.
        #expect(AccountOpening.trimmed("已完成整改，建立了制度", status: .inProgress) == "已完成整改，建立了制度")
    }

    /// c30 is one notice of two units, a section each ("一、县卫生健康局整改进展情况"); the draft
    /// took the sections for the last report's own progress sections, dropped them and listed
    /// the ten problems as （一）…（十） without saying whose they were.
    @Test func twoUnitNotice_keepsASectionPerUnit() throws {
        let text = Self.paragraphs(try Self.importCorpus("c30_two_units_bswjj_ybj.txt"), asOf: "2026-04-25")
        let first = try #require(text.firstIndex(of: "（一）县卫生健康局整改进展情况"), "\(text)")
        let second = try #require(text.firstIndex(of: "（二）县医疗保障局整改进展情况"))
        #expect(first < second)
        #expect(text[first + 1].hasPrefix("1.针对“公立医院党委领导下的院长负责制落实不到位”"))
        #expect(text[second + 1].hasPrefix("1.针对“医保基金监管存在薄弱环节”"))
        // Progress sections are still not categories.
        #expect(CategoryOutline.isReportSection("二、巡察反馈问题整改完成情况"))
        #expect(CategoryOutline.isReportSection("三、集中整改期内未完成整改事项"))
        #expect(CategoryOutline.isReportSection("二、整改落实情况"))
        #expect(!CategoryOutline.isReportSection("二、县医疗保障局整改情况"))
    }

    /// A report that names no unit imports with an empty unit; the draft said "巡察组对开展了巡察。
    /// 巡察组向反馈了巡察意见" and signed with a line of spaces.
    @Test func planWithoutUnit_saysWeAndSignsWithTheDateOnly() throws {
        var plan = try ReportTestSupport.loadPlan(ReportTestSupport.fixtures.appendingPathComponent("plans/h1_hospital.yaml"))
        plan.unit = ""
        plan.title = "关于巡察反馈问题整改进展情况的通报"
        plan.inspection = nil
        let day = CalendarDate("2026-05-10")!
        let state = PlanState(plan: plan, at: ReportTestSupport.endOf(day))
        let document = DraftComposer.compose(state, asOf: day).document
        #expect(document.plainParagraphs[0] == "根据巡察工作统一部署，巡察组对我单位开展了巡察。巡察组向我单位反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。")
        guard case .signature(let lines)? = document.blocks.last else {
            Issue.record("no signature")
            return
        }
        #expect(lines == ["2026年5月10日"])
        #expect(!PlainTextLayout.render(document).split(separator: "\n", omittingEmptySubsequences: false).contains { !$0.isEmpty && $0.allSatisfy { $0 == " " } })
    }

    /// An empty plan drafted "巡察反馈的0个问题，已完成整改0个，整改完成率0%。" and an empty
    /// 二、巡察反馈问题整改进展情况 heading with nothing under it.
    @Test func emptyPlan_saysThereAreNoProblemsAndHasNoEmptySection() throws {
        var plan = try ReportTestSupport.loadPlan(ReportTestSupport.fixtures.appendingPathComponent("plans/h1_hospital.yaml"))
        plan.items = []
        let text = Self.paragraphs(plan, asOf: "2026-05-10")
        #expect(text.contains("截至2026年5月10日，台账中尚无巡察反馈问题。"), "\(text)")
        #expect(!text.contains { $0.contains("0个问题") || $0.contains("整改完成率") })
        #expect(!text.contains("二、巡察反馈问题整改进展情况"))
    }
}

extension DraftReviewTests {
    /// l23_qhx_measure_rows.xlsx notes its extension as "经批准延期至2026年9月30日", the importer's
    /// reason for it: the draft said "…经批准延期至2026年9月30日（原定…），延期原因：经批准延期至2026年9月30日。"
    @Test func extensionReasonThatRestatesTheExtension_isLeftOut() throws {
        var plan = try ReportTestSupport.loadPlan(ReportTestSupport.fixtures.appendingPathComponent("plans/h1_hospital.yaml"))
        var item = Item(id: "9", title: "信息平台建设滞后", status: .inProgress)
        item.deadline = Deadline(date: CalendarDate("2026-06-30")!)
        item.extensions = [Extension(deadline: Deadline(date: CalendarDate("2026-09-30")!), reason: "经批准延期至2026年9月30日", granted: CalendarDate("2026-06-30")!)]
        plan.items = [item]
        let text = Self.paragraphs(plan, asOf: "2026-09-25")
        #expect(text.contains("整改落实情况：正按计划推进，预计2026年9月30日前完成。2026年6月30日经批准延期至2026年9月30日（原定完成日期为2026年6月30日）。"), "\(text)")
        #expect(!text.joined().contains("延期原因"))
    }
}

extension DraftReviewTests {
    /// l31_three_lists_ranges_pxwjw.xlsx dates two measures of a problem without naming them; the
    /// importer calls them by their cells, and the draft said "其中，“措施（三张清单!F5）”计划于…".
    @Test func unnamedMeasures_areCalledByTheirNumber_notByTheirCell() throws {
        var plan = try ReportTestSupport.loadPlan(ReportTestSupport.fixtures.appendingPathComponent("plans/h1_hospital.yaml"))
        var item = Item(id: "2", title: "村医队伍老化，后继乏人", status: .inProgress)
        item.deadline = Deadline(date: CalendarDate("2026-12-31")!, precision: .month)
        item.milestones = [
            Milestone(title: "措施（三张清单!F5）", deadline: Deadline(date: CalendarDate("2026-12-31")!, precision: .month), done: false),
            Milestone(title: "措施（三张清单!F6）", deadline: Deadline(date: CalendarDate("2026-03-31")!, precision: .month), done: true),
            Milestone(title: "措施（一）健全制度", deadline: Deadline(date: CalendarDate("2026-06-30")!), done: false),
        ]
        plan.items = [item]
        let text = Self.paragraphs(plan, asOf: "2026-06-25").joined(separator: "\n")
        #expect(text.contains("其中，第1项措施计划于2026年12月底前完成；第2项措施已完成；“措施（一）健全制度”计划于2026年6月30日前完成。"), "\(text)")
        #expect(!text.contains("!F5"))
    }
}
