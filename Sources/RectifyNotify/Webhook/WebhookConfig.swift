import Foundation

/// A webhook receiver: each notice is POSTed as a JSON document (`WebhookPayload`, version 1).
public struct WebhookConfig: Hashable, Sendable {
    /// `https://…` (or `http://…`). A query may hold a key: it is redacted in errors and logs.
    public var url: String
    /// Sent with every request, after the defaults (a header named here replaces the default).
    public var headers: [String: String]
    /// Sent as `Authorization: Bearer …`, read at send time.
    public var bearerToken: SecretSource?
    public var caFile: String?
    /// Skips certificate verification. Only for a self-signed test server, and only when set.
    public var insecureSkipVerify: Bool
    public var connectTimeout: TimeInterval
    /// Limit for one request, from connecting to the end of the response.
    public var timeout: TimeInterval

    public init(
        url: String, headers: [String: String] = [:], bearerToken: SecretSource? = nil, caFile: String? = nil,
        insecureSkipVerify: Bool = false, connectTimeout: TimeInterval = 10, timeout: TimeInterval = 30
    ) {
        self.url = url
        self.headers = headers
        self.bearerToken = bearerToken
        self.caFile = caFile
        self.insecureSkipVerify = insecureSkipVerify
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }
}
