import Foundation
import RectifyCore
import RectifyReport
import Testing

/// The weekly 情况通报's figures, counted at the end of an ISO week, and their wording.
struct WeeklyTests {
    /// Week 2026-W47 is 11-16 (Monday) to 11-22 (Sunday).
    static let plan = """
        plan: {id: w, unit: 示例县卫生健康局, title: 示例县卫生健康局巡察整改台账, report_date: 2026-09-30}
        items:
          - {id: "1", title: 逾期已久, status: in_progress, deadline: 2026-10-31, responsible: {department: 财务股}}
          - {id: "2", title: 本周逾期, status: in_progress, deadline: 2026-11-18, responsible: {department: 财务股}}
          - {id: "3", title: 黄色预警, status: in_progress, deadline: 2026-11-30, responsible: {department: 办公室}}
          - {id: "4", title: 绿色预警, status: in_progress, deadline: 2026-12-10, responsible: {department: 办公室}}
          - {id: "5", title: 本周办结, status: done, last_update: 2026-11-19T10:00:00+08:00, responsible: {department: 办公室}}
          - {id: "6", title: 上周办结, status: done, last_update: 2026-11-13T10:00:00+08:00}
          - id: "7"
            title: 本周延期
            status: in_progress
            deadline: 2026-11-20
            extensions: [{deadline: 2027-01-31, reason: 资金未到位, granted: 2026-11-17}]
            responsible: {department: 财务股}
          - {id: "8", title: 长期坚持, status: long_term, last_update: 2026-11-01}
        """

    static func state() throws -> PlanState {
        let plan = try PlanReader.read(plan, file: "w.yaml").0
        let week = ISOWeek("2026-W47")!
        return PlanState(plan: plan, at: week.period(in: ReportTestSupport.shanghai).end.addingTimeInterval(-1))
    }

    /// Open items without a colour are counted by why, so the colour table adds up to 在办 (it
    /// listed red, yellow and green only: 2 open items, 1 in the table).
    @Test func openItemsWithoutAColour_areCountedByWhy() {
        let plan = Plan(
            id: "u", unit: "某县卫健局", title: "台账",
            items: [
                Item(id: "1", title: "无时限", status: .inProgress),
                Item(id: "2", title: "长期", status: .longTerm),
                Item(id: "3", title: "远期", status: .inProgress, deadline: Deadline(date: CalendarDate("2027-06-30")!)),
                Item(id: "4", title: "逾期", status: .notStarted, deadline: Deadline(date: CalendarDate("2026-10-31")!)),
            ])
        let week = ISOWeek("2026-W47")!.period(in: ReportTestSupport.shanghai)
        let f = WeeklyFigures([PlanState(plan: plan, at: week.end.addingTimeInterval(-1))], period: week)
        #expect((f.open, f.colours[.red], f.uncolouredOnSchedule, f.uncolouredLongTerm, f.uncolouredNoDeadline) == (4, 1, 1, 1, 1))
        let text = PlainTextLayout.render(WeeklyComposer.compose(f))
        #expect(text.range(of: "红色预警 +1\n黄色预警 +0\n绿色预警 +0\n未到预警期 +1\n长期坚持 +1\n未定时限 +1\n合计 +4\n", options: .regularExpression) != nil, "\(text)")
    }

    @Test func isoWeeks_mondayToSunday() {
        let week = ISOWeek("2026-W47")!
        #expect((week.monday.description, week.sunday.description) == ("2026-11-16", "2026-11-22"))
        #expect(ISOWeek("2026-W01")!.monday.description == "2025-12-29")
        #expect(ISOWeek("2020-W53")!.sunday.description == "2021-01-03")
        #expect(ISOWeek("2025-W53") == nil, "2025 has 52 weeks")
        #expect(ISOWeek("2026-47") == nil)
        #expect(ISOWeek(containing: CalendarDate("2027-01-01")!)?.description == "2026-W53", "2026 starts on a Thursday: 53 weeks")
        #expect(ISOWeek(containing: CalendarDate("2021-01-03")!)?.description == "2020-W53")
    }

