import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

struct ReportImporterTests {
    @Test func header_readsUnitDatesInspectionAndContacts() throws {
        let (plan, _) = try TestSupport.importSeed("000_3f65e14414f6d587.txt")
        #expect(plan.id == "000_3f65e14414f6d587")
        #expect(plan.unit == "鹿寨县疾病预防控制中心")
        #expect(plan.title == "鹿寨县疾病预防控制中心关于县委第六轮巡察整改进展情况的通报")
        #expect(plan.reportDate?.description == "2024-10-28")
        #expect(plan.inspection?.start?.description == "2023-09-18")
        #expect(plan.inspection?.end?.description == "2023-12-31")
        #expect(plan.inspection?.feedbackDate?.description == "2024-01-15")
        #expect(plan.owner?.email == "lzxjkzx@126.com")
        #expect(plan.owner?.phone == "0772-6812646")
    }

    /// "2025年1月，…反馈了巡察意见": the month is kept in the report's words (the date is its last
    /// day, for reference only), so no day is made up; a whole day has no words kept.
    @Test func feedbackInAMonth_keepsTheReportsWords() throws {
        let (month, _) = TestSupport.importText([
            "某县人民医院关于巡察整改进展情况的通报", "2025年1月，县委第一巡察组向我院反馈了巡察意见。现将整改进展情况通报如下。",
            "一、整改情况", "1.问题一不到位。整改进展：已完成。", "某县人民医院", "2025年11月20日",
        ])
        #expect(month.inspection?.feedbackDate?.description == "2025-01-31")
        #expect(month.inspection?.feedback == "2025年1月")
        let (seed, _) = try TestSupport.importSeed("000_3f65e14414f6d587.txt")
        #expect(seed.inspection?.feedback == nil)
    }

    /// "一、落实全面从严治党主体责任方面" groups problems when its items carry their fields
    /// (整改时限, 整改进展); it was taken for an account of how the work was organised and its
    /// items dropped: a report of nothing. A title that starts with 关于 names no unit before
    /// it: the signature does.
    @Test func aResponsibilitySectionWithLabelledProblems_holdsItems() throws {
        let (plan, diagnostics) = TestSupport.importText([
            "关于XX县卫生健康局巡察整改进展情况的通报",
            "根据县委统一部署，2025年8月县委第二巡察组对县卫生健康局开展了巡察，并于2025年10月15日反馈了巡察意见。",
            "一、落实全面从严治党主体责任方面",
            "1.党组会议研究整改工作不够及时。", "整改措施：每季度专题研究一次整改工作。", "责任单位：局办公室",
            "整改时限：2026年6月份完成", "整改进展：尚未启动。",
            "2.基层医疗机构药品采购管理不规范。", "整改时限：2026年3月31日", "整改进展：正在推进。",
            "XX县卫生健康局", "2025年12月1日",
        ])
        #expect(plan.items.map(\.status) == [.notStarted, .inProgress])
        #expect(plan.items.map { $0.deadline?.date.description } == ["2026-06-30", "2026-03-31"])
        #expect(plan.unit == "XX县卫生健康局")
        #expect(!diagnostics.contains { $0.message.contains("no items") || $0.message.contains("no unit") })
    }

    /// A section of that name with only prose (how the work was organised) still holds none.
    @Test func aResponsibilitySectionOfProse_holdsNoItems() throws {
        let (plan, _) = TestSupport.importText([
            "某县人民医院关于巡察整改进展情况的通报",
            "2025年8月，县委第二巡察组对我院开展了巡察。现将整改进展情况通报如下。",
            "一、压实主体责任，加强组织领导",
            "（一）成立领导小组。院党委成立了整改工作领导小组。", "（二）细化整改任务。制定了整改方案，明确了责任和时限。",
            "二、反馈问题的整改情况",
            "1.药品采购管理不规范。整改时限：2026年3月31日。整改进展：正在推进。",
            "2.公务用车台账不全。整改进展：已完成。",
            "某县人民医院", "2025年12月1日",
        ])
        #expect(plan.items.map(\.title) == ["1.药品采购管理不规范。", "2.公务用车台账不全。"])
    }

