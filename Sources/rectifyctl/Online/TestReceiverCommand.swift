import ArgumentParser
import Foundation
import RectifyControl
import RectifyCore
import RectifyDaemon

/// `rectifyctl test-receiver NAME [--to ADDRESS]`: one clearly marked test message through a
/// receiver, and what its server answered.
struct TestReceiverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-receiver",
        abstract: "Send one test message through a receiver and print what its server answered.",
        discussion: """
            The message says in its subject and first line that it is a test and needs nothing \
            done. Through the daemon (the default) it goes out with the daemon's secrets and \
            network, between the receiver's deliveries; writers only. With --config it is sent \
            from here, reading the receiver's secrets as you (before the daemon runs). Maildir and \
            SMTP receivers send to --to, else routing.redirect_all, else routing.default_recipient; \
            webhooks and robots post to their own endpoint. Exit status 0 when the server took it, \
            1 when it did not, 2 when nothing was sent (unknown receiver, no recipient), 3 when \
            the daemon cannot be reached. Nothing is queued or recorded as a notice.

            Examples:
              rectifyctl test-receiver smtp --to zgb@example.gov.cn
              rectifyctl test-receiver wecom-group
              rectifyctl test-receiver mail --config config/rectifyd.yaml --to me@example.gov.cn
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: ArgumentHelp("The receiver's name in the config.", valueName: "NAME"))
    var name: String

    @Option(help: ArgumentHelp("The address (maildir and smtp receivers).", valueName: "ADDRESS"))
    var to: String?

    @Option(help: ArgumentHelp("Send from here with this config instead of through the daemon.", valueName: "FILE"))
    var config: String?

    func run() throws {
        let answer: ReceiverTestResponse
        if let config {
            answer = try offline(config)
            if connection.json {
                FileHandle.standardOutput.write(try ControlAPI.encoder().encode(answer))
                FileHandle.standardOutput.write(Data("\n".utf8))
            }
        } else {
            // A receiver may take its whole timeout (30 s by default) and libcurl a connect timeout on top.
            let data = try connection.client().call(
                "POST", "/v1/receivers/\(ControlClient.escape(name))/test", body: ReceiverTestRequest(to: to), timeout: 300)
            if connection.json { FileHandle.standardOutput.write(data) }
            answer = try ControlAPI.decoder().decode(ReceiverTestResponse.self, from: data)
        }
        if !connection.json { print(Self.describe(answer)) }
        if !answer.delivered { throw ExitCode(1) }
    }

    private func offline(_ path: String) throws -> ReceiverTestResponse {
        let daemonConfig: DaemonConfig
        do {
            daemonConfig = try ConfigReader.load(file: path)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode(2)
        }
        let requestedBy = "\(ProcessInfo.processInfo.userName)@\(ProcessInfo.processInfo.hostName), offline"
        do {
            return try ReceiverTest.runOffline(receiver: name, to: to, config: daemonConfig, requestedBy: requestedBy)
        } catch {
            printError("rectifyctl: \(error)")
            throw ExitCode(2)
        }
    }

    static func describe(_ a: ReceiverTestResponse) -> String {
        let chosen = a.chosenBy.map { " (\($0))" } ?? ""
        let verdict: String
        switch a.outcome {
        case "delivered": verdict = "taken by the server"
        case "retryable": verdict = "NOT delivered (a later try may work)"
        default: verdict = "NOT delivered (trying again will fail the same way)"
        }
        return """
            test message through '\(a.receiver)' (\(a.type)) to \(a.recipient)\(chosen): \(verdict)
              answer: \(a.answer)
              time:   \(String(format: "%.2f", a.seconds)) s, notice \(a.notice)
            """
    }
}