    @Test func figures_countStatesColoursAndTheWeeksEvents() throws {
        let week = ISOWeek("2026-W47")!
        let f = WeeklyFigures([try Self.state()], period: week.period(in: ReportTestSupport.shanghai))
        #expect((f.items, f.done, f.open) == (8, 2, 6))
        #expect(f.states[.overdue] == 2 && f.states[.dueSoon] == 2 && f.states[.done] == 2)
        #expect(f.colours == [.red: 2, .yellow: 1, .green: 1])
        #expect(f.newlyOverdue.map(\.record.item.id) == ["2"])
        #expect(f.closed.map(\.record.item.id) == ["5"])
        #expect(f.extensions.map(\.entry.record.item.id) == ["7"])
        #expect(f.extensions.first?.previous?.date.description == "2026-11-20")
        let finance = try #require(f.departments.first { $0.name == "财务股" })
        #expect((finance.items, finance.open, finance.red, finance.newlyOverdue) == (3, 3, 2, 1))
        let office = try #require(f.departments.first { $0.name == "办公室" })
        #expect((office.items, office.done, office.yellow, office.green, office.closedThisPeriod) == (3, 1, 1, 1, 1))
        #expect(f.departments.first?.name == "财务股", "most red first")
    }

    @Test func closedDay_comesFromTheLastDoneNoteUnlessReopened() throws {
        var record = try Self.state().items[4]
        record.notes = [
            ProgressNote(day: CalendarDate("2026-11-02")!, kind: .done, text: "销号"),
            ProgressNote(day: CalendarDate("2026-11-05")!, kind: .reopen, text: "回头看"),
            ProgressNote(day: CalendarDate("2026-11-21")!, kind: .done, text: "再次销号"),
        ]
        let state = PlanState(plan: try Self.state().plan, items: [record], at: Date())
        let f = WeeklyFigures([state], period: ISOWeek("2026-W47")!.period(in: ReportTestSupport.shanghai))
        #expect(f.closed.count == 1)
        let earlier = WeeklyFigures([state], period: ISOWeek("2026-W45")!.period(in: ReportTestSupport.shanghai))
        #expect(earlier.closed.isEmpty, "closed on 11-02 but reopened: not closed that week")
    }

    @Test func digest_wordsTheFiguresInEveryLayout() throws {
        let week = ISOWeek("2026-W47")!
        let document = WeeklyComposer.compose(WeeklyFigures([try Self.state()], period: week.period(in: ReportTestSupport.shanghai)))
        #expect(document.title == "巡察整改工作周情况通报（2026年第47周，11月16日—11月22日）")
        #expect(
            document.plainParagraphs[0]
                == "截至2026年11月23日0时，《示例县卫生健康局巡察整改台账》共有整改事项8项，已完成2项（完成率25%），在办6项，其中红色预警2项、黄色预警1项、绿色预警1项。本周办结1项，新增逾期1项，批准延期1项。")
        let text = PlainTextLayout.render(document)
        #expect(text.contains("   1  w/2   本周逾期  2026年11月18日   4天  财务股"))
        // The colour table adds up to the 6 open items: the ones without a colour say why.
        #expect(text.range(of: "红色预警 +2\n黄色预警 +1\n绿色预警 +1\n未到预警期 +1\n长期坚持 +1\n合计 +6\n", options: .regularExpression) != nil, "\(text)")
        #expect(text.contains("财务股             3       0     3     2     0     0         0             1"))
        let html = HTMLLayout.render(document)
        #expect(html.contains("<td nowrap style=\"border: 1px solid #999; padding: 3px 8px; text-align: left; white-space: nowrap;\">资金未到位</td>"))
        let robot = MarkdownLayout.robotMarkdown(document)
        #expect(robot.contains("> 财务股：事项 3，已完成 0，在办 3，红色 2，黄色 0，绿色 0，本周办结 0，本周新增逾期 1"))
        #expect(document.blocks.last == .signature(["巡察整改工作办公室", "2026年11月23日"]))
    }

    /// The title and signature name the review the plans answer: one audit's plans an 审计 digest,
    /// plans of different reviews a plain one; a configured issuer signs as configured.
    @Test func digest_namesTheReviewThePlansAnswer() throws {
        let period = ISOWeek("2026-W47")!.period(in: ReportTestSupport.shanghai)
        var audit = try Self.state()
        audit.plan.title = "示例县卫生健康局关于县审计局经济责任审计发现问题整改台账"
        let one = WeeklyComposer.compose(WeeklyFigures([audit], period: period))
        #expect(one.title.hasPrefix("经济责任审计整改工作周情况通报（"))
        #expect(one.blocks.last == .signature(["经济责任审计整改工作办公室", "2026年11月23日"]))
        var tour = try Self.state()
        tour.plan.id = "w2"
        let mixed = WeeklyComposer.compose(WeeklyFigures([audit, tour], period: period), issuer: "县卫生健康局整改办")
        #expect(mixed.title.hasPrefix("整改工作周情况通报（"))
        #expect(mixed.blocks.last == .signature(["县卫生健康局整改办", "2026年11月23日"]))
    }
}
