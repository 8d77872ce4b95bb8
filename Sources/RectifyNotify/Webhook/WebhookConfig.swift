import Foundation

/// A webhook receiver: each notice is POSTed as a JSON document (`WebhookPayload`, version 1).
public struct WebhookConfig: Hashable, Sendable {
    /// `https://…` (or `http://…`). A query may hold a key: it is redacted in errors and logs.
    public var url: String
    /// Sent with every request, after the defaults (a header named here replaces the default).
    public var headers: [String: String]
    /// Sent as `Authorization: Bearer …`, read at send time.
    public var bearerToken: SecretSource?
    /// Timeouts (`timeout` limits one request, from connecting to the end of the response) and
    /// the certificates to trust.
    public var transport: Transport

    public init(
        url: String, headers: [String: String] = [:], bearerToken: SecretSource? = nil, transport: Transport = Transport()
    ) {
        self.url = url
        self.headers = headers
        self.bearerToken = bearerToken
        self.transport = transport
    }
}
