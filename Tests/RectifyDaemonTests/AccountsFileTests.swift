import Foundation
import Testing

/// `rectifyctl web passwd --accounts FILE` reads the file as the daemon does: a file it cannot
/// read whole is refused with each mistake at its line and left byte for byte as it was (a
/// rewrite would drop the entries it could not read), and before any password is asked for.
struct AccountsFileTests {
    static let header = "# rectifyd web accounts: written by `rectifyctl web passwd`; passwords are scrypt hashes.\n"

    func passwd(_ arguments: [String], in dir: URL, password: String = "a-long-enough-password\n") throws
        -> (status: Int32, out: String, err: String)
    {
        try DaemonHarness.run(
            DaemonHarness.rectifyctl, ["web", "passwd"] + arguments + ["--password-stdin"], in: dir, input: password)
    }

    @Test func aFileWithAnEntryItCannotRead_isRefused_andLeftAsItWas() throws {
        let harness = try DaemonHarness()
        let dir = harness.dir
        let file = dir.appendingPathComponent("accounts.yaml")
        #expect(try passwd(["zhang", "--accounts", file.path], in: dir).status == 0)
        let typo = try String(contentsOf: file, encoding: .utf8) + "- user: li\n  role: office\n  pasword: \"scrypt$1$2$3$x$y\"\n"
        try typo.write(to: file, atomically: true, encoding: .utf8)

        let refused = try passwd(["wang", "--accounts", file.path], in: dir)
        #expect(refused.status == 2)
        let lines = refused.err.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(file.path):5:3: error: accounts[1] is missing 'password'.", "\(refused.err)")
        #expect(lines.contains("\(file.path):7:3: error: unknown key 'pasword' in accounts[1]; did you mean 'password'?"), "\(refused.err)")
        #expect(try String(contentsOf: file, encoding: .utf8) == typo, "the file is unchanged")

        try "- user: zhao\n  password: [\n".write(to: file, atomically: true, encoding: .utf8)
        let broken = try passwd(["wang", "--accounts", file.path], in: dir)
        #expect(broken.status == 2 && broken.err.hasPrefix("\(file.path):3:1: error: web.accounts_file"), "\(broken.err)")
    }

    @Test func aGoodFile_keepsEveryAccount_andUpdatesOne() throws {
        let harness = try DaemonHarness()
        let dir = harness.dir
        let file = dir.appendingPathComponent("accounts.yaml")
        #expect(try passwd(["zhang", "--accounts", file.path, "--role", "office"], in: dir).status == 0)
        #expect(try passwd(["li", "--accounts", file.path], in: dir).status == 0)
        let before = try String(contentsOf: file, encoding: .utf8)
        let updated = try passwd(["zhang", "--accounts", file.path], in: dir, password: "another-long-password\n")
        #expect(updated.status == 0 && updated.out.contains("updated zhang (office)"), "\(updated)")
        let after = try String(contentsOf: file, encoding: .utf8)
        #expect(after.hasPrefix(Self.header) && after.contains("- user: li\n  role: viewer\n"))
        #expect(after != before, "zhang has a new hash")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
