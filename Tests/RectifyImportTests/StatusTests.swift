import RectifyCore
import Testing

@testable import RectifyImport

struct StatusTests {
    @Test(arguments: [
        ("整改结果:完成", ItemStatus.done),
        ("整改结果：阶段性完成", .inProgress),
        ("整改落实情况：已完成整改。一是强化理论学习", .done),
        ("整改落实情况：取得阶段性成效。预计10月31日前完成检查整改。", .inProgress),
        ("整改情况：长期坚持", .longTerm),
        ("已完成整改。", .done),
        ("整改情况：整改完毕。", .done),
        ("整改情况：未启动，待招聘计划下达后实施。", .notStarted),
    ])
    func explicitStatusLines_decide(text: String, status: ItemStatus) {
        #expect(StatusLine.parse(TestSupport.folded(text))?.status == status)
    }

    @Test func longParagraphWithoutFullStop_doesNotSwallowTheStatusLine() {
        let text = "整改情况区属各医疗卫生机构严格落实新闻稿件“三审制”,强化党组织对舆论导向的把控\n整改结果:完成"
        #expect(Normalization.paragraphs(of: Normalization.lines(of: text)[...]).count == 2)
    }

    @Test func stepsCompleted_inAStatusField_areNotTheProblemsStatus() {
        #expect(StatusLine.parse(TestSupport.folded("整改情况：已完成对2021年以来9个基建工程项目的全面清理，计划于2026年3月31日前结清。")) == nil)
        #expect(StatusLine.parse(TestSupport.folded("整改情况：已完成HIS系统升级和集成平台招标。")) == nil)
        #expect(StatusLine.parse(TestSupport.folded("整改进展：已完成72家机构监督检查，其余正在检查。")) == nil)
        // Said of the whole problem, the same words still decide.
        #expect(StatusLine.parse(TestSupport.folded("完成情况：已完成。2025年以来开展专题研讨2次。"))?.status == .done)
        #expect(StatusLine.parse(TestSupport.folded("整改进展：已完成整改。"))?.status == .done)
        #expect(StatusLine.parse(TestSupport.folded("整改情况：已落实到位。"))?.status == .done)
        #expect(StatusLine.parse(TestSupport.folded("整改结果：基本完成整改"))?.status == .inProgress)
        #expect(StatusLine.parse(TestSupport.folded("整改进展：已基本整改到位。"))?.status == .inProgress)
        #expect(StatusLine.parse(TestSupport.folded("整改进展：已整改到位。"))?.status == .done)
    }

    @Test func measureParagraphs_areNotStatusLines() {
        #expect(StatusLine.parse(TestSupport.folded("整改情况:一是局党建办已指导相关基层党支部")) == nil)
        #expect(StatusLine.parse(TestSupport.folded("整改计划:实施医疗卫生人才强基工程")) == nil)
    }

    func score(_ text: String) -> Int {
        let f = TestSupport.folded(text)
        return StatusCues.hits(in: f, range: 0..<f.count, quoted: Quotation.mask(f)).reduce(0) { $0 + $1.weight }
    }

    @Test func ongoingWork_scoresAsOpen() {
        #expect(score("闲置公车处置工作正在办理中。") >= 3)
        #expect(score("目前仍有121人的编制遗留问题待解决。") >= 3)
        #expect(score("整体搬迁项目有望于11月施工建设。") >= 3)
        #expect(score("目前已将病媒抗药性检测工作列入提高中心综合服务能力的计划。") == 2)
        #expect(score("计划通过县公开招聘引进医疗卫生人才177人") == 2)
    }

    @Test func routineFutureWork_isWeak() {
        #expect(score("我中心将继续请求卫健局协助。") == 1)
        #expect(score("下一步，我局将认真开展年中、年终绩效考核工作。") == 1)
    }

    @Test func modifiersAndNouns_areNotCues() {
        #expect(score("安排工作人员向尚未完成接种的受种者电话通知。") == 0)
        #expect(score("对2021年未完成的指标进行了再分配。") == 0)
        #expect(score("按计划到各乡镇卫生院开展督导，制定工作计划方案。") == 0)
        #expect(score("下班期间24小时待岗，待遇保障不够。") == 0)
        #expect(score("针对“尚未解决到位”问题的整改情况。") == 0)
    }

    @Test func doneStatements_scoreNegative() {
        #expect(score("孕产妇产后访视工作均已整改到位。") < 0)
    }

    @Test func doneWordBeforeACount_speaksOfAPart() {
        #expect(score("发现问题案卷11卷，已完成整改7卷，剩余4卷正在整改。") == 3)
        #expect(score("已整改到位三项，其余两项正在推进。") == 3)
        #expect(score("发现问题案卷11卷，已完成整改7卷。") == 0)
    }

    func input(_ score: Int) -> StatusAllocation.Input {
        StatusAllocation.Input(explicit: nil, score: score, openEvidence: Evidence(text: "x"), doneEvidence: nil, longTerm: false)
    }

    @Test func statedOpenCount_opensTheStrongestCandidates() {
        let statuses = StatusAllocation.allocate([input(1), input(7), input(0), input(3), input(2)], statedOpen: 2, totalsEvidence: nil)
        #expect(statuses.map { $0.0 == .done } == [true, false, true, false, true])
    }

    @Test func withoutTotals_onlyClearCuesOpenAnItem() {
        let statuses = StatusAllocation.allocate([input(1), input(2), input(3)], statedOpen: nil, totalsEvidence: nil)
        #expect(statuses.map { $0.0 == .done } == [true, true, false])
    }

    @Test func explicitStatus_countsAgainstTheStatedOpenNumber() {
        var explicit = input(0)
        explicit.explicit = (.inProgress, Evidence(text: "整改结果:阶段性完成"))
        let statuses = StatusAllocation.allocate([explicit, input(3), input(2)], statedOpen: 2, totalsEvidence: nil)
        #expect(statuses.map { $0.0 == .done } == [false, false, true])
    }
}
