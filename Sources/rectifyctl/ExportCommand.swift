import ArgumentParser
import Foundation
import RectifyControl
import RectifyCore
import RectifyExport
import RectifyImport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the 整改台账 (.xlsx, .csv) or a calendar of deadlines (.ics).",
        discussion: """
            With PATHs (plan files, reports, ledgers or directories of them) it works offline: the \
            plans are read as `rectifyctl check` reads them and each item's state is evaluated at \
            --at (default: now). Without PATHs it asks the running daemon (GET /v1/ledger) for the \
            current picture: progress notes, 销号 days, extensions with the original date.

            xlsx: one sheet per plan with a title row, a frozen header, one row per measure, the \
            state in words and as a fill (red overdue, yellow due soon, green on track, grey closed), \
            date cells; it imports back with `rectifyctl import`. csv: the same columns, UTF-8 with a \
            BOM for Excel. ics: an all-day event per deadline and milestone.

            Exit status: 0 written, 2 bad input, 3 the daemon cannot be reached.

            Examples:
              rectifyctl export -o 台账.xlsx config/plans/example.yaml
              rectifyctl export -o 整改时限.ics 整改台账.xlsx
              rectifyctl export --format csv config/plans/example.yaml > 台账.csv
              rectifyctl export -o 台账.xlsx          # from the running daemon
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case xlsx, csv, ics }

    @Option(name: .long, help: "xlsx, csv or ics (default: the -o file's extension).")
    var format: Format?

    /// The format asked for, else the one the output file's name says.
    var resolvedFormat: Format? {
        format ?? output.flatMap { Format(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) }
    }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Offline: evaluate states at this day or time (default: now).", valueName: "DATE"))
    var at: String?

    @Option(name: .long, help: ArgumentHelp("Ledger columns by letter for ledgers among the PATHs (see rectifyctl import --help).", valueName: "NAME=COL,..."))
    var columns: String?

    @Option(name: .long, help: .hidden)
    var benchRepeat: Int?

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: ArgumentHelp("Plan files, reports, ledgers or directories; none: ask the daemon.", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        if let at, Timestamps.parse(at) == nil {
            throw ValidationError(OfflineFiles.badInstant(at))
        }
        if at != nil, paths.isEmpty { throw ValidationError("--at works offline only: name the plan files (the daemon exports its own now).") }
        guard let format = resolvedFormat else {
            throw ValidationError(
                output.map { "'\($0)' does not end in .xlsx, .csv or .ics: name the format with --format." }
                    ?? "name the format with --format xlsx|csv|ics, or write to a file whose name ends in one (-o 台账.xlsx).")
        }
        if let output, let named = Format(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()), named != format {
            throw ValidationError("--format \(format.rawValue) contradicts the output file '\(output)'; name one or the other.")
        }
        if format != .csv && format != .ics && output == nil && isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("an .xlsx is binary: write it to a file with -o FILE.xlsx.")
        }
    }

    func run() throws {
        let (plans, now) = paths.isEmpty ? try fromDaemon() : try offline()
        if let benchRepeat {
            var samples: [Double] = []
            for _ in 0..<benchRepeat {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try render(plans, now: now)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            samples.sort()
            let items = plans.reduce(0) { $0 + $1.plan.items.count }
            print(String(format: "items=%d runs=%d median_ms=%.2f min_ms=%.2f", items, benchRepeat, samples[samples.count / 2], samples[0]))
            return
        }
        let data = try render(plans, now: now)
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        try OfflineFiles.writeAtomically(data, to: output, what: "the export")
    }

    func render(_ plans: [ExportPlan], now: Date) throws -> Data {
        switch resolvedFormat ?? .xlsx {  // validate() made sure there is one
        case .xlsx: return try WorkbookWriter.write(plans, now: now)
        case .csv: return CSVWriter.write(plans, now: now)
        case .ics: return CalendarWriter.write(plans, now: now)
        }
    }

    private func offline() throws -> ([ExportPlan], Date) {
        let now = at.flatMap(Timestamps.parse) ?? Date()
        let result = try OfflineFiles.loadPlans(paths, options: LedgerImporter.Options(columns: columns), nothing: "nothing was exported")
        return (result.plans.map { ExportPlan(plan: $0) }, now)
    }

    /// The daemon's current picture: `GET /v1/ledger`.
    private func fromDaemon() throws -> ([ExportPlan], Date) {
        let data = try connection.client().call("GET", "/v1/ledger")
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let list = root["plans"] as? [[String: Any]]
        else {
            printError("rectifyctl: the daemon's /v1/ledger answer is not the expected JSON; is rectifyd older than rectifyctl?")
            throw ExitCode(2)
        }
        let now = (root["at"] as? String).flatMap(Timestamps.parse) ?? Date()
        var plans: [ExportPlan] = []
        for entry in list {
            guard let planObject = entry["plan"] else { continue }
            let planData = try JSONSerialization.data(withJSONObject: planObject)
            let plan: Plan
            do {
                (plan, _) = try PlanReader.read(String(decoding: planData, as: UTF8.self), file: "rectifyd /v1/ledger")
            } catch {
                for diagnostic in error.diagnostics { printError(diagnostic.description) }
                throw ExitCode(2)
            }
            var records: [String: ItemRecord] = [:]
            if let items = entry["items"] {
                let decoded = try ControlAPI.decoder().decode(
                    [LedgerItemRecord].self, from: JSONSerialization.data(withJSONObject: items))
                for r in decoded {
                    records[r.id] = ItemRecord(
                        closedOn: r.closed.flatMap(CalendarDate.init), note: r.note, noteOn: r.noteOn.flatMap(CalendarDate.init),
                        state: ItemState(rawValue: r.state), daysOverdue: r.daysOverdue, daysLeft: r.daysLeft)
                }
            }
            plans.append(ExportPlan(plan: plan, records: records))
        }
        return (plans, now)
    }
}
