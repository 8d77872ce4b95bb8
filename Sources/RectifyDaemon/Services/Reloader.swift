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

    /// What a reload came to: taken (with its warnings) or rejected (with its errors; the
    /// previous configuration keeps running). Lines are `file:line:column: severity: …`.
    struct Outcome: Sendable {
        var accepted: Bool
        var errors: [String] = []
        var warnings: [String] = []
        var plans = 0
        var generation = 0
    }

    /// Reloads and says what came of it (blocks until done).
    func reload() -> Outcome { queue.sync { reloadOnQueue() } }

    /// The same, for async callers: the reading and parsing happen off the cooperative pool.
    func reloadInBackground() async -> Outcome {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.reloadOnQueue()) }
        }
    }

    private func reloadOnQueue() -> Outcome {
        let old = snapshots.current
        logger.info("reloading", metadata: ["config": "\(old.config.file)"])
        systemd.notifyReloading()
        // systemd holds the unit in "reloading" until READY=1, whether the reload took or not.
        defer { systemd.notify("READY=1") }
        do {
            let snapshot = try loader.load(configPath: old.config.file, logger: logger, generation: old.generation + 1)
            var warnings = snapshot.warnings.map(\.description)
            if old.config.stateDir != snapshot.config.stateDir {
                warnings.append("state_dir changes take effect at the next restart (it stays \(old.config.stateDir))")
            }
            if !old.config.control.sameSocket(as: snapshot.config.control) {
                warnings.append(
                    "control socket path, mode and group changes take effect at the next restart; the other control settings apply now")
            }
            for warning in warnings { logger.warning("\(warning)") }
            snapshots.replace(with: snapshot)
            scheduler.reload(snapshot: snapshot)
            logger.info("reloaded", metadata: ["plans": "\(snapshot.plans.count)", "generation": "\(snapshot.generation)"])
            return Outcome(accepted: true, warnings: warnings, plans: snapshot.plans.count, generation: snapshot.generation)
        } catch let error as PlanLoadError {
            // Warnings stay warnings: only the errors are why the reload was rejected.
            let errors = error.diagnostics.filter { $0.severity == .error }.map(\.description)
            let warnings = error.diagnostics.filter { $0.severity == .warning }.map(\.description)
            for warning in warnings { logger.warning("\(warning)") }
            for line in errors { logger.error("reload rejected: \(line)") }
            logger.error("reload rejected; the previous configuration keeps running", metadata: ["errors": "\(errors.count)"])
            return Outcome(accepted: false, errors: errors, warnings: warnings, generation: old.generation)
        } catch {
            logger.error("reload rejected; the previous configuration keeps running", metadata: ["error": "\(error)"])
            return Outcome(accepted: false, errors: ["\(error)"], generation: old.generation)
        }
    }
}
