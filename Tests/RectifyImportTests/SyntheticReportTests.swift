import RectifyCore
import Testing

@testable import RectifyImport

/// Small reports written for one behaviour each: shapes found by the outside check of the
/// importer (reports written apart from its rules), reduced to the lines that matter.
struct SyntheticReportTests {
    static let opening = "根据县委统一部署，2025年1月13日至3月7日，县委第二巡察组对县卫健委开展了巡察，2025年4月2日反馈了巡察意见。"

    func item(_ plan: Plan, _ snippet: String) throws -> Item {
        try #require(plan.items.first { $0.title.contains(snippet) })
    }

    @Test func ledgerTable_withDottedDates_givesOpenRowsTheirDeadline() throws {
        let (plan, _) = TestSupport.importText([
            "县中医医院关于巡察反馈问题整改情况的报告", Self.opening,
            "序号\t存在问题\t整改措施\t责任科室\t完成时限\t完成情况",
            "1\t院感防控制度执行不严\t开展专项督查\t院感科\t2025.03.31\t已完成",
            "2\t医保基金使用不规范\t开展自查自纠\t医保办\t2025.09.30\t未完成",
            "3\t信息化建设滞后\t升级电子病历系统\t信息科\t2026-06-30\t正在推进",
            "中共某县中医医院委员会", "2025年6月23日",
        ])
        #expect(plan.items.count == 3)
        #expect(try item(plan, "院感防控").deadline == nil)
        #expect(try item(plan, "医保基金").deadline?.date.description == "2025-09-30")
        #expect(try item(plan, "医保基金").deadline?.precision == .day)
        #expect(try item(plan, "信息化建设").deadline?.date.description == "2026-06-30")
    }

    @Test func statusFieldThenMeasuresStartingWithDoneSteps_isOneOpenItem() throws {
        let (plan, _) = TestSupport.importText([
            "县人民医院党委关于巡察整改进展情况的通报", "（2025年9月28日）", Self.opening,
            "一、巡察反馈问题整改进展情况",
            "1.基建工程项目管理不规范，部分工程未按合同约定支付进度款。",
            "整改结果：阶段性完成",
            "整改情况：已完成对2021年以来9个基建工程项目的全面清理；结算审计正在进行中，计划于2026年3月31日前完成审计并结清工程款。",
            "2.信息化建设滞后，院内信息系统互联互通程度低。",
            "整改结果：阶段性完成",
            "整改情况：已完成HIS系统升级和集成平台招标，接口改造正在实施，预计11月底前完成联调上线。",
            "3.财务内控制度不健全。",
            "整改结果：完成",
            "整改情况：已完成预算管理等制度修订8项。",
        ])
        #expect(plan.items.count == 3)
        let works = try item(plan, "基建工程")
        #expect(works.status == .inProgress)
        #expect(works.deadline?.date.description == "2026-03-31")
        let it = try item(plan, "信息化建设")
        #expect(it.status == .inProgress)
        #expect(it.deadline?.date.description == "2025-11-30")
        #expect(try item(plan, "财务内控").status == .done)
    }

    @Test func partCountDone_andTheRestPlanned_isOpen() throws {
        let (plan, _) = TestSupport.importText([
            "城关市场监督管理所关于巡察反馈问题整改进展情况的通报", Self.opening,
            "二、反馈问题整改情况",
            "(1)执法案卷不规范，部分案件证据不充分。",
            "对2023年以来办结的案件进行自查，发现问题案卷11卷，已完成整改7卷，剩余4卷预计9月底前整改完毕。",
            "(2)投诉举报处置不及时。",
            "建立投诉举报日清周结制度。目前，该问题已整改到位。",
            "城关市场监督管理所党支部", "2025年6月30日",
        ])
        let files = try item(plan, "执法案卷")
        #expect(files.status == .inProgress)
        #expect(files.deadline?.date.description == "2025-09-30")
        #expect(try item(plan, "投诉举报").status == .done)
    }

    @Test func termOrHolidayOfAYear_doesNotPushTheDeadlineToYearEnd() throws {
        let (plan, _) = TestSupport.importText([
            "县第一中学党总支关于巡察反馈意见整改落实情况的报告", Self.opening,
            "一、针对“校舍安全隐患排查整治不彻底”问题",
            "整改落实情况：维修项目已列入2025年校舍维修计划，预计2025年暑假期间施工，8月31日前完成维修。目前正在整改。",
            "中共县第一中学总支部委员会", "2025年4月7日",
        ])
        let school = try item(plan, "校舍安全")
        #expect(school.status == .inProgress)
        #expect(school.deadline?.date.description == "2025-08-31")
    }

    @Test func tableRow_progressCellWithAPlan_givesTheRowItsDeadline() throws {
        let (plan, _) = TestSupport.importText([
            "县卫生健康综合监督执法所巡察整改落实情况公开", Self.opening,
            "序号    反馈问题                      整改落实情况",
            "1       执法文书填写不规范            开展执法文书评查，整改不规范文书23份，已整改。",
            "2       职业卫生监督覆盖面不足        整改中，已检查用人单位41家，预计2025年12月底前实现全覆盖。",
            "3       执法装备配备不足              整改中，装备采购已报县财政审批，待批复后采购。",
            "县卫生健康综合监督执法所", "2025年10月9日",
        ])
        #expect(plan.items.count == 3)
        #expect(try item(plan, "执法文书").status == .done)
        let survey = try item(plan, "职业卫生")
        #expect(survey.title == "职业卫生监督覆盖面不足")
        #expect(survey.status == .inProgress)
        #expect(survey.deadline?.date.description == "2025-12-31")
        #expect(try item(plan, "执法装备").status == .inProgress)
    }

    @Test func lastClauseWhosePredicateIsAStatus_decides_butAPromiseOrAPlanDoesNot() throws {
        let (plan, _) = TestSupport.importText([
            "县人民医院党委关于巡察反馈问题整改情况的报告", Self.opening,
            "（一）人才引进力度不够的问题。",
            "整改成效：2025年引进医学类本科生12人。人才队伍建设需长期坚持。",
            "（二）服务态度生硬的问题。",
            "整改成效：开展窗口服务培训，设立投诉专线。行风建设还需巩固，此项持续推进。",
            "（三）病历书写质量不高的问题。",
            "整改成效：甲级病历率提高到93%，已整改到位。此项工作将长期坚持。",
            "（四）职业病危害申报不全的问题。",
            "整改成效：已督促企业开展申报。2025年底前完成整改。",
            "中共某县人民医院委员会", "2025年10月10日",
        ])
        #expect(try item(plan, "人才引进").status == .longTerm)
        #expect(try item(plan, "服务态度").status == .inProgress)
        #expect(try item(plan, "病历书写").status == .done)
        let survey = try item(plan, "职业病")
        #expect(survey.status == .inProgress)
        #expect(survey.deadline?.date.description == "2025-12-31")
    }

    @Test func signatureClosingTheReport_isNotPartOfTheLastItem() throws {
        let (plan, _) = TestSupport.importText([
            "县急救中心党支部关于巡察整改进展情况的通报", Self.opening,
            "1.急救车辆维护保养不及时。",
            "建立车辆维护保养台账。目前正在推进。",
            "", "正宁县医疗急救中心党支部", "2025年11月5日",
        ])
        let last = try #require(plan.items.last)
        #expect(last.text?.contains("党支部") == false)
        #expect(last.text?.contains("2025年11月5日") == false)
        #expect(plan.reportDate?.description == "2025-11-05")
    }
}
