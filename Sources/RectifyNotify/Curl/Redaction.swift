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

    /// `text` with every occurrence of each secret, and of the raw URL, replaced.
    static func scrub(_ text: String, secrets: [String], url: String? = nil) -> String {
        var result = text
        if let url, !url.isEmpty, result.contains(url) {
            result = result.replacingOccurrences(of: url, with: Redaction.url(url))
        }
        for secret in secrets where secret.count >= 3 {
            result = result.replacingOccurrences(of: secret, with: "[redacted]")
        }
        return result
    }
}
