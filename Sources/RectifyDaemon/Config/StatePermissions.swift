import Foundation
import RectifyStore

/// Who may read the state directory and database: the daemon's user, and the control
/// socket's group when it has one (its members may read through the socket anyway).
struct StatePermissions: Equatable {
    var directory: mode_t
    var database: mode_t

    init(_ config: DaemonConfig) {
        let shared = config.control.group != nil
        directory = shared ? 0o750 : 0o700
        database = shared ? 0o640 : 0o600
        // A socket inside the state directory must stay reachable for whoever its mode lets
        // connect: search (not list) permission for those.
        let socketDirectory = URL(fileURLWithPath: config.control.socket).deletingLastPathComponent().standardized.path
        if socketDirectory == URL(fileURLWithPath: config.stateDir).standardized.path {
            if config.control.mode & 0o060 != 0 { directory |= 0o010 }
            if config.control.mode & 0o006 != 0 { directory |= 0o001 }
        }
    }

    /// Creates the state directory with its mode, or brings an existing one to it when it is
    /// the daemon's own and not a shared sticky directory such as /tmp.
    func prepare(_ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: Int(directory)])
        var info = stat()
        guard stat(path, &info) == 0, info.st_uid == getuid(), info.st_mode & S_ISVTX == 0,
            info.st_mode & 0o777 != directory
        else { return }
        guard chmod(path, directory) == 0 else {
            throw ControlServerError("cannot set mode \(String(directory, radix: 8)) on \(path): \(String(cString: strerror(errno)))")
        }
    }
}

extension StateDirectory {
    /// The state directory `config` names, private to the daemon (and the socket's group),
    /// locked, writable and holding the right database: or a clear refusal naming the file.
    static func open(for config: DaemonConfig, acceptNewState: Bool) throws -> StateDirectory {
        let permissions = StatePermissions(config)
        try permissions.prepare(config.stateDir)
        return try StateDirectory(
            path: config.stateDir, databaseName: URL(fileURLWithPath: config.databasePath).lastPathComponent,
            databaseMode: permissions.database, acceptNewState: acceptNewState)
    }
}
