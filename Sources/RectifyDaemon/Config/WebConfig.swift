import Foundation
import RectifyCore
import RectifyNotify
import RectifyWeb
import Yams

/// The web listener (docs/web.md): off unless the config has a `web:` section. It serves the
/// responders' pages behind signed links and the office's board and review, over TCP, meant to
/// sit behind the office's reverse proxy (nginx with TLS).
public struct WebConfig: Sendable {
    public var host = "127.0.0.1"
    public var port = 8470
    /// What links in notices point at, e.g. https://zgb.example.gov.cn/rectifyd (no trailing
    /// slash); nil: notices carry no links (the pages still serve the office).
    public var baseURL: String?
    public var linkKey: SecretSource?
    /// The key before the last rotation, accepted until `previousKeyUntil`.
    public var previousLinkKey: SecretSource?
    public var previousKeyUntil: CalendarDate?
    public var linkTTL: TimeInterval = 30 * Policy.day
    public var accounts: [WebAccount] = []
    /// A YAML list of accounts that `rectifyctl web passwd` writes (read at start and reload).
    public var accountsFile: String?
    /// A red or yellow notice not signed for within this many working days is escalated.
    public var receiptWithinWorkingDays = 3
    /// Evidence: at most this many bytes per file, this many files per form.
    public var uploadLimit = 10 * 1024 * 1024
    public var maxFiles = 5
    /// A signed-in office session ends after this long without a request.
    public var sessionTimeout: TimeInterval = 8 * 3600
    /// Peers whose X-Forwarded-For / X-Real-IP is believed (the reverse proxy).
    public var trustedProxies = ["127.0.0.1", "::1"]
    /// Failed logins of one address or one user within 15 minutes before logins are refused for a while.
    public var loginAttempts = 5
    /// Connections idle this long are closed.
    public var idleTimeout: TimeInterval = 30

    public init() {}

    /// Whether notices carry links: a base URL and a key.
    public var signsLinks: Bool { baseURL != nil && linkKey != nil }

    /// The body limit of a form: every file at its limit plus the fields.
    public var bodyLimit: Int { uploadLimit * maxFiles + 256 * 1024 }

    /// Whether cookies get `Secure` (the office reaches the pages over https).
    public var secureCookies: Bool { baseURL?.hasPrefix("https://") ?? false }
}

extension ConfigReader {
    static let webKeys = [
        "listen", "base_url", "link_key_file", "link_key_credential", "previous_link_key_file",
        "previous_link_key_credential", "previous_key_valid_until", "link_ttl", "accounts", "accounts_file", "receipt_within",
        "upload_limit", "max_files", "session_timeout", "trusted_proxies", "login_attempts", "idle_timeout",
    ]

