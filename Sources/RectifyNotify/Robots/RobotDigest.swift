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
    /// A report's text posted as it is (instead of `intro` and `sections`).
    var body: String?
}

/// The items of one alert kind in a message.
struct RobotSection {
    var title: String
    var lines: [RobotLine]
}

/// One item, already worded.
struct RobotLine {
    var number: Int
    var colour: WarningColour?
    var colourLabel: String
    var itemID: String
    var itemTitle: String
    /// "2025年底｜已逾期126天｜业务股（覃丽）".
    var facts: String
}

/// Merges every notice of a batch into one digest and cuts it into numbered messages that
/// each fit the robot's size limit. Merging — never dropping — is how rectifyd stays within
/// a robot's 20 messages a minute. Pure: the same notices give the same messages.
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
        let footer = (sender.flatMap { $0.isEmpty ? nil : $0 } ?? "整改办") + " · rectifyd 自动发送"
        var result: [RobotMessage] = []
        for (index, notice) in notices.enumerated() {
            guard let report = notice.report else { continue }
            let plain = format == .text || (kind == .feishu && format == .post)
            let lines = (plain ? report.text : report.markdown).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            func message(_ chunk: [String], part: Int, of total: Int) -> RobotMessage {
                RobotMessage(
                    title: report.subject + (total > 1 ? "（\(part)/\(total)）" : ""), colour: nil, intro: "", sections: [],
                    mobiles: [], footer: footer, notices: [index], keys: ["report\u{1}\(notice.id)\u{1}\(part)"],
                    body: chunk.joined(separator: "\n"))
            }
            var parts: [[String]] = []
            var current: [String] = []
            for line in lines {
                let trial = current + [line]
                if current.isEmpty || layout.measure(message(trial, part: 99, of: 99)) <= limit {
                    current = trial
                } else {
                    parts.append(current)
                    current = [line]
                }
            }
            if !current.isEmpty { parts.append(current) }
            result += parts.enumerated().map { message($1, part: $0 + 1, of: parts.count) }
        }
        return result
    }

    func digestMessages(_ notices: [AlertNotice]) -> [RobotMessage] {
        let merged = Self.merge(notices)
        guard !merged.isEmpty, let first = notices.first else { return [] }
        let english = first.language.lowercased().hasPrefix("en")
        let wording: any NoticeWording = english ? EnglishWording() : ChineseWording()
        let latest = notices.map(\.createdAt).max() ?? first.createdAt
        let zone = LocalTime.zone(first.timeZone)
        let time = LocalTime(latest, in: zone)
        let day = english ? "\(time.date)" : "\(time.date.year)年\(time.date.month)月\(time.date.day)日"
        let zoneLabel = TimeZoneLabel(identifier: zone.identifier, offset: "").isBeijing
            ? (english ? "Beijing time" : "北京时间") : "UTC" + time.offsetText(colon: true)
        let kinds = NoticeRenderer.kindOrder.filter { kind in merged.contains { $0.entry.kind == kind } }
        let units = merged.map(\.entry.unit).reduce(into: [String]()) { if !$1.isEmpty && !$0.contains($1) { $0.append($1) } }
        let itemCount = Set(merged.map { [$0.entry.planID, $0.entry.itemID] }).count
        let colour = merged.compactMap(\.entry.colour).max()
        let subject = wording.subject(colour: colour, kinds: kinds, itemCount: itemCount, units: units)
        let frame = Frame(
            subject: subject, colour: colour,
            intro: english ? "As of \(day) \(time.clock) (\(zoneLabel))" : "截至\(day) \(time.clock)（\(zoneLabel)）",
            footer: (sender.flatMap { $0.isEmpty ? nil : $0 } ?? (english ? "Rectification office" : "整改办"))
                + (english ? " · sent by rectifyd" : " · rectifyd 自动发送"),
            english: english)
        let lines = merged.enumerated().map { index, item in
            (line: line(item.entry, number: index + 1, wording: wording), item: item)
        }

        // Greedy packing, measured with a part number as wide as the most parts there can be
        // (one per line), so numbering never overflows the limit.
        let layout = RobotLayout(kind: kind, format: format, mentions: mentions)
        let limit = format.byteLimit(kind)
        var parts: [[Int]] = []
        var current: [Int] = []
        for index in lines.indices {
            let trial = current + [index]
            let widest = max(99, lines.count)
            let message = frame.message(lines: trial.map { lines[$0] }, part: widest, of: widest, wording: wording)
            if current.isEmpty || layout.measure(message) <= limit {
                current = trial
            } else {
                parts.append(current)
                current = [index]
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts.enumerated().map { number, indices in
            frame.message(lines: indices.map { lines[$0] }, part: number + 1, of: parts.count, wording: wording)
        }
    }

    private func line(_ entry: NoticeEntry, number: Int, wording: any NoticeWording) -> RobotLine {
        var title = entry.itemTitle.split(whereSeparator: \.isNewline).joined(separator: " ")
        if title.count > Self.titleLimit { title = String(title.prefix(Self.titleLimit - 1)) + "…" }
        let facts = [wording.deadline(entry), wording.timing(entry), wording.responsible(entry)]
        return RobotLine(
            number: number, colour: entry.colour, colourLabel: wording.colourLabel(entry.colour), itemID: entry.itemID,
            itemTitle: title, facts: facts.joined(separator: "｜"))
    }

    /// One entry of the digest and the notices it came from.
    struct Merged {
        var entry: NoticeEntry
        var notices: Set<Int>
        /// When the kept entry's notice was made: a newer notice's wording replaces it.
        var createdAt: Date
        var mobiles: [String] { entry.mobiles }
    }

    /// Every entry once (an item told twice in a batch, e.g. a retried notice and a newer one,
    /// keeps the newer wording), in the renderer's order: by kind, most urgent first.
    static func merge(_ notices: [AlertNotice]) -> [Merged] {
        var order: [String] = []
        var byKey: [String: Merged] = [:]
        for (index, notice) in notices.enumerated() {
            for entry in notice.entries {
                let key = Self.key(entry)
                if var existing = byKey[key] {
                    existing.notices.insert(index)
                    if notice.createdAt >= existing.createdAt {
                        existing.entry = entry
                        existing.createdAt = notice.createdAt
                    }
                    byKey[key] = existing
                } else {
                    order.append(key)
                    byKey[key] = Merged(entry: entry, notices: [index], createdAt: notice.createdAt)
                }
            }
        }
        let kindRank = Dictionary(uniqueKeysWithValues: NoticeRenderer.kindOrder.enumerated().map { ($1, $0) })
        return order.compactMap { byKey[$0] }.enumerated().sorted { a, b in
            let (x, y) = (a.element.entry, b.element.entry)
            if x.kind != y.kind { return kindRank[x.kind, default: 99] < kindRank[y.kind, default: 99] }
            if x.colour != y.colour { return rank(x.colour) > rank(y.colour) }
            if x.daysOverdue != y.daysOverdue { return (x.daysOverdue ?? -1) > (y.daysOverdue ?? -1) }
            if x.daysLeft != y.daysLeft { return (x.daysLeft ?? .max) < (y.daysLeft ?? .max) }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// What makes an entry the same line of a digest: kind, plan, item and milestone.
    static func key(_ entry: NoticeEntry) -> String {
        [entry.kind.rawValue, entry.planID, entry.itemID, entry.milestone ?? ""].joined(separator: "\u{1}")
    }

    private static func rank(_ colour: WarningColour?) -> Int {
        switch colour {
        case nil: return 0
        case .green: return 1
        case .yellow: return 2
        case .red: return 3
        }
    }

    /// What every part of one digest shares.
    private struct Frame {
        var subject: String
        var colour: WarningColour?
        var intro: String
        var footer: String
        var english: Bool

        func message(
            lines: [(line: RobotLine, item: Merged)], part: Int, of total: Int, wording: any NoticeWording
        ) -> RobotMessage {
            var sections: [RobotSection] = []
            var currentKind: AlertKind?
            for (line, item) in lines {
                if item.entry.kind != currentKind {
                    currentKind = item.entry.kind
                    let count = lines.filter { $0.item.entry.kind == item.entry.kind }.count
                    sections.append(
                        RobotSection(
                            title: wording.sectionTitle(item.entry.kind, index: sections.count + 1, count: count),
                            lines: []))
                }
                sections[sections.count - 1].lines.append(line)
            }
            var mobiles: [String] = []
            for (_, item) in lines { for phone in item.mobiles where !mobiles.contains(phone) { mobiles.append(phone) } }
            let suffix = total > 1 ? (english ? " (\(part)/\(total))" : "（\(part)/\(total)）") : ""
            return RobotMessage(
                title: subject + suffix, colour: colour, intro: intro, sections: sections, mobiles: mobiles,
                footer: footer, notices: lines.reduce(into: Set<Int>()) { $0.formUnion($1.item.notices) },
                keys: Set(lines.map { RobotDigest.key($0.item.entry) }))
        }
    }
}
