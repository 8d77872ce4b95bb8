import Foundation
import RectifyCore

/// Writes every deadline and milestone as an all-day event (RFC 5545) that Outlook, WPS and
/// phone calendars import: CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 character, TEXT values escaped, a stable UID per deadline (re-importing updates the
/// event instead of doubling it), DTSTAMP, and a reminder ten days before an open deadline.
/// The day is the deadline's day in the plan's zone (`X-WR-TIMEZONE`); all-day events carry
/// no time, so a phone in another zone still shows the right day.
public enum CalendarWriter {
    public static func write(_ plans: [ExportPlan], now: Date) -> Data {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//rectifyd//整改台账//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(plans.count == 1 ? LedgerTitle.of(plans[0].plan) : "整改时限"),
            "X-WR-TIMEZONE:" + (plans.first?.plan.timeZone ?? Plan.defaultTimeZone),
        ]
        let stamp = utc(now)
        for export in plans {
            let plan = export.plan
            for item in plan.items {
                let who = item.responsible.map(\.label).flatMap { $0.isEmpty ? nil : $0 }
                if let deadline = item.effectiveDeadline {
                    var description = ["问题：\(item.title)", "时限：\(deadline.chineseDescription)"]
                    if let original = item.deadline, !item.extensions.isEmpty {
                        description.append("原定时限：\(original.chineseDescription)（已延期）")
                    }
                    if let who { description.append("责任：\(who)") }
                    description.append("状态：\(LedgerDocument.statusWords(item.status))")
                    lines += event(
                        uid: "\(plan.id)/\(item.id)/deadline", stamp: stamp, day: deadline.date,
                        summary: (item.status == .done ? "【已完成】" : "【整改时限】") + "\(item.id) \(item.title)",
                        description: description.joined(separator: "\n"), done: item.status == .done)
                }
                for (k, milestone) in item.milestones.enumerated() {
                    var description = ["问题：\(item.title)", "措施：\(milestone.title)", "时限：\(milestone.deadline.chineseDescription)"]
                    if let who { description.append("责任：\(who)") }
                    lines += event(
                        uid: "\(plan.id)/\(item.id)/milestone/\(milestone.id ?? String(k + 1))", stamp: stamp, day: milestone.deadline.date,
                        summary: (milestone.done ? "【已完成】" : "【整改节点】") + "\(item.id) \(milestone.title)",
                        description: description.joined(separator: "\n"), done: milestone.done)
                }
            }
        }
        lines.append("END:VCALENDAR")
        return Data(lines.map(fold).joined().utf8)
    }

    static func event(uid: String, stamp: String, day: CalendarDate, summary: String, description: String, done: Bool) -> [String] {
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + escape(uid.unicodeScalars.map { $0.isASCII && $0 != " " ? String($0) : String(format: "%%%X", $0.value) }.joined()) + "@rectifyd",
            "DTSTAMP:" + stamp,
            "DTSTART;VALUE=DATE:" + compact(day),
            "DTEND;VALUE=DATE:" + compact(day.adding(days: 1)),
            "SUMMARY:" + escape(summary),
            "DESCRIPTION:" + escape(description),
            "CATEGORIES:" + escape("整改"),
            "TRANSP:TRANSPARENT",
        ]
        if !done {
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(summary), "TRIGGER:-P10D", "END:VALARM"]
        }
        lines.append("END:VEVENT")
        return lines
    }

    static func compact(_ d: CalendarDate) -> String { String(format: "%04d%02d%02d", d.year, d.month, d.day) }

    static func utc(_ instant: Date) -> String {
        let d = CalendarDate(containing: instant, in: TimeZone(identifier: "UTC")!)
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) - d.dayNumber * 86_400
        return compact(d) + String(format: "T%02d%02d%02dZ", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// TEXT escaping: backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        Markup.escape(text) { character in
            switch character {
            case "\\": return "\\\\"
            case ";": return "\\;"
            case ",": return "\\,"
            case "\n", "\r\n", "\r": return "\\n"
            default: return nil
            }
        }
    }

    /// Folds a content line into pieces of at most 75 octets (CRLF and a leading space start
    /// each continuation), breaking only between characters.
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result + "\r\n"
    }
}
