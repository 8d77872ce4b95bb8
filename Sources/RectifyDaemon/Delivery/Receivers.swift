import Foundation
import Logging
import RectifyCore
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

    /// Every secret a receiver names, with the config key it came from.
    static func secretSources(_ spec: ReceiverSpec) -> [(key: String, source: SecretSource)] {
        var sources: [(String, SecretSource)] = []
        if let v = spec.passwordFile { sources.append(("password_file", .file(v))) }
        if let v = spec.passwordCredential { sources.append(("password_credential", .credential(v))) }
        if let v = spec.bearerTokenFile { sources.append(("bearer_token_file", .file(v))) }
        if let v = spec.bearerTokenCredential { sources.append(("bearer_token_credential", .credential(v))) }
        if let v = spec.keyFile { sources.append(("key_file", .file(v))) }
        if let v = spec.keyCredential { sources.append(("key_credential", .credential(v))) }
        if let v = spec.secretFile { sources.append(("secret_file", .file(v))) }
        if let v = spec.secretCredential { sources.append(("secret_credential", .credential(v))) }
        return sources
    }

    /// Reads every secret the config names (files and systemd credentials), as the daemon will
    /// at send time: a missing, unreadable, empty or multi-line secret is an error at its
    /// receiver's line, instead of "delivery failed for good" later. Never prints a secret.
    public static func checkSecrets(
        _ config: DaemonConfig, file: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for spec in config.receivers {
            for (key, source) in secretSources(spec) {
                do {
                    _ = try source.resolve(environment: environment)
                } catch {
                    problems.append(
                        Diagnostic(file: file, line: spec.line, column: 1, message: "receiver '\(spec.name)': \(key): \(error)"))
                }
            }
        }
        return problems
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
