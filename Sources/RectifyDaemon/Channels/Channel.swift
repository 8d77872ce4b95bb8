import Foundation
import Logging
import RectifyCore
import RectifyNotify

/// One kind of receiver, in a folder of its own under `Channels/`: it reads and checks its
/// block of `receivers:`, names its secrets, says what `GET /v1/config` may show of it, and
/// builds its notifier (the transport lives in RectifyNotify). A new channel is a new folder
/// and one line in `ChannelRegistry.channels`.
protocol ReceiverChannel: Sendable {
    /// The `type:` values it answers to (the robots' folder answers to three).
    static var types: [String] { get }
    /// Keys of its own, besides `ReceiverCommon.keys`.
    static var keys: [String] { get }

    /// Reads a block whose type is one of `types`; problems go to `f.sink` at their line.
    static func read(_ f: FieldReader, common: ReceiverCommon, resolve: (String) -> String) -> Self?

    /// A channel to a system or a group chat (webhook, robots), not to people's mailboxes:
    /// it gets every alert of its `kinds` (all when empty), one message per evaluation.
    var isGroupChannel: Bool { get }
    /// Its settings as `GET /v1/config` shows them: secrets by their source, never read.
    var redacted: [String: String] { get }
    /// Texts that must never leave the process: the parts of a URL that can hold a key,
    /// header values long enough to be tokens. (Secrets read from files are scrubbed by the
    /// notifiers, which hold them.)
    var secrets: [String] { get }
    /// The secrets it names (files, systemd credentials), with the config key naming each.
    var secretSources: [(key: String, source: SecretSource)] { get }

    func makeNotifier(logger: Logger) -> any Notifier
}

extension ReceiverChannel {
    var secrets: [String] { [] }
    var secretSources: [(key: String, source: SecretSource)] { [] }
}

/// What every receiver block has: its name, type and line, the alert kinds it takes, the
/// sender, and the transport settings the network channels share.
struct ReceiverCommon: Sendable {
    static let keys = ["name", "type", "kinds", "from", "timeout", "ca_file", "insecure_skip_verify"]

    var name: String
    var type: String
    var line = 1
    /// Alert kinds this receiver takes (group channels); empty = all.
    var kinds: [String] = []
    var fromName: String?
    var fromAddress: String?
    var transport = Transport()

    init(name: String, type: String) {
        self.name = name
        self.type = type
    }

    /// The sender as a mail address (maildir, smtp).
    var from: MailAddress { MailAddress(fromAddress ?? "rectifyd@localhost", name: fromName) }
}

/// A receiver as configured: the common part and its channel.
public struct ReceiverSpec: Sendable {
    var common: ReceiverCommon
    var channel: any ReceiverChannel

    init(common: ReceiverCommon, channel: any ReceiverChannel) {
        self.common = common
        self.channel = channel
    }

    /// A receiver of `channel` named `name` (tests and tools).
    init(name: String, channel: some ReceiverChannel) {
        self.init(common: ReceiverCommon(name: name, type: Swift.type(of: channel).types[0]), channel: channel)
    }

    public var name: String { common.name }
    /// Who signs its notices (`from.name`).
    public var senderName: String? { common.fromName }
    public var type: String { common.type }
    public var line: Int { common.line }
    public var kinds: [String] { common.kinds }
    public var isGroupChannel: Bool { channel.isGroupChannel }
}

/// A secret's source in `GET /v1/config`: "(from file …)" or "(from credential …)".
func described(_ source: SecretSource) -> String {
    switch source {
    case .file(let path): return "(from file \(path))"
    case .credential(let name): return "(from credential \(name))"
    }
}

extension FieldReader {
    /// `NAME_file` or `NAME_credential`: where a secret comes from.
    func secret(_ name: String, resolve: (String) -> String) -> SecretSource? {
        string("\(name)_credential").map(SecretSource.credential) ?? string("\(name)_file").map { .file(resolve($0)) }
    }

    /// An http(s) URL, or an error at its line.
    func httpURL(_ key: String, path: String, hint: String = "") -> String? {
        guard let url = string(key) else { return nil }
        if !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            sink.error(markOf(key), "\(path).\(key) must start with http:// or https://\(hint).")
        }
        return url
    }
}
