import Logging
import RectifyCore
import RectifyNotify
import Yams

/// `type: webhook`: the notice as JSON (docs/receivers.md) posted to a URL.
struct WebhookChannel: ReceiverChannel {
    static let types = ["webhook"]
    static let keys = ["url", "headers", "bearer_token_file", "bearer_token_credential"]

    var config: WebhookConfig

    static func read(_ f: FieldReader, common: ReceiverCommon, resolve: (String) -> String) -> WebhookChannel? {
        let url = f.httpURL("url", path: f.path)
        if url == nil { f.require("url") }
        var headers: [String: String] = [:]
        if let h = f.node("headers"), case .mapping(let mapping) = h {
            for (k, v) in mapping { if let key = k.scalar?.string, let value = v.scalar?.string { headers[key] = value } }
        }
        return WebhookChannel(
            config: WebhookConfig(
                url: url ?? "", headers: headers, bearerToken: f.secret("bearer_token", resolve: resolve),
                transport: common.transport))
    }

    var isGroupChannel: Bool { true }

    var redacted: [String: String] {
        var out = ["url": Redaction.url(config.url)]
        if let token = config.bearerToken { out["bearer_token"] = described(token) }
        if !config.headers.isEmpty { out["headers"] = config.headers.keys.sorted().joined(separator: ", ") + " (values hidden)" }
        return out
    }

    var secrets: [String] { Redaction.urlSecrets(config.url) + config.headers.values.filter { $0.count >= 8 } }
    var secretSources: [(key: String, source: SecretSource)] {
        config.bearerToken.map { [(SMTPChannel.key(for: $0, "bearer_token"), $0)] } ?? []
    }

    func makeNotifier(logger: Logger) -> any Notifier { WebhookNotifier(config: config, logger: logger) }
}
