import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

struct NoticeRendererTests {
    let renderer = NoticeRenderer(sender: "鹿寨县疾控中心整改办")

    @Test func subject_namesColourKindCountAndUnit() {
        let overdueOnly = Fixtures.notice(entries: [Fixtures.overdue, Fixtures.overdueExtended])
        #expect(renderer.render(overdueOnly).subject == "【红色预警】整改事项逾期提醒：2项（鹿寨县疾病预防控制中心）")
        #expect(renderer.render(Fixtures.notice()).subject == "【红色预警】整改事项督办提醒：3项（鹿寨县疾病预防控制中心）")
        let reminder = Fixtures.notice(entries: [Fixtures.reminder])
        #expect(renderer.render(reminder).subject == "【黄色预警】整改事项到期提醒：1项（鹿寨县疾病预防控制中心）")
    }

    @Test func chineseText_saysWhatWhenWhoAndWhatToDo() {
        let text = renderer.render(Fixtures.notice()).text
        for expected in [
            "韦明：",
            "截至2026年5月6日 09:00（北京时间）",
            "一、逾期未完成事项（2项）",
            "二、即将到期事项（1项）",
            "明确县级疾控机构职能，健全实验室检测功能",
            "整改时限：2026年4月底（原定2026年3月底，已延期）",
            "时限情况：已逾期6天",
            "时限情况：剩余10天",
            "责任人：检验科（韦明）",
            "方案原文：“预计2026年4月底前完成”（第88行）",
            "预警：红色预警",
            "rectifyctl progress lz-cdc-2025/3-2 --note",
            "rectifyctl extend lz-cdc-2025/3-2 --to YYYY-MM-DD",
            "鹿寨县疾控中心整改办",
            "通知编号：N-20260506-0001",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        // Most overdue first inside a section.
        let longest = text.range(of: "全力以赴提高实验室检测能力")!.lowerBound
        let shorter = text.range(of: "明确县级疾控机构职能")!.lowerBound
        #expect(longest < shorter)
        #expect(text.range(of: "一、")!.lowerBound < text.range(of: "二、")!.lowerBound)
    }

    /// The opening names the review the plans answer: 巡察 for the fixture's 整改方案 of a 巡察组's
    /// findings, 审计 for an audit's, none for a notice covering both.
    @Test func opening_namesTheReviewThePlansAnswer() {
        #expect(renderer.render(Fixtures.notice()).text.contains("根据巡察整改督办工作要求，截至"))
        var audit = Fixtures.overdue
        audit.planTitle = "县卫生健康局关于县审计局专项审计发现问题的整改方案"
        #expect(renderer.render(Fixtures.notice(entries: [audit])).text.contains("根据专项审计整改督办工作要求，截至"))
        #expect(renderer.render(Fixtures.notice(entries: [audit, Fixtures.reminder])).text.contains("根据整改督办工作要求，截至"))
    }

    @Test func html_hasAColouredTableAndEscapesText() {
        var entry = Fixtures.reminder
        entry.itemTitle = "<script>alert(1)</script> & 培训"
        let html = renderer.render(Fixtures.notice(entries: [Fixtures.overdue, entry])).html
        #expect(html.contains("<table"))
        #expect(html.contains("background:#d93025"), "red badge")
        #expect(html.contains("background:#f9ab00"), "yellow badge")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 培训"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<html lang=\"zh-CN\">"))
    }

    @Test func english_whenTheNoticeAsksForIt() {
        let rendered = renderer.render(Fixtures.notice(language: "en"))
        #expect(rendered.subject == "[Red warning] Rectification items need attention: 3 (鹿寨县疾病预防控制中心)")
        #expect(rendered.text.contains("Deadline: end of Apr 2026 (extended from end of Mar 2026)"))
        #expect(rendered.text.contains("Status: 6 days overdue"))
        #expect(rendered.text.contains("Status: 10 days left"))
        #expect(rendered.text.contains("As of 6 May 2026 09:00 (Beijing time)"))
        #expect(rendered.text.contains("rectifyctl progress lz-cdc-2025/3-2 --note"))
    }

    @Test func times_areLocalToTheNoticesZone() {
        var notice = Fixtures.notice()
        notice.timeZone = "Europe/Berlin"
        #expect(renderer.render(notice).text.contains("截至2026年5月6日 03:00（UTC+02:00）"))
    }

    @Test func staleMilestoneAndNoDeadlineEntries_sayWhatIsMissing() {
        let stale = NoticeEntry(
            kind: .stale, planID: "p", planTitle: "方案", unit: "单位", itemID: "1-1", itemTitle: "事项一",
            state: .stale, deadline: Fixtures.reminder.deadline, daysLeft: 30, daysSinceUpdate: 45)
        let milestone = NoticeEntry(
            kind: .milestoneMissed, planID: "p", planTitle: "方案", unit: "单位", itemID: "1-2", itemTitle: "事项二",
            state: .milestoneMissed, milestone: "完成自查")
        let none = NoticeEntry(
            kind: .noDeadline, planID: "p", planTitle: "方案", unit: "单位", itemID: "1-3", itemTitle: "事项三 甲",
            state: .noDeadline)
        let text = renderer.render(Fixtures.notice(entries: [stale, milestone, none])).text
        #expect(text.contains("剩余30天；已45天未报送进展"))
        #expect(text.contains("节点“完成自查”未按期完成"))
        #expect(text.contains("整改时限：未明确"))
        #expect(text.contains("请整改办会同责任部门补充明确整改时限"))
        #expect(text.contains("rectifyctl progress p/1-2"), "the first open item is the example")
    }

    @Test func itemIDsThatNeedQuoting_areQuotedInCommands() {
        var entry = Fixtures.reminder
        entry.itemID = "4 1'x"
        let text = renderer.render(Fixtures.notice(entries: [entry])).text
        #expect(text.contains("rectifyctl progress 'lz-cdc-2025/4 1'\\''x' --note"))
    }

    @Test func commands_nameTheItemWithItsPlan_inTextAndHTML() {
        // 2.1 is in two plans of the demo: a bare id would not say which.
        var entry = Fixtures.overdue
        entry.planID = "example-county-health"
        entry.itemID = "2.1"
        let rendered = renderer.render(Fixtures.notice(entries: [entry]))
        #expect(rendered.text.contains("rectifyctl progress example-county-health/2.1 --note"))
        #expect(rendered.text.contains("rectifyctl extend example-county-health/2.1 --to"))
        #expect(rendered.html.contains("rectifyctl progress example-county-health/2.1 --note"))
        #expect(!rendered.text.contains("rectifyctl progress 2.1"))
    }

    @Test func resolvedOnly_needsNoAction() {
        var done = Fixtures.reminder
        done.kind = .resolved
        done.state = .done
        done.colour = nil
        let rendered = renderer.render(Fixtures.notice(entries: [done]))
        #expect(rendered.subject == "【整改督办】整改事项办结告知：1项（鹿寨县疾病预防控制中心）")
        #expect(rendered.text.contains("无需回复"))
        #expect(!rendered.text.contains("rectifyctl"))
    }
}
