import Foundation

/// RFC 3339 times as plan files and the state database write them.
public enum Timestamps {
    /// Parses `2026-11-02T10:30:00+08:00`, `…Z`, with optional fractional seconds, or a bare
    /// date `2026-11-02` (its start in Asia/Shanghai).
    public static func parse(_ text: String) -> Date? {
        if let date = CalendarDate(text) {
            return date.startInstant(in: TimeZone(identifier: Plan.defaultTimeZone)!)
        }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let plain = Date.ISO8601FormatStyle()
        return (try? plain.parse(text)) ?? (try? withFraction.parse(text))
    }

    /// Formats an instant as RFC 3339 in `timeZone` (`2026-11-02T10:30:00+08:00`).
    public static func format(_ date: Date, in timeZone: TimeZone) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: timeZone)
        style.timeZone = timeZone
        return style.format(date)
    }
}
