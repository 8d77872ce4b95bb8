import Foundation
import Testing

/// Runs the real `rectifyd` binary as a child process in a temporary directory, with a
/// config written by the test, and collects its stderr log.
final class DaemonHarness: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// The rectifyd built beside the test bundle (same scratch path and configuration).
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["RECTIFYD_BIN"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("rectifyd").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return repository.appendingPathComponent(".build/debug/rectifyd").path
    }

    let dir: URL
    var process: Process?
    private let lock = NSLock()
    private var logData = Data()
    private var logPipe: Pipe?

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("rectifyd-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: dir)
    }

    var configPath: String { dir.appendingPathComponent("rectifyd.yaml").path }
    var maildir: URL { dir.appendingPathComponent("state/Maildir/new") }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Starts the daemon; `fileLimit` lowers its RLIMIT_NOFILE (through the shell's `ulimit -n`).
    func start(fileLimit: Int? = nil) throws {
        let p = Process()
        if let fileLimit {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$0\" \"$@\"", Self.binary, "--config", configPath]
        } else {
            p.executableURL = URL(fileURLWithPath: Self.binary)
            p.arguments = ["--config", configPath]
        }
        p.currentDirectoryURL = dir
        let pipe = Pipe()
        p.standardError = pipe
        p.standardOutput = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.logData.append(data)
            self.lock.unlock()
        }
        try p.run()
        process = p
        logPipe = pipe
    }

    /// Closes the reading end of the daemon's stderr, as when whoever read its log has gone.
    func closeLog() {
        guard let pipe = logPipe else { return }
        pipe.fileHandleForReading.readabilityHandler = nil
        try? pipe.fileHandleForReading.close()
        logPipe = nil
    }

    var log: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: logData, as: UTF8.self)
    }

    /// CPU seconds (user + system) the daemon has used so far, from /proc/PID/stat.
    var cpuSeconds: Double? {
        guard let process, let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after "(comm)": state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func signal(_ sig: Int32) {
        if let process { kill(process.processIdentifier, sig) }
    }

    /// Sends `sig` and waits for the exit; returns the exit status.
    @discardableResult
    func stop(_ sig: Int32 = SIGTERM, timeout: TimeInterval = 15) -> Int32 {
        guard let process else { return -1 }
        kill(process.processIdentifier, sig)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes.
    static func waitFor(_ timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    func mails() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}

extension DaemonHarness {
    /// The rectifyctl built beside rectifyd.
    static var rectifyctl: String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("rectifyctl").path
    }

    /// Runs `executable` with `arguments` in `dir` and waits: its exit status, stdout and stderr.
    /// Both pipes are read at once, so a chatty stderr never blocks the child.
    static func run(_ executable: String, _ arguments: [String], in dir: URL? = nil, input: String? = nil) throws
        -> (status: Int32, out: String, err: String)
    {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let dir { p.currentDirectoryURL = dir }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let stdin = Pipe()
        if input != nil { p.standardInput = stdin }
        try p.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        nonisolated(unsafe) var errData = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// `rectifyctl ARGUMENTS` in `dir`.
    static func rectifyctl(_ arguments: [String], in dir: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        try run(rectifyctl, arguments, in: dir)
    }

    /// A self-signed `cert.pem` and `key.pem` for 127.0.0.1 and localhost in the daemon's
    /// directory, for the TLS test servers.
    func makeCertificate() throws {
        let made = try Self.run(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ], in: dir)
        guard made.status == 0 else { throw HarnessError("openssl could not make a certificate: \(made.err)") }
    }
}

/// A helper script (Python) run as a child: a local server that prints its port.
final class ScriptServer: @unchecked Sendable {
    let process = Process()
    let stdin = Pipe()
    let port: Int

    init(script: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = stdin
        try process.run()
        var line = Data()
        while true {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)) else {
            throw HarnessError("server script \(script) did not print its port")
        }
        self.port = port
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    return Int(UInt16(bigEndian: addr.sin_port))
}
