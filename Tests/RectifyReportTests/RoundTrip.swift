import Foundation
import RectifyCore
import RectifyImport
import RectifyReport

/// Drafts a plan's next 通报, imports the draft as a report and compares what came back with
/// the state it was written from: the items (count, in draft order), their status (done, open,
/// long-term) and the deadline in force (date and precision) of every open item.
struct RoundTrip {
    let state: PlanState
    let draft: Draft
    let text: String
    let imported: Plan
    let warnings: [Diagnostic]

    /// How the draft is read back: its plain text, or its .docx through the importer's Word reader.
    enum Medium {
        case text
        case docx
        /// The .docx after `transform` (LibreOffice re-saving it, as a clerk's editor would).
        case docxThrough((Data) throws -> Data)
    }

    init(
        _ plan: Plan, at now: Date, asOf day: CalendarDate, notes: [String: [ProgressNote]] = [:], policy: Policy = .default,
        via medium: Medium = .text
    ) throws {
        // Notes pass through ItemAccount.note as rectifyctl passes them (labels lose their colons).
        let safe = notes.mapValues { list in
            list.map { note in
                var n = note
                n.text = ItemAccount.note(note.text, writtenOn: note.day)
                n.evidence = note.evidence.map { ItemAccount.note($0, writtenOn: note.day) }
                return n
            }
        }
        state = PlanState(plan: plan, at: now, policy: policy, account: { ItemAccount.account(of: $0, in: plan) }, notes: safe)
        draft = DraftComposer.compose(state, asOf: day)
        text = PlainTextLayout.render(draft.document)
        switch medium {
        case .text:
            (imported, warnings) = ReportImporter.importReport(text: text, file: "draft-\(plan.id).txt")
        case .docx, .docxThrough:
            var data = try DocxWriter.render(draft.document, modified: now)
            if case .docxThrough(let transform) = medium { data = try transform(data) }
            (imported, warnings) = try LedgerImporter.importFile(data, file: "draft-\(plan.id).docx").asLoaderResult
        }
    }

    /// Everything that differs, one line each (empty when the round trip holds).
    var mismatches: [String] {
        var result: [String] = []
        let plan = state.plan
        if imported.items.count != plan.items.count {
            result.append("\(plan.id): \(plan.items.count) items drafted, \(imported.items.count) imported")
        }
        let byID = Dictionary(plan.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, id) in draft.itemOrder.enumerated() where k < imported.items.count {
            guard let original = byID[id] else { continue }
            let back = imported.items[k]
            let expected = Self.statusClass(original.status), got = Self.statusClass(back.status)
            if expected != got {
                result.append("\(plan.id)/\(id) → \(back.id): status \(expected), imported \(got) (\(back.statusEvidence?.text ?? "-"))")
            }
            let want = original.status == .inProgress || original.status == .notStarted ? original.effectiveDeadline : nil
            if want?.date != back.deadline?.date || want?.precision != back.deadline?.precision {
                result.append(
                    "\(plan.id)/\(id) → \(back.id): deadline \(Self.describe(want)), imported \(Self.describe(back.deadline)) (\(back.deadline?.text ?? "-"))")
            }
        }
        if let stated = imported.stated {
            let t = draft.totals
            if stated.problems != t.problems || stated.done != t.done || stated.open != t.open {
                result.append(
                    "\(plan.id): totals \(t.problems)/\(t.done)/\(t.open), read back \(stated.problems.map(String.init) ?? "-")/\(stated.done.map(String.init) ?? "-")/\(stated.open.map(String.init) ?? "-")")
            }
        } else {
            result.append("\(plan.id): the totals paragraph was not read back")
        }
        return result
    }

    static func statusClass(_ status: ItemStatus) -> String {
        switch status {
        case .done: return "done"
        case .longTerm: return "long_term"
        case .inProgress: return "in_progress"
        case .notStarted: return "not_started"  // the draft says 尚未启动, read back as such
        }
    }

    static func describe(_ deadline: Deadline?) -> String {
        deadline.map { "\($0.date) (\($0.precision.rawValue))" } ?? "none"
    }
}

enum ReportTestSupport {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var seeds: URL { repository.appendingPathComponent("seeds") }

    static var importCorpus: URL { repository.appendingPathComponent("Tests/RectifyImportTests/Fixtures/corpus") }

    static var fixtures: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures") }

    static func files(in folder: URL, ending suffix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(suffix) }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func loadPlan(_ url: URL) throws -> Plan {
        try PlanLoader().loadFile(url.path).0
    }

    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// The end of `day` in Shanghai: what `--as-of DAY` evaluates at.
    static func endOf(_ day: CalendarDate) -> Date {
        day.adding(days: 1).startInstant(in: shanghai).addingTimeInterval(-1)
    }
}
