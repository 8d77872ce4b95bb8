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
        config: SMTPConfig, logger: Logger = Logger(label: "rectifyd.notify.smtp"),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.config = config
        self.renderer = NoticeRenderer(sender: config.from.name)
        self.logger = logger
        self.environment = environment
    }

    public func deliver(_ notices: [AlertNotice]) -> [DeliveryResult] {
        guard !notices.isEmpty else { return [] }
        let clock = ContinuousClock()
        let setupStart = clock.now
        let session: SMTPSession
        do {
            session = try SMTPSession(config: config, environment: environment)
        } catch {
            let failure = DeliveryError("\(error)")
            logger.error("smtp receiver unusable", metadata: ["error": "\(failure)"])
            let duration = clock.now - setupStart
            return notices.map {
                DeliveryResult(
                    noticeID: $0.id, outcome: .permanent(failure), detail: failure.message, duration: duration)
            }
        }
        var batchFailure: DeliveryOutcome?
        var results: [DeliveryResult] = []
        for notice in notices {
            if let batchFailure {
                let detail = "not attempted: " + (batchFailure.error?.message ?? "")
                results.append(
                    DeliveryResult(noticeID: notice.id, outcome: batchFailure, detail: detail, duration: .zero))
                continue
            }
            let start = clock.now
            let attempt: SMTPSession.Attempt
            do {
                let bytes = try NoticeMail.bytes(for: notice, from: config.from, renderer: renderer)
                attempt = session.send(bytes, to: notice.recipient)
            } catch {
                let failure = DeliveryError("\(error)")
                attempt = .init(outcome: .permanent(failure), detail: failure.message, affectsBatch: false)
            }
            if attempt.affectsBatch { batchFailure = attempt.outcome }
            log(attempt, notice: notice)
            results.append(
                DeliveryResult(
                    noticeID: notice.id, outcome: attempt.outcome, detail: attempt.detail, duration: clock.now - start))
        }
        return results
    }

    private func log(_ attempt: SMTPSession.Attempt, notice: AlertNotice) {
        let metadata: Logger.Metadata = [
            "notice": "\(notice.id)", "receiver": "\(notice.receiver)", "detail": "\(attempt.detail)",
        ]
        switch attempt.outcome {
        case .delivered: logger.debug("mail sent", metadata: metadata)
        case .retryable: logger.warning("mail not sent, will retry", metadata: metadata)
        case .permanent: logger.error("mail not sent, permanent failure", metadata: metadata)
        }
    }
}
