import Foundation
import RectifyCore
import RectifyReport
import RectifyStore

/// The weekly 情况通报 (`reports.weekly`): queued when its clock falls due or on request
/// (`POST /v1/reports/weekly`). Runs on the scheduler's queue (see `Scheduler`).
extension Scheduler {
    func weeklyJob(_ world: World) -> WeeklyReportJob? {
        guard let weekly = world.config.reports.weekly else { return nil }
        return WeeklyReportJob(
            config: weekly, emailReceiver: world.config.routing.emailReceiver, zone: world.config.timeZone,
            language: world.config.language, policy: world.config.policy)
    }

    /// Queues the weekly 情况通报 for `period` (default: the one a send now covers); returns the
    /// period and how many notices were queued (none when the database refused them).
    @discardableResult
    func sendWeekly(_ job: WeeklyReportJob, world: World, at now: Date, period requested: ReportPeriod?) -> (ReportPeriod, Int) {
        let period = requested ?? job.period(forSendAt: now)
        let updates: [UpdateRecord]
        do {
            updates = try store.updates()
        } catch {
            health.failed(
                "read the history for the weekly report", error: error, at: now, logger: logger,
                consequence: "the weekly report is tried again when it reads")
            weekly.retry(after: outbox.retryDelay, now: now)
            return (period, 0)
        }
        let notices = job.notices(plans: world.plans, updates: updates, period: period, now: now) { UUID().uuidString.lowercased() }
        guard let queued = outbox.write(notices.map { ($0.0, [$0.1]) }, at: now) else {
            weekly.retry(after: outbox.retryDelay, now: now)
            return (period, 0)
        }
        for entry in queued { ledger.record(entry) }
        logger.info(
            "weekly report queued", metadata: ["period": "\(period.firstDay)…\(period.lastDay)", "notices": "\(notices.count)"])
        outboxWritten(outbox.takeSchedule()?.due)
        return (period, notices.count)
    }

    /// `POST /v1/reports/weekly`: the weekly 情况通报 of `week` (default: the one a send now
    /// covers) queued at once to the configured recipients and channels; nil when not configured.
    func sendWeeklyReport(week: ISOWeek?) -> (ReportPeriod, Int)? {
        queue.sync {
            guard case .running(let world) = state, let job = weeklyJob(world) else { return nil }
            let result = sendWeekly(job, world: world, at: clock(), period: week.map { $0.period(in: world.config.timeZone) })
            rearm(world: world)
            return result
        }
    }
}