    static func readWeb(_ node: Node, sink: DiagnosticSink, resolve: (String) -> String) -> WebConfig {
        var web = WebConfig()
        guard let f = FieldReader(node, path: "web", sink: sink, allowed: webKeys) else { return web }
        if let listen = f.string("listen") {
            if let (host, port) = hostPort(listen) { (web.host, web.port) = (host, port) } else {
                sink.error(f.markOf("listen"), "web.listen '\(listen)' is not HOST:PORT, e.g. 127.0.0.1:8470 or [::1]:8470.")
            }
        }
        if let url = f.string("base_url") {
            let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
            if let parsed = URL(string: trimmed), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil,
                parsed.query == nil, parsed.fragment == nil
            {
                web.baseURL = trimmed
            } else {
                sink.error(f.markOf("base_url"), "web.base_url '\(url)' must be an http:// or https:// address without ? or #.")
            }
        }
        web.linkKey = f.secret("link_key", resolve: resolve)
        web.previousLinkKey = f.secret("previous_link_key", resolve: resolve)
        web.previousKeyUntil = f.date("previous_key_valid_until")
        if web.previousLinkKey != nil && web.previousKeyUntil == nil {
            sink.error(
                f.markOf("previous_link_key_file"),
                "web.previous_link_key_* needs previous_key_valid_until (YYYY-MM-DD): how long links signed with it still work.")
        }
        if web.baseURL != nil && web.linkKey == nil {
            sink.error(
                f.markOf("base_url"),
                "web.base_url is set but no key signs the links: add link_key_file (a file of 32+ random characters, e.g. "
                    + "`head -c 32 /dev/urandom | base64 > /etc/rectifyd/link-key`) or link_key_credential.")
        }
        if let ttl = duration(f, "link_ttl") {
            if ttl >= 3600 { web.linkTTL = ttl } else { sink.error(f.markOf("link_ttl"), "web.link_ttl must be at least 1h.") }
        }
        if let text = f.string("receipt_within") {
            if let days = Durations.workingDays(text) { web.receiptWithinWorkingDays = days } else {
                sink.error(f.markOf("receipt_within"), "web.receipt_within '\(text)' must be working days, e.g. 3wd.")
            }
        }
        if let text = f.string("upload_limit") {
            if let bytes = byteSize(text), bytes >= 1024, bytes <= 100 * 1024 * 1024 { web.uploadLimit = bytes } else {
                sink.error(f.markOf("upload_limit"), "web.upload_limit '\(text)' must be a size between 1KB and 100MB, e.g. 10MB.")
            }
        }
        if let n = f.int("max_files", minimum: 1) { web.maxFiles = min(n, 20) }
        if let t = duration(f, "session_timeout") { web.sessionTimeout = max(60, t) }
        if let t = duration(f, "idle_timeout") { web.idleTimeout = max(1, t) }
        if let n = f.int("login_attempts", minimum: 1) { web.loginAttempts = n }
        if f.has("trusted_proxies") { web.trustedProxies = f.stringList("trusted_proxies") }
        web.accountsFile = f.string("accounts_file").map(resolve)
        for (entry, path) in f.list("accounts") {
            if let account = readAccount(entry, path: path, sink: sink) { web.accounts.append(account) }
        }
        return web
    }

    /// One `{user, role, password}` entry (the accounts file holds a list of them).
    static func readAccount(_ node: Node, path: String, sink: DiagnosticSink) -> WebAccount? {
        guard let a = FieldReader(node, path: path, sink: sink, allowed: ["user", "role", "password"]) else { return nil }
        guard let user = a.string("user", required: true) else { return nil }
        guard WebAccount.validName(user) else {
            sink.error(a.markOf("user"), "\(path).user '\(user)' must be 1–64 letters, digits, '.', '_' or '-'.")
            return nil
        }
        let role = a.enumValue("role", WebRole.self) ?? .viewer
        guard let text = a.string("password", required: true) else { return nil }
        guard let hash = PasswordHash(text) else {
            sink.error(
                a.markOf("password"),
                "\(path).password is not a password hash (scrypt$N$r$p$SALT$HASH); write one with `rectifyctl web passwd \(user)`, "
                    + "never the password itself.")
            return nil
        }
        return WebAccount(user: user, role: role, password: hash)
    }

    /// Reads an accounts file (a YAML list of accounts); problems go to `sink` at their line.
    /// `rectifyctl web passwd` reads it the same way before it rewrites it.
    public static func readAccountsFile(_ path: String, sink: DiagnosticSink) -> [WebAccount] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            sink.error(nil, "web.accounts_file \(path) cannot be read; create it with `rectifyctl web passwd USER --accounts \(path)`.")
            return []
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            sink.error(PlanReader.syntaxMark(error), "web.accounts_file \(path) is not valid YAML: \(PlanReader.syntaxProblem(error))")
            return []
        }
        guard let node else { return [] }
        guard case .sequence(let list) = node else {
            sink.error(node.mark, "the accounts file must be a list of {user, role, password}.")
            return []
        }
        return list.enumerated().compactMap { index, entry in readAccount(entry, path: "accounts[\(index)]", sink: sink) }
    }

    /// `127.0.0.1:8470`, `[::1]:8470`, `:8470` (all addresses).
    static func hostPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }

    /// `10MB`, `512KB`, `1048576`.
    static func byteSize(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for (suffix, factor) in [("MB", 1024 * 1024), ("KB", 1024), ("B", 1)] where t.hasSuffix(suffix) {
            return Int(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)).map { $0 * factor }
        }
        return Int(t)
    }
}
