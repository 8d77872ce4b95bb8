import Foundation

/// The chat robots of Chinese offices: a WeCom (企业微信) group robot, a DingTalk (钉钉) custom
/// robot with 加签, a Feishu (飞书) custom bot with signature.
public enum RobotKind: String, Hashable, Sendable, CaseIterable {
    case wecom, dingtalk, feishu

    /// The endpoint the robot's key is appended to.
    public var defaultURL: String {
        switch self {
        case .wecom: return "https://qyapi.weixin.qq.com/cgi-bin/webhook/send"
        case .dingtalk: return "https://oapi.dingtalk.com/robot/send"
        case .feishu: return "https://open.feishu.cn/open-apis/bot/v2/hook"
        }
    }

    /// The platform's documented limits (a robot that goes over them is throttled or blocked).
    public var defaultLimit: RateLimit {
        switch self {
        case .wecom, .dingtalk: return RateLimit(perWindow: 20, window: 60)
        case .feishu: return RateLimit(perWindow: 100, window: 60, perSecond: 5)
        }
    }

    public var formats: [RobotFormat] {
        switch self {
        case .wecom: return [.markdown, .text]
        case .dingtalk: return [.markdown]
        case .feishu: return [.card, .post]
        }
    }

    public var defaultFormat: RobotFormat { formats[0] }

    var label: String {
        switch self {
        case .wecom: return "WeCom robot"
        case .dingtalk: return "DingTalk robot"
        case .feishu: return "Feishu bot"
        }
    }
}

/// How a robot message is written.
public enum RobotFormat: String, Hashable, Sendable, CaseIterable {
    /// WeCom and DingTalk markdown (colours as `<font>`).
    case markdown
    /// WeCom plain text: the only WeCom message that can @-mention by phone number.
    case text
    /// Feishu interactive card (a coloured header).
    case card
    /// Feishu `post` rich text.
    case post

    /// The largest message, in UTF-8 bytes, of `kind` in this format: the `content` for WeCom,
    /// the whole request body for DingTalk and Feishu.
    func byteLimit(_ kind: RobotKind) -> Int {
        switch (kind, self) {
        case (.wecom, .text): return 2048
        case (.wecom, _): return 4096
        case (.dingtalk, _): return 20_000
        case (.feishu, _): return 20_000
        }
    }
}

/// Messages a robot takes in a sliding window (and per second, for Feishu).
public struct RateLimit: Hashable, Sendable {
    public var perWindow: Int
    /// Seconds; 60 for every platform (tests shorten it).
    public var window: TimeInterval
    public var perSecond: Int?

    public init(perWindow: Int, window: TimeInterval = 60, perSecond: Int? = nil) {
        self.perWindow = perWindow
        self.window = window
        self.perSecond = perSecond
    }
}

/// A robot receiver. The key (WeCom `key`, DingTalk `access_token`, Feishu hook id) and the
/// signing secret are secrets: read at send time from a file or systemd credential.
public struct RobotConfig: Hashable, Sendable {
    public var kind: RobotKind
    /// The endpoint; the key is appended (`?key=`, `?access_token=`, `/<hook id>`).
    public var url: String
    public var key: SecretSource?
    /// DingTalk 加签 / Feishu signature secret; without it no signature is sent.
    public var secret: SecretSource?
    public var format: RobotFormat
    /// @-mention the responsible people by phone (WeCom text, DingTalk).
    public var mentions: Bool
    /// The office that signs the messages.
    public var sender: String?
    public var limit: RateLimit
    public var transport: Transport

    public init(
        kind: RobotKind, url: String? = nil, key: SecretSource? = nil, secret: SecretSource? = nil,
        format: RobotFormat? = nil, mentions: Bool = true, sender: String? = nil, limit: RateLimit? = nil,
        transport: Transport = Transport()
    ) {
        self.kind = kind
        self.url = url ?? kind.defaultURL
        self.key = key
        self.secret = secret
        self.format = format ?? kind.defaultFormat
        self.mentions = mentions
        self.sender = sender
        self.limit = limit ?? kind.defaultLimit
        self.transport = transport
    }
}
