import Foundation

/// RFC 3339 times as plan files and the state database write them.
public enum Timestamps {
    /// Parses `2026-11-02T10:30:00+08:00`, `…Z`, with optional fractional seconds, or a bare
    /// date `2026-11-02` (its start in Asia/Shanghai).
    public static func parse(_ text: String) -> Date? {
        if let date = CalendarDate(text) {
            return date.startInstant(in: TimeZone(identifier: Plan.defaultTimeZone)!)
        }
        var copy = text
        if let instant = copy.withUTF8({ parseCommon(UnsafeRawBufferPointer($0)) }) { return instant }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let plain = Date.ISO8601FormatStyle()
        // The formatter rolls 02-30 over into March; a day that does not exist is no time.
        guard text.count >= 10, CalendarDate(String(text.prefix(10))) != nil else { return nil }
        return (try? plain.parse(text)) ?? (try? withFraction.parse(text))
    }

    /// The common shapes written by rectifyd itself, `YYYY-MM-DDTHH:MM:SS` followed by `Z` or
    /// `±HH:MM`, parsed without a formatter (plan files hold one per item).
    static func parseCommon(_ b: UnsafeRawBufferPointer) -> Date? {
        guard b.count == 20 || b.count == 25, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
            b[16] == UInt8(ascii: ":"), let (y, mo, d) = CalendarDate.parseDigits(UnsafeRawBufferPointer(rebasing: b[0..<10])),
            let date = CalendarDate(year: y, month: mo, day: d)
        else { return nil }
        func two(_ i: Int) -> Int? {
            let a = Int(b[i]) - 48, c = Int(b[i + 1]) - 48
            guard (0...9).contains(a), (0...9).contains(c) else { return nil }
            return a * 10 + c
        }
        guard let h = two(11), let mi = two(14), let s = two(17), h < 24, mi < 60, s < 60 else { return nil }
        var offset = 0
        if b.count == 20 {
            guard b[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            let sign = b[19]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), b[22] == UInt8(ascii: ":"),
                let oh = two(20), let om = two(23)
            else { return nil }
            offset = (oh * 3600 + om * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        let seconds = date.dayNumber * 86_400 + h * 3600 + mi * 60 + s - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Formats an instant as RFC 3339 in `timeZone` (`2026-11-02T10:30:00+08:00`). An offset
    /// with seconds (local mean time, e.g. +08:05:43 in Shanghai before 1901) cannot be written
    /// in RFC 3339: such instants are written in UTC (`Z`) rather than 43 s off.
    public static func format(_ date: Date, in timeZone: TimeZone) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        append(date, in: timeZone, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `format`, appended as bytes (no formatter: reports write hundreds of thousands).
    public static func append(_ date: Date, in timeZone: TimeZone, to bytes: inout [UInt8]) {
        append(date, in: ZoneDays(timeZone), to: &bytes)
    }

    /// `format` in a zone whose days are known (no lookup of the zone per call).
    public static func append(_ date: Date, in days: ZoneDays, to bytes: inout [UInt8]) {
        let timeZone = days.zone
        let offset = days.secondsFromGMT(for: date)
        if offset % 60 != 0 { return append(date, in: TimeZone(identifier: "UTC")!, to: &bytes) }
        let local = Int((date.timeIntervalSince1970 + Double(offset)).rounded(.down))
        let day = CalendarDate(dayNumber: Int((Double(local) / 86_400).rounded(.down)))
        let seconds = local - day.dayNumber * 86_400
        day.appendDigits(to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        CalendarDate.appendPadded(seconds / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        CalendarDate.appendPadded(seconds / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        CalendarDate.appendPadded(seconds % 60, width: 2, to: &bytes)
        guard offset != 0 || timeZone.identifier != "UTC" && timeZone.identifier != "GMT" else {
            bytes.append(UInt8(ascii: "Z"))
            return
        }
        let magnitude = abs(offset)
        bytes.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        CalendarDate.appendPadded(magnitude / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        CalendarDate.appendPadded(magnitude / 60 % 60, width: 2, to: &bytes)
    }
}
