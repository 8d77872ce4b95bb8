import Foundation
import Logging

/// Sends notices as emails over SMTP through libcurl, one connection per batch.
///
/// A batch stops early when the server or the login fails: the notices not tried get the
/// same outcome with "not attempted" in their detail, so a wrong password is not tried
/// once per notice.
public struct SMTPNotifier: Notifier {
    public let config: SMTPConfig
    private let renderer: NoticeRenderer
    private let logger: Logger
    private let environment: [String: String]

    /// - Parameter environment: where `$CREDENTIALS_DIRECTORY` is looked up (tests pass their own).
    public init(
        config: SMTPConfig, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.config = config
        self.renderer = NoticeRenderer(sender: config.from.name)
        self.logger = logger
        self.environment = environment
    }

    public func deliver(_ notices: NoticeBatch, onResult: (DeliveryResult) -> Void) {
        BatchDelivery.run(
            notices, channel: "smtp", logger: logger,
            open: { try SMTPSession(config: config, environment: environment) },
            send: { session, notice in
                do {
                    let bytes = try NoticeMail.bytes(for: notice, from: config.from, renderer: renderer)
                    return session.send(bytes, to: notice.recipient)
                } catch {
                    let failure = DeliveryError("\(error)")
                    return SendAttempt(outcome: .permanent(failure), detail: failure.message, affectsBatch: false)
                }
            }, onResult: onResult)
    }
}
