import RectifyCore
import Testing

@testable import RectifyImport

struct TotalsTests {
    func totals(_ text: String) -> StatedTotals? { Totals.parse(TestSupport.paragraph(text)) }

    @Test func categoriesAndPhasedResults() {
        let t = totals("旗委巡察组共反馈3方面10个问题，已完成7个，3个取得阶段性成效，预计2026年4月底前完成。")
        #expect(t?.problems == 10)
        #expect(t?.done == 7)
        #expect(t?.open == 3)
        #expect(t?.line == 1)
    }

    @Test func spacedNumbers_andOpenDerivedFromDone() {
        let t = totals("截至目前，县委第四巡察组巡察卫健局反馈问题 25 个，完成整改 23 个，整改完成率 92%。制定整改措施 25 项，完成整改 23 项，完成率 92%；健全完善制度 6 项。共移交问题线索 2 件，已查结 2 件。")
        #expect(t?.problems == 25)
        #expect(t?.done == 23)
        #expect(t?.open == 2)
        #expect(t?.measures == 25)
        #expect(t?.measuresDone == 23)
    }

    @Test func severalProblemCounts_pickTheOneDoneAndOpenAddUpTo() {
        let t = totals("共反馈了四大问题，14个面上问题，30个具体问题。截止2024年10月28日，已完成整改问题25个，未完成整改任务5个。在巡察期间要求立行立改问题1条，已完成整改1条。")
        #expect(t?.problems == 30)
        #expect(t?.done == 25)
        #expect(t?.open == 5)
    }

    @Test func problemsCountedBeforeTheirMeasures_areProblems() {
        let t = totals("局党组对反馈的14个问题逐项制定整改措施。截至目前，已完成整改11个，正在整改3个。")
        #expect(t?.problems == 14)
        #expect(t?.done == 11)
        #expect(t?.open == 3)
        #expect(t?.measures == nil)
    }

    @Test func problemsAndTheirDoneCountInOneClause() {
        let t = totals("截至2025年11月15日，反馈的15个问题已整改完成12个，其余3个正在有序推进。")
        #expect(t?.problems == 15)
        #expect(t?.done == 12)
        #expect(t?.open == 3)
    }

    @Test func measuresOnly() {
        let t = totals("对照县委巡察组提出的9个方面问题和3个方面的意见，制定的25条整改措施，已落实到位20条，整改到位率80%；巡察交办问题2件，办理完成2件。")
        #expect(t?.problems == nil)
        #expect(t?.measures == 25)
        #expect(t?.measuresDone == 20)
    }

    @Test func immediateFixes_endTheStatement() {
        let t = totals("截至925日,区委巡察反馈的13个问题,已完成整改11个,阶段性完成整改2个;巡察期间交办的5个立行立改问题,已完成整改5个。")
        #expect(t?.problems == 13)
        #expect(t?.done == 11)
        #expect(t?.open == 2)
    }

    @Test func ordinaryCounts_areNotTotals() {
        #expect(totals("共反馈问题7条，整改7条，促进了作风建设。") == nil)
        #expect(totals("召开巡察整改专题会议3次，研究整改工作。") == nil)
    }
}
