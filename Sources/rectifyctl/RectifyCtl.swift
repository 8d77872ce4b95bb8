import ArgumentParser

@main
struct RectifyCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectifyctl",
        abstract: "rectifyd's command line: check plans offline, import reports, query and update the running daemon.",
        subcommands: [
            CheckCommand.self, ImportCommand.self, StatusCommand.self, ItemsCommand.self, ShowCommand.self,
            ProgressCommand.self, DoneCommand.self, ExtendCommand.self, AckCommand.self, SnoozeCommand.self,
            ReopenCommand.self, ReloadCommand.self, DeliveriesCommand.self, ExportCommand.self,
        ]
    )
}
