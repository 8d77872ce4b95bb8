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
        let offset = timeZone.secondsFromGMT(for: date)
        let local = Int((date.timeIntervalSince1970 + Double(offset)).rounded(.down))
        let day = CalendarDate(dayNumber: Int((Double(local) / 86_400).rounded(.down)))
        let seconds = local - day.dayNumber * 86_400
        let clock = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        guard offset != 0 || timeZone.identifier != "UTC" && timeZone.identifier != "GMT" else {
            return "\(day)T\(clock)Z"
        }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(day)T\(clock)\(sign)" + String(format: "%02d:%02d", magnitude / 3600, magnitude / 60 % 60)
    }
}
