import Foundation
import RectifyCore

/// One robot message: a digest of due items, or one numbered part of a long digest.
struct RobotMessage {
    /// "【红色预警】整改事项督办提醒：35项（鹿寨县疾病预防控制中心）（1/3）".
    var title: String
    /// The most severe colour of the whole digest (a Feishu card header, the title tag).
    var colour: WarningColour?
    /// "截至2026年5月6日 09:00（北京时间）".
    var intro: String
    var sections: [RobotSection]
    /// Phones of the responsible people of this part's items (for @-mentions).
    var mobiles: [String]
    var footer: String
    /// The notices (indices into the batch) with an item in this message.
    var notices: Set<Int>
    /// The entries this message carries (`RobotDigest.key`), so a retry sends only the rest.
    var keys: Set<String> = []
    /// The signed link of the batch's newest notice, and its line ("办理链接").
    var link: String? = nil
    var linkLabel: String = ""
    /// A report's text posted as it is (instead of `intro` and `sections`).
    var body: String?
}

/// The items of one alert kind in a message.
struct RobotSection {
    var title: String
    /// The section's rows, titles cut to `RobotDigest.titleLimit`.
    var lines: [NoticeRow]
}

extension NoticeRow {
    /// A chat line's second half: "2025年底｜已逾期126天｜业务股（覃丽）".
    var facts: String { [deadline, timing, responsible].joined(separator: "｜") }
}

/// A robot's layout of a batch: every notice of the batch merged into one document by
/// `NoticeComposer`, cut into numbered messages that each fit the robot's size limit. Merging
/// — never dropping — is how rectifyd stays within a robot's 20 messages a minute. Pure: the
/// same notices give the same messages.
struct RobotDigest {
    var kind: RobotKind
    var format: RobotFormat
    var mentions: Bool
    var sender: String?

    /// Longest item title in a line; the full title is in the mail and the webhook payload.
    static let titleLimit = 60

    func messages(for notices: [AlertNotice]) -> [RobotMessage] {
        reportMessages(notices) + digestMessages(notices)
    }

    /// Reports (the weekly 情况通报) each in messages of their own, cut between lines into
    /// numbered parts within the size limit: Markdown, or the text for plain formats.
    func reportMessages(_ notices: [AlertNotice]) -> [RobotMessage] {
        let layout = RobotLayout(kind: kind, format: format, mentions: mentions)
        let limit = format.byteLimit(kind)
        var result: [RobotMessage] = []
        for (index, notice) in notices.enumerated() {
            guard let report = notice.report else { continue }
            let language = NoticeLanguage(tag: notice.language)
            let plain = format == .text || (kind == .feishu && format == .post)
            let lines = (plain ? report.text : report.markdown).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            func message(_ chunk: ArraySlice<String>, part: Int, of total: Int) -> RobotMessage {
                RobotMessage(
                    title: report.subject + (total > 1 ? language.partSuffix(part, total) : ""), colour: nil, intro: "",
                    sections: [], mobiles: [], footer: language.chatFooter(sender), notices: [index],
                    keys: ["report\u{1}\(notice.id)\u{1}\(part)"], body: chunk.joined(separator: "\n"))
            }
            let parts = Self.pack(lines.count) { layout.measure(message(lines[$0], part: 99, of: 99)) <= limit }
            result += parts.enumerated().map { number, range in message(lines[range], part: number + 1, of: parts.count) }
        }
        return result
    }

    /// Greedy packing of `count` lines into consecutive ranges, each of which `fits` (a single
    /// line always makes a part of its own).
    static func pack(_ count: Int, fits: (Range<Int>) -> Bool) -> [Range<Int>] {
        guard count > 0 else { return [] }
        var parts: [Range<Int>] = []
        var start = 0
        for end in 1..<count where !fits(start..<(end + 1)) {
            parts.append(start..<end)
            start = end
        }
        parts.append(start..<count)
        return parts
    }

    /// Alerts and digests: every notice of the batch merged into one document, cut into parts.
    func digestMessages(_ notices: [AlertNotice]) -> [RobotMessage] {
        let composer = NoticeComposer(sender: sender)
        // A robot cuts the merged batch into its own parts; a notice's part number would only confuse.
        let document = composer.compose(notices.map { notice in
            var whole = notice
            whole.part = nil
            return whole
        })
        let rows = document.sections.flatMap { section in section.rows.map { (section.kind, $0) } }
        guard !rows.isEmpty else { return [] }
        // Greedy packing, measured with a part number as wide as the most parts there can be
        // (one per line), so numbering never overflows the limit.
        let layout = RobotLayout(kind: kind, format: format, mentions: mentions)
        let limit = format.byteLimit(kind)
        let widest = max(99, rows.count)
        let parts = Self.pack(rows.count) { range in
            layout.measure(message(rows[range], part: widest, of: widest, document: document, composer: composer)) <= limit
        }
        return parts.enumerated().map { number, range in
            message(rows[range], part: number + 1, of: parts.count, document: document, composer: composer)
        }
    }

    /// One part: the rows in it, under section titles counting only them.
    private func message(
        _ rows: ArraySlice<(AlertKind, NoticeRow)>, part: Int, of total: Int, document: NoticeDocument,
        composer: NoticeComposer
    ) -> RobotMessage {
        var sections: [RobotSection] = []
        var currentKind: AlertKind?
        var mobiles: [String] = []
        for (kind, row) in rows {
            if kind != currentKind {
                currentKind = kind
                let count = rows.filter { $0.0 == kind }.count
                sections.append(
                    RobotSection(
                        title: composer.sectionTitle(kind, index: sections.count + 1, count: count, in: document), lines: []))
            }
            sections[sections.count - 1].lines.append(Self.line(row))
            for phone in row.mobiles where !mobiles.contains(phone) { mobiles.append(phone) }
        }
        return RobotMessage(
            title: document.subject + (total > 1 ? document.phrases.partSuffix(part, total) : ""), colour: document.colour,
            intro: document.asOf, sections: sections, mobiles: mobiles, footer: document.chatFooter,
            notices: rows.reduce(into: Set<Int>()) { $0.formUnion($1.1.notices) }, keys: Set(rows.flatMap(\.1.keys)),
            link: document.link, linkLabel: document.phrases.linkLabel)
    }

    /// A row as a chat line: the title on one line and cut short.
    private static func line(_ row: NoticeRow) -> NoticeRow {
        var line = row
        line.itemTitle = row.itemTitle.split(whereSeparator: \.isNewline).joined(separator: " ")
        if line.itemTitle.count > titleLimit { line.itemTitle = String(line.itemTitle.prefix(titleLimit - 1)) + "…" }
        return line
    }

    /// What makes an entry the same line of a digest: kind, plan, item and milestone.
    static func key(_ entry: NoticeEntry) -> String { NoticeComposer.key(entry) }
}
