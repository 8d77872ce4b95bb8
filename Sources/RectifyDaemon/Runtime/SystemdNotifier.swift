import Foundation
import RectifyCore

#if canImport(Glibc)
    import Glibc
#endif

/// Tells systemd how the daemon is doing (the `sd_notify(3)` protocol) without libsystemd:
/// each message is one datagram of `KEY=VALUE` lines sent to the `AF_UNIX` socket named by
/// `$NOTIFY_SOCKET`.
///
/// The environment is read once, at init. Without `$NOTIFY_SOCKET` (not started by systemd,
/// or not `Type=notify`) every call is a no-op. A leading `@` names an abstract socket: the
/// `@` becomes a NUL byte and the address length ends at the name (no trailing NUL), as in
/// libsystemd. Sending never blocks and never fails the caller: a lost notification is logged
/// by systemd's side as a timeout, which is the best anyone can do about it.
public struct SystemdNotifier: Sendable {
    /// The socket's address bytes (`sun_path`, abstract names start with NUL); nil: disabled.
    private let path: [UInt8]?
    /// How often systemd wants `WATCHDOG=1` (half of `WatchdogSec=`), when the watchdog is on
    /// for this process.
    public let watchdogInterval: TimeInterval?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, pid: pid_t = getpid()) {
        path = environment["NOTIFY_SOCKET"].flatMap(Self.address(of:))
        watchdogInterval = Self.watchdogInterval(environment: environment, pid: pid, enabled: path != nil)
    }

    /// Whether messages go anywhere.
    public var isEnabled: Bool { path != nil }

    /// Sends one message: `"READY=1"`, or several assignments separated by newlines.
    public func notify(_ state: String) {
        guard let path else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { sunPath in
            for (i, byte) in path.enumerated() { sunPath[i] = byte }
        }
        let length = socklen_t(MemoryLayout.offset(of: \sockaddr_un.sun_path)! + path.count)
        let bytes = Array(state.utf8)
        _ = bytes.withUnsafeBytes { buffer in
            withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    // MSG_DONTWAIT: a notification socket nobody reads (a supervisor that stopped
                    // reading) would otherwise block the scheduler's queue on a full buffer.
                    sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT), $0, length)
                }
            }
        }
    }

    /// `RELOADING=1` with the `MONOTONIC_USEC=` systemd 253+ expects beside it.
    public func notifyReloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let micros = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
        notify("RELOADING=1\nMONOTONIC_USEC=\(micros)")
    }

    /// The `sun_path` bytes for a `NOTIFY_SOCKET` value: an absolute path (NUL-terminated)
    /// or `@name` (abstract: leading NUL, no terminator). Anything else is ignored, as by
    /// libsystemd.
    static func address(of value: String) -> [UInt8]? {
        var bytes = Array(value.utf8)
        switch bytes.first {
        case UInt8(ascii: "/"): bytes.append(0)
        case UInt8(ascii: "@"): bytes[0] = 0
        default: return nil
        }
        let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
        guard bytes.count > 1, bytes.count <= capacity else { return nil }
        return bytes
    }

    /// Half of `WATCHDOG_USEC`, when it is set, positive, and `WATCHDOG_PID` (if set) is us.
    static func watchdogInterval(environment: [String: String], pid: pid_t, enabled: Bool) -> TimeInterval? {
        guard enabled, let usec = environment["WATCHDOG_USEC"].flatMap(UInt64.init), usec > 0 else { return nil }
        if let watchdogPID = environment["WATCHDOG_PID"], pid_t(watchdogPID) != pid { return nil }
        return TimeInterval(usec) / 2_000_000
    }
}

extension Scheduler.Summary {
    /// One line for `systemctl status`: "42 open, 7 overdue, next check 2026-11-23 09:00".
    var statusLine: String {
        var line = "\(open) open, \(overdue) overdue"
        if let failure = storageFailure {
            line = "UNHEALTHY: the state database refuses writes (\(failure.operation)); " + line
        }
        if lagging > overdue { line += ", \(lagging) lagging" }
        guard let nextWake else { return line + ", nothing scheduled" }
        // Counted from the zone's offset, not through a Calendar: the line is made after every
        // change the scheduler publishes, and making a Calendar and its components there was
        // most of the scheduler's work after an instant's alert was written (perf).
        let local = Int((nextWake.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: nextWake))).rounded(.down))
        let days = Int((Double(local) / 86_400).rounded(.down))
        let day = CalendarDate(dayNumber: days), seconds = local - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return line + ", next check \(day.year)-\(two(day.month))-\(two(day.day)) \(two(seconds / 3600)):\(two(seconds / 60 % 60))"
    }
}
