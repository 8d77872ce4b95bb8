import Foundation
import RectifyCore

/// Next month's report laid over the plan the office already keeps (`rectifyctl import
/// --update PLAN REPORT`). Pure: the kept plan and the newly imported one in, the updated
/// plan and an account of every change out.
///
/// - Items are matched by their number when the titles agree, else by title similarity; a
///   report item that fits two plan items about equally well is listed as ambiguous and left
///   alone (never guessed).
/// - What the report says wins for what a report reports: status (with the report's phrase
///   and line as evidence), counted progress, the item's text, the date of the last update. A
///   later deadline in the report becomes an extension (the original is kept).
/// - What the office added by hand stays: titles, ids, responsibility and contacts,
///   milestones, extensions, deadlines, leaders, owner, routing.
/// - Items new in the report are added; items missing from it are kept and listed.
public struct PlanUpdate: Sendable {
    public struct Change: Hashable, Sendable {
        public enum Kind: String, Sendable {
            case status, progress, extended, deadlineDiffers = "deadline_differs", deadlineSet = "deadline_set", added, vanished, ambiguous
        }
        public var kind: Kind
        /// The plan item's id (for `added`, the id it was given).
        public var itemID: String
        public var title: String
        /// A sentence for the summary: "in_progress → done (report.txt:29 “整改落实情况：已完成整改”)".
        public var detail: String
    }

    public var plan: Plan
    public var changes: [Change]
    public var matchedByNumber = 0
    public var matchedByTitle = 0

    /// Titles at least this similar (character-bigram Dice, after dropping numbering and
    /// punctuation) may be the same problem; a runner-up within `margin` makes it ambiguous.
    public static let threshold = 0.5
    public static let margin = 0.1

