import Foundation
import RectifyControl
import Logging
import RectifyNotify

/// One clearly marked test message through a configured receiver, sent by its real notifier:
/// `rectifyctl test-receiver` through the daemon (its secrets, its network) or offline from a
/// config. Nothing is queued or logged as sent; the server's answer comes back as it is.
public enum ReceiverTest {
    /// Why no test message was sent (an unknown receiver, a recipient that cannot be used).
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Whom a test message through `spec` goes to, and what chose it when `to` is nil.
    static func recipient(_ spec: ReceiverSpec, config: DaemonConfig, to: String?) throws(Refusal) -> (String, chosenBy: String?) {
        if spec.isGroupChannel {
            if to != nil {
                throw Refusal(description: "--to is for maildir and smtp receivers; '\(spec.name)' (\(spec.type)) posts to its own endpoint")
            }
            return (spec.name, nil)
        }
        let chosen: (String, String?)
        if let to {
            chosen = (to, nil)
        } else if let trial = config.routing.redirectAll {
            chosen = (trial, "routing.redirect_all")
        } else if let fallback = config.routing.defaultRecipient?.email {
            chosen = (fallback, "routing.default_recipient")
        } else {
            throw Refusal(
                description: "say whom to send it to with --to ADDRESS (the config has no routing.redirect_all or routing.default_recipient)")
        }
        guard MailAddress(chosen.0).isValid else { throw Refusal(description: "'\(chosen.0)' is not an email address") }
        return chosen
    }

    /// The receiver named `name` in `config`, or a refusal that lists the ones there are.
    static func spec(_ name: String, in config: DaemonConfig) throws(Refusal) -> ReceiverSpec {
        guard let spec = config.receivers.first(where: { $0.name == name }) else {
            let names = config.receivers.map(\.name).joined(separator: ", ")
            throw Refusal(description: "no receiver is named '\(name)' in \(config.file) (receivers: \(names))")
        }
        return spec
    }

    /// Sends the test message through `notifier` (blocking: a receiver's timeout bounds it).
    public static func run(
        receiver name: String, to: String?, config: DaemonConfig, notifier: any Notifier, requestedBy: String, at now: Date = Date()
    ) throws(Refusal) -> ReceiverTestResponse {
        let spec = try spec(name, in: config)
        let (recipient, chosenBy) = try recipient(spec, config: config, to: to)
        let notice = TestMessage.notice(
            receiver: name, type: spec.type, recipient: recipient, language: config.language, timeZone: config.timeZone, at: now,
            requestedBy: requestedBy)
        let started = ContinuousClock.now
        let result = notifier.deliver([notice]).first
        let seconds = ContinuousClock.now - started
        let outcome: String
        switch result?.outcome {
        case .delivered?: outcome = "delivered"
        case .retryable?: outcome = "retryable"
        case .permanent?, nil: outcome = "permanent"
        }
        return ReceiverTestResponse(
            receiver: name, type: spec.type, recipient: recipient, chosenBy: chosenBy, delivered: result?.outcome.isDelivered ?? false,
            outcome: outcome, answer: result?.detail ?? "the notifier gave no result",
            seconds: Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18, notice: notice.id)
    }

    /// Offline: builds the receiver's notifier from `config` (reading its secrets as this user
    /// does) and sends the test message; the notifier's warnings go to stderr.
    public static func runOffline(receiver name: String, to: String?, config: DaemonConfig, requestedBy: String) throws
        -> ReceiverTestResponse
    {
        let spec = try spec(name, in: config)
        var logger = Logger(label: "rectifyctl") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        logger[metadataKey: "receiver"] = "\(name)"
        let notifier = spec.channel.makeNotifier(logger: logger)
        return try run(receiver: name, to: to, config: config, notifier: notifier, requestedBy: requestedBy)
    }
}
