import Foundation

/// Removes secrets from texts that go into errors and logs.
public enum Redaction {
    /// A URL without its userinfo and query: "https://u:p@h/x?key=K" → "https://h/x?[redacted]".
    /// Unparseable text is replaced whole, since it may be a URL with a secret in it.
    public static func url(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.scheme != nil else { return "[unparseable URL]" }
        let hadQuery = components.query != nil
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        guard let clean = components.string else { return "[unparseable URL]" }
        return hadQuery ? clean + "?[redacted]" : clean
    }

    /// The parts of a URL that may hold a secret, as they could appear in a server's echo of
    /// the request: the query (whole, raw and decoded), each query value, the fragment and
    /// any userinfo. Longest first, so a whole query is replaced before its values.
    public static func urlSecrets(_ text: String) -> [String] {
        guard let components = URLComponents(string: text) else { return [text] }
        var secrets: [String] = []
        if let query = components.percentEncodedQuery, !query.isEmpty {
            secrets.append(query)
            if let decoded = components.query { secrets.append(decoded) }
        }
        for item in components.queryItems ?? [] {
            if let value = item.value, !value.isEmpty {
                secrets.append(value)
                if let encoded = value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) { secrets.append(encoded) }
            }
        }
        secrets += [components.fragment, components.password, components.user].compactMap { $0 }
        return Array(Set(secrets.filter { $0.count >= 3 })).sorted { $0.count > $1.count }
    }

    /// `text` with every occurrence of each secret, and of the raw URL, replaced.
    public static func scrub(_ text: String, secrets: [String], url: String? = nil) -> String {
        var result = text
        if let url, !url.isEmpty {
            if result.contains(url) { result = result.replacingOccurrences(of: url, with: Redaction.url(url)) }
            for secret in urlSecrets(url) where result.contains(secret) {
                result = result.replacingOccurrences(of: secret, with: "[redacted]")
            }
        }
        for secret in secrets.sorted(by: { $0.count > $1.count }) where secret.count >= 3 {
            result = result.replacingOccurrences(of: secret, with: "[redacted]")
        }
        return result
    }
}
