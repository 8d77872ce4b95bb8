import ArgumentParser

/// `rectifyctl report`: documents for reporting upward, drafted from the plans' state.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draft the next 整改进展情况通报, or print the weekly 情况通报.",
        discussion: """
            Both read plan files, reports (.txt) and directories given as PATHs (offline), or ask the \
            running daemon when no PATH is given. See docs/reports.md.
            """,
        subcommands: [ReportDraftCommand.self, ReportWeeklyCommand.self]
    )
}
