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
    /// Timeouts (`timeout` limits sending one message) and the certificates to trust.
    public var transport: Transport

    public init(
        url: String, from: MailAddress, username: String? = nil, password: SecretSource? = nil,
        transport: Transport = Transport()
    ) {
        self.url = url
        self.from = from
        self.username = username
        self.password = password
        self.transport = transport
    }
}
