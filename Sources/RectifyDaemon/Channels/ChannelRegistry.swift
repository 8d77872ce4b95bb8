import Foundation
import Logging
import RectifyCore
import RectifyNotify
import Yams

/// Every kind of receiver the daemon knows: one line per channel folder.
enum ChannelRegistry {
    static let channels: [any ReceiverChannel.Type] = [
        MaildirChannel.self,
        SMTPChannel.self,
        WebhookChannel.self,
        RobotChannel.self,
    ]

    static var types: [String] { channels.flatMap { $0.types } }

    /// Every key a receiver block may have (the common ones and every channel's own).
    static var keys: [String] {
        var keys = ReceiverCommon.keys + ["password", "bearer_token", "key", "secret"]
        for channel in channels { keys += channel.keys.filter { !keys.contains($0) } }
        return keys
    }

    /// Reads one block of `receivers:`: the common part here, the rest by its channel.
    static func read(_ node: Node, path: String, sink: DiagnosticSink, resolve: (String) -> String) -> ReceiverSpec? {
        guard let f = FieldReader(node, path: path, sink: sink, allowed: keys) else { return nil }
        for secret in ["password", "bearer_token", "key", "secret"] where f.has(secret) {
            sink.error(
                f.markOf(secret),
                "\(path).\(secret): secrets are not written in the config; put it in a file readable only by rectifyd and use \(secret)_file, or a systemd credential with \(secret)_credential.")
        }
        let name = f.string("name", required: true)
        guard let type = f.string("type") else {
            f.require("type", hint: types.joined(separator: ", ") + ".")
            return nil
        }
        guard let channel = channels.first(where: { $0.types.contains(type) }) else {
            var message = "\(path).type is '\(type)', which is not one of \(types.joined(separator: ", "))"
            if let guess = Spelling.suggestion(for: type, among: types) { message += "; did you mean '\(guess)'?" } else {
                message += "."
            }
            sink.error(f.markOf("type"), message)
            return nil
        }
        guard let name else { return nil }
        var common = ReceiverCommon(name: name, type: type)
        common.line = f.mark?.line ?? 1
        if let from = f.node("from"), let r = FieldReader(from, path: f.fieldPath("from"), sink: sink, allowed: ["name", "address"]) {
            common.fromName = r.string("name")
            common.fromAddress = r.string("address", required: true)
        }
        common.transport = Transport(
            caFile: f.string("ca_file").map(resolve), insecureSkipVerify: f.bool("insecure_skip_verify") ?? false,
            timeout: ConfigReader.duration(f, "timeout", minimum: (1, "1s")) ?? 30)
        common.kinds = f.stringList("kinds")
        let kindNames = AlertKind.allCases.map(\.rawValue)
        for k in common.kinds where !kindNames.contains(k) {
            sink.error(f.markOf("kinds"), "\(path).kinds has '\(k)', which is not one of \(kindNames.joined(separator: ", ")).")
        }
        if channel != RobotChannel.self, f.has("rate_limit") {
            sink.error(f.markOf("rate_limit"), "\(path).rate_limit is for the chat robots (wecom, dingtalk, feishu).")
        }
        return channel.read(f, common: common, resolve: resolve).map { ReceiverSpec(common: common, channel: $0) }
    }
}

/// The receivers of a config as notifiers, their secrets, and a check that every secret reads.
public enum Receivers {
    /// A notifier per receiver, each with the daemon's logger tagged with the receiver's name.
    public static func make(_ config: DaemonConfig, _ logger: Logger) throws -> [String: any Notifier] {
        var result: [String: any Notifier] = [:]
        for spec in config.receivers {
            var logger = logger
            logger[metadataKey: "receiver"] = "\(spec.name)"
            result[spec.name] = spec.channel.makeNotifier(logger: logger)
        }
        return result
    }

    /// Per receiver, what may never appear in a log line, the outbox or a response.
    static func secrets(_ config: DaemonConfig) -> [String: [String]] {
        Dictionary(config.receivers.map { ($0.name, $0.channel.secrets) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads every secret the config names (files and systemd credentials), as the daemon will
    /// at send time: a missing, unreadable, empty or multi-line secret is an error at its
    /// receiver's line, instead of "delivery failed for good" later. Never prints a secret.
    public static func checkSecrets(
        _ config: DaemonConfig, file: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for spec in config.receivers {
            for (key, source) in spec.channel.secretSources {
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
}
