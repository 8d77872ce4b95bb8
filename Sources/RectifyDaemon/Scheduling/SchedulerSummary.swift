import Foundation

extension Scheduler {
    /// What `systemctl status` shows (`statusLine`): counts kept by the scheduler's tally, the
    /// next wake, and whether the state database refuses writes.
    struct Summary: Sendable, Equatable {
        var open: Int
        var overdue: Int
        var lagging: Int
        var nextWake: Date?
        /// The config's zone, for showing `nextWake`.
        var timeZone: TimeZone = .gmt
        /// Set while the state database refuses writes.
        var storageFailure: StorageHealth.Failure?
    }
}
