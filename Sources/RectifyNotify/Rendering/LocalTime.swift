import Foundation
import RectifyCore

/// An instant as a wall clock in a time zone shows it; formats without `DateFormatter`
/// (whose defaults — the machine's zone and locale — are exactly what a daemon must not use).
struct LocalTime {
    var date: CalendarDate
    var hour: Int
    var minute: Int
    var second: Int
    /// Seconds east of UTC.
    var offset: Int

    init(_ instant: Date, in zone: TimeZone) {
        offset = zone.secondsFromGMT(for: instant)
        let local = Int((instant.timeIntervalSince1970 + TimeInterval(offset)).rounded(.down))
        let days = Int((Double(local) / 86_400).rounded(.down))
        date = CalendarDate(dayNumber: days)
        let seconds = local - days * 86_400
        hour = seconds / 3600
        minute = seconds / 60 % 60
        second = seconds % 60
    }

    /// The zone named by `identifier`, or Asia/Shanghai when the name is unknown.
    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? TimeZone(identifier: Plan.defaultTimeZone)!
    }

    /// "+08:00" (`colon`) or "+0800".
    func offsetText(colon: Bool) -> String {
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return sign + pad(minutes / 60) + (colon ? ":" : "") + pad(minutes % 60)
    }

    /// RFC 3339: "2026-05-06T09:00:00+08:00".
    var rfc3339: String {
        "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))\(offsetText(colon: true))"
    }

    /// RFC 5322 `Date`: "Wed, 06 May 2026 09:00:00 +0800".
    var rfc5322: String {
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[date.weekday - 1]), \(pad(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(pad(hour)):\(pad(minute)):\(pad(second)) \(offsetText(colon: false))"
    }

    /// "09:00".
    var clock: String { "\(pad(hour)):\(pad(minute))" }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
