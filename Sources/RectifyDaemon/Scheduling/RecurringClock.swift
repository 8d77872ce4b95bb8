import Foundation
import RectifyCore

/// When the next send of a recurring schedule is due — the digest and the weekly 情况通报:
/// the configured weekday (or every day) and time in the config's zone, moved off days off when
/// the schedule keeps office days. Pure: `now` and the facts it needs are passed in.
struct RecurringClock {
    /// The next send, nil when the schedule is off.
    private(set) var next: Date?

    /// Schedules the first send after a (re)load. One missed while the daemon was down goes
    /// out once at start (`now`), never one from before the daemon first ran.
    mutating func start(
        _ schedule: DigestSchedule?, zone: TimeZone, daysOff: WorkingCalendar?, now: Date, firstStarted: Date?, lastSent: Date?
    ) {
        guard let schedule else {
            next = nil
            return
        }
        let previous = schedule.previous(atOrBefore: now, in: zone, daysOff: daysOff)
        if let firstStarted, previous > firstStarted, (lastSent ?? .distantPast) < previous {
            next = now
            return
        }
        advance(schedule, zone: zone, daysOff: daysOff, now: now)
    }

    /// The send after `now`.
    mutating func advance(_ schedule: DigestSchedule?, zone: TimeZone, daysOff: WorkingCalendar?, now: Date) {
        next = schedule?.next(after: now, in: zone, daysOff: daysOff)
    }

    /// The database refused the send: try again after `delay`.
    mutating func retry(after delay: TimeInterval, now: Date) { next = now.addingTimeInterval(delay) }

    /// Whether a send is due at `now` (a hair of tolerance: the timer may fire a few
    /// microseconds early).
    func isDue(at now: Date) -> Bool { next.map { $0 <= now.addingTimeInterval(0.001) } ?? false }
}

extension DaemonConfig {
    /// Digests keep office days unless `alerts.send_on_days_off`: one on a day off goes out on
    /// the next working day.
    var digestDaysOff: WorkingCalendar? { alerts.sendOnDaysOff ? nil : policy.calendar }
}
