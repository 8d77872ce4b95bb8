import Foundation
import RectifyCore

/// Builds what a notice says, once for every channel: the subject, the opening, the entries in
/// sections by alert kind (most urgent first: `AlertKind.urgencyOrder`, then red before yellow
/// before green, the longest overdue, the nearest deadline), each row worded, the next steps
/// and the signature. Mail text, mail HTML, the webhook's text and every robot are layouts of
/// the `NoticeDocument` it makes. Pure: the same notices always give the same document.
///
/// Several notices (a robot's batch) are merged into one document: an item told twice (a
/// retried notice and a newer one) is one row, in the newer wording, remembering both notices.
struct NoticeComposer {
    /// Who signs the notice (the office); the mail's From display name is a good choice.
    var sender: String?

    func document(for notice: AlertNotice) -> NoticeDocument { compose([notice]) }

    func compose(_ notices: [AlertNotice]) -> NoticeDocument {
        let first = notices.first
        let phrases = NoticeLanguage(tag: first?.language ?? "zh")
        let merged = Self.merge(notices)
        let entries = merged.map(\.entry)
        let zone = LocalTime.zone(first?.timeZone ?? Plan.defaultTimeZone)
        let time = LocalTime(notices.map(\.createdAt).max() ?? Date(timeIntervalSince1970: 0), in: zone)
        let kinds = AlertKind.urgencyOrder.filter { kind in entries.contains { $0.kind == kind } }
        let allKinds = Set(merged.flatMap { [$0.entry.kind] + $0.also.map(\.kind) })
        let itemCount = Set(entries.map { ItemKey(plan: $0.planID, item: $0.itemID) }).count
        let colour = entries.compactMap(\.colour).max()
        let asOf = phrases.asOf(
            phrases.day(time.date), time.clock, phrases.zoneName(ZoneNames.isBeijing(zone.identifier), time.offsetText(colon: true)))

        // `merged` is in urgency order, kind first: each kind's rows are one run of it.
        var sections: [NoticeSection] = []
        var number = 0
        for item in merged {
            number += 1
            let kind = item.entry.kind
            if sections.last?.kind != kind { sections.append(NoticeSection(title: "", kind: kind, rows: [])) }
            sections[sections.count - 1].rows.append(row(item, number: number, phrases: phrases))
        }
        for i in sections.indices {
            sections[i].title = phrases.sectionTitle(i + 1, phrases.sectionName(sections[i].kind), sections[i].rows.count)
        }
        // The command names the item with its plan: an id like 2.1 is in many plans.
        let firstOpen = sections.first { $0.kind != .resolved && $0.kind != .reply }?.rows.first.map { "\($0.planID)/\($0.itemID)" }
        let title = kinds.count == 1 ? phrases.kindTitle(kinds[0]) : phrases.mixedTitle
        // A robot's batch merges notices: the newest one's link stands for the message.
        let linked = notices.filter { $0.link != nil }.max { $0.createdAt < $1.createdAt }
        var steps = nextSteps(kinds: allKinds, exampleItem: firstOpen, phrases: phrases)
        if let link = linked?.link {
            let expiry = linked?.linkExpires.map { phrases.linkExpires(phrases.day(LocalTime($0, in: zone).date)) }
            steps = onlineSteps(steps, open: firstOpen != nil, link: link, expiry: expiry, phrases: phrases)
        }
        // A notice that is one of several parts says so (a merged robot batch is cut again anyway).
        let part = notices.count == 1 ? first?.part : nil
        return NoticeDocument(
            phrases: phrases,
            subject: phrases.subject(phrases.subjectTag(colour), title, itemCount, Self.distinct(entries.map(\.unit)))
                + (part.map { phrases.partSuffix($0.number, $0.count) } ?? ""),
            trialNote: first?.intendedFor.map { phrases.intendedFor($0) },
            colour: colour, greeting: phrases.greeting(first?.recipientName), asOf: asOf,
            intro: phrases.intro(asOf, Self.distinct(entries.map(\.planTitle)), itemCount)
                + (part.map { phrases.partNote($0.number, $0.count, $0.items) } ?? ""), sections: sections,
            nextSteps: steps,
            signature: [sender.flatMap { $0.isEmpty ? nil : $0 } ?? phrases.defaultSender, phrases.day(time.date)],
            footer: phrases.footer(first?.id ?? ""), chatFooter: phrases.chatFooter(sender), link: linked?.link)
    }

