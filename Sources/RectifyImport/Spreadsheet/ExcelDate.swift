import Foundation
import RectifyCore

/// Excel's date serial numbers and date number formats.
///
/// In the 1900 date system (the default) serial 1 is 1900-01-01 and Excel, copying Lotus
/// 1-2-3, counts a 29 February 1900 that never was (serial 60): from serial 61 on, the day
/// is 1899-12-30 plus the serial. Workbooks saved with `date1904` (old Mac Excel) count from
/// 1904-01-01 = 0. A time of day is the fraction and is dropped.
enum ExcelDate {
    static let epoch1900 = CalendarDate(year: 1899, month: 12, day: 30)!.dayNumber
    static let epoch1904 = CalendarDate(year: 1904, month: 1, day: 1)!.dayNumber

    /// The calendar day of a serial, or nil outside the years Excel can show (1900–9999).
    static func date(serial: Double, date1904: Bool) -> CalendarDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return CalendarDate(dayNumber: epoch1904 + whole) }
        guard whole >= 1 else { return nil }
        if whole == 60 { return CalendarDate(year: 1900, month: 2, day: 28) }  // Excel's 1900-02-29
        return CalendarDate(dayNumber: epoch1900 + whole + (whole < 60 ? 1 : 0))
    }

    /// The serial Excel stores for a day (1900 system), for writing date cells.
    static func serial(_ date: CalendarDate) -> Int {
        let days = date.dayNumber - epoch1900
        return days <= 60 ? days - 1 : days
    }

    /// Built-in number formats that show dates: 14–17, 22 and the East Asian ones
    /// (27–31, 36, 50–54, 57, 58: 2025年6月30日, 2025年6月, 6月30日; 32–35, 55, 56 are times).
    static let builtinDateFormats: Set<Int> = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]
    /// The ones among them that show a year and month only (mmm-yy, yyyy"年"m"月").
    static let builtinMonthFormats: Set<Int> = [17, 27, 36, 50, 52, 57]

    /// What a date format shows: "yyyy年m月" a month, "yyyy年" a year, anything with d a day.
    static func precision(of code: String) -> DeadlinePrecision {
        let plain = code.lowercased().replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\\[[^\\]]*\\]", with: "", options: .regularExpression)
        if plain.contains("d") { return .day }
        if plain.contains("m") { return .month }
        return plain.contains("y") ? .year : .day
    }

    /// Whether a custom format code shows a date: it has a year or day part (or a month
    /// outside a time), once quoted text, escapes and [colour]/[$-locale] sections are removed.
    static func isDateFormat(_ code: String) -> Bool {
        var plain: [Character] = []
        var inQuote = false, inBracket = false, escaped = false
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            default: plain.append(Character(ch.lowercased()))
            }
        }
        // Only the positive section decides.
        if let semicolon = plain.firstIndex(of: ";") { plain = Array(plain[..<semicolon]) }
        let words = String(plain)
        if words.hasPrefix("general") { return false }
        if plain.contains("y") || plain.contains("d") { return true }
        if plain.contains("m") { return !plain.contains("h") && !plain.contains("s") }
        return false
    }
}
