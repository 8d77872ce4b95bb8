import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why the control socket could not be reached, read off the file system as the caller sees
/// it, so the message names the real cause: a missing socket, a directory or socket this user
/// may not open (the usual case: `/run/rectifyd` is 0750 and group `rectifyd`), or a socket
/// nobody answers on.
enum SocketDiagnosis: Equatable {
    /// There is no socket at the path (and nothing on the way refuses the caller).
    case missing
    /// `path` (the socket or a directory above it) refuses this user.
    case permissionDenied(path: String, owner: String, group: String, mode: mode_t)
    /// The socket is there and may be opened, but nothing accepts connections.
    case notAnswering

    static func diagnose(socket: String) -> SocketDiagnosis {
        var info = stat()
        if stat(socket, &info) == 0 {
            if access(socket, R_OK | W_OK) != 0 { return denied(socket, info) }
            return .notAnswering
        }
        guard errno == EACCES else { return .missing }
        // Some directory on the way may not be searched: name the first one.
        let absolute = socket.hasPrefix("/") ? socket : FileManager.default.currentDirectoryPath + "/" + socket
        var prefix = ""
        for component in absolute.split(separator: "/").dropLast() {
            prefix += "/" + component
            if access(prefix, X_OK) != 0, stat(prefix, &info) == 0 { return denied(prefix, info) }
        }
        return denied(URL(fileURLWithPath: absolute).deletingLastPathComponent().path, info)
    }

    private static func denied(_ path: String, _ info: stat) -> SocketDiagnosis {
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "\(info.st_uid)"
        let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "\(info.st_gid)"
        return .permissionDenied(path: path, owner: owner, group: group, mode: info.st_mode & 0o7777)
    }

    /// The reason, after "cannot reach rectifyd at PATH: ".
    var reason: String {
        switch self {
        case .missing: return "there is no socket there"
        case .permissionDenied(let path, let owner, let group, let mode):
            return "permission denied on \(path) (mode \(String(format: "%04o", mode)), owner \(owner), group \(group))"
        case .notAnswering: return "nothing accepts connections on that socket"
        }
    }

    /// What to do about it.
    var hint: String {
        switch self {
        case .missing:
            return "  No socket there: is the daemon running (systemctl status rectifyd)? Is this its control.socket? (--socket PATH or RECTIFYD_SOCKET)"
        case .permissionDenied(_, _, let group, _):
            let user = Self.currentUser
            if Self.listedMember(user: user, group: group) {
                return "  You (\(user)) are in the group \(group), but this login session started before you were added: log in again (or run `newgrp \(group)`)."
            }
            return "  Users in the group \(group) may query the daemon; ask an administrator to add you: `sudo usermod -aG \(group) \(user)`, then log in again (group membership is read at login)."
        case .notAnswering:
            return "  The socket exists but nothing answers: the daemon may have stopped (journalctl -u rectifyd)."
        }
    }

    private static var currentUser: String {
        getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(geteuid())"
    }

    /// Whether /etc/group (or NSS) lists `user` in `group`; the process's own groups may be older.
    private static func listedMember(user: String, group: String) -> Bool {
        guard let entry = getgrnam(group), var member = entry.pointee.gr_mem else { return false }
        while let name = member.pointee {
            if String(cString: name) == user { return true }
            member += 1
        }
        return false
    }
}
