import Foundation
import RectifyCore
import Testing

@testable import RectifyWeb

struct BoardTests {
    func item(_ unit: String, _ department: String, _ state: ItemState, deadline: String?, closed: String? = nil, original: String? = nil)
        -> BoardItem
    {
        BoardItem(
            unit: unit, department: department, state: state, colour: state == .overdue ? .red : nil,
            deadline: deadline.flatMap(CalendarDate.init), originalDeadline: (original ?? deadline).flatMap(CalendarDate.init),
            closedOn: closed.flatMap(CalendarDate.init), closedUndated: state == .done && closed == nil)
    }

    @Test func groups_countOpenOverdueClosedOnTime_andTheRate() {
        let items = [
            item("县卫健局", "医政股", .overdue, deadline: "2026-05-31"),
            item("县卫健局", "医政股", .done, deadline: "2026-05-31", closed: "2026-05-20"),
            item("县卫健局", "办公室", .done, deadline: "2026-04-30", closed: "2026-05-10"),
            item("县疾控", "业务股", .onTrack, deadline: "2026-12-31"),
        ]
        let figures = BoardFigures(items: items, today: CalendarDate("2026-06-15")!)
        let bureau = figures.units.first { $0.name == "县卫健局" }!
        #expect(bureau.items == 3 && bureau.open == 1 && bureau.overdue == 1 && bureau.closed == 2 && bureau.closedOnTime == 1)
        #expect(bureau.onTimeRate == 1.0 / 3.0)
        #expect(figures.units.first { $0.name == "县疾控" }!.onTimeRate == nil)
        #expect(figures.colours[.red] == 1 && figures.open == 2 && figures.total == 4)
    }

    @Test func anExtensionApprovedInTime_countsAsOnTime() {
        let extended = item("u", "d", .done, deadline: "2026-07-31", closed: "2026-07-20", original: "2026-05-31")
        #expect(BoardFigures(items: [extended], today: CalendarDate("2026-08-01")!).all.closedOnTime == 1)
    }

    @Test func burndown_plansByDeadline_andCountsWhatWasClosed() {
        let items = [
            item("u", "d", .done, deadline: "2026-03-31", closed: "2026-03-15"),
            item("u", "d", .overdue, deadline: "2026-04-30"),
            item("u", "d", .onTrack, deadline: "2026-06-30"),
        ]
        let months = BoardFigures(items: items, today: CalendarDate("2026-05-10")!).months
        #expect(months.map(\.label) == ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
        #expect(months.map(\.plannedOpen) == [3, 2, 1, 1, 0])
        #expect(months.map(\.actualOpen) == [3, 2, 2, 2, nil])
        #expect(months.map(\.closed) == [0, 1, 0, 0, 0])
        let svg = BurndownChart.svg(months)
        #expect(svg.hasPrefix("<svg") && svg.contains("polyline") && svg.contains("2026-03 完成 1 项") && !svg.contains("<script"))
    }

    @Test func noDeadlines_drawsNoChart() {
        #expect(BurndownChart.svg([]).contains("没有"))
    }
}
