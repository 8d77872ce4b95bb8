import Logging
import RectifyCore
import RectifyNotify

/// `type: maildir`: every notice a mail file in a Maildir folder (the default receiver).
struct MaildirChannel: ReceiverChannel {
    static let types = ["maildir"]
    static let keys = ["path"]

    var config: MaildirConfig

    static func read(_ f: FieldReader, common: ReceiverCommon, resolve: (String) -> String) -> MaildirChannel? {
        guard let path = f.string("path").map(resolve) else {
            f.require("path", hint: "the Maildir folder (created if missing).")
            return nil
        }
        return MaildirChannel(config: MaildirConfig(path: path, from: common.from))
    }

    var isGroupChannel: Bool { false }
    var redacted: [String: String] { ["path": config.path] }

    func makeNotifier(logger: Logger) -> any Notifier { MaildirNotifier(config: config, logger: logger) }
}
