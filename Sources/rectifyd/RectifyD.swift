import ArgumentParser
import Dispatch
import Foundation
import Logging
import RectifyCore
import RectifyDaemon
import RectifyImport
import RectifyStore

@main
struct RectifyD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectifyd",
        abstract: "Watches rectification deadlines and sends alerts by email, webhook and Maildir.",
        discussion: """
            Runs in the foreground (systemd supervises it). SIGHUP reloads config and plans; \
            SIGTERM or SIGINT finish in-flight deliveries and exit 0.

            Examples:
              rectifyd --config config/rectifyd.yaml
              rectifyd --check-config /etc/rectifyd/rectifyd.yaml
            """
    )

    @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "FILE"))
    var config: String = "/etc/rectifyd/rectifyd.yaml"

    @Option(name: .customLong("check-config"), help: ArgumentHelp("Validate a config and its plans, then exit.", valueName: "FILE"))
    var checkConfig: String?

    @Flag(
        name: .customLong("accept-new-state"),
        help: ArgumentHelp(
            "Start on an empty or replaced state database although the state directory held a history before "
                + "(every alert is decided afresh; see docs/operations.md)."))
    var acceptNewState = false

    func run() throws {
        HeapTrim.oneArena()
        // A closed peer or log pipe is an error to handle where it happens, never the end of
        // the daemon.
        signal(SIGPIPE, SIG_IGN)
        // A hangup before the daemon traps it (Daemon.run, right after the config is read)
        // would end the process; until then one is ignored: the plans are read after the trap.
        signal(SIGHUP, SIG_IGN)
        if let checkConfig {
            try Self.check(checkConfig)
            return
        }
        // The config is read once: for the log level here, and handed on to build the first snapshot.
        let parsed: DaemonConfig
        do {
            parsed = try ConfigReader.load(file: config)
        } catch {
            LoggingSystem.bootstrap { label in KeyValueLogHandler(label: label, level: .info) }
            let logger = Logger(label: "rectifyd")
            for diagnostic in error.diagnostics { logger.error("\(diagnostic.description)") }
            logger.error("not started: fix the errors above")
            throw ExitCode(2)
        }
        let level = Logger.Level(rawValue: parsed.logLevel) ?? .info
        LoggingSystem.bootstrap { label in KeyValueLogHandler(label: label, level: level) }
        let logger = Logger(label: "rectifyd")
        // The daemon's tasks run on its own executor (see DaemonExecutor); the main thread parks in
        // dispatchMain and the process ends when the service group has stopped.
        Daemon(config: parsed, loader: Self.loader, logger: logger, acceptNewState: acceptNewState).start(
            report: { error in Self.notStarted(error, logger: logger) }, finished: { status in Foundation.exit(status) })
        dispatchMain()
    }

    /// Logs why the daemon did not start (or stopped on a failure) and gives its exit status.
    static func notStarted(_ error: any Error, logger: Logger) -> Int32 {
        switch error {
        case let error as StateError:
            logger.error("not started: \(error.description)")
            return 2
        case let error as PlanLoadError:
            for diagnostic in error.diagnostics { logger.error("\(diagnostic.description)") }
            logger.error("not started: fix the errors above")
            return 2
        default:
            logger.error("not started", metadata: ["error": "\(error)"])
            return 1
        }
    }

    static func check(_ path: String) throws {
        let logger = Logger(label: "check")
        do {
            let snapshot = try loader.load(configPath: path, logger: logger, generation: 0)
            for warning in snapshot.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
            let config = snapshot.config
            let secrets = Receivers.checkSecrets(config, file: path)
            if !secrets.isEmpty { throw PlanLoadError(diagnostics: secrets) }
            print(
                "\(path): OK — \(snapshot.plans.count) plans, \(snapshot.itemCount) items, \(config.receivers.count) receivers, "
                    + "state in \(config.stateDir)")
        } catch let error as PlanLoadError {
            for diagnostic in error.diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Reports (.txt, .docx) and ledgers (.xlsx, .csv) in `plans` are imported on load; each receiver becomes a notifier
    /// with a logger derived from the daemon's.
    static let loader = SnapshotLoader(
        reportImporter: LedgerImporter.loaderImporter(),
        makeChannels: Receivers.make)
}

