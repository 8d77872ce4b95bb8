import Dispatch
import Foundation
import Logging
import RectifyCore
import RectifyNotify
import RectifyStore

/// Builds the delivery channels for a config (the notifiers live in RectifyNotify).
public typealias ChannelFactory = @Sendable (DaemonConfig, Logger) throws -> [String: any Notifier]

/// Wires config, plans, state, scheduler, delivery and signals together and runs until
/// SIGTERM/SIGINT. SIGHUP reloads config and plans atomically: a bad new config is logged
/// and the old one keeps running.
public final class DaemonRunner: @unchecked Sendable {
    private let configPath: String
    private let logger: Logger
    private let makeChannels: ChannelFactory
    private let reportImporter: PlanLoader.ReportImporter?
    private let signalQueue = DispatchQueue(label: "rectifyd.signals")
    private var signalSources: [DispatchSourceSignal] = []
    private var scheduler: Scheduler?
    private var delivery: DeliveryWorker?
    private var config: DaemonConfig?
    private var control: ControlServer?
    private var stateDirectory: StateDirectory?
    private let health = StorageHealth()
    private let systemd: SystemdNotifier
    private let acceptNewState: Bool

    public init(
        configPath: String, logger: Logger, reportImporter: PlanLoader.ReportImporter?,
        makeChannels: @escaping ChannelFactory, systemd: SystemdNotifier = SystemdNotifier(), acceptNewState: Bool = false
    ) {
        self.systemd = systemd
        self.acceptNewState = acceptNewState
        self.reportImporter = reportImporter
        self.configPath = configPath
        self.logger = logger
        self.makeChannels = makeChannels
    }

    /// Loads the config and every plan, or throws every problem found.
    public static func loadAll(
        configPath: String, reportImporter: PlanLoader.ReportImporter?
    ) throws(PlanLoadError) -> (DaemonConfig, [Plan], [Diagnostic]) {
        let config = try ConfigReader.load(file: configPath)
        let loader = PlanLoader(reportImporter: reportImporter)
        let result = try loader.load(config.plans)
        if result.plans.isEmpty {
            throw PlanLoadError(diagnostics: [
                Diagnostic(
                    file: configPath, line: 1, column: 1,
                    message: "'plans' yields no plan: list at least one plan file, report or directory holding them.")
            ])
        }
        return (config, result.plans, result.warnings)
    }

    /// Starts everything; returns once running (the caller then parks the main thread).
    public func start() throws {
        let (config, plans, warnings) = try Self.loadAll(configPath: configPath, reportImporter: reportImporter)
        for warning in warnings { logger.warning("\(warning.description)") }
        // Private to the daemon (and the socket's group); locked, writable, the right database:
        // or a clear refusal naming the file.
        let permissions = StatePermissions(config)
        try permissions.prepare(config.stateDir)
        let stateDirectory = try StateDirectory(
            path: config.stateDir, databaseName: URL(fileURLWithPath: config.databasePath).lastPathComponent,
            databaseMode: permissions.database, acceptNewState: acceptNewState)
        self.stateDirectory = stateDirectory
        let store = stateDirectory.store
        let channels = try makeChannels(config, logger)
        let clock: @Sendable () -> Date = { Date() }
        let schedulerBox = SchedulerBox()
        let logger = self.logger
        let delivery = DeliveryWorker(
            store: store, setup: Self.deliverySetup(config, channels: channels), health: health, logger: logger,
            clock: clock,
            onConfirmed: {
                do {
                    try stateDirectory.noteHistory()
                } catch {
                    logger.error("cannot update the state marker", metadata: ["error": "\(error)"])
                }
            },
            onPass: { confirmed in schedulerBox.scheduler?.deliveryPassFinished(confirmed) })
        let scheduler = Scheduler(store: store, delivery: delivery, health: health, logger: logger, clock: clock)
        schedulerBox.scheduler = scheduler
        self.scheduler = scheduler
        self.delivery = delivery
        self.config = config
        installSignals()
        if systemd.isEnabled {
            scheduler.onEvaluated = { [systemd] summary in systemd.notify("STATUS=\(summary.statusLine)") }
        }
        try scheduler.start(config: config, plans: plans)
        logger.info(
            "started",
            metadata: [
                "plans": "\(plans.count)", "items": "\(plans.reduce(0) { $0 + $1.items.count })",
                "state": "\(config.databasePath)", "receivers": "\(config.receivers.map(\.name).joined(separator: ","))",
            ])
        let control = ControlServer(
            service: ControlService(
                scheduler: scheduler, store: store, health: health,
                access: WriteAccess(users: config.control.writerUsers, groups: config.control.writerGroups),
                startedAt: Date(), logger: logger,
                reload: { [weak self] in self?.signalQueue.sync { self?.reload() } ?? false },
                effectiveConfig: { [weak self] in self?.config.map(EffectiveConfig.redacted) ?? [:] }),
            config: config.control, logger: logger)
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
        logger.info("reloading", metadata: ["config": "\(configPath)"])
        systemd.notifyReloading()
        // systemd holds the unit in "reloading" until READY=1, whether the reload took or not.
        defer { systemd.notify("READY=1") }
        do {
            let (config, plans, warnings) = try Self.loadAll(configPath: configPath, reportImporter: reportImporter)
            for warning in warnings { logger.warning("\(warning.description)") }
            if let old = self.config, old.stateDir != config.stateDir {
                logger.warning("state_dir changes take effect at the next restart", metadata: ["state_dir": "\(old.stateDir)"])
            }
            let channels = try makeChannels(config, logger)
            delivery?.reconfigure(Self.deliverySetup(config, channels: channels))
            scheduler?.reload(config: config, plans: plans)
            if let old = self.config, old.control != config.control {
                logger.warning("control socket changes take effect at the next restart")
            }
            self.config = config
            logger.info("reloaded", metadata: ["plans": "\(plans.count)"])
            return true
        } catch let error as PlanLoadError {
            for d in error.diagnostics { logger.error("reload rejected: \(d.description)") }
            logger.error("reload rejected; the previous configuration keeps running")
        } catch {
            logger.error("reload rejected; the previous configuration keeps running", metadata: ["error": "\(error)"])
        }
        return false
    }

    static func deliverySetup(_ config: DaemonConfig, channels: [String: any Notifier]) -> DeliveryWorker.Setup {
        DeliveryWorker.Setup(
            channels: channels, policy: config.delivery, quietHours: config.alerts.quietHours, zone: config.timeZone,
            secrets: Receivers.secrets(config))
    }

    private func shutdown() {
        logger.info("stopping")
        systemd.notify("STOPPING=1")
        control?.stop()
        scheduler?.stop()
        delivery?.stop()
        let grace = config?.delivery.shutdownGrace ?? 10
        if delivery?.drain(timeout: grace) == false {
            logger.warning("deliveries still running at shutdown; they stay in the outbox", metadata: ["grace": "\(grace)s"])
        }
        logger.info("stopped")
        exit(0)
    }
}

/// Breaks the init cycle between the delivery worker and the scheduler.
private final class SchedulerBox: @unchecked Sendable {
    var scheduler: Scheduler?
}
