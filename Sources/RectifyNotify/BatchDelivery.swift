import Foundation
import Logging

/// What sending one notice over an open session came to.
struct SendAttempt {
    var outcome: DeliveryOutcome
    var detail: String
    /// The failure concerns the receiver (connection, TLS, login), not this notice: the rest
    /// of the batch would fail alike, so it is not tried.
    var affectsBatch: Bool
}

/// The batch loop every session-based notifier shares (SMTP, webhook): one session for the
/// whole batch; a session that cannot be opened fails every notice permanently; a
/// receiver-level failure stops the batch and gives the rest the same outcome, marked
/// "not attempted", so a wrong password is not tried once per notice.
enum BatchDelivery {
    static func run<Session>(
        _ notices: NoticeBatch, channel: String, logger: Logger, open: () throws -> Session,
        send: (Session, AlertNotice) -> SendAttempt, onResult: (DeliveryResult) -> Void
    ) {
        guard !notices.isEmpty else { return }
        let clock = ContinuousClock()
        let setupStart = clock.now
        let session: Session
        do {
            session = try open()
        } catch {
            let failure = DeliveryError("\(error)")
            logger.error("\(channel) receiver unusable", metadata: ["error": "\(failure)"])
            let duration = clock.now - setupStart
            for notice in notices {
                onResult(DeliveryResult(noticeID: notice.id, outcome: .permanent(failure), detail: failure.message, duration: duration))
            }
            return
        }
        var batchFailure: DeliveryOutcome?
        for notice in notices {
            if let batchFailure {
                let detail = "not attempted: " + (batchFailure.error?.message ?? "")
                onResult(DeliveryResult(noticeID: notice.id, outcome: batchFailure, detail: detail, duration: .zero))
                continue
            }
            let start = clock.now
            let attempt = send(session, notice)
            if attempt.affectsBatch { batchFailure = attempt.outcome }
            let metadata: Logger.Metadata = [
                "notice": "\(notice.id)", "receiver": "\(notice.receiver)", "detail": "\(attempt.detail)",
            ]
            switch attempt.outcome {
            case .delivered: logger.debug("\(channel) delivered", metadata: metadata)
            case .retryable: logger.warning("\(channel) not delivered, will retry", metadata: metadata)
            case .permanent: logger.error("\(channel) not delivered, permanent failure", metadata: metadata)
            }
            onResult(
                DeliveryResult(noticeID: notice.id, outcome: attempt.outcome, detail: attempt.detail, duration: clock.now - start))
        }
    }
}
