import ArgumentParser
import Foundation
import RectifyCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check plans offline: list the items that lag, most urgent first.",
        discussion: """
            Reads plan files (.yaml, .yml, .json), reports and ledgers (.txt, .docx, .html, .xlsx, .csv: imported on load) and \
            directories of them, evaluates every item at one instant and prints the open items \
            grouped by state, with a summary line per plan.

            Exit status: 0 when nothing lags, 1 when something lags, 2 on bad input (every \
            error is printed to stderr as file:line:column).

            Examples:
              rectifyctl check config/plans/example.yaml
              rectifyctl check --at 2026-11-22 config/plans/
              rectifyctl check --at 2026-11-22T09:00:00+08:00 --json config/plans/example.yaml
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Evaluate at this instant instead of now: a date (its start in Asia/Shanghai) or an RFC 3339 time.",
            valueName: "DATE|DATETIME"))
    var at: String?

    @Flag(name: .long, help: "Print one JSON document (see docs/check-output.md) instead of tables.")
    var json = false

    @Argument(help: ArgumentHelp("Plan files, reports (.txt, .docx), ledgers (.xlsx, .csv) or directories.", valueName: "PATH"))
    var paths: [String]

    func run() throws {
        let now = try OfflineFiles.instant(at)
        let result = try OfflineFiles.loadPlans(paths, nothing: "nothing was checked")
        let report = StatusReport(plans: result.plans, at: now)
        var out = OutputBuffer()
        if json {
            CheckDocument(report: report, files: result.files).write(to: &out)
        } else {
            CheckOutput.text(report, style: .forStandardOutput(), to: &out)
        }
        out.flush()
        // Exit here: unwinding would free a large plan item by item just before the process ends.
        Foundation.exit(report.hasLagging ? 1 : 0)
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
