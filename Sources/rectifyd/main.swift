import ArgumentParser
import Logging
import RectifyCore

struct RectifyD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectifyd", abstract: "Watches rectification deadlines and sends alerts.")

    func run() throws {
        print("rectifyd: the daemon arrives with the daemon issue")
    }
}

RectifyD.main()
