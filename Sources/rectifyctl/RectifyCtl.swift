import ArgumentParser
import RectifyCore

@main
struct RectifyCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectifyctl",
        abstract: "rectifyd's command line: check plans offline, import reports, query and update the running daemon.",
        discussion: """
            Options of the online commands may come before the subcommand, as systemctl and git take \
            them: rectifyctl --socket state/rectifyd.sock status.
            """,
        subcommands: [
            CheckCommand.self, ImportCommand.self, ReportCommand.self, StatusCommand.self, ItemsCommand.self, ShowCommand.self,
            ProgressCommand.self, DoneCommand.self, ExtendCommand.self, AckCommand.self, SnoozeCommand.self,
            ReopenCommand.self, ReloadCommand.self, DeliveriesCommand.self, ExportCommand.self, PreviewCommand.self,
            RequestsCommand.self, ApproveCommand.self, RejectCommand.self, WebCommand.self, TestReceiverCommand.self,
        ]
    )

    /// The options every online command takes, allowed before the subcommand too.
    static let leadingOptions: [(name: String, takesValue: Bool)] = [("--socket", true), ("--json", false)]

    /// For a first word that is no subcommand ("chek"): a sentence naming the nearest one.
    /// ArgumentParser said "2 unexpected arguments: 'chek', 'plan.yaml'".
    static func unknownCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(word) else { return nil }
        if let nearest = Spelling.suggestion(for: word, among: names) {
            return "unknown command '\(word)'; did you mean '\(nearest)'? (rectifyctl --help lists them)"
        }
        return "unknown command '\(word)'; rectifyctl --help lists the commands."
    }

    /// `rectifyctl --socket X status …` → `rectifyctl status --socket X …` (ArgumentParser reads a
    /// subcommand's options only after its name). Anything else is left as it is.
    static func movingLeadingOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--") {
            let name = String(first.split(separator: "=", maxSplits: 1)[0])
            guard let option = leadingOptions.first(where: { $0.name == name }) else { break }
            leading.append(first)
            rest = rest.dropFirst()
            if option.takesValue && !first.contains("="), let value = rest.first {
                leading.append(value)
                rest = rest.dropFirst()
            }
        }
        guard !leading.isEmpty, let subcommand = rest.first else { return arguments }
        return [subcommand] + leading + Array(rest.dropFirst())
    }

    static func main() {
        let arguments = movingLeadingOptions(Array(CommandLine.arguments.dropFirst()))
        if let first = arguments.first, let message = unknownCommand(first) {
            printError("rectifyctl: " + message)
            exit(withError: ExitCode.validationFailure)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
