import RectifyCore
import CCurl
import Foundation
import Logging

/// Posts alert notices to a WeCom, DingTalk or Feishu group robot through libcurl.
///
/// A batch is merged into one digest (`RobotDigest`) and cut into numbered messages within
/// the robot's size limit; the robot's rate limit is kept by a sliding window held in this
/// notifier, which the daemon keeps across delivery passes. When the window is spent, the
/// notices not yet carried come back `retryable` and wait in the outbox: nothing is dropped.
/// A notice is delivered when every message carrying one of its items was accepted; when it
/// comes back retryable, the items already accepted are not sent again on the next attempt.
public final class RobotNotifier: Notifier {
    public let config: RobotConfig
    private let window: RateWindow
    private let carried = CarriedEntries()
    private let logger: Logger
    private let environment: [String: String]
    private let clock: @Sendable () -> Date
    /// Longest pause for the per-second limit before a message; beyond it the batch waits in the outbox.
    private let longestPause: TimeInterval = 2

    public init(
        config: RobotConfig, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.config = config
        self.window = RateWindow(config.limit)
        self.logger = logger
        self.environment = environment
        self.clock = clock
    }

    public func deliver(_ notices: NoticeBatch, onResult: (DeliveryResult) -> Void) {
        // All at once: a robot's digest merges the whole batch.
        let notices = Array(notices)
        guard !notices.isEmpty else { return }
        let started = ContinuousClock.now
        let label = config.kind.label
        let session: RobotSession
        do {
            session = try RobotSession(config: config, environment: environment)
        } catch {
            let failure = DeliveryError("\(error)")
            logger.error("robot receiver unusable", metadata: ["error": "\(failure)"])
            for notice in notices {
                onResult(
                    DeliveryResult(
                        noticeID: notice.id, outcome: .permanent(failure), detail: failure.message,
                        duration: ContinuousClock.now - started))
            }
            return
        }
        let digest = RobotDigest(kind: config.kind, format: config.format, mentions: config.mentions, sender: config.sender)
        // Items an earlier pass already got through are not posted twice.
        let messages = digest.messages(for: notices.map(carried.remaining(of:)))
        var outcomes: [DeliveryOutcome?] = Array(repeating: nil, count: messages.count)
        var details: [String] = Array(repeating: "", count: messages.count)
        // Each notice is reported once its last message is through (or has failed), so an
        // accepted notice is confirmed before the next message goes out.
        var carrying: [[Int]] = Array(repeating: [], count: notices.count)
        for (index, message) in messages.enumerated() { for n in message.notices { carrying[n].append(index) } }
        var reported = Array(repeating: false, count: notices.count)
        func report(_ index: Int) {
            reported[index] = true
            onResult(
                self.result(
                    for: notices[index], carrying: carrying[index], total: messages.count, outcomes: outcomes,
                    details: details, started: started, count: notices.count))
        }
        for index in notices.indices where carrying[index].isEmpty { report(index) }
        var stop: DeliveryOutcome?
        for (index, message) in messages.enumerated() {
            if let stop {
                outcomes[index] = stop
                details[index] = "not attempted: " + (stop.error?.message ?? "")
                continue
            }
            if let wait = acquire() {
                let error = DeliveryError(
                    "\(label) rate limit: \(config.limit.perWindow) messages per \(Int(config.limit.window)) s are spent; "
                        + "\(messages.count - index) of \(messages.count) messages wait in the outbox until \(wait)")
                stop = .retryable(error)
                outcomes[index] = stop
                details[index] = error.message
                continue
            }
            let attempt = session.post(message, now: clock())
            outcomes[index] = attempt.outcome
            details[index] = attempt.detail
            if case .delivered = attempt.outcome {
                carried.add(message.keys, to: message.notices.map { notices[$0].id })
                for n in message.notices where !reported[n] && carrying[n].last == index { report(n) }
                continue
            }
            if attempt.throttled { window.markThrottled(at: clock()) }
            stop = attempt.outcome
        }
        logger.debug(
            "robot digest", metadata: ["notices": "\(notices.count)", "messages": "\(messages.count)", "robot": "\(label)"])
        for index in notices.indices where !reported[index] { report(index) }
    }

    /// Takes one message from the window; nil when it may go, else when the window frees up.
    private func acquire() -> Date? {
        while true {
            switch window.acquire(at: clock()) {
            case .send: return nil
            case .exhausted(let until): return until
            case .wait(let seconds):
                guard seconds <= longestPause else { return clock().addingTimeInterval(seconds) }
                Thread.sleep(forTimeInterval: max(0.001, seconds))
            }
        }
    }

    /// One notice's result: delivered when all its messages were, else the first failure.
    private func result(
        for notice: AlertNotice, carrying: [Int], total: Int, outcomes: [DeliveryOutcome?], details: [String],
        started: ContinuousClock.Instant, count: Int
    ) -> DeliveryResult {
        let share = (ContinuousClock.now - started) / max(1, count)
        if let failed = carrying.first(where: { outcomes[$0]?.isDelivered != true }) {
            let outcome = outcomes[failed] ?? .retryable(DeliveryError("not attempted"))
            if case .permanent = outcome { carried.forget(notice.id) }
            return DeliveryResult(noticeID: notice.id, outcome: outcome, detail: details[failed], duration: share)
        }
        carried.forget(notice.id)
        let parts = carrying.map { "\($0 + 1)" }.joined(separator: ",")
        let detail =
            carrying.isEmpty
            ? "nothing left to send" : "\(config.kind.rawValue) message \(parts) of \(total): \(details[carrying[0]])"
        return DeliveryResult(noticeID: notice.id, outcome: .delivered, detail: detail, duration: share)
    }
}

