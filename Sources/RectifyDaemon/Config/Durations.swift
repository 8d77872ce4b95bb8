import Foundation

/// Durations in config: `90s`, `15m`, `12h`, `30d`, `2w`.
enum Durations {
    static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let unit = trimmed.last, let value = Double(trimmed.dropLast()), value >= 0 else { return nil }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        case "d": return value * 86_400
        case "w": return value * 7 * 86_400
        default: return nil
        }
    }

    /// `10wd` → 10 working days (a whole number, at least 1); nil for anything else.
    static func workingDays(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("wd"), let value = Int(trimmed.dropLast(2)), value >= 1 else { return nil }
        return value
    }

    /// `HH:MM` → minutes after midnight.
    static func clock(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        return h * 60 + m
    }
}
