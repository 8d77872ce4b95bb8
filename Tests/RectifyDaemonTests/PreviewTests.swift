import Foundation
import Testing

/// `rectifyctl preview` against the real daemon: the recipients it lists are the ones the
/// daemon then delivers to (its Maildir).
@Suite(.serialized)
struct PreviewTests {
    @Test func previewOfTheExamplePlan_listsTheRecipientsTheDaemonSendsTo() throws {
        let daemon = try DaemonHarness()
        let example = DaemonHarness.repository.appendingPathComponent("config/plans/example.yaml").path
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [\(example)]
            alerts: {digest: {enabled: false}}
            routing: {email_receiver: mail, default_recipient: {name: 整改办, email: zgb@example.gov.cn}}
            control: {socket: state/rectifyd.sock}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {name: 督办系统, address: rectifyd@localhost}}

            """)
        let preview = try DaemonHarness.rectifyctl(["preview", "--config", daemon.configPath, "--show", "1"], in: daemon.dir)
        #expect(preview.status == 0, "\(preview.out)")
        #expect(preview.out.contains("state: no database at"), "says it works as if nothing was sent")
        #expect(preview.out.contains("routing: "))
        #expect(preview.out.contains("rectifyctl progress example-county-health/"))
        let listed = Set(
            preview.out.split(separator: "\n").filter { $0.first?.isNumber == true && $0.contains(" → ") }
                .compactMap { line -> String? in
                    guard let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">") else { return nil }
                    return String(line[line.index(after: open)..<close])
                })
        #expect(!listed.isEmpty)

        try daemon.start()
        #expect(DaemonHarness.waitFor(15) { daemon.mails().count >= listed.count }, "log:\n\(daemon.log)")
        usleep(500_000)
        #expect(daemon.stop() == 0)
        let delivered = Set(
            try daemon.mails().compactMap { name -> String? in
                let text = try String(contentsOf: daemon.maildir.appendingPathComponent(name), encoding: .utf8)
                // Headers unfolded: an encoded display name puts the address on a continuation line.
                let head = (text.components(separatedBy: "\r\n\r\n").first ?? "").replacingOccurrences(of: "\r\n ", with: " ")
                guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("To:") }) else { return nil }
                guard let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">") else {
                    return line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                }
                return String(line[line.index(after: open)..<close])
            })
        #expect(daemon.mails().count == listed.count)
        #expect(delivered == listed)

        // Afterwards, with the daemon's notification log: nothing more is due.
        let again = try DaemonHarness.rectifyctl(["preview", "--config", daemon.configPath], in: daemon.dir)
        #expect(again.out.contains("notification log entries"), "\(again.out)")
        #expect(again.out.contains("nothing would be sent now"), "\(again.out)")
        let none = try DaemonHarness.rectifyctl(["preview", "--config", daemon.configPath, "--show", "1"], in: daemon.dir)
        #expect(none.status == 2 && none.err.contains("--show 1: no notice would be sent now"), "\(none.err)")
    }

    /// The plan directory as the daemon reads it: a ledger (.xlsx) among the plans is imported,
    /// not read as a text report ("neither UTF-8 nor GB18030").
    @Test func previewOfAPlanDirectoryWithALedger_importsItAsTheDaemonDoes() throws {
        let daemon = try DaemonHarness()
        let ledger = DaemonHarness.repository.appendingPathComponent("Tests/RectifyImportTests/Fixtures/ledgers/l01_bsx_merged.xlsx")
        try FileManager.default.createDirectory(at: daemon.dir.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ledger, to: daemon.dir.appendingPathComponent("plans/l01_bsx_merged.xlsx"))
        try daemon.write(
            "rectifyd.yaml",
            """
            state_dir: state
            plans: [plans]
            routing: {email_receiver: mail, default_recipient: {name: 整改办, email: zgb@example.gov.cn}}
            control: {socket: state/rectifyd.sock}
            receivers:
              - {name: mail, type: maildir, path: state/Maildir, from: {name: 督办系统, address: rectifyd@localhost}}

            """)
        let preview = try DaemonHarness.rectifyctl(["preview", "--config", daemon.configPath, "--at", "2026-12-01", "--show", "1"], in: daemon.dir)
        #expect(preview.status == 0, "\(preview.out)")
        #expect(!preview.out.contains("neither UTF-8"), "\(preview.out)")
        #expect(preview.out.contains("rectifyctl progress l01_bsx_merged/"), "\(preview.out)")
    }
}