    /// - Parameter today: when an extension is recorded as granted if the report has no date.
    public init(kept: Plan, report: Plan, reportFile: String, today: CalendarDate) {
        plan = kept
        changes = []
        let reportName = URL(fileURLWithPath: reportFile).lastPathComponent
        let keptKeys = kept.items.map { Self.titleKey($0.title) }
        var matchedKept = Set<Int>()
        var pairs: [(kept: Int, report: Int)] = []
        var unmatched: [Int] = []
        // 0. The same title, numbering aside, held by one plan item: a reordered or renumbered
        //    report ("问题6" is now what the plan calls 8) must not be matched by its number.
        var keyCounts: [[Character]: Int] = [:]
        for key in keptKeys { keyCounts[key, default: 0] += 1 }
        var exact = Set<Int>()
        for (r, item) in report.items.enumerated() {
            let key = Self.titleKey(item.title)
            guard !key.isEmpty, keyCounts[key] == 1, let k = keptKeys.firstIndex(of: key), !matchedKept.contains(k) else { continue }
            matchedKept.insert(k)
            exact.insert(r)
            pairs.append((k, r))
            if kept.items[k].id == item.id { matchedByNumber += 1 } else { matchedByTitle += 1 }
        }
        // 1. Same number, titles agree, and no other plan item fits clearly better.
        let byID = Dictionary(kept.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (r, item) in report.items.enumerated() where !exact.contains(r) {
            let key = Self.titleKey(item.title)
            let same = byID[item.id].map { Self.similarity(keptKeys[$0], key) } ?? 0
            let betterElsewhere = kept.items.indices.contains { k in
                k != byID[item.id] && !matchedKept.contains(k) && Self.similarity(keptKeys[k], key) >= same + Self.margin
            }
            if let k = byID[item.id], !matchedKept.contains(k), same >= Self.threshold, !betterElsewhere {
                matchedKept.insert(k)
                pairs.append((k, r))
                matchedByNumber += 1
            } else {
                unmatched.append(r)
            }
        }
        // 2. The rest by title, only when one plan item clearly fits best.
        var added: [Int] = []
        for r in unmatched {
            let key = Self.titleKey(report.items[r].title)
            let scored = kept.items.indices.filter { !matchedKept.contains($0) }
                .map { ($0, Self.similarity(keptKeys[$0], key)) }
                .filter { $0.1 >= Self.threshold }
                .sorted { $0.1 > $1.1 }
            guard let best = scored.first else {
                added.append(r)
                continue
            }
            if scored.count > 1, best.1 - scored[1].1 < Self.margin {
                let candidates = scored.prefix(3).map {
                    "\(kept.items[$0.0].id) “\(kept.items[$0.0].title)” (\(String(format: "%.2f", $0.1)))"
                }
                changes.append(
                    Change(
                        kind: .ambiguous, itemID: report.items[r].id, title: report.items[r].title,
                        detail: "report item \(report.items[r].id)\(Self.at(reportName, report.items[r])) fits "
                            + candidates.joined(separator: " and ") + ": not merged; edit the plan by hand"))
                continue
            }
            matchedKept.insert(best.0)
            pairs.append((best.0, r))
            matchedByTitle += 1
        }
        for (k, r) in pairs.sorted(by: { $0.kept < $1.kept }) {
            merge(report.items[r], into: k, report: report, reportName: reportName, today: today)
        }
        for r in added {
            // One problem reported as two ("…不到位，…流于形式" → "…不到位" and "…流于形式").
            let key = Self.titleKey(report.items[r].title)
            let source = pairs.map(\.kept).filter { Self.overlap(keptKeys[$0], key) >= Self.hintOverlap }
                .max { Self.overlap(keptKeys[$0], key) < Self.overlap(keptKeys[$1], key) }
            add(report.items[r], reportName: reportName, hint: source.map { "; perhaps split from \(kept.items[$0].id) “\(kept.items[$0].title)”" } ?? "")
        }
        for k in kept.items.indices where !matchedKept.contains(k) {
            let item = kept.items[k]
            // Two problems reported as one: the report item whose title holds this one's.
            let into = report.items.indices.filter { Self.overlap(keptKeys[k], Self.titleKey(report.items[$0].title)) >= Self.hintOverlap }
                .max { Self.overlap(keptKeys[k], Self.titleKey(report.items[$0].title)) < Self.overlap(keptKeys[k], Self.titleKey(report.items[$1].title)) }
            let hint = into.map { r in
                "; perhaps merged into report item \(report.items[r].id) “\(report.items[r].title)”\(Self.at(reportName, report.items[r])): edit the plan by hand if so"
            } ?? ""
            changes.append(
                Change(
                    kind: .vanished, itemID: item.id, title: item.title,
                    detail: "not in \(reportName); kept as it was (\(item.status.rawValue))" + hint))
        }
        if let date = report.reportDate { plan.reportDate = date }
        if let stated = report.stated { plan.stated = stated }
        if plan.inspection == nil { plan.inspection = report.inspection }
        plan.source = reportFile
    }

    private mutating func merge(_ new: Item, into index: Int, report: Plan, reportName: String, today: CalendarDate) {
        var item = plan.items[index]
        let id = item.id
        if new.status != item.status {
            let evidence = new.statusEvidence.map { " “\($0.text)”" } ?? ""
            // A closed item the report opens again (反弹, 重新整改) is said to be reopened.
            let reopened = item.status == .done ? "reopened: " : ""
            changes.append(
                Change(
                    kind: .status, itemID: id, title: item.title,
                    detail: "\(reopened)\(item.status.rawValue) → \(new.status.rawValue) (\(reportName)\(Self.line(new.statusEvidence?.line))\(evidence))"))
            item.status = new.status
            // A closed item's open milestones are closed with it (the report says the whole is done).
            if new.status == .done {
                for m in item.milestones.indices { item.milestones[m].done = true }
                if new.progress == nil, var progress = item.progress {
                    progress.done = progress.total
                    item.progress = progress
                }
            }
        }
        if let evidence = new.statusEvidence { item.statusEvidence = Self.evidence(evidence, in: reportName) }
        if let progress = new.progress, progress != item.progress {
            let before = item.progress.map { "\($0.done)/\($0.total)" } ?? "none"
            changes.append(
                Change(kind: .progress, itemID: id, title: item.title, detail: "\(before) → \(progress.done)/\(progress.total)"))
            item.progress = progress
        }
        // The deadline in force as the report tells it: a later date it says the deadline was
        // moved to ("已申请延期至2026年9月30日") is an extension of its own.
        if let reported = new.effectiveDeadline {
            if let current = item.effectiveDeadline {
                if reported.date > current.date, item.status != .done {
                    let original = item.deadline?.date.description ?? current.date.description
                    let words = new.extensions.last?.reason ?? reported.text ?? reported.date.description
                    item.extensions.append(
                        Extension(
                            deadline: reported,
                            reason: "\(reportName)\(Self.line(reported.line)): \(words)",
                            granted: new.extensions.last?.granted ?? report.reportDate ?? today))
                    changes.append(
                        Change(
                            kind: .extended, itemID: id, title: item.title,
                            detail: "\(current.date) → \(reported.date) (original \(original) kept; \(reportName)\(Self.line(reported.line)))"))
                } else if reported.date != current.date, item.status != .done {
                    changes.append(
                        Change(
                            kind: .deadlineDiffers, itemID: id, title: item.title,
                            detail: "the report says \(reported.date)\(Self.line(reported.line)), the plan keeps \(current.date)"))
                }
            } else {
                item.deadline = reported
                if item.status != .done {
                    changes.append(
                        Change(
                            kind: .deadlineSet, itemID: id, title: item.title,
                            detail: "none → \(reported.date) (\(reportName)\(Self.line(reported.line)) “\(reported.text ?? reported.date.description)”)"))
                }
            }
        }
        if let text = new.text { item.text = text }
        if !new.review.isEmpty { item.review = new.review }
        if let date = report.reportDate {
            let reported = date.startInstant(in: plan.zone)
            if item.lastUpdate.map({ $0 < reported }) ?? true { item.lastUpdate = reported }
        }
        if item.category.isEmpty { item.category = new.category }
        plan.items[index] = item
    }

    /// The report's phrase, prefixed with the report and line it is in.
    private static func evidence(_ evidence: Evidence, in reportName: String) -> Evidence {
        Evidence(text: "\(reportName)\(line(evidence.line)): \(evidence.text)", line: evidence.line)
    }

    private mutating func add(_ new: Item, reportName: String, hint: String) {
        var item = new
        item.statusEvidence = new.statusEvidence.map { Self.evidence($0, in: reportName) }
        let taken = Set(plan.items.map(\.id))
        if taken.contains(item.id) {
            var n = 2
            while taken.contains("\(new.id)-\(n)") { n += 1 }
            item.id = "\(new.id)-\(n)"
        }
        plan.items.append(item)
        changes.append(
            Change(
                kind: .added, itemID: item.id, title: item.title,
                detail: "new in \(reportName)\(Self.at("", new)) (\(item.status.rawValue)"
                    + (item.deadline.map { ", deadline \($0.date)" } ?? "") + ")" + hint))
    }

    private static func line(_ line: Int?) -> String { line.map { ":\($0)" } ?? "" }

    private static func at(_ file: String, _ item: Item) -> String {
        guard let line = item.statusEvidence?.line ?? item.deadline?.line else { return "" }
        return file.isEmpty ? " at line \(line)" : " (\(file):\(line))"
    }

    // MARK: titles

    /// The title without its numbering marker, punctuation and white space.
    static func titleKey(_ title: String) -> [Character] {
        var text = Substring(title.trimmingCharacters(in: .whitespaces))
        // Leading markers: 1. 1、 （1） (1) ① 一、 （一） 第一
        let markers = CharacterSet(charactersIn: "0123456789０１２３４５６７８９一二三四五六七八九十百（）()．.、，,①②③④⑤⑥⑦⑧⑨⑩")
        while let first = text.unicodeScalars.first, markers.contains(first) { text = text.dropFirst() }
        let dropped = CharacterSet.punctuationCharacters.union(.whitespacesAndNewlines).union(.symbols)
        return text.unicodeScalars.filter { !dropped.contains($0) }.map(Character.init)
    }

    /// How much of the shorter title the longer one holds (shared bigrams over the shorter's):
    /// at least this much suggests a split or a merge, said as a hint, never acted on.
    static let hintOverlap = 0.6

    static func overlap(_ a: [Character], _ b: [Character]) -> Double {
        let ga = grams(a), gb = grams(b)
        let smaller = min(ga.values.reduce(0, +), gb.values.reduce(0, +))
        guard smaller > 0 else { return 0 }
        return Double(ga.reduce(0) { $0 + min($1.value, gb[$1.key] ?? 0) }) / Double(smaller)
    }

    /// Dice coefficient over character bigrams (unigrams for one-character titles).
    static func similarity(_ a: [Character], _ b: [Character]) -> Double {
        if a == b { return 1 }
        let ga = grams(a), gb = grams(b)
        let total = ga.values.reduce(0, +) + gb.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let shared = ga.reduce(0) { $0 + min($1.value, gb[$1.key] ?? 0) }
        return 2 * Double(shared) / Double(total)
    }

    static func grams(_ s: [Character]) -> [String: Int] {
        var counts: [String: Int] = [:]
        if s.count < 2 {
            for c in s { counts[String(c), default: 0] += 1 }
        } else {
            for i in 0..<(s.count - 1) { counts[String(s[i...i + 1]), default: 0] += 1 }
        }
        return counts
    }

    /// The summary a clerk reads: counts, then one line per change.
    public func summary(planFile: String, reportFile: String) -> String {
        var lines = [
            "\(planFile) ← \(reportFile)\(plan.reportDate.map { " (\($0))" } ?? "")",
            "  matched \(matchedByNumber + matchedByTitle) items (\(matchedByNumber) by number, \(matchedByTitle) by title)",
        ]
        let groups: [(Change.Kind, String)] = [
            (.status, "status changed"), (.extended, "extended"), (.progress, "progress"),
            (.deadlineSet, "deadline set"), (.deadlineDiffers, "deadline differs (the plan's kept)"), (.added, "new in the report"),
            (.vanished, "not in the report (kept)"), (.ambiguous, "ambiguous (not merged)"),
        ]
        for (kind, label) in groups {
            let matching = changes.filter { $0.kind == kind }
            guard !matching.isEmpty else { continue }
            lines.append("  \(label): \(matching.count)")
            for change in matching {
                lines.append("    \(change.itemID) \(change.title.prefix(30)): \(change.detail)")
            }
        }
        if changes.isEmpty { lines.append("  nothing changed") }
        return lines.joined(separator: "\n")
    }
}
