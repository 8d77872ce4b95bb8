import ArgumentParser
import Foundation
import RectifyCore
import RectifyDaemon
import RectifyWeb

struct WebCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web", abstract: "The web listener's accounts.", subcommands: [WebPasswdCommand.self])
}

/// Writes an account's password hash (scrypt) into the accounts file the daemon reads
/// (`web.accounts_file`), adding the account or replacing its hash and role. The password is
/// read from the terminal (twice, not echoed) or from standard input with --password-stdin.
struct WebPasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Set a web account's password (and role) in the accounts file.",
        discussion: """
            Examples:
              rectifyctl web passwd zgb --role office \\
                  --accounts /etc/rectifyd/web-accounts.yaml
              printf '%s\\n' "$PASSWORD" | rectifyctl web passwd viewer1 \\
                  --accounts web-accounts.yaml --password-stdin

            Then `rectifyctl reload` (or SIGHUP) makes the daemon read it.
            Without --accounts the entry is printed, for the config's
            web.accounts list.
            """)
    @Argument(help: "The account's user name (letters, digits, '.', '_', '-').") var user: String
    @Option(help: "viewer (the board) or office (also reviews requests); default: the account's role, else viewer.")
    var role: String?
    @Option(help: ArgumentHelp("The accounts file (web.accounts_file) to update; created 0600 if missing.", valueName: "FILE"))
    var accounts: String?
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    func validate() throws {
        guard WebAccount.validName(user) else { throw ValidationError("the user name must be 1–64 letters, digits, '.', '_' or '-'") }
        if let role, WebRole(rawValue: role) == nil { throw ValidationError("--role must be viewer or office (got '\(role)')") }
    }

    func run() throws {
        // The file first: a file that cannot be updated is said before the password is asked for.
        var entries = try accounts.map(AccountsFile.read) ?? []
        let password = try readPassword()
        guard password.count >= 10 else {
            printError("rectifyctl: the password must have at least 10 characters.")
            throw ExitCode(2)
        }
        let hash = try PasswordHash.make(password)
        guard let path = accounts else {
            print("- user: \(user)\n  role: \(role ?? "viewer")\n  password: \"\(hash)\"")
            return
        }
        let existing = entries.firstIndex { $0.user == user }
        let newRole = role ?? existing.map { entries[$0].role } ?? "viewer"
        let entry = AccountsFile.Entry(user: user, role: newRole, password: hash.description)
        if let existing { entries[existing] = entry } else { entries.append(entry) }
        try AccountsFile.write(entries, to: path)
        print("rectifyctl: \(existing == nil ? "added" : "updated") \(user) (\(newRole)) in \(path); run `rectifyctl reload` to apply.")
    }

    private func readPassword() throws -> String {
        if passwordStdin || isatty(0) == 0 {
            guard let line = readLine(strippingNewline: true) else {
                printError("rectifyctl: no password on standard input.")
                throw ExitCode(2)
            }
            return line
        }
        let first = String(cString: getpass("New password for \(user): "))
        let second = String(cString: getpass("Again: "))
        guard first == second else {
            printError("rectifyctl: the two passwords differ; nothing was changed.")
            throw ExitCode(2)
        }
        return first
    }
}

/// The accounts file: a YAML list of {user, role, password}, written whole (0600, via a
/// temporary file and rename, so the daemon never reads half of it).
enum AccountsFile {
    struct Entry {
        var user: String
        var role: String
        var password: String
    }

    /// The accounts as the daemon reads them. A file with any mistake (a syntax error, an entry
    /// without its password, an unknown key) is refused with each one at its line, and left as
    /// it is: rewriting it would drop the entries that could not be read.
    static func read(_ path: String) throws -> [Entry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let sink = DiagnosticSink(file: path)
        let accounts = ConfigReader.readAccountsFile(path, sink: sink)
        guard !sink.hasErrors else {
            for diagnostic in sink.diagnostics.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
                printError(diagnostic.description)
            }
            printError("rectifyctl: \(path) was not changed; fix the errors above first.")
            throw ExitCode(2)
        }
        return accounts.map { Entry(user: $0.user, role: $0.role.rawValue, password: $0.password.description) }
    }

    static func write(_ entries: [Entry], to path: String) throws {
        var text = "# rectifyd web accounts: written by `rectifyctl web passwd`; passwords are scrypt hashes.\n"
        for e in entries { text += "- user: \(e.user)\n  role: \(e.role)\n  password: \"\(e.password)\"\n" }
        try OfflineFiles.writeAtomically(Data(text.utf8), to: path, what: "the accounts file", mode: 0o600)
    }
}
