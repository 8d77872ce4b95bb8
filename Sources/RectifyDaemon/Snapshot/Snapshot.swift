import Foundation
import Logging
import RectifyCore
import RectifyNotify

/// Builds the delivery channels for a config (the notifiers live in RectifyNotify).
public typealias ChannelFactory = @Sendable (DaemonConfig, Logger) throws -> [String: any Notifier]

/// Everything the daemon runs on, read and validated as one value: the config (its calendar is
/// `config.policy.calendar`), the plans as their files say, and a notifier per receiver.
///
/// Built whole at start and on reload and never changed afterwards: a reload makes a new one
/// and swaps it in (`SnapshotCell`), so an evaluation, a delivery pass or a query sees one
/// consistent config. Services read the current snapshot when they need it; none keeps a copy
/// of its own to "reconfigure".
public struct Snapshot: Sendable {
    public let config: DaemonConfig
    /// The plans as read from their files (stored updates are laid over them by `World`).
    public let plans: [Plan]
    public let channels: [String: any Notifier]
    /// Per receiver: texts that must never leave the process (URL query values, tokens).
    public let secrets: [String: [String]]
    /// What loading found worth a warning (each logged once, when the snapshot is taken).
    public let warnings: [Diagnostic]
    /// 1 for the snapshot the daemon started with, one more for each reload that took.
    public let generation: Int
    /// The web listener's keys and accounts; nil when the config has no `web:` section.
    public var web: WebSetup? = nil

    public var itemCount: Int { plans.reduce(0) { $0 + $1.items.count } }
}

/// Reads a config and everything it names into a `Snapshot`, or throws every problem found.
public struct SnapshotLoader: Sendable {
    public var reportImporter: PlanLoader.ReportImporter?
    public var makeChannels: ChannelFactory

    public init(reportImporter: PlanLoader.ReportImporter?, makeChannels: @escaping ChannelFactory) {
        self.reportImporter = reportImporter
        self.makeChannels = makeChannels
    }

    /// Reads the config file, then the rest.
    public func load(configPath: String, logger: Logger, generation: Int) throws -> Snapshot {
        try load(config: ConfigReader.load(file: configPath), logger: logger, generation: generation)
    }

    /// The plans and channels of an already-read config (main reads it once, for the log level).
    public func load(config: DaemonConfig, logger: Logger, generation: Int, now: Date = Date()) throws -> Snapshot {
        let result = try PlanLoader(reportImporter: reportImporter).load(config.plans)
        if result.plans.isEmpty {
            throw PlanLoadError(diagnostics: [
                Diagnostic(
                    file: config.file, line: 1, column: 1,
                    message: "'plans' yields no plan: list at least one plan file, report or directory holding them.")
            ])
        }
        return Snapshot(
            config: config, plans: result.plans, channels: try makeChannels(config, logger),
            secrets: Receivers.secrets(config),
            warnings: result.warnings + [CalendarCoverage.warning(config: config, plans: result.plans, now: now)].compactMap { $0 },
            generation: generation,
            web: try WebSetup.load(config))
    }
}

/// The current snapshot, swapped whole under a lock: readers never see half a reload.
public final class SnapshotCell: Sendable {
    private let value: Locked<Snapshot>

    public init(_ snapshot: Snapshot) { value = Locked(snapshot) }

    public var current: Snapshot { value.withLock { $0 } }

    /// Puts `next` in place and returns the snapshot it replaced.
    @discardableResult
    public func replace(with next: Snapshot) -> Snapshot {
        value.withLock { current in
            defer { current = next }
            return current
        }
    }
}
