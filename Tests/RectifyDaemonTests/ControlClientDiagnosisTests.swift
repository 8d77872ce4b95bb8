import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What `rectifyctl` says when it cannot reach the socket, run as uid 65534 (nobody) against a
/// runtime directory laid out like the unit's (`/run/rectifyd`: 0750, a group of its own).
@Suite(.serialized)
struct ControlClientDiagnosisTests {
    /// A directory `run` (0750, root:daemon) holding a bound socket (0660, root:daemon) that
    /// accepts nothing; the caller removes `base`.
    static func runtimeDirectory() throws -> (base: URL, socket: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("rectifyctl-diag-\(UUID().uuidString.prefix(8))")
        let run = base.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        chmod(base.path, 0o755)
        let socketPath = run.appendingPathComponent("rectifyd.sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: socketPath.utf8.prefix(raw.count - 1)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(fd)
        guard bound == 0 else { throw HarnessError("cannot bind \(socketPath): errno \(errno)") }
        // gid 1 is `daemon` on Debian; uid 65534 is not in it unless the test says so.
        guard chown(run.path, 0, 1) == 0, chmod(run.path, 0o750) == 0, chown(socketPath, 0, 1) == 0,
            chmod(socketPath, 0o660) == 0
        else { throw HarnessError("cannot set owners and modes under \(run.path) (run the tests as root)") }
        return (base, socketPath)
    }

    /// `rectifyctl status --socket PATH` as uid/gid 65534 with the given supplementary groups.
    static func statusAsNobody(socket: String, groups: [Int]) throws -> (Int32, String) {
        let ctl = URL(fileURLWithPath: DaemonHarness.binary).deletingLastPathComponent().appendingPathComponent("rectifyctl").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let groupFlag = groups.isEmpty ? "--clear-groups" : "--groups=\(groups.map(String.init).joined(separator: ","))"
        p.arguments = ["setpriv", "--reuid=65534", "--regid=65534", groupFlag, ctl, "status", "--socket", socket]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test func aUserOutsideTheGroup_isToldPermissionDenied_andHowToJoin() throws {
        let (base, socket) = try Self.runtimeDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let (status, text) = try Self.statusAsNobody(socket: socket, groups: [])
        #expect(status == 3)
        let run = base.appendingPathComponent("run").path
        #expect(text.contains("permission denied on \(run) (mode 0750, owner root, group daemon)"), "\(text)")
        #expect(text.contains("sudo usermod -aG daemon nobody"), "\(text)")
        #expect(!text.contains("No socket there"), "\(text)")
    }

    @Test func aGroupMember_getsPastTheDirectory_andIsToldNothingAnswers() throws {
        let (base, socket) = try Self.runtimeDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let (status, text) = try Self.statusAsNobody(socket: socket, groups: [1])
        #expect(status == 3)
        #expect(text.contains("nothing accepts connections on that socket"), "\(text)")
        #expect(!text.contains("permission denied"), "\(text)")
    }

    @Test func noSocketInAnOpenDirectory_isToldTheDaemonMayNotRun() throws {
        let (base, socket) = try Self.runtimeDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.removeItem(atPath: socket)
        let (status, text) = try Self.statusAsNobody(socket: socket, groups: [1])
        #expect(status == 3)
        #expect(text.contains("there is no socket there") && text.contains("is the daemon running"), "\(text)")
    }
}
