import Foundation
import RectifyCore
import RectifyImport
import RectifyReport
import Testing

/// What the draft says, sentence by sentence, of a plan whose state is known.
struct DraftComposerTests {
    static func hospital() throws -> Plan {
        try ReportTestSupport.loadPlan(ReportTestSupport.fixtures.appendingPathComponent("plans/h1_hospital.yaml"))
    }

    static func draft(_ plan: Plan, asOf day: CalendarDate, notes: [String: [ProgressNote]] = [:]) -> Draft {
        let state = PlanState(plan: plan, at: ReportTestSupport.endOf(day), account: { ItemAccount.account(of: $0, in: plan) }, notes: notes)
        return DraftComposer.compose(state, asOf: day)
    }

    @Test func totalsParagraph_countsDoneOpenLongTermMeasuresAndExtensions() throws {
        let draft = Self.draft(try Self.hospital(), asOf: CalendarDate("2026-05-10")!)
        let t = draft.totals
        #expect((t.problems, t.done, t.inProgress, t.longTerm, t.extended, t.overdue) == (8, 2, 4, 2, 2, 0))
        // Milestones are measures: 1.2 has two (one done), the other seven items one each.
        #expect((t.measures, t.measuresDone) == (9, 3))
        #expect(
            draft.document.plainParagraphs.contains(
                "截至2026年5月10日，巡察反馈的8个问题，已完成整改2个，正在推进3个，尚未启动1个，需长期坚持2个，整改完成率25%。制定整改措施9项，已落实到位3项。经批准延期整改2个。"))
    }

    @Test func openingParagraph_givesTheInspectionAndFeedbackDates() throws {
        let draft = Self.draft(try Self.hospital(), asOf: CalendarDate("2026-05-10")!)
        #expect(draft.document.title == "中共某县人民医院委员会关于县委第五轮巡察反馈意见整改进展情况的通报")
        #expect(
            draft.document.plainParagraphs[0]
                == "根据县委统一部署，2025年9月8日至10月31日，县委巡察组对某县人民医院开展了巡察。2025年12月5日，县委巡察组向某县人民医院反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。")
    }

    /// A plan answering an audit or an evaluation is drafted as one: its opening, section heading,
    /// totals and invitation name what the findings came from, and no party committee sent it.
    @Test func auditOrEvaluation_isNamedAsSuch_notAsAnInspectionTour() throws {
        var plan = try Self.hospital()
        plan.title = "某县人民医院关于省级绩效评估反馈问题整改情况的报告"
        let draft = Self.draft(plan, asOf: CalendarDate("2026-05-10")!)
        let text = draft.document.plainParagraphs
        #expect(draft.document.title == "某县人民医院关于省级绩效评估反馈问题整改情况的报告")
        #expect(text[0] == "根据绩效评估工作统一部署，2025年9月8日至10月31日，评估组对某县人民医院开展了绩效评估。2025年12月5日，评估组向某县人民医院反馈了绩效评估意见。按照绩效评估工作有关要求，现将绩效评估整改进展情况予以公布。")
        #expect(text.contains { $0.hasPrefix("截至2026年5月10日，绩效评估反馈的8个问题") })
        #expect(text.contains("二、绩效评估反馈问题整改进展情况"), "\(text)")
        #expect(text.contains("欢迎广大干部群众对绩效评估整改落实情况进行监督。如有意见建议，请及时向我们反映。"))
        #expect(!text.joined().contains("巡察"))
        plan.title = "某县人民医院关于县审计局经济责任审计发现问题整改情况的报告"
        #expect(Self.draft(plan, asOf: CalendarDate("2026-05-10")!).document.plainParagraphs[0].contains("审计组对某县人民医院开展了经济责任审计"))
    }

    /// A feedback date the report gave as a month is written as that month, not as a made-up day.
    @Test func feedbackGivenAsAMonth_isWrittenAsTheMonth() throws {
        var plan = try Self.hospital()
        plan.inspection = Inspection(feedbackDate: CalendarDate("2025-12-31"), feedback: "2025年12月")
        let opening = Self.draft(plan, asOf: CalendarDate("2026-05-10")!).document.plainParagraphs[0]
        #expect(opening.contains("。2025年12月，县委巡察组向某县人民医院反馈了巡察意见。"), "\(opening)")
        #expect(!opening.contains("12月31日"))
    }

    @Test func reviewKind_isTheFirstNamed_longestAtAPlace() {
        #expect(ReviewKind.named(in: "关于县委第三轮巡察反馈意见整改进展情况的通报")?.word == "巡察")
        #expect(ReviewKind.named(in: "关于省级绩效评估反馈问题整改情况的报告")?.word == "绩效评估")
        #expect(ReviewKind.named(in: "关于审计发现问题及检查意见整改情况")?.word == "审计")
        #expect(ReviewKind.named(in: "关于省委巡视反馈意见整改落实情况")?.group == "巡视组")
        #expect(ReviewKind.named(in: "某县卫生健康局整改台账") == nil)
        #expect(ReviewKind.named(in: "关于县审计局经济责任审计发现问题整改情况")?.word == "经济责任审计")
        #expect(ReviewKind.named(in: "县委巡察办关于巡察整改情况的通报")?.word == "巡察")
    }

    @Test func extendedItem_saysSoWithTheOriginalDeadline() throws {
        let paragraphs = Self.draft(try Self.hospital(), asOf: CalendarDate("2026-05-10")!).document.plainParagraphs
        #expect(paragraphs.contains("整改时限：2026年6月30日（经批准延期，原定2026年1月底）"))
        let status = try #require(paragraphs.first { $0.contains("阳光采购") == false && $0.contains("需与县医保局") })
        #expect(
            status.hasPrefix(
                "整改落实情况：正按计划推进，预计2026年6月30日前完成。2026年1月20日经批准延期至2026年4月底（原定完成日期为2026年1月底），延期原因：需与县医保局共同核对历年采购数据。2026年4月25日经批准延期至2026年6月30日（原定完成日期为2026年4月底），延期原因：省级平台数据迁移。"))
    }

    @Test func statusSentences_doneOnTrackOverdueLongTermNotStarted() throws {
        let plan = try Self.hospital()
        let may = Self.draft(plan, asOf: CalendarDate("2026-05-10")!).document.plainParagraphs
        #expect(may.contains("整改落实情况：正按计划推进，预计2026年上半年完成。其中，“胸痛中心通过省级验收”已完成；“卒中中心提交验收申请”计划于2026年5月31日前完成。制定《重点专科建设三年行动方案》，胸痛中心已通过省级验收，卒中中心建设正在推进。"))
        #expect(may.contains("整改落实情况：尚未启动，计划于2026年第三季度完成。"))
        #expect(may.contains("整改落实情况：长期坚持，持续巩固整改成效。"))
        #expect(may.contains("整改落实情况：已完成整改。"))
        let august = Self.draft(plan, asOf: CalendarDate("2026-08-10")!)
        #expect(august.totals.overdue == 3)
        #expect(august.document.plainParagraphs.contains { $0.hasPrefix("整改落实情况：正在推进，已超过整改时限41天。其中，“胸痛中心通过省级验收”已完成；“卒中中心提交验收申请”原定于2026年5月31日前完成，尚未完成。") })
        #expect(august.document.plainParagraphs.contains("在推进的问题中，已超过整改时限3个，正督促责任科室加快整改。"))
        // Not started is said so, past its deadline too (it read 正在推进), and in the totals.
        let october = Self.draft(plan, asOf: CalendarDate("2026-10-10")!)
        #expect(october.document.plainParagraphs.contains("整改落实情况：尚未启动，已超过整改时限10天。"))
        #expect(october.document.plainParagraphs.contains("尚未完成整改的问题中，已超过整改时限4个，正督促责任科室加快整改。"))
        #expect(october.document.plainParagraphs.contains { $0.contains("正在推进3个，尚未启动1个，") })
    }

    @Test func notes_followTheAccountInOrderWithDaysAndEvidence() throws {
        let plan = try Self.hospital()
        let notes: [String: [ProgressNote]] = [
            "1.2": [
                ProgressNote(day: CalendarDate("2026-04-03")!, kind: .progress, text: "卒中中心完成流程改造", evidence: "改造验收单"),
                ProgressNote(day: CalendarDate("2026-04-20")!, kind: .milestoneDone, text: "已提交申请", milestone: "卒中中心提交验收申请"),
                ProgressNote(day: CalendarDate("2026-04-28")!, kind: .progress, text: "完成人员培训", done: 61, total: 79),
            ]
        ]
        let paragraphs = Self.draft(plan, asOf: CalendarDate("2026-05-10")!, notes: notes).document.plainParagraphs
        #expect(
            paragraphs.contains(
                "整改以来新进展：2026年4月3日，卒中中心完成流程改造（佐证材料：改造验收单）。2026年4月20日，完成“卒中中心提交验收申请”，已提交申请。2026年4月28日，完成人员培训（完成61/79）。"
            ))
    }

    @Test func categories_numberedPerLevelWithoutThePreviousReportsSection() throws {
        let plan = try ReportTestSupport.loadPlan(ReportTestSupport.fixtures.appendingPathComponent("plans/h2_deep.yaml"))
        let draft = Self.draft(plan, asOf: CalendarDate("2025-11-30")!)
        let headings = draft.document.blocks.compactMap { block -> String? in
            if case .heading(let level, let text) = block { return "\(level) \(text)" }
            return nil
        }
        #expect(
            headings == [
                "1 一、整改工作总体进展", "1 二、巡察反馈问题整改进展情况", "2 （一）政治建设方面", "3 1.理论学习方面", "4 （1）中心组学习",
                "5 ①针对“修订完善中心组学习制度”问题的整改情况", "5 ②针对“制定年度学习计划并按月开展专题学习”问题的整改情况", "4 （2）支部学习",
                "5 ①针对“建立支部学习台账”问题的整改情况", "3 2.意识形态方面", "4 （1）针对“开展意识形态风险排查”问题的整改情况", "2 （二）业务工作方面",
                "3 1.针对“加强实验室质量管理，实验室资质认定尚未完成”问题的整改情况", "3 2.针对“推进预防接种门诊数字化建设”问题的整改情况",
                "2 （三）针对“落实安全生产责任制”问题的整改情况", "2 （四）针对“规范车辆管理，建立派车登记台账”问题的整改情况", "1 三、下一步工作",
            ])
        #expect(draft.itemOrder == ["a1", "a2", "a3", "a4", "b1", "b2", "c1", "c2"])
    }

    @Test func nextSteps_listWhatRemainsAndByWhen() throws {
        let paragraphs = Self.draft(try Self.hospital(), asOf: CalendarDate("2026-05-10")!).document.plainParagraphs
        #expect(
            paragraphs.contains(
                "对尚未完成整改的4个问题，严格按照整改时限持续推进，逐项对账销号：“公立医院高质量发展推进缓慢”问题确保于2026年上半年完成；“医用耗材采购未严格执行‘阳光采购’规定”问题确保于2026年6月30日前完成；“中层干部轮岗交流制度未落实”问题确保于2026年第三季度完成；“人才引进后续管理缺位”问题确保于2026年7月底前完成。"
            ))
        #expect(paragraphs.contains("对需长期坚持的2个问题，建立健全长效机制，定期跟踪评估，持续巩固整改成效。"))
        #expect(paragraphs.suffix(4) == ["联系人：刘洋　联系电话：0771-5550123", "电子邮箱：zgb@hospital.example.cn", "中共某县人民医院委员会", "2026年5月10日"])
    }

    @Test func plainText_putsTheSignatureRightAndMarkdownNumbersHeadings() throws {
        let document = Self.draft(try Self.hospital(), asOf: CalendarDate("2026-05-10")!).document
        let text = PlainTextLayout.render(document)
        #expect(text.hasPrefix("中共某县人民医院委员会关于县委第五轮巡察反馈意见整改进展情况的通报\n\n根据县委统一部署"))
        // The issuer and the date end at column 56, like a signature under a 28-character line.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).suffix(3)
        #expect(Array(lines) == [Substring(String(repeating: " ", count: 34) + "中共某县人民医院委员会"), Substring(String(repeating: " ", count: 43) + "2026年5月10日"), ""])
        let markdown = MarkdownLayout.render(document)
        #expect(markdown.hasPrefix("# 中共某县人民医院委员会关于县委第五轮巡察反馈意见整改进展情况的通报\n"))
        #expect(markdown.contains("\n## 一、整改工作总体进展\n"))
        #expect(markdown.contains("\n### （一）贯彻落实党的路线方针政策和上级决策部署方面\n"))
        #expect(markdown.contains("\n#### 1.针对“落实‘第一议题’制度不严格，部分学习流于形式”问题的整改情况\n"))
    }
}
