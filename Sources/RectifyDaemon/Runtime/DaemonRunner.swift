import Dispatch
import Foundation
import Logging
import RectifyCore
import RectifyNotify
import RectifyStore

/// Wires snapshot, state, scheduler, delivery, control and signals together and runs until
/// SIGTERM/SIGINT. SIGHUP reloads config and plans atomically: a bad new config is logged
/// and the old one keeps running.
///
/// `@unchecked Sendable`: its properties are set once in `start` (before any signal source or
/// the control socket exists) and only read afterwards; reloads run on `signalQueue`.
public final class DaemonRunner: @unchecked Sendable {
    private let logger: Logger
    private let loader: SnapshotLoader
    /// The config as `main` read it (once) to set up logging.
    private let initialConfig: DaemonConfig
    private let signalQueue = DispatchQueue(label: "rectifyd.signals")
    private var signalSources: [DispatchSourceSignal] = []
    private var scheduler: Scheduler?
    private var delivery: DeliveryWorker?
    private var snapshots: SnapshotCell?
    private var control: ControlServer?
    private var stateDirectory: StateDirectory?
    private let health = StorageHealth()
    private let systemd: SystemdNotifier
    private let acceptNewState: Bool

    public init(
        config: DaemonConfig, logger: Logger, loader: SnapshotLoader, systemd: SystemdNotifier = SystemdNotifier(),
        acceptNewState: Bool = false
    ) {
        self.systemd = systemd
        self.acceptNewState = acceptNewState
        self.initialConfig = config
        self.logger = logger
        self.loader = loader
    }

    /// Starts everything; returns once running (the caller then parks the main thread).
    public func start() throws {
        let snapshot = try loader.load(config: initialConfig, logger: logger, generation: 1)
        for warning in snapshot.warnings { logger.warning("\(warning.description)") }
        let config = snapshot.config
        let snapshots = SnapshotCell(snapshot)
        // Private to the daemon (and the socket's group); locked, writable, the right database:
        // or a clear refusal naming the file.
        let permissions = StatePermissions(config)
        try permissions.prepare(config.stateDir)
        let stateDirectory = try StateDirectory(
            path: config.stateDir, databaseName: URL(fileURLWithPath: config.databasePath).lastPathComponent,
            databaseMode: permissions.database, acceptNewState: acceptNewState)
        let store = stateDirectory.store
        let clock: @Sendable () -> Date = { Date() }
        let logger = self.logger
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
        let systemd = self.systemd
        let scheduler = Scheduler(
            store: store, health: health, evaluations: evaluations, logger: logger, clock: clock,
            outboxWritten: { delivery.kick() },
            onSummary: { summary in if systemd.isEnabled { systemd.notify("STATUS=\(summary.statusLine)") } })
        // Confirmations come back from the lanes as values; the scheduler records them.
        Task { for await confirmation in delivery.confirmations { scheduler.record(confirmation) } }
        self.snapshots = snapshots
        self.stateDirectory = stateDirectory
        self.scheduler = scheduler
        self.delivery = delivery
        installSignals()
        try scheduler.start(snapshot: snapshot)
        logger.info(
            "started",
            metadata: [
                "plans": "\(snapshot.plans.count)", "items": "\(snapshot.itemCount)",
                "state": "\(config.databasePath)", "receivers": "\(config.receivers.map(\.name).joined(separator: ","))",
            ])
        let context = ControlContext(
            evaluations: evaluations, store: store, health: health, snapshots: snapshots, scheduler: scheduler,
            delivery: delivery, startedAt: Date(), logger: logger,
            reload: { [weak self] in self?.signalQueue.sync { self?.reload() } ?? false })
        let control = ControlServer(router: context.router(), snapshots: snapshots, logger: logger)
        try control.start()
        self.control = control
        // Plans are loaded and the control socket accepts connections: now systemd may go on.
        notifyReady()
    }

    /// Tells systemd the daemon is ready (`READY=1`) and starts the watchdog pings. Call it
    /// once, after plans are loaded and the control socket accepts connections: systemd starts
    /// units ordered after rectifyd (and returns from `systemctl start`) at this point.
    public func notifyReady() {
        systemd.notify("READY=1")
        if let interval = systemd.watchdogInterval {
            scheduler?.startWatchdog(interval: interval) { [systemd] in systemd.notify("WATCHDOG=1") }
        }
    }

    /// The signals the daemon handles.
    static let handledSignals = [SIGHUP, SIGTERM, SIGINT]

    private func installSignals() {
        for sig in Self.handledSignals {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: signalQueue)
            source.setEventHandler { @Sendable [weak self] in self?.handle(signal: sig) }
            source.resume()
            signalSources.append(source)
        }
    }

    private func handle(signal sig: Int32) {
        switch sig {
        case SIGHUP: reload()
        default: shutdown()
        }
    }

    /// SIGHUP: validate everything first; swap only when all of it is good. Returns whether
    /// the new configuration was taken.
    @discardableResult
    public func reload() -> Bool {
        guard let snapshots, let scheduler else { return false }
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

    private func shutdown() {
        logger.info("stopping")
        systemd.notify("STOPPING=1")
        control?.stop()
        scheduler?.stop()
        delivery?.stop()
        let grace = snapshots?.current.config.delivery.shutdownGrace ?? 10
        if delivery?.drain(timeout: grace) == false {
            logger.warning("deliveries still running at shutdown; they stay in the outbox", metadata: ["grace": "\(grace)s"])
        }
        logger.info("stopped")
        exit(0)
    }
}
