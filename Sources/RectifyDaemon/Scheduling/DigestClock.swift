import Foundation
import RectifyCore

/// When the next digest goes out: the configured weekly (or daily) time in the config's zone,
/// moved off days off unless `alerts.send_on_days_off`. Pure: `now` and the facts it needs are
/// passed in.
struct DigestClock {
    /// The next digest instant, nil when digests are off.
    private(set) var next: Date?

    /// Schedules the first digest after a (re)load. A digest missed while the daemon was down
    /// goes out once at start (`now`), never one from before the daemon first ran.
    mutating func start(config: DaemonConfig, now: Date, firstStarted: Date?, lastSent: Date?) {
        guard let schedule = config.alerts.digest else {
            next = nil
            return
        }
        let previous = schedule.previous(atOrBefore: now, in: config.timeZone, daysOff: daysOff(config))
        if let firstStarted, previous > firstStarted, (lastSent ?? .distantPast) < previous {
            next = now
            return
        }
        advance(config: config, now: now)
    }

    /// The digest after `now`.
    mutating func advance(config: DaemonConfig, now: Date) {
        next = config.alerts.digest?.next(after: now, in: config.timeZone, daysOff: daysOff(config))
    }

    /// The database refused the digest: try again after `delay`.
    mutating func retry(after delay: TimeInterval, now: Date) { next = now.addingTimeInterval(delay) }

    /// Whether a digest is due at `now` (a hair of tolerance: the timer may fire a few
    /// microseconds early).
    func isDue(at now: Date) -> Bool { next.map { $0 <= now.addingTimeInterval(0.001) } ?? false }

    /// Digests keep office days: one on a day off goes out on the next working day.
    private func daysOff(_ config: DaemonConfig) -> WorkingCalendar? {
        config.alerts.sendOnDaysOff ? nil : config.policy.calendar
    }
}
