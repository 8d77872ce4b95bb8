import Foundation

/// An SMTP receiver. Plain values: the daemon's config fills them in.
///
/// `smtp://host:587` sends with STARTTLS, which is required (the send fails without it) unless
/// the host is loopback; `smtps://host:465` starts with TLS. The password is read at send time
/// from `password` (a file or a systemd credential), never from the config itself.
public struct SMTPConfig: Hashable, Sendable {
    /// `smtp://host[:port]` or `smtps://host[:port]`; no userinfo, no query.
    public var url: String
    /// The From header and the envelope sender; the display name also signs the notice.
    public var from: MailAddress
    public var username: String?
    public var password: SecretSource?
    /// PEM file of CAs to trust instead of the system's (a test server's own certificate).
    public var caFile: String?
    /// Skips certificate verification. Only for a self-signed test server, and only when set.
    public var insecureSkipVerify: Bool
    public var connectTimeout: TimeInterval
    /// Limit for sending one message (connection, TLS and AUTH included when they happen).
    public var timeout: TimeInterval

    public init(
        url: String, from: MailAddress, username: String? = nil, password: SecretSource? = nil, caFile: String? = nil,
        insecureSkipVerify: Bool = false, connectTimeout: TimeInterval = 10, timeout: TimeInterval = 30
    ) {
        self.url = url
        self.from = from
        self.username = username
        self.password = password
        self.caFile = caFile
        self.insecureSkipVerify = insecureSkipVerify
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }
}
