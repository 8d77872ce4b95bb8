import Foundation

/// A receiver's URL, checked before libcurl sees it.
struct ReceiverURL {
    var text: String
    var scheme: String
    var host: String

    /// Parses `text` and requires one of `schemes`; credentials in the URL are refused so they
    /// cannot end up in logs (they belong in a secret file).
    init(_ text: String, schemes: Set<String>) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else { throw DeliveryError("invalid URL \(Redaction.url(text))") }
        guard schemes.contains(scheme) else {
            throw DeliveryError(
                "URL \(Redaction.url(text)) must start with \(schemes.sorted().map { "\($0)://" }.joined(separator: " or "))"
            )
        }
        guard components.user == nil, components.password == nil else {
            throw DeliveryError(
                "URL \(Redaction.url(text)) must not contain a user or password; use username and password_file")
        }
        self.text = text
        self.scheme = scheme
        self.host = host
    }

    /// localhost, 127.0.0.0/8 or ::1: traffic that never leaves the machine.
    var isLoopback: Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare.hasSuffix(".localhost") { return true }
        let octets = bare.split(separator: ".")
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    var redacted: String { Redaction.url(text) }
}
