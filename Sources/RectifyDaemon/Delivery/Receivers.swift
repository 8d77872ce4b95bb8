import Foundation
import Logging
import RectifyNotify

/// Builds a notifier for every configured receiver.
public enum Receivers {
    public static func make(_ config: DaemonConfig, _ logger: Logger) throws -> [String: any Notifier] {
        var result: [String: any Notifier] = [:]
        for spec in config.receivers {
            result[spec.name] = make(spec, logger: logger)
        }
        return result
    }

    /// Per receiver, what may never appear in a log line, the outbox or a response: the parts
    /// of its URL that can hold a key, and header values long enough to be tokens. (Secrets
    /// read from files are scrubbed by the notifiers, which hold them.)
    static func secrets(_ config: DaemonConfig) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for spec in config.receivers {
            result[spec.name] = Redaction.urlSecrets(spec.url ?? "") + spec.headers.values.filter { $0.count >= 8 }
        }
        return result
    }

    static func make(_ spec: ReceiverSpec, logger: Logger) -> any Notifier {
        var logger = logger
        logger[metadataKey: "receiver"] = "\(spec.name)"
        let from = MailAddress(spec.fromAddress ?? "rectifyd@localhost", name: spec.fromName)
        switch spec.kind {
        case .maildir:
            return MaildirNotifier(config: MaildirConfig(path: spec.path ?? "Maildir", from: from), logger: logger)
        case .smtp:
            let password: SecretSource? =
                spec.passwordCredential.map(SecretSource.credential) ?? spec.passwordFile.map(SecretSource.file)
            return SMTPNotifier(
                config: SMTPConfig(
                    url: spec.url ?? "", from: from, username: spec.username, password: password, caFile: spec.caFile,
                    insecureSkipVerify: spec.insecureSkipVerify, timeout: spec.timeout),
                logger: logger)
        case .webhook:
            let token: SecretSource? =
                spec.bearerTokenCredential.map(SecretSource.credential) ?? spec.bearerTokenFile.map(SecretSource.file)
            return WebhookNotifier(
                config: WebhookConfig(
                    url: spec.url ?? "", headers: spec.headers, bearerToken: token, caFile: spec.caFile,
                    insecureSkipVerify: spec.insecureSkipVerify, connectTimeout: min(10, spec.timeout), timeout: spec.timeout),
                logger: logger)
        case .wecom, .dingtalk, .feishu:
            return RobotNotifier(config: robotConfig(spec), logger: logger)
        }
    }

    /// One robot per receiver, kept across delivery passes (a reload builds new ones, and
    /// with them new rate windows): its rate window lives in it.
    static func robotConfig(_ spec: ReceiverSpec) -> RobotConfig {
        let kind = RobotKind(rawValue: spec.kind.rawValue) ?? .wecom
        var limit = kind.defaultLimit
        if let messages = spec.rateLimitMessages { limit.perWindow = messages }
        if let window = spec.rateLimitWindow { limit.window = window }
        if let perSecond = spec.rateLimitPerSecond { limit.perSecond = perSecond }
        return RobotConfig(
            kind: kind, url: spec.url, key: spec.keyCredential.map(SecretSource.credential) ?? spec.keyFile.map(SecretSource.file),
            secret: spec.secretCredential.map(SecretSource.credential) ?? spec.secretFile.map(SecretSource.file),
            format: spec.format.flatMap(RobotFormat.init(rawValue:)), mentions: spec.mentions, sender: spec.fromName,
            limit: limit, caFile: spec.caFile, insecureSkipVerify: spec.insecureSkipVerify,
            connectTimeout: min(10, spec.timeout), timeout: spec.timeout)
    }
}
