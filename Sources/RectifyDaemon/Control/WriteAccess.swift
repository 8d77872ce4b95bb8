import Foundation

/// Who may write: the daemon's own user, plus the users and groups named in config.
struct WriteAccess: Sendable {
    var users: [String]
    var groups: [String]

    /// Returns the caller's user name (for the audit trail) or throws 403.
    func authorise(_ peer: PeerCredentials?) throws(ControlError) -> String? {
        guard let peer else { throw .forbidden("the caller could not be identified (SO_PEERCRED failed); writes are refused") }
        let name = peer.userName
        if peer.uid == getuid() { return name }
        if let name, users.contains(name) { return name }
        if users.contains(String(peer.uid)) { return name }
        // The groups the calling process has, not the members /etc/group lists for its name.
        let callerGroups = peer.allGroups
        for group in groups {
            if let gid = Accounts.groupID(named: group) ?? UInt32(group), callerGroups.contains(gid) { return name }
        }
        throw .forbidden(
            "user \(name ?? "uid \(peer.uid)") may read but not write; writers are the daemon's user"
                + (users.isEmpty ? "" : ", users \(users.joined(separator: ", "))")
                + (groups.isEmpty ? "" : ", members of \(groups.joined(separator: ", "))")
                + " (control.writers in the config)")
    }
}
