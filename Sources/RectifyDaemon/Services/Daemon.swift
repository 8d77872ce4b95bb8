import Foundation
import Logging
import RectifyCore
import RectifyNotify
import RectifyStore
import ServiceLifecycle
import UnixSignals

/// rectifyd: the snapshot, the state database, and four services in one `ServiceGroup`,
/// started in this order and stopped in reverse —
/// delivery (drains last) → scheduler → control socket → systemd (READY, watchdog, SIGHUP).
/// SIGTERM and SIGINT shut the group down gracefully; the database is closed after the last
/// service has stopped. docs/architecture.md draws the whole picture.
public struct Daemon: Sendable {
    private let config: DaemonConfig
    private let loader: SnapshotLoader
    private let logger: Logger
    private let systemd: SystemdNotifier
    private let acceptNewState: Bool

    /// - Parameter config: the config as `main` read it (once) to set up logging.
    public init(
        config: DaemonConfig, loader: SnapshotLoader, logger: Logger, systemd: SystemdNotifier = SystemdNotifier(),
        acceptNewState: Bool = false
    ) {
        self.config = config
        self.loader = loader
        self.logger = logger
        self.systemd = systemd
        self.acceptNewState = acceptNewState
    }

    /// Runs until SIGTERM or SIGINT; throws what kept it from starting (or a service's failure).
    public func run() async throws {
        // SIGHUP is trapped first: its default action ends the process, and a reload asked for
        // while the plans load or the first evaluation runs (logrotate, an operator's `kill -HUP`)
        // must wait for the reloader, not kill the daemon. The sequence buffers it until then.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let snapshot = try loader.load(config: config, logger: logger, generation: 1)
        for warning in snapshot.warnings { logger.warning("\(warning.description)") }
        let snapshots = SnapshotCell(snapshot)
        let stateDirectory = try StateDirectory.open(for: config, acceptNewState: acceptNewState)
        let group = makeServices(snapshots: snapshots, stateDirectory: stateDirectory, hangups: hangups)
        try await group.run()
        do {
            try stateDirectory.closeDatabase()
        } catch {
            logger.error("the state database did not close cleanly", metadata: ["error": "\(error)"])
        }
        logger.info("stopped")
    }

    private func makeServices(snapshots: SnapshotCell, stateDirectory: StateDirectory, hangups: UnixSignalsSequence) -> ServiceGroup {
        let store = stateDirectory.store, logger = self.logger, systemd = self.systemd
        let health = StorageHealth()
        let clock: @Sendable () -> Date = { Date() }
        let delivery = DeliveryWorker(
            store: store, snapshots: snapshots, health: health, logger: logger, clock: clock,
            onConfirmed: {
                do {
                    try stateDirectory.noteHistory()
                } catch {
                    logger.error("cannot update the state marker", metadata: ["error": "\(error)"])
                }
            })
        let evaluations = Evaluations(clock: clock)
        let scheduler = Scheduler(
            store: store, health: health, evaluations: evaluations, logger: logger, clock: clock,
            outboxWritten: { delivery.kick(due: $0) },
            onSummary: { summary in if systemd.isEnabled { systemd.notify("STATUS=\(summary.statusLine)") } })
        let reloader = Reloader(snapshots: snapshots, loader: loader, scheduler: scheduler, systemd: systemd, logger: logger)
        let parts = DaemonParts(
            snapshots: snapshots, store: store, health: health, evaluations: evaluations, scheduler: scheduler,
            delivery: delivery, reloader: reloader, systemd: systemd, logger: logger, startedAt: Date())
        let schedulerStarted = Readiness(), listening = Readiness()
        var services: [any Service] = [
            DeliveryService(parts: parts),
            SchedulerService(parts: parts, started: schedulerStarted),
            ControlSocketService(
                server: ControlServer(router: parts.router(), snapshots: snapshots, logger: logger),
                schedulerStarted: schedulerStarted, listening: listening),
            SystemdService(parts: parts, listening: listening, hangups: hangups),
        ]
        if config.web != nil {
            // After the control socket: it starts after the scheduler and stops before delivery.
            services.insert(
                WebService(web: WebContext(parts: parts, stateDir: config.stateDir), schedulerStarted: schedulerStarted, onListening: { _ in }),
                at: 3)
        }
        var lifecycleLogger = logger
        lifecycleLogger.logLevel = .warning
        return ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: lifecycleLogger))
    }
}