    /// With a signed link, the recipient answers on its page instead of typing commands: the
    /// first step points at the link; the steps without a command (explain a delay, set a
    /// deadline) stay.
    private func onlineSteps(_ steps: [NextStep], open: Bool, link: String, expiry: String?, phrases: NoticeLanguage)
        -> [NextStep]
    {
        let first = NextStep(text: open ? phrases.answerOnline : phrases.viewOnline, command: nil, link: link, linkNote: expiry)
        return [first] + steps.filter { $0.command == nil && open }
    }

    /// The section titles of a part of the document (a robot message carries some rows only).
    func sectionTitle(_ kind: AlertKind, index: Int, count: Int, in document: NoticeDocument) -> String {
        document.phrases.sectionTitle(index, document.phrases.sectionName(kind), count)
    }

    private func row(_ item: Merged, number: Int, phrases: NoticeLanguage) -> NoticeRow {
        let entry = item.entry
        let evidence =
            entry.evidence.map { phrases.evidence($0.text, $0.line) }
            ?? entry.deadline.flatMap { deadline in deadline.text.map { phrases.evidence($0, deadline.line) } }
        return NoticeRow(
            number: number, colour: entry.colour, colourLabel: phrases.colourLabel(entry.colour), planID: entry.planID,
            itemID: entry.itemID,
            itemTitle: entry.itemTitle, plan: entry.planTitle, deadline: Self.deadline(entry, phrases),
            timing: Self.timing([entry] + item.also, phrases),
            responsible: entry.responsible.flatMap { $0.isEmpty ? nil : $0 } ?? phrases.nobodyNamed, evidence: evidence,
            mobiles: entry.mobiles, notices: item.notices, keys: item.keys)
    }

    static func deadline(_ entry: NoticeEntry, _ phrases: NoticeLanguage) -> String {
        guard let deadline = entry.deadline else { return phrases.noDeadline }
        let text = phrases.describe(deadline)
        guard let original = entry.originalDeadline, original != deadline else { return text }
        return phrases.extended(text, phrases.describe(original))
    }

    /// How the item stands, from all its entries in the notice, each fact once.
    static func timing(_ entries: [NoticeEntry], _ phrases: NoticeLanguage) -> String {
        var facts: [String] = []
        for entry in entries {
            for fact in timingFacts(entry, phrases) where !facts.contains(fact) { facts.append(fact) }
        }
        return facts.joined(separator: phrases.timingSeparator)
    }

    /// How one entry stands against its deadline: done; a missed milestone, days overdue or left;
    /// days without a progress report; or no deadline at all.
    private static func timingFacts(_ entry: NoticeEntry, _ phrases: NoticeLanguage) -> [String] {
        if entry.kind == .reply || entry.kind == .unacknowledged, let note = entry.note { return [note] }
        if entry.kind == .resolved || entry.state == .done { return [phrases.done] }
        var parts: [String] = []
        if entry.kind == .milestoneMissed, let milestone = entry.milestone {
            parts.append(phrases.milestoneMissed(milestone))
        } else if let days = entry.daysOverdue {
            parts.append(phrases.daysOverdue(days))
        } else if let days = entry.daysLeft {
            parts.append(days <= 1 ? phrases.dueToday : phrases.daysLeft(days))
        }
        if let days = entry.daysSinceUpdate, entry.kind == .stale || entry.state == .stale {
            parts.append(phrases.noReportFor(days))
        }
        if entry.deadline == nil && parts.isEmpty { parts.append(phrases.deadlineMissing) }
        return parts.isEmpty ? [phrases.stateName(entry.state)] : parts
    }

    private func nextSteps(kinds: Set<AlertKind>, exampleItem: String?, phrases: NoticeLanguage) -> [NextStep] {
        guard let item = exampleItem else { return [NextStep(text: phrases.closedNoAction, command: nil)] }
        var steps = [
            NextStep(text: phrases.reportProgress, command: Self.command("progress", item: item, arguments: phrases.progressArguments)),
            NextStep(text: phrases.askExtension, command: Self.command("extend", item: item, arguments: phrases.extensionArguments)),
        ]
        if !kinds.isDisjoint(with: [.overdue, .escalation, .milestoneMissed]) {
            steps.append(NextStep(text: phrases.explainDelay, command: nil))
        }
        if kinds.contains(.noDeadline) { steps.append(NextStep(text: phrases.setDeadline, command: nil)) }
        return steps
    }

