import Foundation

/// How libcurl reaches a receiver: the same settings for SMTP, webhooks and chat robots, read
/// once from a receiver block's `timeout`, `ca_file` and `insecure_skip_verify`.
public struct Transport: Hashable, Sendable {
    /// PEM file of CAs to trust instead of the system's (a test server's own certificate).
    public var caFile: String?
    /// Skips certificate verification. Only for a self-signed test server, and only when set.
    public var insecureSkipVerify: Bool
    public var connectTimeout: TimeInterval
    /// The whole transfer of one message or request (connection, TLS and AUTH included when
    /// they happen, to the end of the response).
    public var timeout: TimeInterval

    /// The connection limit is the total's when that is shorter: a connection cannot take
    /// longer than the transfer it is for.
    public init(
        caFile: String? = nil, insecureSkipVerify: Bool = false, connectTimeout: TimeInterval = 10,
        timeout: TimeInterval = 30
    ) {
        self.caFile = caFile
        self.insecureSkipVerify = insecureSkipVerify
        self.connectTimeout = min(connectTimeout, timeout)
        self.timeout = timeout
    }
}
