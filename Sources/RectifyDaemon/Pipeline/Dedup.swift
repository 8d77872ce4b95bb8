import Foundation
import RectifyStore

/// Why an alert goes out now: a named reason, for logs and tests.
enum SendReason: String, Sendable {
    case first
    case repeatIntervalElapsed = "repeat_interval_elapsed"
    case stateChanged = "state_changed"
}

/// The third stage: whether a recipient hears of an alert now, from what the ledger says was
/// sent (or queued) to them under the same key before. Pure: `now` is passed in.
enum Dedup {
    enum Decision: Equatable {
        case send(SendReason)
        /// Told before with the same fingerprint and not to be repeated.
        case alreadyTold
        /// Told before; the repeat interval lets it go again at `again`.
        case repeatNotDue(again: Date)
    }

    /// - Parameters:
    ///   - previous: the last entry the ledger has for this receiver, recipient and key.
    ///   - repeatAfter: when an alert sent at a given instant may be repeated; nil: never.
    static func decide(
        previous: LogEntry?, fingerprint: String, repeatAfter: ((Date) -> Date)?, at now: Date
    ) -> Decision {
        decide(
            last: previous.map { AlertLedger.Send(fingerprint: $0.fingerprint, sentAt: $0.sentAt) }, fingerprint: fingerprint,
            repeatAfter: repeatAfter, at: now)
    }

    /// The same, from what the ledger keeps of the last send (no log entry made for it).
    static func decide(
        last previous: AlertLedger.Send?, fingerprint: String, repeatAfter: ((Date) -> Date)?, at now: Date
    ) -> Decision {
        guard let previous else { return .send(.first) }
        if previous.fingerprint != fingerprint { return .send(.stateChanged) }
        guard let repeatAfter else { return .alreadyTold }
        let again = repeatAfter(previous.sentAt)
        return again <= now ? .send(.repeatIntervalElapsed) : .repeatNotDue(again: again)
    }
}
