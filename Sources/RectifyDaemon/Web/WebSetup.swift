import Foundation
import RectifyCore
import RectifyNotify
import RectifyWeb

/// The web part of a snapshot: the config, the link signer with its keys read, and the
/// accounts (inline and from the accounts file). Read whole at start and on every reload, so a
/// rotated key or a new password applies with `rectifyctl reload`.
public struct WebSetup: Sendable {
    public let config: WebConfig
    /// nil when no key is configured (then notices carry no links and link pages answer 404).
    public let signer: LinkSigner?
    public let accounts: [String: WebAccount]

    /// Reads the keys and the accounts file; throws every problem with the config file's name.
    static func load(_ config: DaemonConfig, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PlanLoadError)
        -> WebSetup?
    {
        guard let web = config.web else { return nil }
        var problems: [Diagnostic] = []
        func read(_ source: SecretSource?, _ key: String) -> LinkSigner.Key? {
            guard let source else { return nil }
            do {
                let secret = try source.resolve(environment: environment)
                guard secret.utf8.count >= 32 else {
                    problems.append(
                        Diagnostic(
                            file: config.file, line: 1, column: 1,
                            message: "web.\(key): the key in \(source) is shorter than 32 characters; make one with "
                                + "`head -c 32 /dev/urandom | base64`."))
                    return nil
                }
                return LinkSigner.Key(secret: secret)
            } catch {
                problems.append(Diagnostic(file: config.file, line: 1, column: 1, message: "web.\(key): \(error)"))
                return nil
            }
        }
        let current = read(web.linkKey, "link_key")
        let previous = read(web.previousLinkKey, "previous_link_key")
        var accounts: [String: WebAccount] = [:]
        var all = web.accounts
        if let file = web.accountsFile {
            let sink = DiagnosticSink(file: file)
            all += ConfigReader.readAccountsFile(file, sink: sink)
            problems += sink.diagnostics.filter { $0.severity == .error }
        }
        for account in all {
            if accounts[account.user] != nil {
                problems.append(
                    Diagnostic(file: config.file, line: 1, column: 1, message: "web account '\(account.user)' is defined twice."))
            }
            accounts[account.user] = account
        }
        if !problems.isEmpty { throw PlanLoadError(diagnostics: problems) }
        let zone = config.timeZone
        let signer = current.map {
            LinkSigner(
                current: $0, previous: previous,
                previousValidUntil: web.previousKeyUntil.map { $0.adding(days: 1).startInstant(in: zone) })
        }
        return WebSetup(config: web, signer: signer, accounts: accounts)
    }

    /// The signed link for a notice's recipient, valid `link_ttl` from `now`; nil without a base URL or key.
    func link(for notice: AlertNotice, at now: Date) -> (url: String, expires: Date)? {
        guard let base = config.baseURL, let signer else { return nil }
        let expires = now.addingTimeInterval(config.linkTTL)
        let token = signer.token(
            for: LinkClaim(receiver: notice.receiver, recipient: notice.recipient, noticeID: notice.id, expires: expires))
        return (base + "/r/" + token, expires)
    }
}
