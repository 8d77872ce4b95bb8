import CCurl
import Foundation

/// One SMTP connection's worth of state: an easy handle set up for the receiver, reused for
/// every message of a batch so libcurl keeps the connection (and its TLS and AUTH) open.
/// QUIT is sent when the session is dropped.
final class SMTPSession {
    private let handle: EasyHandle
    private let url: ReceiverURL
    private let secrets: [String]

    /// Sets up the handle; every error here is about configuration, hence permanent.
    init(config: SMTPConfig, environment: [String: String]) throws {
        url = try ReceiverURL(config.url, schemes: ["smtp", "smtps"])
        guard config.from.isValid else { throw DeliveryError("from address \"\(config.from.address)\" is not valid") }
        var password: String?
        if let username = config.username, !username.isEmpty {
            guard let source = config.password else {
                throw DeliveryError("smtp username \(username) is set but no password file or credential is")
            }
            password = try source.resolve(environment: environment)
        }
        secrets = password.map { [$0] } ?? []
        do {
            handle = try EasyHandle(CurlBaseOptions(protocols: "smtp,smtps", transport: config.transport))
            try handle.set(CURLOPT_URL, config.url)
            if let level = Self.startTLS(for: url) { try handle.set(CURLOPT_USE_SSL, Int(level.rawValue)) }
            if let username = config.username, let password {
                try handle.set(CURLOPT_USERNAME, username)
                try handle.set(CURLOPT_PASSWORD, password)
            }
            try handle.set(CURLOPT_MAIL_FROM, "<\(config.from.address)>")
        } catch {
            throw DeliveryError("cannot set up SMTP to \(url.redacted): \(error)")
        }
    }

    /// STARTTLS for `smtp://`: required off the machine, used when offered on loopback.
    /// nil for `smtps://`, which is TLS from the first byte.
    static func startTLS(for url: ReceiverURL) -> curl_usessl? {
        guard url.scheme == "smtp" else { return nil }
        return url.isLoopback ? CURLUSESSL_TRY : CURLUSESSL_ALL
    }

    /// What happened to one message.
    func send(_ message: [UInt8], to recipient: String) -> SendAttempt {
        do {
            try handle.setList(CURLOPT_MAIL_RCPT, ["<\(recipient)>"])
            try handle.setUpload(message)
        } catch {
            return SendAttempt(outcome: .permanent(DeliveryError("\(error)")), detail: "\(error)", affectsBatch: true)
        }
        let response = handle.perform()
        let connection = response.newConnections > 0 ? "new connection" : "connection reused"
        switch OutcomeClassifier.smtp(curlCode: response.curlCode, responseCode: response.responseCode) {
        case .delivered:
            // The server's own words ("250 2.0.0 Ok: queued as 4F2A1"): the queue id finds the
            // message in the mail server's log.
            let words = response.lastReplyLine.hasPrefix("\(response.responseCode)")
                ? ": " + Redaction.scrub(response.lastReplyLine, secrets: secrets, url: url.text) : ""
            return SendAttempt(
                outcome: .delivered, detail: "smtp \(response.responseCode) (\(connection))\(words)", affectsBatch: false)
        case let verdict:
            let reply = response.responseCode >= 400 ? " (server replied \(response.responseCode))" : ""
            let text = Redaction.scrub("\(response.errorText)\(reply)", secrets: secrets, url: url.text)
            let error = DeliveryError(
                "smtp to \(url.redacted): \(text)", curlCode: response.curlCode,
                responseCode: response.responseCode > 0 ? response.responseCode : nil)
            return SendAttempt(
                outcome: verdict == .permanent ? .permanent(error) : .retryable(error), detail: error.message,
                affectsBatch: OutcomeClassifier.affectsWholeBatch(curlCode: response.curlCode))
        }
    }
}

@available(*, unavailable)
extension SMTPSession: Sendable {}
