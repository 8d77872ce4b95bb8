import CCurl
import Foundation
import Logging

/// POSTs each notice as a `WebhookPayload` (JSON, version 1) with `Idempotency-Key: <notice id>`,
/// through libcurl. The handle outlives the batch: the next batch takes it again, so HTTP
/// keep-alive reuses the connection from one alert to the next (libcurl checks a kept
/// connection before using it and connects again when the receiver has closed it). A new
/// connection per alert was a fifth of the 2 ms from a scheduled instant to its POST received.
///
/// 2xx is delivered; 408, 429, 5xx and connection failures are retried; other 4xx and
/// redirects (never followed) are permanent.
public struct WebhookNotifier: Notifier {
    public let config: WebhookConfig
    private let renderer = NoticeRenderer()
    private let logger: Logger
    private let environment: [String: String]
    /// The last batch's session, while no batch runs. A lane takes it out for its batch and
    /// puts it back after; a batch that finds none opens its own.
    private let kept = KeptSession()

    public init(
        config: WebhookConfig, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.config = config
        self.logger = logger
        self.environment = environment
    }

    public func deliver(_ notices: NoticeBatch, onResult: (DeliveryResult) -> Void) {
        let reused = kept.take()
        var used: WebhookSession?
        BatchDelivery.run(
            notices, channel: "webhook", logger: logger,
            open: {
                let session = try reused ?? WebhookSession(config: config, environment: environment)
                used = session
                return session
            },
            send: { session, notice in session.post(notice, renderer: renderer) }, onResult: onResult)
        if let used { kept.keep(used) }
    }
}

/// `@unchecked Sendable`: `session` is read and written only under `lock`; a session taken out
/// is used by the one lane that took it (one lane per receiver) until it is put back.
final class KeptSession: @unchecked Sendable {
    private let lock = NSLock()
    private var session: WebhookSession?

    func take() -> WebhookSession? {
        lock.withLock {
            defer { session = nil }
            return session
        }
    }

    func keep(_ session: WebhookSession) {
        lock.withLock { self.session = session }
    }
}

/// A webhook receiver's handle and the headers every request carries.
final class WebhookSession {
    private let handle: EasyHandle
    private let url: ReceiverURL
    private let baseHeaders: [String]
    private let secrets: [String]

    init(config: WebhookConfig, environment: [String: String]) throws {
        url = try ReceiverURL(config.url, schemes: ["http", "https"])
        let token = try config.bearerToken?.resolve(environment: environment)
        secrets = (token.map { [$0] } ?? []) + config.headers.values.filter { $0.count >= 8 }
        baseHeaders = try Self.headers(config: config, token: token)
        do {
            handle = try EasyHandle(CurlBaseOptions(protocols: "http,https", transport: config.transport))
            try handle.set(CURLOPT_URL, config.url)
        } catch {
            throw DeliveryError("cannot set up webhook to \(url.redacted): \(error)")
        }
    }

    /// Defaults, then the configured headers (which replace a default of the same name).
    private static func headers(config: WebhookConfig, token: String?) throws -> [String] {
        var headers: [(String, String)] = [
            ("Content-Type", "application/json; charset=utf-8"), ("Accept", "application/json, */*"),
            // Without this, libcurl waits for "100 Continue" before sending larger bodies.
            ("Expect", ""),
        ]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        for (name, value) in config.headers.sorted(by: { $0.key < $1.key }) {
            let validName =
                !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0 != ":" }
            guard validName, !value.contains(where: \.isNewline) else {
                throw DeliveryError("webhook header \"\(name)\" is not a valid header")
            }
            headers.removeAll { $0.0.caseInsensitiveCompare(name) == .orderedSame }
            headers.append((name, value))
        }
        return headers.map { $0.1.isEmpty ? "\($0.0):" : "\($0.0): \($0.1)" }
    }

    func post(_ notice: AlertNotice, renderer: NoticeRenderer) -> SendAttempt {
        let body: [UInt8]
        do {
            body = try WebhookPayload(notice: notice, rendered: renderer.render(notice)).encoded()
        } catch {
            return SendAttempt(
                outcome: .permanent(DeliveryError("cannot encode notice: \(error)")), detail: "\(error)",
                affectsBatch: false)
        }
        let key = notice.id.filter { !$0.isNewline }
        do {
            try handle.setList(CURLOPT_HTTPHEADER, baseHeaders + ["Idempotency-Key: \(key)"])
            try handle.setPostBody(body)
        } catch {
            return SendAttempt(outcome: .permanent(DeliveryError("\(error)")), detail: "\(error)", affectsBatch: true)
        }
        let response = handle.perform()
        let verdict = OutcomeClassifier.http(curlCode: response.curlCode, status: response.responseCode)
        let snippet = String(decoding: response.body.prefix(200), as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        if verdict == .delivered {
            // What the receiver answered, in its words (an id, "accepted"), for the history.
            let words = snippet.isEmpty ? "" : ": " + Redaction.scrub(snippet, secrets: secrets, url: url.text)
            return SendAttempt(outcome: .delivered, detail: "HTTP \(response.responseCode)\(words)", affectsBatch: false)
        }
        let reason: String
        if response.succeeded {
            reason = "HTTP \(response.responseCode)" + (snippet.isEmpty ? "" : ": \(snippet)")
        } else {
            reason = response.errorText
        }
        let wait = response.retryAfter.flatMap { RetryAfter.seconds($0, now: Date()) }
        let error = DeliveryError(
            "webhook to \(url.redacted): " + Redaction.scrub(reason, secrets: secrets, url: url.text)
                + (wait.map { " (the receiver asks to retry after \(Int($0.rounded(.up))) s)" } ?? ""),
            curlCode: response.succeeded ? nil : response.curlCode,
            responseCode: response.responseCode > 0 ? response.responseCode : nil, retryAfter: wait)
        return SendAttempt(
            outcome: verdict == .permanent ? .permanent(error) : .retryable(error), detail: error.message,
            // 429 and 503 speak of the receiver, not this notice: the rest of the batch waits too.
            affectsBatch: !response.succeeded && OutcomeClassifier.affectsWholeBatch(curlCode: response.curlCode)
                || [429, 503].contains(response.responseCode))
    }
}

@available(*, unavailable)
extension WebhookSession: Sendable {}
