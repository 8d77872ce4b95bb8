import ArgumentParser

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
        let nearest = names.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        if let nearest, nearest.1 <= max(1, nearest.0.count / 3) {
            return "unknown command '\(word)'; did you mean '\(nearest.0)'? (rectifyctl --help lists them)"
        }
        return "unknown command '\(word)'; rectifyctl --help lists the commands."
    }

    /// Edit distance (insertions, deletions, substitutions, adjacent swaps).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
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
