import Foundation
@testable import RectifyCore

let shanghai = TimeZone(identifier: "Asia/Shanghai")!

func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

/// An instant written as RFC 3339, e.g. "2026-04-30T23:59:59+08:00".
func instant(_ text: String) -> Date { Timestamps.parse(text)! }

func context(start: String? = nil, lastUpdate: String? = nil) -> PlanContext {
    PlanContext(timeZone: shanghai, defaultStart: start.map(day), defaultLastUpdate: lastUpdate.map(instant))
}

func item(
    status: ItemStatus = .inProgress, deadline: String? = nil, precision: DeadlinePrecision = .day,
    lastUpdate: String? = nil
) -> Item {
    Item(
        id: "t", title: "test item", status: status,
        deadline: deadline.map { Deadline(date: day($0), precision: precision) },
        lastUpdate: lastUpdate.map(instant))
}
