import ArgumentParser
import Foundation
import RectifyCore
import RectifyImport
import RectifyReport

/// The options both report commands take: where the plans come from.
struct ReportSourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only this plan (its id); needed when several plans are loaded.", valueName: "ID"))
    var plan: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Without PATHs: the daemon's control socket (default: $RECTIFYD_SOCKET, else control.socket of /etc/rectifyd/rectifyd.yaml, else /run/rectifyd/rectifyd.sock).",
            valueName: "PATH"))
    var socket: String?

    @Argument(
        help: ArgumentHelp(
            "Plan files, reports (.txt, .docx), ledgers (.xlsx, .csv) or directories (offline); none: ask the running daemon.",
            valueName: "PATH"))
    var paths: [String] = []

    var fromDaemon: Bool { paths.isEmpty }

    var client: ControlClient {
        var connection = ConnectionOptions()
        connection.socket = socket
        return ControlClient(socket: connection.resolvedSocket, json: false)
    }
}

/// Loads plans for a report: offline from files (with the importer for reports), evaluated at
/// the instant `now` gives per plan.
enum ReportSources {
    static func offline(_ paths: [String], now: (Plan) -> Date) throws -> [PlanState] {
        let result = try OfflineFiles.loadPlans(paths, nothing: "no report was written")
        return result.plans.map { plan in
            PlanState(plan: plan, at: now(plan), account: { ItemAccount.account(of: $0, in: plan) })
        }
    }

    /// The one plan a draft is about: `--plan ID`, or the only one loaded.
    static func choose(_ states: [PlanState], id: String?) throws -> PlanState {
        if let id {
            guard let state = states.first(where: { $0.plan.id == id }) else {
                printError("rectifyctl: no plan '\(id)'; the plans are: \(states.map(\.plan.id).joined(separator: ", ")).")
                throw ExitCode(2)
            }
            return state
        }
        guard states.count == 1, let only = states.first else {
            printError(
                "rectifyctl: \(states.count) plans are loaded; choose one with --plan ID (\(states.map(\.plan.id).joined(separator: ", "))).")
            throw ExitCode(states.isEmpty ? 2 : 64)
        }
        return only
    }

    /// The instant a report "as of DATE" is made at: the end of that day in the plan's zone
    /// (everything reported that day counts), or now.
    static func instant(asOf day: CalendarDate?, zone: TimeZone, now: Date) -> Date {
        guard let day else { return now }
        return day.adding(days: 1).startInstant(in: zone).addingTimeInterval(-1)
    }
}
