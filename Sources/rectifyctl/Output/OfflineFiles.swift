import ArgumentParser
import Foundation
import RectifyCore
import RectifyImport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the offline commands share: reading plan files as `rectifyctl check` reads them, the
/// `--at` instant, and writing a result file so that nobody reads half of it.
enum OfflineFiles {
    /// Loads plan files, reports and ledgers (imported on load with `options`) and directories
    /// of them, and prints the warnings. On bad input prints every error and a line saying
    /// that `nothing` ("nothing was checked"), and exits 2.
    static func loadPlans(
        _ paths: [String], options: LedgerImporter.Options = LedgerImporter.Options(), nothing: String
    ) throws -> PlanLoader.Result {
        let loader = PlanLoader(reportImporter: { data, file throws(PlanLoadError) in
            try LedgerImporter.importFile(data, file: file, options: options).asLoaderResult
        })
        let result: PlanLoader.Result
        do {
            result = try loader.load(paths)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            printError("rectifyctl: \(count) error\(count == 1 ? "" : "s"); \(nothing).")
            throw ExitCode(2)
        }
        for warning in result.warnings { printError(warning.description) }
        return result
    }

    /// What `--at` says when it is neither a date nor a time.
    static func badInstant(_ at: String) -> String {
        "--at '\(at)' is not a date (2026-11-22) or a time (2026-11-22T09:00:00+08:00)."
    }

    /// The instant `--at` names, or now without it; a bad value is printed and exits 2.
    static func instant(_ at: String?) throws -> Date {
        guard let at else { return Date() }
        guard let instant = Timestamps.parse(at) else {
            printError("rectifyctl: " + badInstant(at))
            throw ExitCode(2)
        }
        return instant
    }

    /// Writes `data` to a temporary file beside `path` and renames it over `path`, so readers
    /// (the daemon's reload, a mail client) never see half a file. On failure prints
    /// "PATH:1:1: error: cannot write `what`: reason." and exits 2; `reason` words a write error.
    static func writeAtomically(
        _ data: Data, to path: String, what: String, reason: (any Error) -> String = { ($0 as NSError).localizedDescription }
    ) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            printError("\(path):1:1: error: cannot write \(what): \(reason(error)).")
            throw ExitCode(2)
        }
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            printError("\(path):1:1: error: cannot write \(what): \(message).")
            throw ExitCode(2)
        }
    }
}