    /// Without a unit in the title or the signature, the body the opening says was inspected;
    /// without any, a warning says the plan will not load until one is set.
    @Test func theUnit_comesFromTheOpening_elseAWarning() throws {
        let (opened, _) = TestSupport.importText([
            "关于巡察整改情况的通报", "根据县委统一部署，县委第二巡察组对县人民医院开展了巡察。",
            "一、反馈问题", "1.党组会议不够及时。", "整改时限：2026年6月30日", "整改进展：正在推进。",
        ])
        #expect(opened.unit == "县人民医院")
        let (none, diagnostics) = TestSupport.importText([
            "关于整改情况的通报", "一、反馈问题", "1.党组会议不够及时。", "整改时限：2026年6月30日", "整改进展：正在推进。",
        ])
        #expect(none.unit == "")
        #expect(diagnostics.contains { $0.line == 1 && $0.message.contains("names no unit") })
    }

    /// "（一）…" right under the title, with no opening paragraph, is the first problem: it was
    /// read as a note in brackets under the title ("（2024年10月28日 公开稿）") and dropped.
    @Test func aBracketedHeadingRightUnderTheTitle_isAnItem() throws {
        let (plan, _) = TestSupport.importText([
            "某县人民医院关于巡察整改进展情况的通报",
            "（一）药品采购管理不规范。", "整改时限：2026年3月31日", "整改进展：正在推进。",
            "（二）公车台账不全。", "整改时限：2026年6月30日", "整改进展：已完成。",
        ])
        #expect(plan.items.map(\.title) == ["（一）药品采购管理不规范。", "（二）公车台账不全。"])
        let (dated, _) = TestSupport.importText([
            "某县人民医院关于巡察整改进展情况的通报", "（2025年12月1日 公开稿）",
            "（一）药品采购管理不规范。", "整改进展：正在推进。", "（二）公车台账不全。", "整改进展：已完成。",
        ])
        #expect(dated.reportDate?.description == "2025-12-01" && dated.items.count == 2)
    }

    /// "已完成，待验收" stays done, with a review note: an office that counts only what was
    /// accepted (销号) checks it. A plain "已完成" has none.
    @Test func doneButAwaitingAcceptance_isReviewed() throws {
        let (plan, diagnostics) = TestSupport.importText([
            "某县人民医院关于巡察整改进展情况的通报", "2025年8月，县委巡察组对我院开展了巡察。",
            "一、反馈问题整改情况", "1.药品采购管理不规范。", "整改进展：已完成，待验收。", "2.公车台账不全。", "整改进展：已完成。",
        ])
        #expect(plan.items.map(\.status) == [.done, .done])
        #expect(plan.items[0].review.contains { $0.contains("'待验收'") })
        #expect(plan.items[1].review.isEmpty)
        #expect(diagnostics.contains { $0.message.contains("item '1.1' needs review: read as done, but it says '待验收'") })
        let ledger = try LedgerImporter.importFile(
            Data("序号,反馈问题,整改时限,完成情况\n1,公车台账不全,2026年6月30日,已整改到位，待销号\n".utf8), file: "l.csv")
        #expect(ledger.plan.items[0].status == .done && ledger.plan.items[0].review.contains { $0.contains("'待销号'") })
    }

    @Test func titleCutByExtraction_isCompletedFromTheOpening() throws {
        let (plan, _) = try TestSupport.importSeed("001_76357eb5244c6017.txt")
        #expect(plan.unit == "敖汉旗疾病预防控制中心")
        #expect(plan.reportDate == nil)
        #expect(plan.inspection?.feedbackDate?.description == "2025-06-11")
    }

    @Test func damagedSignatureDate_isTheReportDate() throws {
        let (plan, _) = try TestSupport.importSeed("003_f4fc3cbe870c3dce.txt")
        #expect(plan.reportDate?.description == "2025-10-09")
        #expect(plan.inspection?.start?.description == "2024-09-15")
        #expect(plan.inspection?.end?.description == "2024-11-12")
        #expect(plan.inspection?.feedbackDate?.description == "2025-03-24")
    }

    @Test func openItem_hasDeadlineMilestonesProgressAndEvidence() throws {
        let (plan, _) = try TestSupport.importSeed("001_76357eb5244c6017.txt")
        let safety = try #require(plan.items.first { $0.title.contains("安全生产意识不强") })
        #expect(safety.id == "3.9")
        #expect(safety.category == ["三、集中整改期内未完成整改事项"])
        #expect(safety.status == .inProgress)
        #expect(safety.statusEvidence == Evidence(text: "整改落实情况：取得阶段性成效", line: 31))
        #expect(safety.deadline == Deadline(date: TestSupport.date("2026-04-01"), precision: .day, text: "预计2026年4月1日完成", line: 31))
        #expect(safety.milestones.map(\.deadline.date.description) == ["2025-11-30"])
        let waste = try #require(plan.items.first { $0.title.contains("医疗废物管理不到位") })
        #expect(waste.progress?.done == 61)
        #expect(waste.progress?.total == 79)
        #expect(waste.progress?.unit == "家")
        #expect(waste.deadline?.date.description == "2025-10-31")
    }

