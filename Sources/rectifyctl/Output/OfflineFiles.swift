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
        let loader = PlanLoader.importing(options)
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
        // "2026-02-30" has the shape of a day: say what is wrong with it.
        if !at.contains("T"), at.split(separator: "-").count == 3, let problem = CalendarDate.problem(with: at) {
            return "--at '\(at)': \(problem)."
        }
        return "--at '\(at)' is not a date (2026-11-22) or a time (2026-11-22T09:00:00+08:00)."
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
    /// (the daemon's reload, a mail client) never see half a file. The file keeps its mode, and a
    /// symbolic link stays a link (the file it points to is replaced). A device, pipe or socket
    /// (`-o /dev/stdout`, `/dev/null`, a FIFO) is written to directly: a rename would replace
    /// it with a plain file. `mode`, when given, is the file's mode whatever it was (a file of
    /// secrets); otherwise a new file is 0644. On failure prints "PATH:1:1: error: cannot write
    /// `what`: reason." and exits 2; `reason` words a write error.
    static func writeAtomically(
        _ data: Data, to path: String, what: String, mode required: mode_t? = nil,
        reason: (any Error) -> String = { ($0 as NSError).localizedDescription }
    ) throws {
        func fail(_ message: String) -> ExitCode {
            printError("\(path):1:1: error: cannot write \(what): \(message).")
            return ExitCode(2)
        }
        var target = path
        var info = stat()
        var mode: mode_t = required ?? 0o644
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFREG {
                guard (info.st_mode & S_IFMT) != S_IFDIR else { throw fail("it is a directory") }
                guard let handle = FileHandle(forWritingAtPath: path) else { throw fail(String(cString: strerror(errno))) }
                do {
                    try handle.write(contentsOf: data)
                    try handle.close()
                } catch {
                    throw fail(reason(error))
                }
                return
            }
            mode = required ?? info.st_mode & 0o7777
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            }
        }
        let url = URL(fileURLWithPath: target)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw fail(String(cString: strerror(errno))) }
        // The mode the file had, not the one the umask leaves of it.
        fchmod(fd, mode)
        let written = data.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        let error = errno
        guard written, fsync(fd) == 0 else {
            close(fd)
            unlink(temporary)
            throw fail(String(cString: strerror(written ? errno : error)))
        }
        close(fd)
        guard rename(temporary, target) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw fail(message)
        }
    }
}
