import Foundation
import RectifyCore
import RectifyExport
import Testing

/// The .ics export by RFC 5545: CRLF, folding at 75 octets without splitting a character,
/// escaping, one all-day event per deadline and milestone with a stable UID.
struct CalendarTests {
    static let plan: Plan = {
        var item = Item(id: "2.3", title: "疾控中心整体搬迁项目推进缓慢，选址、立项、可研批复等前期工作进展迟缓；涉及资金,需协调\\财政", status: .inProgress)
        item.deadline = Deadline(date: CalendarDate(year: 2027, month: 3, day: 31)!, precision: .month)
        item.milestones = [Milestone(title: "完成施工图审图", deadline: Deadline(date: CalendarDate(year: 2026, month: 11, day: 15)!))]
        item.extensions = [Extension(deadline: Deadline(date: CalendarDate(year: 2027, month: 6, day: 30)!), reason: "资金未到位", granted: CalendarDate(year: 2027, month: 3, day: 1)!)]
        return Plan(id: "example", unit: "示例县卫生健康局", title: "示例县整改台账", items: [item, Item(id: "1.1", title: "已办结的问题", status: .done)])
    }()

    static func text() -> String {
        String(decoding: CalendarWriter.write([ExportPlan(plan: plan)], now: Date(timeIntervalSince1970: 1_800_000_000)), as: UTF8.self)
    }

    @Test func linesEndInCRLF_andFoldAt75OctetsWithoutSplittingCharacters() {
        let raw = CalendarWriter.write([ExportPlan(plan: Self.plan)], now: Date(timeIntervalSince1970: 1_800_000_000))
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.utf8.count == raw.count)  // valid UTF-8: no character was split
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(lines.contains { $0.hasPrefix(" ") })  // the long summary was folded
    }

    @Test func events_areAllDay_escaped_withStableUIDs() {
        let unfolded = Self.text().replacingOccurrences(of: "\r\n ", with: "")
        let lines = unfolded.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
        #expect(lines.contains("DTSTART;VALUE=DATE:20270630"))  // the extended deadline is in force
        #expect(lines.contains("DTEND;VALUE=DATE:20270701"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20261115"))
        #expect(lines.contains("DTSTAMP:20270115T080000Z"))
        #expect(lines.contains("X-WR-TIMEZONE:Asia/Shanghai"))
        let summary = lines.first { $0.hasPrefix("SUMMARY:【整改时限】") }!
        #expect(summary.contains("迟缓\\；") == false)
        #expect(summary.contains("涉及资金\\,需协调\\\\财政"))
        #expect(lines.contains { $0.hasPrefix("DESCRIPTION:") && $0.contains("原定时限：2027年3月底（已延期）") && $0.contains("\\n") })
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count)
        #expect(uids.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(Self.text() == Self.text())
    }
}
