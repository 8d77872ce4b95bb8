import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Turn report text into a plan.")

    func run() throws {
        throw ValidationError("import is not built yet")
    }
}
