import Foundation
import Testing

/// The state database holds the audit trail: only the daemon (and, with a control group,
/// that group) may read it, whatever the umask and however the files were made before.
@Suite(.serialized)
struct StatePermissionsTests {
    static func startDaemon(group: String? = nil, prepare: (DaemonHarness) throws -> Void = { _ in }) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        let example = DaemonHarness.repository.appendingPathComponent("config/plans/example.yaml").path
        try prepare(daemon)
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [\(example)]
            alerts: {digest: {enabled: false}}
            control: {socket: run/rectifyd.sock, mode: "0660"\(group.map { ", group: \($0)" } ?? "")}
            receivers:
              - {name: mail, type: maildir, path: maildir, from: {address: rectifyd@localhost}}

            """)
        try daemon.start()
        guard DaemonHarness.waitFor(10, { daemon.log.contains("control socket listening") }) else {
            throw HarnessError("the control socket did not come up:\n\(daemon.log)")
        }
        return daemon
    }

    static func mode(_ path: URL) -> Int {
        var info = stat()
        guard stat(path.path, &info) == 0 else { return -1 }
        return Int(info.st_mode & 0o7777)
    }

    static func modes(_ d: DaemonHarness) -> [String: String] {
        let state = d.dir.appendingPathComponent("state")
        var out = ["state": String(mode(state), radix: 8)]
        for name in ["state.sqlite", "state.sqlite-wal", "state.sqlite-shm"] {
            out[name] = String(mode(state.appendingPathComponent(name)), radix: 8)
        }
        return out
    }

    @Test func theStateDatabase_isPrivateToTheDaemon() throws {
        let d = try Self.startDaemon()
        defer { d.stop() }
        #expect(
            Self.modes(d) == ["state": "700", "state.sqlite": "600", "state.sqlite-wal": "600", "state.sqlite-shm": "600"])
    }

    @Test func anExistingReadableDatabase_isTightenedAtStart() throws {
        let d = try Self.startDaemon { d in
            let state = d.dir.appendingPathComponent("state")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            _ = FileManager.default.createFile(
                atPath: state.appendingPathComponent("state.sqlite").path, contents: nil, attributes: [.posixPermissions: 0o644])
        }
        defer { d.stop() }
        #expect(
            Self.modes(d) == ["state": "700", "state.sqlite": "600", "state.sqlite-wal": "600", "state.sqlite-shm": "600"])
    }

    @Test func withAControlGroup_theGroupMayReadTheDatabase() throws {
        let d = try Self.startDaemon(group: "users")
        defer { d.stop() }
        #expect(
            Self.modes(d) == ["state": "750", "state.sqlite": "640", "state.sqlite-wal": "640", "state.sqlite-shm": "640"])
    }
}
