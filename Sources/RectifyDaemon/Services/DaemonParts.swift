import Foundation
import Logging
import RectifyStore

/// The running daemon's parts, made once by `Daemon` and handed to every service and to the
/// control routes: the current snapshot, the state database and its health, the scheduler and
/// what it publishes for queries, the delivery lanes, reloading and systemd.
struct DaemonParts: Sendable {
    var snapshots: SnapshotCell
    var store: StateStore
    var health: StorageHealth
    var evaluations: Evaluations
    var scheduler: Scheduler
    var delivery: DeliveryWorker
    var reloader: Reloader
    var systemd: SystemdNotifier
    var logger: Logger
    var startedAt: Date

    /// Reloads config and plans: taken, or rejected with the errors that say why.
    func reload() -> Reloader.Outcome { reloader.reload() }

    /// Who may write, as the current snapshot's `control.writers` says (a reload applies at once).
    var access: WriteAccess {
        let control = snapshots.current.config.control
        return WriteAccess(users: control.writerUsers, groups: control.writerGroups)
    }

    /// The zone times are shown in where no plan decides it (the config's `time_zone`).
    var configZone: TimeZone { snapshots.current.config.timeZone }
}
