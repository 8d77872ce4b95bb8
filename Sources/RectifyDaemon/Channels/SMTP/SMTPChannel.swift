import Logging
import RectifyCore
import RectifyNotify

/// `type: smtp`: mail through an SMTP server (STARTTLS or smtps), one connection per batch.
struct SMTPChannel: ReceiverChannel {
    static let types = ["smtp"]
    static let keys = ["url", "username", "password_file", "password_credential"]

    var config: SMTPConfig

    static func read(_ f: FieldReader, common: ReceiverCommon, resolve: (String) -> String) -> SMTPChannel? {
        let path = f.path
        let url = f.string("url")
        if let url {
            if !(url.hasPrefix("smtp://") || url.hasPrefix("smtps://")) {
                f.sink.error(f.markOf("url"), "\(path).url must start with smtp:// or smtps://.")
            }
        } else {
            f.require("url", hint: "e.g. smtp://mail.example.gov.cn:587")
        }
        if common.fromAddress == nil { f.require("from", hint: "the sender, e.g. {name: 整改办, address: zgb@example.gov.cn}.") }
        let username = f.string("username")
        let password = f.secret("password", resolve: resolve)
        if username != nil && password == nil {
            f.sink.error(f.mark, "\(path) has a username but no password_file or password_credential.")
        }
        return SMTPChannel(
            config: SMTPConfig(
                url: url ?? "", from: common.from, username: username, password: password,
                transport: common.transport))
    }

    var isGroupChannel: Bool { false }

    var redacted: [String: String] {
        var out = ["url": Redaction.url(config.url)]
        if let user = config.username { out["username"] = user }
        if let password = config.password { out["password"] = described(password) }
        return out
    }

    var secrets: [String] { Redaction.urlSecrets(config.url) }
    var secretSources: [(key: String, source: SecretSource)] {
        config.password.map { [(Self.key(for: $0, "password"), $0)] } ?? []
    }

    func makeNotifier(logger: Logger) -> any Notifier { SMTPNotifier(config: config, logger: logger) }

    /// `password_file` or `password_credential`, as the config named it.
    static func key(for source: SecretSource, _ name: String) -> String {
        if case .credential = source { return "\(name)_credential" }
        return "\(name)_file"
    }
}
