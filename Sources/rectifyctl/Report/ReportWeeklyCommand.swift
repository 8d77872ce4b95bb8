import ArgumentParser
import Foundation
import RectifyControl
import RectifyCore
import RectifyReport

struct ReportWeeklyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weekly",
        abstract: "Print the weekly 情况通报: states and colours, newly overdue, closed, extended, per department.",
        discussion: """
            Counts every item of every plan at the end of the week (or now, for the week in progress): \
            items per state and warning colour, items that became overdue, were closed (销号) or \
            extended (延期) during the week, and a table per responsible department. The daemon mails \
            and posts the same digest when reports.weekly is configured (docs/configuration.md).

            Offline from PATHs, or from the running daemon (closures from its history) when no PATH is \
            given. From plan files, an item counts as closed on the day of its last_update.

            Examples:
              rectifyctl report weekly --week 2026-W47 config/plans/example.yaml
              rectifyctl report weekly --format html -o week47.html
              rectifyctl report weekly --send --week 2026-W47
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case txt, md, html
    }

    @Option(name: .long, help: ArgumentHelp("The ISO week (default: the last whole week).", valueName: "YYYY-Www"))
    var week: String?

    @Option(name: .long, help: "txt (default), md or html; default from -o's extension.")
    var format: Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    @Flag(name: .long, help: "Ask the running daemon to mail and post the weekly report now (reports.weekly's recipients and channels).")
    var send = false

    @OptionGroup var source: ReportSourceOptions

    var resolvedFormat: Format {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "html", "htm": return .html
        case "md", "markdown": return .md
        default: return .txt
        }
    }

    func validate() throws {
        if send, !source.paths.isEmpty {
            throw ValidationError("--send asks the daemon to send its report; it takes no PATHs (print one offline without --send).")
        }
        if send, format != nil || output != nil {
            throw ValidationError("--send delivers through the daemon's receivers; --format and -o are for printing.")
        }
        if let week, ISOWeek(week) == nil {
            throw ValidationError("--week '\(week)' is not an ISO week; write it as YYYY-Www, e.g. 2026-W47 (weeks 01–52, or 53 in some years).")
        }
    }

    func run() throws {
        if send {
            let client = source.client
            let data = try client.call("POST", "/v1/reports/weekly", body: WeeklyReportRequest(week: week))
            let answer = try ControlAPI.decoder().decode(WriteResponse.self, from: data)
            print(answer.message)
            return
        }
        let now = Date()
        let zone = TimeZone(identifier: Plan.defaultTimeZone)!
        let isoWeek = week.flatMap(ISOWeek.init) ?? ISOWeek(containing: CalendarDate(containing: now, in: zone).adding(days: -7))!
        let period = isoWeek.period(in: zone)
        let instant = min(now, period.end.addingTimeInterval(-1))
        var states: [PlanState]
        if source.fromDaemon {
            let fetched = try DaemonReportState.plans(source.client, plan: source.plan, at: instant)
            states = try fetched.map { try DaemonReportState.state($0, at: instant, asOf: nil) }
            let later = fetched.flatMap { $0.items.flatMap(\.history) }.filter { (Timestamps.parse($0.at) ?? .distantPast) > instant }
            if !later.isEmpty {
                printError(
                    "rectifyctl: note: the daemon keeps its current state; \(later.count) change\(later.count == 1 ? "" : "s") made after the week's end "
                        + "(销号, 延期, progress) show in the states and colours; the week's closures and extensions are counted by their day.")
            }
        } else {
            states = try ReportSources.offline(source.paths) { _ in instant }
            if let id = source.plan { states = [try ReportSources.choose(states, id: id)] }
        }
        let figures = WeeklyFigures(states, period: period)
        let document = WeeklyComposer.compose(figures)
        let text: String
        switch resolvedFormat {
        case .txt: text = PlainTextLayout.render(document)
        case .md: text = MarkdownLayout.render(document)
        case .html: text = HTMLLayout.render(document)
        }
        if let output {
            try OfflineFiles.writeAtomically(Data(text.utf8), to: output, what: "the report")
        } else {
            print(text, terminator: "")
        }
    }
}
