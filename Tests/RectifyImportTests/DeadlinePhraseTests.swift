import RectifyCore
import Testing

@testable import RectifyImport

struct DeadlinePhraseTests {
    func planned(_ text: String, reference: String) -> [PlannedDate] {
        let p = TestSupport.paragraph(text)
        return DeadlinePhrases.planned(
            in: p, index: 0, range: 0..<p.folded.count, mentions: DateScanner.mentions(in: p.folded),
            quoted: Quotation.mask(p.folded), reference: TestSupport.date(reference), reportDate: nil)
    }

    @Test func finalDate_isDeadline_earlierDatedSteps_areMilestones() {
        let steps = planned(
            "9月11日签订房屋购买合同，计划11月底完成改建装修，2026年4月1日前投入使用。", reference: "2025-06-11")
        let (deadline, milestones) = DeadlinePhrases.schedule(steps)
        #expect(deadline?.date.description == "2026-04-01")
        #expect(deadline?.phrase == "2026年4月1日前投入使用")
        #expect(milestones.map(\.date.description) == ["2025-11-30"])
        #expect(milestones.first?.phrase == "计划11月底完成改建装修")
    }

    @Test func pastWork_isNotPlanned() {
        #expect(planned("2024年4月完成了第2次消杀工作，自2023年10月开始逐步纳入。", reference: "2024-10-28").isEmpty)
        #expect(planned("截止2024年1月31日完成申报25家。", reference: "2024-07-22").isEmpty)
        #expect(planned("于2023年8月顺利开工。", reference: "2024-07-22").isEmpty)
    }

    @Test func quotedDocuments_areNotThisReportsPlans() {
        #expect(planned("文件要求“确保今年9月份投入使用”。", reference: "2024-07-22").isEmpty)
    }

    @Test func labelledTimeLimit_isPlanned() {
        let steps = planned("整改时限：2024年12月底", reference: "2024-07-22")
        #expect(steps.first?.date.description == "2024-12-31")
    }

    @Test func namedPartOfAYear_doesNotOutlastTheDatedDeadline() {
        let steps = planned("维修项目已立项，预计2025年暑假期间施工，8月31日前完成维修。", reference: "2025-04-07")
        #expect(DeadlinePhrases.schedule(steps).deadline?.date.description == "2025-08-31")
        let term = planned("新方案将于2025年秋季学期起执行，2025年9月1日前完成全部测算和公示。", reference: "2025-04-07")
        #expect(DeadlinePhrases.schedule(term).deadline?.date.description == "2025-09-01")
    }
}
