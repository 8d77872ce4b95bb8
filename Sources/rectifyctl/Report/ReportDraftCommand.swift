import ArgumentParser
import Foundation
import RectifyCore
import RectifyReport

struct ReportDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft the next 整改进展情况的通报 from the plans' state.",
        discussion: """
            Writes the draft in the genre's structure: title and opening paragraph with the \
            inspection's dates, the totals, per category each problem with its 整改落实情况 (status, \
            extensions with the original deadline, what was reported), 下一步, the unit and the date. \
            The wording is for a clerk to edit; every figure comes from the state. Importing the \
            draft (rectifyctl import) gives the same items, statuses and deadlines.

            Offline from plan files and reports given as PATHs, or from the running daemon (its \
            current state, progress notes and extensions included) when no PATH is given.

            Exit status: 0 written, 2 bad input or the daemon refused, 3 the daemon cannot be reached, \
            64 usage (several plans and no --plan).

            Examples:
              rectifyctl report draft seeds/001_76357eb5244c6017.txt
              rectifyctl report draft --as-of 2025-11-30 --format docx -o 通报.docx seeds/001_76357eb5244c6017.txt
              rectifyctl report draft --plan example-county-health --format md
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case txt, md, docx
    }

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The report's date: its state at the end of that day (default: now).", valueName: "DATE"))
    var asOf: String?

    @Option(name: .long, help: "txt (default), md or docx; default from -o's extension.")
    var format: Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var source: ReportSourceOptions

    var day: CalendarDate? { asOf.flatMap(CalendarDate.init) }

    var resolvedFormat: Format {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "docx": return .docx
        case "md", "markdown": return .md
        default: return .txt
        }
    }

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a day; write it as YYYY-MM-DD, e.g. 2026-11-22.")
        }
        if resolvedFormat == .docx, output == nil, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("a .docx is binary; write it to a file with -o FILE (e.g. -o 通报.docx).")
        }
    }

    func run() throws {
        let now = Date()
        let state: PlanState
        if source.fromDaemon {
            state = try DaemonReportState.fetch(client: source.client, plan: source.plan, asOf: day, now: now)
        } else {
            let states = try ReportSources.offline(source.paths) { plan in
                ReportSources.instant(asOf: day, zone: plan.zone, now: now)
            }
            state = try ReportSources.choose(states, id: source.plan)
        }
        let reportDay = day ?? CalendarDate(containing: now, in: state.plan.zone)
        let draft = DraftComposer.compose(state, asOf: reportDay)
        let data: Data
        switch resolvedFormat {
        case .txt: data = Data(PlainTextLayout.render(draft.document).utf8)
        case .md: data = Data(MarkdownLayout.render(draft.document).utf8)
        case .docx:
            do {
                data = try DocxWriter.render(draft.document, modified: state.at)
            } catch {
                printError("rectifyctl: \(error)")
                throw ExitCode(2)
            }
        }
        if let output {
            try OfflineFiles.writeAtomically(data, to: output, what: "the report")
            let t = draft.totals
            printError(
                "\(output): \(state.plan.id) as of \(reportDay): \(t.problems) problems, \(t.done) done, \(t.inProgress - t.notStarted) in progress, \(t.notStarted) not started, \(t.longTerm) long-term, \(t.extended) extended")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
