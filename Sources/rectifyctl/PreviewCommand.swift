import ArgumentParser
import Foundation
import RectifyCore
import RectifyDaemon
import RectifyImport
import RectifyNotify
import RectifyStore

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Offline: the notices the daemon would send now, to whom and why; render one.",
        discussion: """
            Reads the config and its plans (PATHs replace the config's plans), lays over them the \
            updates stored in the state directory and takes its notification log into account when \
            the database there is readable — else it works as if nothing was ever sent, and says so. \
            Nothing is written or sent. Lists one line per notice: receiver, recipient, the routing \
            that chose the recipient (role and rule, default_recipient, or a group channel's kinds), \
            why now, and the items. --show N prints notice N as its mail text; --html FILE writes \
            its HTML. The periodic digest is not previewed.

            Examples:
              rectifyctl preview --config config/rectifyd.yaml
              rectifyctl preview --config config/rectifyd.yaml --at 2026-11-22 --show 1
              rectifyctl preview --config config/rectifyd.yaml --show 2 --html /tmp/notice.html config/plans/example.yaml
            """
    )

    @Option(name: .long, help: ArgumentHelp("The daemon's configuration file.", valueName: "FILE"))
    var config: String = "/etc/rectifyd/rectifyd.yaml"

    @Option(name: .long, help: ArgumentHelp("Preview at this instant instead of now: a date or an RFC 3339 time.", valueName: "DATE"))
    var at: String?

    @Option(name: .long, help: ArgumentHelp("Print notice N (from the list) as mail text.", valueName: "N"))
    var show: Int?

    @Option(name: .long, help: ArgumentHelp("Write the HTML of notice N (--show, default 1) to FILE.", valueName: "FILE"))
    var html: String?

    @Argument(help: ArgumentHelp("Plan files, reports, ledgers or directories to use instead of the config's plans (read as the daemon reads them).", valueName: "PATH"))
    var paths: [String] = []

    func run() throws {
        let now = try OfflineFiles.instant(at)
        let daemonConfig: DaemonConfig
        let plans: [Plan]
        do {
            daemonConfig = try ConfigReader.load(file: config)
            plans = try PlanLoader.importing().load(paths.isEmpty ? daemonConfig.plans : paths).plans
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode(2)
        }
        let (log, updates, source) = Self.state(daemonConfig)
        print(source)
        let preview = NoticePreview(config: daemonConfig, plans: plans, updates: updates, log: log, at: now)
        print(Self.table(preview))
        let wanted = show ?? (html == nil ? nil : 1)
        guard let wanted else { return }
        guard preview.entries.indices.contains(wanted - 1) else {
            let count = preview.entries.count
            printError(
                count == 0
                    ? "rectifyctl: --show \(wanted): no notice would be sent now, so there is none to show (--at a later day shows what will fall due)."
                    : "rectifyctl: --show \(wanted): there \(count == 1 ? "is 1 notice" : "are \(count) notices"); give a number from 1 to \(count).")
            throw ExitCode(2)
        }
        let entry = preview.entries[wanted - 1]
        let sender = daemonConfig.receivers.first { $0.name == entry.receiver }?.senderName
        let rendered = NoticeRenderer(sender: sender).render(entry.notice)
        if let html {
            do {
                try rendered.html.write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                printError("rectifyctl: cannot write --html \(html): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            print("notice \(wanted) as HTML: \(html)")
        }
        if show != nil {
            print("")
            print("To: \(entry.notice.recipient)  (receiver \(entry.receiver))")
            print("Subject: \(rendered.subject)")
            print("")
            print(rendered.text, terminator: "")
        }
    }

    /// The notification log and stored updates of the state directory, or nothing — and a line saying which.
    static func state(_ config: DaemonConfig) -> ([LogEntry], [UpdateRecord], String) {
        let path = config.databasePath
        guard FileManager.default.fileExists(atPath: path) else {
            return ([], [], "state: no database at \(path): as if nothing was sent and nothing reported")
        }
        do {
            let (log, updates) = try StateReader.read(database: path)
            return (log, updates, "state: \(path): \(log.count) notification log entries, \(updates.count) updates taken into account")
        } catch {
            return ([], [], "state: cannot read \(path) (\(error)): as if nothing was sent and nothing reported")
        }
    }

    static func table(_ preview: NoticePreview) -> String {
        guard !preview.entries.isEmpty else { return "nothing would be sent now" }
        var lines: [String] = []
        for (index, entry) in preview.entries.enumerated() {
            let who = (entry.name.map { $0 + " " } ?? "") + "<\(entry.recipient)>"
            var line = "\(index + 1). \(entry.receiver) → \(who)"
            if entry.notice.recipient != entry.recipient { line += " (trial mode: to \(entry.notice.recipient))" }
            lines.append(line)
            lines.append("   routing: \(entry.routing.joined(separator: "; "))")
            lines.append("   why now: \(entry.why.joined(separator: ", "))")
            let items = entry.notice.entries.map { "\($0.kind.rawValue) \($0.planID)/\($0.itemID)" }
            lines.append("   \(items.count) entr\(items.count == 1 ? "y" : "ies"): \(items.joined(separator: ", "))")
        }
        lines.append("\(preview.entries.count) notice\(preview.entries.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }
}