    @Test func doneItems_haveNoDeadline_evenWhenTheyMentionFutureRoutineWork() throws {
        let (plan, _) = try TestSupport.importSeed("001_76357eb5244c6017.txt")
        let ideology = try #require(plan.items.first { $0.title.contains("意识形态工作重视不足") })
        #expect(ideology.status == .done)
        #expect(ideology.deadline == nil)
    }

    @Test func statusBlocks_splitAHeadingIntoItsListedProblems() throws {
        let (plan, _) = try TestSupport.importSeed("003_f4fc3cbe870c3dce.txt")
        #expect(plan.items.count == 13)
        #expect(plan.items[0].title == "一是学用结合不够紧密。")
        #expect(plan.items[0].category.last == "1.学习贯彻习近平新时代中国特色社会主义思想和卫生健康工作方针不够深入")
        #expect(plan.items.filter(\.isOpen).map(\.id) == ["2.3.5-1", "2.3.5-2"])
    }

    @Test func totalsDisagreement_isAWarningAtTheTotalsLine() throws {
        let (plan, warnings) = try TestSupport.importSeed("002_b21dc3fc7ee4c764.txt")
        #expect(plan.stated?.problems == 25)
        let warning = try #require(warnings.first { $0.message.contains("states 25 problems") })
        #expect(warning.severity == .warning)
        #expect(warning.line == 27)
        #expect(warning.description.hasPrefix("seeds/002_b21dc3fc7ee4c764.txt:27:1: warning:"))
    }

    @Test func itemIDs_areUniqueAndFollowTheNumbering() throws {
        for report in try TestSupport.seedReports() {
            let (plan, _) = try TestSupport.importSeed(report.lastPathComponent)
            #expect(Set(plan.items.map(\.id)).count == plan.items.count)
            #expect(PlanValidator.problems(in: plan).filter { !$0.isWarning }.isEmpty)
        }
    }

    @Test func smallReport_withoutTotals_usesClearCuesOnly() {
        let (plan, warnings) = TestSupport.importText([
            "某县卫生健康局关于巡察整改情况的通报",
            "根据县委统一部署，2024年3月1日至4月30日，县委第一巡察组对县卫生健康局进行了巡察。2024年6月5日，巡察组反馈了巡察意见。",
            "一、整改落实情况",
            "（一）党建工作薄弱问题",
            "1.理论学习不深入。已制定学习计划方案，下一步将继续抓好学习。",
            "2.项目推进缓慢。目前项目正在施工，预计2025年第三季度竣工，计划12月底完成主体工程。",
            "（二）财务管理不规范问题",
            "3.固定资产未入账。已全部入账，均已整改到位。",
            "4.人才短缺。该项工作需长期坚持。整改时限：长期坚持。",
            "欢迎广大干部群众监督。联系电话：0123-4567890；电子邮箱：office@example.cn。",
            "某县卫生健康局",
            "2024年11月20日",
        ])
        #expect(plan.reportDate?.description == "2024-11-20")
        #expect(plan.items.map(\.id) == ["1.1.1", "1.1.2", "1.2.3", "1.2.4"])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .done, .longTerm])
        #expect(plan.items[1].deadline?.date.description == "2025-09-30")
        #expect(plan.items[1].deadline?.precision == .quarter)
        #expect(plan.items[1].milestones.map(\.deadline.date.description) == ["2024-12-31"])
        #expect(plan.owner?.email == "office@example.cn")
        #expect(!warnings.contains { $0.message.contains("2.项目") })
    }

    @Test func reportWithoutDate_warnsForYearlessDates_unlessGivenAReference() {
        let lines = [
            "某中心关于巡察整改进展情况的通报",
            "1.问题甲。整改落实情况：取得阶段性成效。预计10月31日前完成。",
            "2.问题乙。整改落实情况：已完成整改。",
        ]
        let (plan, warnings) = TestSupport.importText(lines)
        #expect(plan.items.count == 2)
        #expect(warnings.contains { $0.message.contains("cannot tell the year") })
        let (dated, _) = TestSupport.importText(lines, reference: TestSupport.date("2025-06-01"))
        #expect(dated.items[0].deadline?.date.description == "2025-10-31")
    }
}
