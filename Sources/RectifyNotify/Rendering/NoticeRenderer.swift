import Foundation
import RectifyCore

/// The three renderings of one notice: a mail's subject and its text and HTML bodies
/// (webhooks carry the subject and text too).
public struct RenderedNotice: Hashable, Sendable {
    public var subject: String
    public var text: String
    public var html: String
}

/// Renders an `AlertNotice` as a 督办通知: Chinese by default, English for `language: "en"`,
/// times in the notice's time zone. Pure: the same notice always renders the same way.
///
/// Entries are grouped in sections by alert kind, most urgent first (escalation, overdue,
/// milestone missed, reminder, stale, no deadline, digest, resolved); inside a section,
/// red before yellow before green, then the latest first and the nearest deadline first.
public struct NoticeRenderer: Sendable {
    /// Who signs the notice (the office); the mail's From display name is a good choice.
    public var sender: String?

    public init(sender: String? = nil) {
        self.sender = sender
    }

    public func render(_ notice: AlertNotice) -> RenderedNotice {
        if let report = notice.report { return RenderedNotice(subject: report.subject, text: report.text, html: report.html) }
        let document = document(for: notice)
        return RenderedNotice(
            subject: document.subject, text: TextLayout.render(document), html: HTMLLayout.render(document))
    }

    static let kindOrder: [AlertKind] = [
        .escalation, .overdue, .milestoneMissed, .reminder, .stale, .noDeadline, .digest, .resolved,
    ]

    func document(for notice: AlertNotice) -> NoticeDocument {
        let wording: any NoticeWording =
            notice.language.lowercased().hasPrefix("en") ? EnglishWording() : ChineseWording()
        let zone = LocalTime.zone(notice.timeZone)
        let time = LocalTime(notice.createdAt, in: zone)
        let kinds = Self.kindOrder.filter { kind in notice.entries.contains { $0.kind == kind } }
        let itemCount = Set(notice.entries.map { [$0.planID, $0.itemID] }).count
        let units = Self.distinct(notice.entries.map(\.unit))
        let plans = Self.distinct(notice.entries.map(\.planTitle))

        var sections: [NoticeSection] = []
        var number = 0
        for kind in kinds {
            let rows = notice.entries.filter { $0.kind == kind }.sorted(by: Self.moreUrgent).map { entry in
                number += 1
                return row(entry, number: number, wording: wording)
            }
            sections.append(
                NoticeSection(
                    title: wording.sectionTitle(kind, index: sections.count + 1, count: rows.count), kind: kind,
                    rows: rows))
        }
        let firstOpen = sections.first { $0.kind != .resolved }?.rows.first?.itemID
        return NoticeDocument(
            language: wording.languageTag,
            subject: wording.subject(colour: notice.colour, kinds: kinds, itemCount: itemCount, units: units),
            greeting: wording.greeting(notice.recipientName),
            intro: wording.intro(
                at: time, zone: TimeZoneLabel(identifier: zone.identifier, offset: time.offsetText(colon: true)),
                plans: plans, itemCount: itemCount),
            labels: wording.labels, sections: sections, nextStepsTitle: wording.nextStepsTitle,
            nextSteps: wording.nextSteps(kinds: Set(kinds), exampleItem: firstOpen),
            signature: wording.signature(sender: sender, at: time), footer: wording.footer(noticeID: notice.id))
    }

    private func row(_ entry: NoticeEntry, number: Int, wording: any NoticeWording) -> NoticeRow {
        let evidence =
            entry.evidence.map { wording.evidence($0.text, line: $0.line) }
            ?? entry.deadline.flatMap { deadline in deadline.text.map { wording.evidence($0, line: deadline.line) } }
        return NoticeRow(
            number: number, colour: entry.colour, colourLabel: wording.colourLabel(entry.colour),
            itemID: entry.itemID, itemTitle: entry.itemTitle, plan: entry.planTitle,
            deadline: wording.deadline(entry), timing: wording.timing(entry), responsible: wording.responsible(entry),
            evidence: evidence)
    }

    private static func moreUrgent(_ a: NoticeEntry, _ b: NoticeEntry) -> Bool {
        if a.colour != b.colour { return rank(a.colour) > rank(b.colour) }
        if a.daysOverdue != b.daysOverdue { return (a.daysOverdue ?? -1) > (b.daysOverdue ?? -1) }
        if a.daysLeft != b.daysLeft { return (a.daysLeft ?? .max) < (b.daysLeft ?? .max) }
        return (a.planID, a.itemID) < (b.planID, b.itemID)
    }

    private static func rank(_ colour: WarningColour?) -> Int {
        switch colour {
        case nil: return 0
        case .green: return 1
        case .yellow: return 2
        case .red: return 3
        }
    }

    private static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
