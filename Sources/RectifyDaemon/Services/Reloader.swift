import Dispatch
import Foundation
import Logging
import RectifyCore

/// Reloads config and plans: reads and validates a whole new snapshot first, and swaps it in
/// only when all of it is good (a bad one is logged, the old one keeps running). SIGHUP and
/// `POST /v1/reload` both come here; reloads run one at a time on `queue`.
final class Reloader: Sendable {
    private let queue = DispatchQueue(label: "rectifyd.reload")
    private let snapshots: SnapshotCell
    private let loader: SnapshotLoader
    private let scheduler: Scheduler
    private let systemd: SystemdNotifier
    private let logger: Logger

    init(snapshots: SnapshotCell, loader: SnapshotLoader, scheduler: Scheduler, systemd: SystemdNotifier, logger: Logger) {
        self.snapshots = snapshots
        self.loader = loader
        self.scheduler = scheduler
        self.systemd = systemd
        self.logger = logger
    }

    /// Reloads and returns whether the new configuration was taken (blocks until done).
    func reload() -> Bool { queue.sync { reloadOnQueue() } }

    /// The same, for async callers: the reading and parsing happen off the cooperative pool.
    func reloadInBackground() async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.reloadOnQueue()) }
        }
    }

    private func reloadOnQueue() -> Bool {
        let old = snapshots.current
        logger.info("reloading", metadata: ["config": "\(old.config.file)"])
        systemd.notifyReloading()
        // systemd holds the unit in "reloading" until READY=1, whether the reload took or not.
        defer { systemd.notify("READY=1") }
        do {
            let snapshot = try loader.load(configPath: old.config.file, logger: logger, generation: old.generation + 1)
            for warning in snapshot.warnings { logger.warning("\(warning.description)") }
            if old.config.stateDir != snapshot.config.stateDir {
                logger.warning("state_dir changes take effect at the next restart", metadata: ["state_dir": "\(old.config.stateDir)"])
            }
            if !old.config.control.sameSocket(as: snapshot.config.control) {
                logger.warning(
                    "control socket path, mode and group changes take effect at the next restart; the other control settings apply now")
            }
            snapshots.replace(with: snapshot)
            scheduler.reload(snapshot: snapshot)
            logger.info("reloaded", metadata: ["plans": "\(snapshot.plans.count)", "generation": "\(snapshot.generation)"])
            return true
        } catch let error as PlanLoadError {
            for d in error.diagnostics { logger.error("reload rejected: \(d.description)") }
            logger.error("reload rejected; the previous configuration keeps running")
        } catch {
            logger.error("reload rejected; the previous configuration keeps running", metadata: ["error": "\(error)"])
        }
        return false
    }
}