    /// The command line to type, with the item (`PLAN/ID`) quoted for a POSIX shell when it needs it.
    static func command(_ verb: String, item: String, arguments: String) -> String {
        let safe = item.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-/".unicodeScalars.contains($0))
        }
        let quoted = safe && !item.isEmpty ? item : "'" + item.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return "rectifyctl \(verb) \(quoted) \(arguments)"
    }

    // MARK: merging

    /// One item of the document: its most urgent entry, the item's other entries in the batch
    /// (another kind, another milestone), and the notices (indices into the batch) they came from.
    struct Merged {
        var entry: NoticeEntry
        var notices: Set<Int>
        /// When the kept entry's notice was made: a newer notice's wording replaces it.
        var createdAt: Date
        /// The item's less urgent entries, said on its row ("已逾期12天；已30天未报送进展").
        var also: [NoticeEntry] = []

        /// Every entry the row stands for (`NoticeComposer.key`).
        var keys: [String] { [NoticeComposer.key(entry)] + also.map(NoticeComposer.key) }
    }

    /// Every item once, under its most urgent kind, in the one urgency order (`Urgency`; ties: by plan and
    /// item, then arrival): an item overdue and escalated, or overdue and without a report, is
    /// one row, so a notice that says "10项" lists ten rows.
    static func merge(_ notices: [AlertNotice]) -> [Merged] {
        var rows: [Merged] = []
        var rowOfItem: [ItemKey: Int] = [:]
        for merged in mergeEntries(notices) {
            let item = ItemKey(plan: merged.entry.planID, item: merged.entry.itemID)
            if let index = rowOfItem[item] {
                rows[index].also.append(merged.entry)
                rows[index].notices.formUnion(merged.notices)
            } else {
                rowOfItem[item] = rows.count
                rows.append(merged)
            }
        }
        return rows
    }

    /// Every entry once (the same kind, item and milestone from several notices), in the one
    /// urgency order.
    private static func mergeEntries(_ notices: [AlertNotice]) -> [Merged] {
        var merged: [Merged] = []
        var indexOfKey: [EntryKey: Int] = [:]
        for (index, notice) in notices.enumerated() {
            for entry in notice.entries {
                let key = EntryKey(entry)
                if let i = indexOfKey[key] {
                    merged[i].notices.insert(index)
                    if notice.createdAt >= merged[i].createdAt {
                        merged[i].entry = entry
                        merged[i].createdAt = notice.createdAt
                    }
                } else {
                    indexOfKey[key] = merged.count
                    merged.append(Merged(entry: entry, notices: [index], createdAt: notice.createdAt))
                }
            }
        }
        // Sorted as positions over small keys: moving or comparing the entries themselves
        // copies every string of each (a 5,000-entry digest spent most of its time there).
        let keys = merged.map { ($0.entry.urgency, $0.entry.planID, $0.entry.itemID) }
        let order = keys.indices.sorted { a, b in
            if keys[a].0 != keys[b].0 { return keys[a].0 < keys[b].0 }
            if (keys[a].1, keys[a].2) != (keys[b].1, keys[b].2) { return (keys[a].1, keys[a].2) < (keys[b].1, keys[b].2) }
            return a < b
        }
        return order.map { merged[$0] }
    }

    /// `key(_:)` as a value, for merging (no string is made: a notice merges every entry).
    private struct EntryKey: Hashable {
        var kind: AlertKind
        var plan: String
        var item: String
        var milestone: String

        init(_ entry: NoticeEntry) {
            (kind, plan, item, milestone) = (entry.kind, entry.planID, entry.itemID, entry.milestone ?? "")
        }
    }

    private struct ItemKey: Hashable {
        var plan: String
        var item: String
    }

    /// What makes an entry the same row: kind, plan, item and milestone.
    static func key(_ entry: NoticeEntry) -> String {
        [entry.kind.rawValue, entry.planID, entry.itemID, entry.milestone ?? ""].joined(separator: "\u{1}")
    }

    private static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
