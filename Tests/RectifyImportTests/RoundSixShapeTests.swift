import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes found by the sixth blind corpus (c51–c58, l32–l35), each reduced to its rule.
struct RoundSixShapeTests {
    /// "问题1-1：" / "问题2-3：" number problems within their section (c57: the labels were not
    /// read, the section headings became items and fields fell to the wrong problems).
    @Test func hyphenNumberedProblemLabels() {
        let (plan, _) = TestSupport.importText([
            "某区疾控中心巡察整改进展情况通报",
            "一、政治建设方面（共2个问题）",
            "问题1-1：学习贯彻重要论述不够深入。",
            "整改时限：2025年9月30日",
            "整改状态：已完成",
            "问题1-2：疾控体系改革推进较慢。",
            "整改时限：2025年12月31日",
            "整改状态：正在推进",
            "二、业务工作方面（共1个问题）",
            "问题2-1：慢病监测数据质量不高。",
            "整改时限：2026年3月",
            "整改状态：未启动",
            "某区疾控中心", "2025年11月20日",
        ])
        #expect(plan.items.map(\.id) == ["1.1", "1.2", "2.1"])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .notStarted])
        #expect(plan.items.map { $0.deadline?.date.description } == [nil, "2025-12-31", "2026-03-31"])
        #expect(plan.items[0].title.contains("学习贯彻重要论述不够深入"))
    }

    /// "整改状态：已完成待验收" (no comma before 待验收) is done, with the review note; 待验收
    /// is no object of 完成 (it was read as a step done and the item as open).
    @Test func doneAwaitingAcceptance_withoutComma() {
        let (plan, _) = TestSupport.importText([
            "某区疾控中心巡察整改进展情况通报",
            "问题1：学校传染病防控指导不到位。",
            "整改时限：2025年10月31日",
            "整改状态：已完成待验收",
            "问题2：实验室设备陈旧。",
            "整改时限：2026年3月31日",
            "整改状态：正在推进",
            "某区疾控中心", "2025年11月20日",
        ])
        #expect(plan.items.map(\.status) == [.done, .inProgress])
        #expect(!plan.items[0].review.isEmpty)
    }

    /// An extension written into the deadline field ("2025年6月30日（已申请延期至2025年12月31日）")
    /// keeps the original as the deadline and the later date as the extension (the later one
    /// was taken as the deadline and the extension lost its original).
    @Test func extensionInTheDeadlineField() {
        let (plan, _) = TestSupport.importText([
            "某区疾控中心巡察整改进展情况通报",
            "问题1：艾滋病检测实验室设备陈旧。",
            "整改时限：2025年6月30日（已申请延期至2025年12月31日）",
            "整改状态：正在整改",
            "问题2：学校卫生督导不到位。",
            "整改时限：2025年10月31日",
            "整改状态：已完成",
            "某区疾控中心", "2025年11月20日",
        ])
        #expect(plan.items[0].deadline?.date.description == "2025-06-30")
        #expect(plan.items[0].extensions.map { $0.deadline.date.description } == ["2025-12-31"])
    }

    /// "1.…不高（整改时限：2025年12月）。一是…，二是…。目前…取得阶段性成效。": a deadline label
    /// opening a bracket right after the problem is the item's deadline field (c53: none found).
    /// In the measures, "（完成时限：…）" stays a dated step (c36).
    @Test func bracketedDeadline_afterTheProblem() {
        let (plan, _) = TestSupport.importText([
            "某县人民医院关于巡察整改进展情况的通报",
            "1.“三重一大”决策制度执行不严格（整改时限：２０２５年１２月）。一是修订事项清单，二是开展回头看。目前整改取得阶段性成效。",
            "2.临床路径覆盖率低（整改时限：2026年6月）。一是成立管理委员会，二是纳入绩效考核。目前整改基本完成，仍需持续巩固。",
            "3.车辆管理制度执行不严（整改时限：2025年8月）。修订管理办法，已完成。",
            "某县人民医院", "2026年1月8日",
        ])
        #expect(plan.items.map(\.status) == [.inProgress, .inProgress, .done])
        #expect(plan.items.map { $0.deadline?.date.description } == ["2025-12-31", "2026-06-30", nil])
        let fields = FieldLabels.fields(in: TestSupport.folded("1.修订实施细则。（完成时限：2026年2月底前）"), paragraph: 0, range: 0..<24)
        #expect(fields.isEmpty)
    }

    /// "【整改中，预计2025年12月底前完成】已上线…": the bracket closes the plan's clause, so the
    /// 已 after it does not make the date past work (c55: no deadline).
    @Test func bracketClosesThePlannedClause() {
        let (plan, _) = TestSupport.importText([
            "某医院关于专项整治自查整改情况的公示",
            "1.医用耗材二级库管理不规范。【整改中，预计2025年12月底前完成】已上线耗材管理系统，正在盘点建账。",
            "2.个别医师超范围执业。【已整改】办理变更注册7人。",
            "某医院", "2025年11月5日",
        ])
        #expect(plan.items[0].status == .inProgress)
        #expect(plan.items[0].deadline?.date.description == "2025-12-31")
    }

