import Foundation

/// A day in the proleptic Gregorian calendar, with no time and no zone.
///
/// Deadlines in plans are calendar days ("2026年4月30日"); they become instants only
/// together with a plan's time zone. Arithmetic is done on a day number (days since
/// 1970-01-01) so that evaluating 100,000 items does not go through `Calendar`.
public struct CalendarDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when the day does not exist (2025-02-29, 2024-13-01).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of a day number (days since 1970-01-01).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of a month; `month` must be 1...12.
    public static func endOfMonth(year: Int, month: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The instant at which this day begins in `timeZone`.
    public func startInstant(in timeZone: TimeZone) -> Date {
        let localMidnight = TimeInterval(dayNumber) * 86_400
        // The offset of a zone can differ across the day (DST); settle it in two steps.
        var offset = TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: localMidnight)))
        let second = TimeInterval(
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: localMidnight - offset)))
        if second != offset { offset = second }
        return Date(timeIntervalSince1970: localMidnight - offset)
    }

    /// The calendar day that contains `instant` in `timeZone`.
    public init(containing instant: Date, in timeZone: TimeZone) {
        let offset = TimeInterval(timeZone.secondsFromGMT(for: instant))
        let local = instant.timeIntervalSince1970 + offset
        self.init(dayNumber: Int((local / 86_400).rounded(.down)))
    }
}

extension CalendarDate: LosslessStringConvertible, Codable {
    /// Parses `YYYY-MM-DD`; returns nil for anything else or for a day that does not exist.
    public init?(_ text: String) {
        // Byte-level: plan files at scale hold hundreds of thousands of dates.
        var text = text
        guard let (y, m, d) = text.withUTF8({ CalendarDate.parseDigits(UnsafeRawBufferPointer($0)) }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Why `text` is not a `YYYY-MM-DD` day, in words for an error message (nil when it is one):
    /// "write it with two-digit month and day: 2026-04-30", "2026-02 has 28 days", "there is
    /// no month 13".
    public static func problem(with text: String) -> String? {
        if CalendarDate(text) != nil { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), parts[0].count == 4
        else { return "write a day as YYYY-MM-DD, e.g. 2026-04-30" }
        guard (1...12).contains(m) else { return "there is no month \(m); write a day as YYYY-MM-DD" }
        guard let day = CalendarDate(year: y, month: m, day: d) else {
            return "a day that does not exist: \(y)-\(m < 10 ? "0" : "")\(m) has \(daysIn(month: m, year: y)) days"
        }
        return "write it with a two-digit month and day: \(day)"
    }

    /// `YYYY-MM-DD` as numbers, or nil.
    static func parseDigits(_ bytes: UnsafeRawBufferPointer) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(bytes[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendDigits(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DD` appended as bytes (no formatter: reports write hundreds of thousands).
    public func appendDigits(to bytes: inout [UInt8]) {
        CalendarDate.appendPadded(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        CalendarDate.appendPadded(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        CalendarDate.appendPadded(day, width: 2, to: &bytes)
    }

    /// `value` in decimal, zero-padded to `width` characters, as `%0*d` writes it.
    static func appendPadded(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        var digits = 1
        while divisor <= magnitude / 10 {
            divisor *= 10
            digits += 1
        }
        let padded = value < 0 ? width - 1 : width
        if padded > digits { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: padded - digits)) }
        var rest = magnitude
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
