import Foundation

/// HTTP `Retry-After` (RFC 9110 §10.2.3): delta-seconds ("120") or an HTTP date ("Wed, 21 Oct
/// 2026 07:28:00 GMT"). What a receiver that is rate-limiting or down for maintenance asks for.
enum RetryAfter {
    /// The wait in seconds from `now`; nil for a value that is neither form. A date in the past
    /// is no wait (0).
    static func seconds(_ value: String, now: Date) -> TimeInterval? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) {
            return TimeInterval(text.prefix(9)).map { $0 }
        }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
