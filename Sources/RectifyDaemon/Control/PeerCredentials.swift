import Foundation
import NIOCore

/// The connecting process as the kernel saw it when it connected: uid, primary gid and pid
/// from SO_PEERCRED, supplementary groups from SO_PEERGROUPS.
struct PeerCredentials: Sendable, Hashable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32
    /// Supplementary groups of the process (not of its user name in /etc/group).
    var groups: Set<UInt32> = []

    /// The primary group and the supplementary ones.
    var allGroups: Set<UInt32> { groups.union([gid]) }

    /// The user name of `uid`, or nil when it has none.
    var userName: String? { Accounts.userName(uid: uid) }
}

enum Accounts {
    static func userName(uid: UInt32) -> String? {
        var pwd = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &pwd, &buffer, buffer.count, &result) == 0, result != nil, let name = pwd.pw_name else {
            return nil
        }
        return String(cString: name)
    }

    static func groupID(named name: String) -> UInt32? {
        var grp = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 8192)
        guard getgrnam_r(name, &grp, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return grp.gr_gid
    }

}

extension PeerCredentials {
    /// SO_PEERGROUPS (Linux 4.13); glibc does not define it.
    static let soPeerGroups: Int32 = 59

    /// Reads the credentials of a connection's peer; nil when SO_PEERCRED fails.
    static func read(from channel: Channel) -> EventLoopFuture<PeerCredentials?> {
        guard let provider = channel as? SocketOptionProvider else { return channel.eventLoop.makeSucceededFuture(nil) }
        let cred: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        // 64 gids; more fail with ERANGE and are read from /proc instead.
        let groups: EventLoopFuture<SIMD64<UInt32>> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(soPeerGroups))
        return cred.and(groups.map(Optional.some).recover { _ in nil }).map { cred, list in
            var peer = PeerCredentials(pid: cred.pid, uid: cred.uid, gid: cred.gid)
            peer.groups = list.flatMap(supplementaryGroups) ?? procGroups(pid: cred.pid) ?? []
            return peer
        }.recover { _ in nil }
    }

    /// The groups in an SO_PEERGROUPS answer, or nil when it cannot tell. NIO zero-fills the
    /// buffer and drops the returned length, but the kernel keeps the list sorted: zeros after
    /// a non-zero gid are padding. All zeros means "none" or "only gid 0": then nil.
    static func supplementaryGroups(_ list: SIMD64<UInt32>) -> Set<UInt32>? {
        let gids = (0..<64).map { list[$0] }
        guard let last = gids.lastIndex(where: { $0 != 0 }) else { return nil }
        return Set(gids[...last])
    }

    /// The `Groups:` line of /proc/PID/status.
    static func procGroups(pid: Int32) -> Set<UInt32>? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Groups:") })
        else { return nil }
        return Set(line.dropFirst("Groups:".count).split(whereSeparator: \.isWhitespace).compactMap { UInt32($0) })
    }
}
