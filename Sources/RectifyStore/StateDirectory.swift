import RectifyCore
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon's hold on its state directory, taken once at start:
///
/// - an exclusive `flock` on `rectifyd.lock` (with the holder's pid in it), so a second
///   daemon on the same state refuses to start instead of delivering everything again;
/// - a write probe, so a read-only directory fails at start, not at the first alert;
/// - the database opened with errors that say which file, what was found and what to do;
/// - a marker beside the database (`state.sqlite.marker`) that remembers the database's id
///   and that its notification log had entries: a deleted, emptied or swapped database is
///   refused (it would re-send every alert and lose the audit trail) unless the operator
///   says `--accept-new-state`.
///
/// The lock lasts as long as this value (the kernel drops it when the process dies, even
/// by `kill -9`).
public final class StateDirectory: Sendable {
    public let path: String
    public let store: StateStore
    private let lockFD: Int32
    private let markerPath: String
    private let stateID: String
    private let created: String
    /// Whether the marker already says the notification log has entries.
    private let historyNoted: Locked<Bool>

    public static let lockName = "rectifyd.lock"

    /// - Parameters:
    ///   - databaseName: the database file inside `path`.
    ///   - acceptNewState: start even when the marker says an earlier database held a history.
    ///   - databaseMode: the mode of the database and its -wal/-shm (0600, or 0640 for a group).
    public init(
        path: String, databaseName: String = "state.sqlite", databaseMode: mode_t = 0o600, acceptNewState: Bool = false
    ) throws(StateError) {
        self.path = path
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if !fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            do {
                try fm.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StateError(path: path, "cannot create the state directory: \(Self.reason(error))")
            }
        } else if !isDirectory.boolValue {
            throw StateError(path: path, "state_dir is not a directory")
        }
        try Self.probeWritable(directory: path)
        lockFD = try Self.lock(directory: path)
        let database = URL(fileURLWithPath: path).appendingPathComponent(databaseName).path
        markerPath = database + ".marker"
        do throws(StateError) {
            let marker = try Marker.read(markerPath)
            let existed = fm.fileExists(atPath: database)
            let store: StateStore
            do {
                store = try StateStore(path: database, mode: databaseMode)
            } catch {
                throw Self.openError(error, database: database)
            }
            let found = try Self.inspect(store, database: database)
            if let marker, marker.hadHistory, !acceptNewState {
                if found.stateID != marker.stateID || !found.hasHistory {
                    let what: String
                    if !existed {
                        what = "the database is missing"
                    } else if found.stateID == nil || !found.hasHistory {
                        what = "the database is empty"
                    } else {
                        what = "the database is a different one (state id \(found.stateID ?? "none"), expected \(marker.stateID))"
                    }
                    throw StateError(
                        path: database,
                        "\(what), but \(Self.name(markerPath)) says this state directory held a notification log "
                            + "and audit trail (since \(marker.created)). Starting on it would send every alert again "
                            + "and lose the history. Restore the database from a backup (with its -wal file), "
                            + "or start once with --accept-new-state to begin a new history.")
                }
            }
            var id = found.stateID
            do {
                if id == nil {
                    id = UUID().uuidString.lowercased()
                    try store.setMeta("state_id", id!)
                }
                try store.setMeta("opened_at", String(Date().timeIntervalSince1970))
            } catch {
                throw StateError(path: database, "cannot write to the database: \(Self.reason(error))")
            }
            self.store = store
            self.stateID = id!
            let sameDatabase = marker?.stateID == id
            let hadHistory = found.hasHistory || (sameDatabase && marker?.hadHistory == true)
            let created = sameDatabase ? marker?.created ?? Self.timestamp() : Self.timestamp()
            try Marker(stateID: id!, created: created, hadHistory: hadHistory).write(markerPath)
            historyNoted = Locked(hadHistory)
            self.created = created
        } catch {
            close(lockFD)
            throw error
        }
    }

    deinit { close(lockFD) }

    /// Closes the state database; the directory stays locked until the process ends.
    public func closeDatabase() throws { try store.closeDatabase() }

    /// Notes in the marker that the database holds a history (call after a confirmed delivery
    /// or a stored update; only the first call writes).
    public func noteHistory() throws(StateError) {
        let first = historyNoted.withLock { noted in
            defer { noted = true }
            return !noted
        }
        guard first else { return }
        do {
            try Marker(stateID: stateID, created: created, hadHistory: true).write(markerPath)
        } catch {
            historyNoted.withLock { $0 = false }
            throw error
        }
    }

    // MARK: pieces

    private static func lock(directory: String) throws(StateError) -> Int32 {
        let lockPath = URL(fileURLWithPath: directory).appendingPathComponent(lockName).path
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StateError(path: lockPath, "cannot open the lock file: \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            var holder = ""
            var buffer = [UInt8](repeating: 0, count: 64)
            let n = pread(fd, &buffer, buffer.count, 0)
            if n > 0 { holder = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            close(fd)
            guard code == EWOULDBLOCK else {
                throw StateError(path: lockPath, "cannot lock the state directory: \(String(cString: strerror(code)))")
            }
            throw StateError(
                path: directory,
                "another rectifyd\(holder.isEmpty ? "" : " (pid \(holder))") is running on this state directory; "
                    + "stop it first (systemctl stop rectifyd), or give this one its own state_dir")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        return fd
    }

    private static func probeWritable(directory: String) throws(StateError) {
        let probe = URL(fileURLWithPath: directory).appendingPathComponent(".write-probe-\(getpid())").path
        let fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StateError(
                path: directory,
                "the state directory is not writable (\(String(cString: strerror(errno)))): rectifyd records every "
                    + "alert before sending it and cannot run without writing. Check the mount (read-only?), the owner "
                    + "and free space")
        }
        let wrote = write(fd, "x", 1)
        let code = errno
        close(fd)
        unlink(probe)
        guard wrote == 1 else {
            throw StateError(path: directory, "cannot write in the state directory: \(String(cString: strerror(code)))")
        }
    }

    private struct Found {
        var stateID: String?
        var hasHistory: Bool
    }

    private static func inspect(_ store: StateStore, database: String) throws(StateError) -> Found {
        do {
            return try store.pool.read { db in
                let id = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'state_id'")
                let log = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM notification_log LIMIT 1)") ?? 0
                let updates = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM updates LIMIT 1)") ?? 0
                return Found(stateID: id, hasHistory: log + updates > 0)
            }
        } catch let error as StateError {
            throw error
        } catch {
            throw openError(error, database: database)
        }
    }

    private static func openError(_ error: any Error, database: String) -> StateError {
        if let error = error as? DatabaseError {
            switch error.resultCode.primaryResultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return StateError(
                    path: database,
                    "the database is damaged or not a SQLite database (\(error.resultCode)). Stop rectifyd, move the "
                        + "database and its -wal/-shm files aside, restore them from a backup, or start with "
                        + "--accept-new-state to begin a new history")
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
                return StateError(
                    path: database,
                    "cannot open the database for writing (\(error.resultCode)): check the owner, the mode and that the "
                        + "file system is not read-only")
            case .SQLITE_FULL:
                return StateError(path: database, "the disk is full: free some space and start again")
            default:
                return StateError(path: database, "cannot open the database: \(error.message ?? "\(error.resultCode)")")
            }
        }
        return StateError(path: database, "cannot open the database: \(reason(error))")
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        if let error = error as? StateFileError { return String(cString: strerror(error.errno)) }
        return (error as NSError).localizedDescription
    }

    static func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    /// `state.sqlite.marker`: a few `key=value` lines, written to a temporary name and renamed.
    struct Marker: Equatable {
        var stateID: String
        var created: String
        var hadHistory: Bool

        static func read(_ path: String) throws(StateError) -> Marker? {
            guard let data = FileManager.default.contents(atPath: path) else {
                if FileManager.default.fileExists(atPath: path) {
                    throw StateError(path: path, "cannot read the state marker")
                }
                return nil
            }
            var fields: [String: String] = [:]
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { fields[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces) }
            }
            guard let id = fields["state_id"], !id.isEmpty else {
                throw StateError(path: path, "the state marker has no state_id; remove it if you know the database is right")
            }
            return Marker(stateID: id, created: fields["created"] ?? "?", hadHistory: fields["had_history"] == "yes")
        }

        func write(_ path: String) throws(StateError) {
            let text = """
                # rectifyd: which database belongs to this state directory. Do not edit; see docs/operations.md.
                state_id=\(stateID)
                created=\(created)
                had_history=\(hadHistory ? "yes" : "no")

                """
            let temporary = path + ".tmp"
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
                guard rename(temporary, path) == 0 else { throw StateError(path: path, String(cString: strerror(errno))) }
            } catch {
                throw StateError(path: path, "cannot write the state marker: \(StateDirectory.reason(error))")
            }
        }
    }
}

/// A problem with the state directory or database: which file, what, and what to do.
public struct StateError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
