import Foundation
import RectifyCore

/// The JSON document a webhook receives, version 1 (docs/receivers.md). Fields are only
/// added within a version; a renamed or removed field means version 2. Optional fields are
/// left out when they do not apply.
public struct WebhookPayload: Codable, Hashable, Sendable {
    public static let currentVersion = 1

    public var version: Int
    /// The notice id; also the `Idempotency-Key` header.
    public var noticeID: String
    public var receiver: String
    public var recipient: String
    public var recipientName: String?
    /// RFC 3339 in the notice's time zone: "2026-05-06T09:00:00+08:00".
    public var createdAt: String
    public var timeZone: String
    public var language: String
    /// The most severe colour of the entries.
    public var colour: WarningColour?
    /// The rendered subject and text, for receivers that only post a message (chat robots).
    public var subject: String
    public var text: String
    /// A report's Markdown (the weekly 情况通报), present only when the notice carries one; its
    /// `entries` are then empty.
    public var markdown: String?
    public var entries: [Entry]
    /// The recipient's signed link to the notice's web page (with `web.base_url`), and until
    /// when it works (RFC 3339). Added in version 1: receivers that do not know it ignore it.
    public var link: String?
    public var linkExpires: String?

    enum CodingKeys: String, CodingKey {
        case version, receiver, recipient, language, colour, subject, text, markdown, entries, link
        case linkExpires = "link_expires"
        case noticeID = "notice_id"
        case recipientName = "recipient_name"
        case createdAt = "created_at"
        case timeZone = "time_zone"
    }

    public struct Entry: Codable, Hashable, Sendable {
        public var kind: AlertKind
        public var plan: Plan
        public var item: Item
        public var state: ItemState
        public var colour: WarningColour?
        public var deadline: DeadlineValue?
        /// The deadline before an extension moved it.
        public var originalDeadline: DeadlineValue?
        public var daysOverdue: Int?
        public var daysLeft: Int?
        public var daysSinceUpdate: Int?
        public var milestone: String?
        public var responsible: String?
        public var mobiles: [String]?
        public var evidence: Evidence?
        /// A reply's decision or an unacknowledged notice, in words.
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case kind, plan, item, state, colour, deadline, milestone, responsible, mobiles, evidence, note
            case originalDeadline = "original_deadline"
            case daysOverdue = "days_overdue"
            case daysLeft = "days_left"
            case daysSinceUpdate = "days_since_update"
        }
    }

    public struct Plan: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
        public var unit: String
    }

    public struct Item: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
    }

    /// A deadline: its last day, precision, source phrase and line, and a Chinese rendering.
    public struct DeadlineValue: Codable, Hashable, Sendable {
        public var date: String
        public var precision: DeadlinePrecision
        public var text: String?
        public var line: Int?
        /// "2026年4月底".
        public var description: String

        init(_ deadline: Deadline) {
            date = deadline.date.description
            precision = deadline.precision
            text = deadline.text
            line = deadline.line
            description = deadline.chineseDescription
        }
    }

    public init(notice: AlertNotice, rendered: RenderedNotice) {
        version = Self.currentVersion
        noticeID = notice.id
        receiver = notice.receiver
        recipient = notice.recipient
        recipientName = notice.recipientName
        createdAt = LocalTime(notice.createdAt, in: LocalTime.zone(notice.timeZone)).rfc3339
        timeZone = notice.timeZone
        language = notice.language
        colour = notice.colour
        subject = rendered.subject
        text = rendered.text
        markdown = notice.report?.markdown
        entries = notice.entries.map { entry in
            Entry(
                kind: entry.kind, plan: Plan(id: entry.planID, title: entry.planTitle, unit: entry.unit),
                item: Item(id: entry.itemID, title: entry.itemTitle), state: entry.state, colour: entry.colour,
                deadline: entry.deadline.map(DeadlineValue.init),
                originalDeadline: entry.originalDeadline.map(DeadlineValue.init), daysOverdue: entry.daysOverdue,
                daysLeft: entry.daysLeft, daysSinceUpdate: entry.daysSinceUpdate, milestone: entry.milestone,
                responsible: entry.responsible, mobiles: entry.mobiles.isEmpty ? nil : entry.mobiles,
                evidence: entry.evidence, note: entry.note)
        }
        link = notice.link
        linkExpires = notice.linkExpires.map { LocalTime($0, in: LocalTime.zone(notice.timeZone)).rfc3339 }
    }

    /// The request body: UTF-8 JSON with sorted keys (stable bytes for the same notice), as
    /// `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes it (`WebhookPayloadJSON`).
    public func encoded() throws -> [UInt8] {
        WebhookPayloadJSON.encode(self)
    }
}
