import Foundation
import RectifyControl
import RectifyCore
import RectifyReport

/// `POST /v1/reports/weekly` `{week?: "YYYY-Www"}`: the weekly 情况通报 queued now to the
/// recipients and channels of `reports.weekly` (a writer's request; docs/api.md).
struct ReportRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("POST", "/v1/reports/weekly") { r throws(ControlError) in try sendWeeklyReport(r) }
    }

    func sendWeeklyReport(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        _ = try context.access.authorise(r.peer)
        let body = try RequestBody.decode(WeeklyReportRequest.self, from: r.body, fields: WeeklyReportRequest.fields, emptyIsObject: true)
        var week: ISOWeek?
        if let text = body.week {
            guard let parsed = ISOWeek(text) else {
                throw .badRequest("week '\(text)' is not an ISO week YYYY-Www (e.g. 2026-W47)", field: "week")
            }
            week = parsed
        }
        guard let (period, count) = context.scheduler.sendWeeklyReport(week: week) else {
            throw .conflict("reports.weekly is not configured; see docs/configuration.md")
        }
        guard count > 0 else {
            throw .internal("the weekly report could not be queued (the state database refuses writes; see GET /v1/health)")
        }
        context.logger.info("weekly report requested", metadata: ["user": "\(r.peer?.userName ?? "-")", "period": "\(period.firstDay)"])
        return .json(
            WriteResponse(
                ok: true, updateId: nil,
                message: "weekly report for \(period.firstDay)…\(period.lastDay) queued for \(count) recipient\(count == 1 ? "" : "s")",
                item: nil))
    }
}