    /// "反馈问题3个：一是…，已整改到位；二是…，正在修订…，计划2025年12月底前完成；三是…": each point
    /// a problem with its own status (c58: one item per section, all done).
    @Test func listedProblems_eachWithItsOwnStatus() {
        let (plan, _) = TestSupport.importText([
            "某县卫生健康局党组关于巡察整改情况的公告",
            "县委巡察组反馈问题2个方面5个。截至2025年9月30日，已整改到位3个，正在整改2个。",
            "一、关于党的领导方面的问题。反馈问题2个：一是理论学习不够深入，已制定学习计划，已整改到位；二是意识形态责任制落实不到位，已修订责任清单，已整改到位。",
            "二、关于全面从严治党方面的问题。反馈问题3个：一是公务用车管理不规范，已建立用车台账，已整改到位；二是政府采购程序不规范，正在修订内控制度，计划2025年12月底前完成；三是乡镇卫生院人才短缺，正在定向招聘，预计2026年6月底前完成。",
            "某县卫生健康局党组", "2025年10月15日",
        ])
        #expect(plan.items.count == 5)
        #expect(plan.items.map(\.title) == ["理论学习不够深入", "意识形态责任制落实不到位", "公务用车管理不规范", "政府采购程序不规范", "乡镇卫生院人才短缺"])
        #expect(plan.items.map(\.status) == [.done, .done, .done, .inProgress, .inProgress])
        #expect(plan.items.map { $0.deadline?.date.description } == [nil, nil, nil, "2025-12-31", "2026-06-30"])
        // Points of several sentences, the last one up to the paragraph's end.
        let (sentences, _) = TestSupport.importText([
            "某县卫健局关于巡察整改情况的公告",
            "反馈问题2个，已整改1个，正在整改1个。",
            "一、关于作风建设方面。存在的问题主要有：一是公务接待不规范。已修订办法，已整改到位。二是差旅报销审核不严。正在开展清理，预计2026年3月底前完成。",
            "某县卫健局", "2025年11月1日",
        ])
        #expect(sentences.items.map(\.title) == ["公务接待不规范", "差旅报销审核不严"])
        #expect(sentences.items.map(\.status) == [.done, .inProgress])
        #expect(sentences.items.map { $0.deadline?.date.description } == [nil, "2026-03-31"])
    }

    /// 一是/二是 measures of one problem stay its measures, though each says it is done: the
    /// lead-in does not list problems ("整改措施：", "该问题整改情况：").
    @Test func listedMeasures_stayOneItem() {
        let (plan, _) = TestSupport.importText([
            "某县卫生健康局关于巡察整改情况的通报",
            "1.公务用车管理不规范。整改措施：一是建立用车台账，已完成；二是实行月度公示，已完成。",
            "2.专项资金拨付滞后。该问题整改情况：一是督促拨付，已完成；二是建立台账，已完成。",
            "某县卫生健康局", "2025年10月15日",
        ])
        #expect(plan.items.count == 2)
    }

    /// "64条整改措施已完成61条": the measures, then how many are done (measures_done was 64).
    @Test func totals_measuresThenDone() {
        let totals = Totals.parse(TestSupport.paragraph(
            "共反馈3个方面9个问题，细化制定整改措施64条。截至2026年1月15日，9个问题中已完成整改7个，2个问题取得阶段性成效；64条整改措施已完成61条，整改完成率95.3%。"))
        #expect(totals?.problems == 9)
        #expect(totals?.done == 7)
        #expect(totals?.measures == 64)
        #expect(totals?.measuresDone == 61)
    }

    /// A status tag after the problem ("1.…不及时。（已整改）", "【整改中】…") is the item's status
    /// (c24's done items were "no status phrase found; read as done by default", c55's took the
    /// totals sentence as evidence); "（完成60%）" and "（整改时限：…）" are no tags.
    @Test func statusTags_afterTheProblem() {
        let (plan, _) = TestSupport.importText([
            "某县医保局关于审计发现问题整改情况的公告",
            "一、审计发现问题的整改情况",
            "1.参保数据比对不及时。（已整改）",
            "已与公安部门建立数据比对机制。",
            "2.医保智能监控规则库更新滞后。（整改中）",
            "已与软件公司签订升级合同。",
            "3.内控制度执行不严【已完成】",
            "修订经办内控制度。",
            "某县医保局", "2025年12月1日",
        ])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .done])
        #expect(plan.items.map { $0.statusEvidence?.text } == ["（已整改）", "（整改中）", "【已完成】"])
        #expect(plan.items.allSatisfy { $0.review.isEmpty })
        let percent = TestSupport.paragraph("（完成60%）")
        #expect(StatusTag.tag(percent, open: 0, close: percent.folded.count - 1) == nil)
    }
}