/// The items of notices that accepted messages already carried, per notice id, until the notice
/// is done. Kept in memory across delivery passes: after a restart a notice is posted whole
/// again (the at-least-once window of docs/configuration.md).
final class CarriedEntries: Sendable {
    private let byNotice = Locked<[String: Set<String>]>([:])

    /// `notice` without the entries already carried.
    func remaining(of notice: AlertNotice) -> AlertNotice {
        let done = byNotice.withLock { $0[notice.id] ?? [] }
        guard !done.isEmpty else { return notice }
        var rest = notice
        rest.entries.removeAll { done.contains(RobotDigest.key($0)) }
        return rest
    }

    func add(_ keys: Set<String>, to ids: [String]) {
        byNotice.withLock { byNotice in for id in ids { byNotice[id, default: []].formUnion(keys) } }
    }

    func forget(_ id: String) {
        byNotice.withLock { $0[id] = nil }
    }
}

/// A robot's handle, its secrets and the URL with its key.
final class RobotSession {
    private let config: RobotConfig
    private let handle: EasyHandle
    private let url: ReceiverURL
    private let keyedURL: String
    private let secret: String?
    private let secrets: [String]
    private let layout: RobotLayout

    struct Attempt {
        var outcome: DeliveryOutcome
        var detail: String
        var throttled: Bool
    }

    init(config: RobotConfig, environment: [String: String]) throws {
        self.config = config
        url = try ReceiverURL(config.url, schemes: ["http", "https"])
        let key = try config.key?.resolve(environment: environment)
        secret = try config.secret?.resolve(environment: environment)
        secrets = [key, secret].compactMap { $0 }
        keyedURL = Self.keyed(config.url, kind: config.kind, key: key)
        layout = RobotLayout(kind: config.kind, format: config.format, mentions: config.mentions)
        do {
            handle = try EasyHandle(CurlBaseOptions(protocols: "http,https", transport: config.transport))
            try handle.setList(
                CURLOPT_HTTPHEADER, ["Content-Type: application/json; charset=utf-8", "Accept: application/json", "Expect:"])
        } catch {
            throw DeliveryError("cannot set up the \(config.kind.label) at \(url.redacted): \(error)")
        }
    }

    /// WeCom `?key=`, DingTalk `?access_token=`, Feishu `/<hook id>`.
    static func keyed(_ url: String, kind: RobotKind, key: String?) -> String {
        guard let key, !key.isEmpty else { return url }
        let separator = url.contains("?") ? "&" : "?"
        let escaped = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~")))
            ?? key
        switch kind {
        case .wecom: return url + separator + "key=" + escaped
        case .dingtalk: return url + separator + "access_token=" + escaped
        case .feishu: return (url.hasSuffix("/") ? url : url + "/") + escaped
        }
    }

    func post(_ message: RobotMessage, now: Date) -> Attempt {
        var target = keyedURL
        var stamp: RobotStamp?
        if let secret {
            switch config.kind {
            case .wecom: break
            case .dingtalk:
                let s = RobotSignature.dingtalk(secret: secret, at: now)
                target += (target.contains("?") ? "&" : "?") + "timestamp=\(s.timestamp)&sign=\(s.sign)"
            case .feishu: stamp = RobotSignature.feishu(secret: secret, at: now)
            }
        }
        do {
            try handle.set(CURLOPT_URL, target)
            try handle.setPostBody(layout.body(message, stamp: stamp))
        } catch {
            return Attempt(outcome: .permanent(DeliveryError("\(error)")), detail: "\(error)", throttled: false)
        }
        let response = handle.perform()
        let reply = response.succeeded ? RobotReply(response.body) : nil
        let verdict = OutcomeClassifier.http(curlCode: response.curlCode, status: response.responseCode)
        if verdict == .delivered, let reply, reply.isSuccess {
            return Attempt(outcome: .delivered, detail: "HTTP \(response.responseCode), code 0", throttled: false)
        }
        let throttled = reply?.isThrottle(config.kind) ?? (response.responseCode == 429)
        let reason: String
        if !response.succeeded {
            reason = response.errorText
        } else if let reply, let code = reply.code {
            reason = "HTTP \(response.responseCode), code \(code): \(reply.message)"
        } else {
            let snippet = String(decoding: response.body.prefix(200), as: UTF8.self)
                .split(whereSeparator: \.isNewline).joined(separator: " ")
            reason = "HTTP \(response.responseCode), unexpected reply" + (snippet.isEmpty ? "" : ": \(snippet)")
        }
        let error = DeliveryError(
            "\(config.kind.label) at \(url.redacted): " + Redaction.scrub(reason, secrets: secrets, url: target),
            curlCode: response.succeeded ? nil : response.curlCode,
            responseCode: response.responseCode > 0 ? response.responseCode : nil)
        let retryable: Bool
        if throttled {
            retryable = true
        } else if reply?.code != nil && verdict == .delivered {
            retryable = false  // the robot refused the message itself: signature, keyword, key, format
        } else {
            retryable = verdict != .permanent
        }
        return Attempt(outcome: retryable ? .retryable(error) : .permanent(error), detail: error.message, throttled: throttled)
    }
}

@available(*, unavailable)
extension RobotSession: Sendable {}
