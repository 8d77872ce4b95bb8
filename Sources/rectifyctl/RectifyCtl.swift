import ArgumentParser

@main
struct RectifyCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectifyctl",
        abstract: "rectifyd's command line: check plans offline, import reports.",
        subcommands: [CheckCommand.self, ImportCommand.self]
    )
}
