import ArgumentParser
import Dispatch
import Foundation
import Logging
import RectifyCore
import RectifyDaemon
import RectifyImport
import RectifyStore

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
        if let checkConfig {
            try Self.check(checkConfig)
            return
        }
        let level = (try? ConfigReader.load(file: config)).flatMap { Logger.Level(rawValue: $0.logLevel) } ?? .info
        LoggingSystem.bootstrap { label in KeyValueLogHandler(label: label, level: level) }
        let logger = Logger(label: "rectifyd")
        let runner = DaemonRunner(
            configPath: config, logger: logger, reportImporter: reportImporter, makeChannels: Receivers.make,
            acceptNewState: acceptNewState)
        do {
            try runner.start()
        } catch let error as StateError {
            logger.error("not started: \(error.description)")
            throw ExitCode(2)
        } catch let error as PlanLoadError {
            for diagnostic in error.diagnostics { logger.error("\(diagnostic.description)") }
            logger.error("not started: fix the errors above")
            throw ExitCode(2)
        } catch {
            logger.error("not started", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        dispatchMain()
    }

    static func check(_ path: String) throws {
        do {
            let (config, plans, warnings) = try DaemonRunner.loadAll(configPath: path, reportImporter: reportImporter)
            for warning in warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
            _ = try Receivers.make(config, Logger(label: "check"))
            let secrets = Receivers.checkSecrets(config, file: path)
            if !secrets.isEmpty { throw PlanLoadError(diagnostics: secrets) }
            let items = plans.reduce(0) { $0 + $1.items.count }
            print("\(path): OK — \(plans.count) plans, \(items) items, \(config.receivers.count) receivers, state in \(config.stateDir)")
        } catch let error as PlanLoadError {
            for diagnostic in error.diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// Reports (.txt, .docx) and ledgers (.xlsx, .csv) in `plans` are imported on load.
let reportImporter: PlanLoader.ReportImporter? = { data, file throws(PlanLoadError) in
    try LedgerImporter.importFile(data, file: file).asLoaderResult
}

RectifyD.main()
