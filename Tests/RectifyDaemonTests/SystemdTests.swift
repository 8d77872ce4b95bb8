import Foundation
import Testing

@testable import RectifyDaemon

/// The daemon's sd_notify messages, received on a real `NOTIFY_SOCKET` as systemd would.
@Suite(.serialized)
struct SystemdTests {
    @Test func notifier_sendsToPathAndAbstractSockets_andIsSilentWithoutOne() throws {
        for name in [NotifyListener.temporaryPath(), "@rectifyd-test-\(UUID().uuidString.prefix(8))"] {
            let listener = try NotifyListener(name: name)
            let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": name])
            #expect(notifier.isEnabled)
            notifier.notify("STATUS=3 open, 1 overdue\nX=1")
            #expect(listener.wait(for: "X=1", timeout: 2) == "STATUS=3 open, 1 overdue\nX=1")
        }
        #expect(!SystemdNotifier(environment: [:]).isEnabled)
        #expect(!SystemdNotifier(environment: ["NOTIFY_SOCKET": "relative"]).isEnabled)
    }

    @Test func watchdogInterval_isHalfTheUsec_onlyForThisPid() {
        let env = ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000"]
        #expect(SystemdNotifier(environment: env, pid: 7).watchdogInterval == 15)
        #expect(SystemdNotifier(environment: env.merging(["WATCHDOG_PID": "7"]) { $1 }, pid: 7).watchdogInterval == 15)
        #expect(SystemdNotifier(environment: env.merging(["WATCHDOG_PID": "8"]) { $1 }, pid: 7).watchdogInterval == nil)
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "30000000"], pid: 7).watchdogInterval == nil)
    }

    @Test func statusLine_showsCountsAndNextCheckInTheConfigZone() {
        let wake = Date(timeIntervalSince1970: 1_795_395_600)  // 2026-11-23 01:00 UTC
        let summary = Scheduler.Summary(
            open: 42, overdue: 7, lagging: 7, nextWake: wake, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(summary.statusLine == "42 open, 7 overdue, next check 2026-11-23 09:00")
        // As a Calendar in the zone says, west of UTC, across a day and a DST change, before 1970.
        for (zone, seconds) in [("America/New_York", 1_793_509_199.5), ("America/New_York", 1_793_512_800), ("UTC", -1), ("Asia/Kolkata", 0)] {
            let wake = Date(timeIntervalSince1970: seconds), timeZone = TimeZone(identifier: zone)!
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: wake)
            let expected = String(format: "1 open, 0 overdue, next check %04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
            #expect(Scheduler.Summary(open: 1, overdue: 0, lagging: 0, nextWake: wake, timeZone: timeZone).statusLine == expected)
        }
    }

    @Test func daemon_notifiesReadyStatusWatchdogReloadingAndStopping() throws {
        let listener = try NotifyListener(name: NotifyListener.temporaryPath())
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", EndToEndTests.plan(staleIn: 3600))
        try daemon.write("rectifyd.yaml", EndToEndTests.config())
        let process = try Self.start(daemon, environment: ["NOTIFY_SOCKET": listener.name, "WATCHDOG_USEC": "400000"])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let ready = try #require(listener.wait(for: "READY=1", timeout: 20))
        #expect(ready == "READY=1")
        // State exists before READY: the plans are loaded and evaluated.
        #expect(FileManager.default.fileExists(atPath: daemon.dir.appendingPathComponent("state/state.sqlite").path))
        let status = listener.messages().first { $0.text.hasPrefix("STATUS=") }?.text
        #expect(status?.hasPrefix("STATUS=2 open, 0 overdue, next check ") == true, "\(status ?? "no STATUS")")

        // WATCHDOG_USEC=0.4 s: a ping every 0.2 s.
        let watchStart = Date()
        Thread.sleep(forTimeInterval: 2)
        let pings = listener.messages().filter { $0.text == "WATCHDOG=1" && $0.at >= watchStart }
        #expect((8...12).contains(pings.count), "\(pings.count) WATCHDOG=1 in 2 s")
        let gaps = zip(pings.dropFirst(), pings).map { $0.at.timeIntervalSince($1.at) }
        #expect(gaps.allSatisfy { $0 > 0.1 && $0 < 0.35 }, "\(gaps)")

        kill(process.processIdentifier, SIGHUP)
        let reloading = try #require(listener.wait(for: "RELOADING=1", timeout: 10, after: ready))
        #expect(reloading.contains("\nMONOTONIC_USEC="))
        #expect(listener.wait(for: "READY=1", timeout: 10, after: reloading) == "READY=1")

        // A rejected reload also ends with READY=1 (the old config keeps running).
        try daemon.write("rectifyd.yaml", "state_dir: [broken\n")
        let before = listener.messages().count
        kill(process.processIdentifier, SIGHUP)
        let rejected = try #require(listener.wait(for: "RELOADING=1", timeout: 10, skipping: before))
        #expect(listener.wait(for: "READY=1", timeout: 10, after: rejected) == "READY=1")

        kill(process.processIdentifier, SIGTERM)
        #expect(listener.wait(for: "STOPPING=1", timeout: 10) == "STOPPING=1")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func daemon_sendsNoWatchdogPings_whenWatchdogPidIsAnotherProcess() throws {
        let listener = try NotifyListener(name: "@rectifyd-test-\(UUID().uuidString.prefix(8))")
        let daemon = try DaemonHarness()
        try daemon.write("plan.yaml", EndToEndTests.plan(staleIn: 3600))
        try daemon.write("rectifyd.yaml", EndToEndTests.config())
        let process = try Self.start(
            daemon, environment: ["NOTIFY_SOCKET": listener.name, "WATCHDOG_USEC": "200000", "WATCHDOG_PID": "1"])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        #expect(listener.wait(for: "READY=1", timeout: 20) == "READY=1")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(!listener.messages().contains { $0.text == "WATCHDOG=1" })
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// Runs the daemon with extra environment variables (the harness's `start()` has none).
    static func start(_ daemon: DaemonHarness, environment: [String: String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: DaemonHarness.binary)
        p.arguments = ["--config", daemon.configPath]
        p.currentDirectoryURL = daemon.dir
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }
}

/// A datagram socket standing in for systemd's notify socket; a thread records every message.
final class NotifyListener: @unchecked Sendable {
    struct Message {
        var at: Date
        var text: String
    }

    let name: String
    private let fd: Int32
    private let inbox = Inbox()

    /// Received messages; shared with the receiving thread (which must not keep the listener alive).
    private final class Inbox: @unchecked Sendable {
        let lock = NSLock()
        var messages: [Message] = []
        var closed = false
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8)).sock").path
    }

    /// `name`: a path, or `@name` for an abstract socket.
    init(name: String) throws {
        self.name = name
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        self.fd = fd
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(name.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 } else { bytes.append(0) }
        withUnsafeMutableBytes(of: &addr.sun_path) { for (i, b) in bytes.enumerated() { $0[i] = b } }
        let length = socklen_t(MemoryLayout.offset(of: \sockaddr_un.sun_path)! + bytes.count)
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard rc == 0 else { throw HarnessError("cannot bind notify socket \(name): errno \(errno)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let inbox = self.inbox
        Thread { Self.receive(fd: fd, into: inbox) }.start()
    }

    deinit {
        inbox.lock.lock()
        inbox.closed = true
        inbox.lock.unlock()
        if name.hasPrefix("/") { unlink(name) }
    }

    /// Receives until the listener is gone, then closes the socket.
    private static func receive(fd: Int32, into inbox: Inbox) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            inbox.lock.lock()
            if n > 0 { inbox.messages.append(Message(at: Date(), text: String(decoding: buffer[0..<n], as: UTF8.self))) }
            let closed = inbox.closed
            inbox.lock.unlock()
            if closed { break }
        }
        close(fd)
    }

    func messages() -> [Message] {
        inbox.lock.lock()
        defer { inbox.lock.unlock() }
        return inbox.messages
    }

    /// The first message whose lines include `line`, after the message `after` (or after the
    /// first `skipping` messages), within `timeout`.
    func wait(for line: String, timeout: TimeInterval, after: String? = nil, skipping: Int = 0) -> String? {
        var found: String?
        _ = DaemonHarness.waitFor(timeout) {
            var all = messages().dropFirst(skipping).map(\.text)
            if let after, let index = all.firstIndex(of: after) { all = Array(all[(index + 1)...]) }
            found = all.first { $0.split(separator: "\n").contains(Substring(line)) }
            return found != nil
        }
        return found
    }
}
