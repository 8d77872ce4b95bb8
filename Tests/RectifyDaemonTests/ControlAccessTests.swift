import Foundation
import Testing

/// Who may write over the control socket: the caller's own groups decide, and a refusal is logged.
@Suite(.serialized)
struct ControlAccessTests {
    static func startDaemon(writers: String) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        let example = DaemonHarness.repository.appendingPathComponent("config/plans/example.yaml").path
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [\(example)]
            alerts: {digest: {enabled: false}}
            control: {socket: state/rectifyd.sock, mode: "0666", writers: \(writers)}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}

            """)
        try daemon.start()
        guard DaemonHarness.waitFor(10, { daemon.log.contains("control socket listening") }) else {
            throw HarnessError("the control socket did not come up:\n\(daemon.log)")
        }
        return daemon
    }

    /// Runs `rectifyctl progress` as uid/gid 65534 (nobody) with the given supplementary groups.
    static func progressAsNobody(_ d: DaemonHarness, groups: [Int], note: String) throws -> (Int32, String) {
        let ctl = URL(fileURLWithPath: DaemonHarness.binary).deletingLastPathComponent().appendingPathComponent("rectifyctl").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let groupFlag = groups.isEmpty ? "--clear-groups" : "--groups=\(groups.map(String.init).joined(separator: ","))"
        p.arguments = [
            "setpriv", "--reuid=65534", "--regid=65534", groupFlag, ctl, "progress", "example-county-health/2.2",
            "--note", note, "--socket", ControlSocketTests.socketPath(d),
        ]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test func aRefusedWrite_isLoggedWithWhoWhatAndWhy_butNotItsBody() throws {
        let d = try Self.startDaemon(writers: "{users: [root]}")
        defer { d.stop() }
        let (status, _) = try Self.progressAsNobody(d, groups: [], note: "秘密的备注")
        #expect(status == 1)
        #expect(DaemonHarness.waitFor(3) { d.log.contains("write refused") }, "\(d.log)")
        let line = d.log.split(separator: "\n").first { $0.contains("write refused") }.map(String.init) ?? ""
        #expect(line.hasPrefix("level=warning"), "\(line)")
        for part in ["uid=65534", "user=nobody", "method=POST", "path=/v1/items/example-county-health/2.2/progress", "may read but not write"] {
            #expect(line.contains(part), "\(part) missing in \(line)")
        }
        #expect(!d.log.contains("秘密的备注"))
    }

    /// `users` (gid 100) has no members in /etc/group: only the caller's own groups can make it a writer.
    @Test func aWriterGroup_isCheckedAgainstTheCallersOwnGroups_notTheGroupDatabase() throws {
        let d = try Self.startDaemon(writers: "{groups: [users]}")
        defer { d.stop() }
        let (member, text) = try Self.progressAsNobody(d, groups: [100], note: "组内写入")
        #expect(member == 0, "\(text)")
        let (outsider, refused) = try Self.progressAsNobody(d, groups: [], note: "组外写入")
        #expect(outsider == 1 && refused.contains("HTTP 403"), "\(refused)")
    }
}
