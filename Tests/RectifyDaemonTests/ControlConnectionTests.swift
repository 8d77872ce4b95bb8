import Foundation
import RectifyNotify
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Held connections must not deny service: a request deadline however slowly bytes trickle
/// in, caps on connections per uid and in total, and no busy loop when file descriptors run out.
@Suite(.serialized)
struct ControlConnectionTests {
    static func startDaemon(_ control: String, fileLimit: Int? = nil) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        let example = DaemonHarness.repository.appendingPathComponent("config/plans/example.yaml").path
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [\(example)]
            alerts: {digest: {enabled: false}}
            control: {socket: state/rectifyd.sock, mode: "0666", \(control)}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}

            """)
        try daemon.start(fileLimit: fileLimit)
        guard DaemonHarness.waitFor(10, { daemon.log.contains("control socket listening") }) else {
            throw HarnessError("the control socket did not come up:\n\(daemon.log)")
        }
        return daemon
    }

    static func health(_ d: DaemonHarness, timeout: TimeInterval = 5) -> Int {
        let socket = ControlSocketTests.socketPath(d)
        return (try? UnixSocketHTTP.request(socket: socket, method: "GET", path: "/v1/health", timeout: timeout).status) ?? -1
    }

    @Test func aClientThatTricklesBytes_isClosedAtTheRequestDeadline() throws {
        let d = try Self.startDaemon("idle_timeout: 1s, request_timeout: 2s")
        defer { d.stop() }
        let client = try RawClient(path: ControlSocketTests.socketPath(d))
        let request = Array("GET /v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".utf8)
        let started = Date()
        var closedAfter: TimeInterval?
        var received = Data()
        // One byte every 0.4 s: the idle timeout never fires, only the request deadline can.
        for i in 0..<15 {
            client.send(Array(request[i % request.count...i % request.count]))
            let answer = client.receive(timeout: 0.4)
            received += answer.data
            if answer.closed {
                closedAfter = Date().timeIntervalSince(started)
                break
            }
        }
        #expect(closedAfter != nil, "a trickling client was still connected after 6 s")
        #expect((closedAfter ?? 0) >= 1.5 && (closedAfter ?? 99) < 3.5, "closed after \(closedAfter ?? -1) s")
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 408"), "\(received)")
        #expect(Self.health(d) == 200)
    }

    @Test func connectionsOverThePerUidCap_areRefusedWith503_andServedOnceOthersClose() throws {
        let d = try Self.startDaemon("idle_timeout: 30s, request_timeout: 30s, max_connections_per_uid: 3")
        defer { d.stop() }
        let path = ControlSocketTests.socketPath(d)
        var held = try (0..<3).map { _ in try RawClient(path: path) }
        Thread.sleep(forTimeInterval: 0.3)
        let fourth = try RawClient(path: path)
        let refused = fourth.receive(timeout: 3)
        let text = String(decoding: refused.data, as: UTF8.self)
        #expect(refused.closed && text.hasPrefix("HTTP/1.1 503") && text.contains("max_connections_per_uid"), "\(text)")
        #expect(DaemonHarness.waitFor(3) { d.log.contains("control connection refused") }, "\(d.log)")
        held.removeLast()
        #expect(DaemonHarness.waitFor(3) { Self.health(d) == 200 })
        _ = held
    }

    @Test func connectionsOverTheTotalCap_waitUntilOneCloses() throws {
        let d = try Self.startDaemon("idle_timeout: 30s, request_timeout: 30s, max_connections: 4")
        defer { d.stop() }
        let path = ControlSocketTests.socketPath(d)
        var held = try (0..<4).map { _ in try RawClient(path: path) }
        Thread.sleep(forTimeInterval: 0.3)
        let waiting = try RawClient(path: path)
        waiting.send(Array("GET /v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8))
        #expect(waiting.receive(timeout: 1).data.isEmpty, "answered although 4 connections were open")
        held.removeFirst()
        let answer = waiting.receive(timeout: 3)
        #expect(String(decoding: answer.data, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        _ = held
    }

    /// Measures the daemon's CPU while more clients than its file limit hold connections.
    @Test func runningOutOfFileDescriptors_isLogged_withoutABusyLoop() throws {
        let d = try Self.startDaemon(
            "idle_timeout: 60s, request_timeout: 60s, max_connections: 1000, max_connections_per_uid: 1000", fileLimit: 64)
        defer { d.stop() }
        let path = ControlSocketTests.socketPath(d)
        var held: [RawClient] = []
        for _ in 0..<100 { held.append(try RawClient(path: path)) }
        Thread.sleep(forTimeInterval: 1)
        let before = d.cpuSeconds ?? 0
        Thread.sleep(forTimeInterval: 3)
        let cpu = ((d.cpuSeconds ?? 0) - before) / 3
        print("CPU with file descriptors exhausted: \(Int(cpu * 100))%")
        #expect(cpu < 0.2, "the daemon used \(Int(cpu * 100))% CPU while out of file descriptors")
        let lines = d.log.split(separator: "\n").filter { $0.contains("out of file descriptors") }
        #expect(!lines.isEmpty && lines.count <= 2, "\(lines.count) lines about running out of file descriptors")
        held.removeAll()
        #expect(DaemonHarness.waitFor(5) { Self.health(d, timeout: 2) == 200 }, "\(d.log.suffix(2000))")
    }
}

/// A raw Unix-socket client: connects, sends bytes as the test says, reads with a timeout.
final class RawClient {
    let fd: Int32

    init(path: String) throws {
        fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: path.utf8.prefix(raw.count - 1)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw HarnessError("connect \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// What arrives within `timeout`, and whether the daemon closed the connection.
    func receive(timeout: TimeInterval) -> (data: Data, closed: Bool) {
        var data = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return (data, false) }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, Int32(left * 1000) + 1) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return (data, true) }
            data.append(contentsOf: buffer[0..<n])
        }
    }
}
