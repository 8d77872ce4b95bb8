import Foundation
import Logging
import RectifyCore
import RectifyNotify

/// `type: wecom | dingtalk | feishu`: a group chat robot (docs/robots.md). The robot keeps
/// its rate window, so the daemon keeps the notifier across delivery passes.
struct RobotChannel: ReceiverChannel {
    static let types = RobotKind.allCases.map(\.rawValue)
    static let keys = [
        "url", "key_file", "key_credential", "secret_file", "secret_credential", "format", "mentions", "rate_limit",
    ]

    var config: RobotConfig

    init(config: RobotConfig) { self.config = config }

    /// A robot of `kind` with its defaults (tests).
    init(kind: RobotKind) { config = RobotConfig(kind: kind) }

    /// A robot needs its key; DingTalk and Feishu robots should sign (加签 / 签名校验).
    static func read(_ f: FieldReader, common: ReceiverCommon, resolve: (String) -> String) -> RobotChannel? {
        guard let kind = RobotKind(rawValue: common.type) else { return nil }
        let path = f.path
        let url = f.httpURL("url", path: path, hint: " (default \(kind.defaultURL))")
        let key = f.secret("key", resolve: resolve), secret = f.secret("secret", resolve: resolve)
        if key == nil {
            f.sink.error(
                f.mark,
                "\(path) needs key_file or key_credential: the robot's key (the part after key=, access_token= or hook/ in its webhook URL).")
        }
        if kind != .wecom && secret == nil {
            f.sink.warning(f.mark, "\(path) has no secret_file or secret_credential: messages are not signed.")
        }
        var format: RobotFormat?
        if let text = f.string("format") {
            format = RobotFormat(rawValue: text).flatMap { kind.formats.contains($0) ? $0 : nil }
            if format == nil {
                f.sink.error(
                    f.markOf("format"),
                    "\(path).format '\(text)' is not one of \(kind.formats.map(\.rawValue).joined(separator: ", ")) for \(kind.rawValue).")
            }
        }
        return RobotChannel(
            config: RobotConfig(
                kind: kind, url: url, key: key, secret: secret, format: format, mentions: f.bool("mentions") ?? true,
                sender: common.fromName, limit: rateLimit(f, kind: kind),
                transport: common.transport))
    }

    /// `rate_limit: {messages: 20, per: 60s, per_second: 5}` below the platform's.
    private static func rateLimit(_ f: FieldReader, kind: RobotKind) -> RateLimit {
        var limit = kind.defaultLimit
        guard let node = f.node("rate_limit"),
            let r = FieldReader(node, path: f.fieldPath("rate_limit"), sink: f.sink, allowed: ["messages", "per", "per_second"])
        else { return limit }
        if let messages = r.int("messages", minimum: 1) { limit.perWindow = messages }
        if let perSecond = r.int("per_second", minimum: 1) { limit.perSecond = perSecond }
        if let per = ConfigReader.duration(r, "per") {
            if per >= 1 { limit.window = per } else {
                f.sink.error(r.markOf("per"), "\(f.path).rate_limit.per must be at least 1s (the platforms count per minute: 60s).")
            }
        }
        if !r.has("messages") {
            r.require("messages", hint: "messages per window, e.g. 20 (WeCom, DingTalk) or 100 (Feishu).")
        }
        return limit
    }

    var isGroupChannel: Bool { true }

    var redacted: [String: String] {
        var out = ["url": Redaction.url(config.url), "format": config.format.rawValue]
        if let key = config.key { out["key"] = described(key) }
        if let secret = config.secret { out["secret"] = described(secret) }
        return out
    }

    var secrets: [String] { Redaction.urlSecrets(config.url) }
    var secretSources: [(key: String, source: SecretSource)] {
        [("key", config.key), ("secret", config.secret)].compactMap { name, source in
            source.map { (SMTPChannel.key(for: $0, name), $0) }
        }
    }

    func makeNotifier(logger: Logger) -> any Notifier { RobotNotifier(config: config, logger: logger) }
}
