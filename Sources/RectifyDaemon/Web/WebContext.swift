import Foundation
import Logging
import RectifyControl
import RectifyCore
import RectifyStore
import RectifyWeb

/// What the web routes work with: the daemon's parts, the office's sessions, the login
/// throttle, the evidence files and the desk that decides requests one at a time.
struct WebContext: Sendable {
    var parts: DaemonParts
    var sessions: SessionStore
    var throttle: LoginThrottle
    var evidence: EvidenceFiles
    var desk: RequestDesk

    init(parts: DaemonParts, stateDir: String) {
        self.parts = parts
        sessions = SessionStore()
        let web = parts.snapshots.current.config.web ?? WebConfig()
        throttle = LoginThrottle(limit: web.loginAttempts)
        evidence = EvidenceFiles(directory: URL(fileURLWithPath: stateDir).appendingPathComponent("evidence").path)
        desk = RequestDesk(parts: parts)
    }

    /// The web config and setup of the current snapshot (the routes only exist when there is one).
    var setup: WebSetup? { parts.snapshots.current.web }
    var config: WebConfig { setup?.config ?? WebConfig() }
    var logger: Logger { parts.logger }

    static let cookie = "rectifyd_session"

    /// The caller's address: the peer, or what a trusted proxy says it forwarded for.
    func address(_ r: ControlRequest) -> String {
        let peer = r.remoteAddress ?? "-"
        guard config.trustedProxies.contains(peer) else { return peer }
        if let real = r.headers["x-real-ip"], !real.isEmpty { return String(real.prefix(64)) }
        if let forwarded = r.headers["x-forwarded-for"]?.split(separator: ",").last {
            return String(forwarded.trimmingCharacters(in: .whitespaces).prefix(64))
        }
        return peer
    }

    func userAgent(_ r: ControlRequest) -> String { String((r.headers["user-agent"] ?? "").prefix(300)) }

    func origin(_ r: ControlRequest, source: String) -> UpdateRecord.Origin {
        UpdateRecord.Origin(source: source, address: address(r), userAgent: userAgent(r))
    }

    func cookie(_ r: ControlRequest, _ name: String) -> String? {
        for part in (r.headers["cookie"] ?? "").split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces) == name { return String(kv[1]) }
        }
        return nil
    }

    /// The signed-in session, if any.
    func session(_ r: ControlRequest) -> WebSession? {
        guard let id = cookie(r, Self.cookie) else { return nil }
        guard let session = sessions.session(id, at: Date(), timeout: config.sessionTimeout) else { return nil }
        // An account removed or demoted by a reload loses its session at once.
        guard let account = setup?.accounts[session.user], account.role == session.role else {
            sessions.close(id)
            return nil
        }
        return session
    }

    /// The session with at least `role`; a redirect to the login page, or 403.
    func require(_ r: ControlRequest, role: WebRole = .viewer) throws(ControlError) -> WebSession {
        guard let session = session(r) else { throw .redirect("/login?next=" + HTML.segment(r.path)) }
        guard session.role >= role else { throw .forbidden("账号 \(session.user) 没有整改办审核权限。") }
        return session
    }

    /// Refuses a form from another site: its CSRF field must match, and an Origin header, when
    /// the browser sends one, must be this site's.
    func checkForm(_ r: ControlRequest, _ form: FormData, expected: String) throws(ControlError) {
        if let origin = r.headers["origin"], origin != "null" {
            let host = r.headers["host"] ?? ""
            let base = config.baseURL.flatMap { URL(string: $0) }
            let allowed = [host].filter { !$0.isEmpty }.flatMap { ["http://\($0)", "https://\($0)"] }
                + [base.map { "\($0.scheme ?? "https")://\($0.host ?? "")\($0.port.map { ":\($0)" } ?? "")" }].compactMap { $0 }
            guard allowed.contains(origin) else {
                logger.warning("web form refused: foreign origin", metadata: ["origin": "\(origin)", "path": "\(Self.safePath(r.path))"])
                throw .forbidden("表单来自其他网站，已拒绝。请在本系统页面上重新提交。")
            }
        }
        guard let sent = form["csrf"], !sent.isEmpty, Self.same(sent, expected) else {
            logger.warning("web form refused: CSRF field missing or wrong", metadata: ["path": "\(Self.safePath(r.path))", "address": "\(address(r))"])
            throw .forbidden("表单已失效或不是从本系统页面提交的（缺少校验码）。请刷新页面后重新提交。")
        }
    }

    /// A read from the state database for a page. A failure is a 500 naming what could not be
    /// read (logged by the error page), never "not found" or an empty list.
    func stored<T>(_ what: String, _ read: () throws -> T) throws(ControlError) -> T {
        do {
            return try read()
        } catch {
            throw .internal("\(what) cannot be read: \(error)")
        }
    }

    /// Reads a form body with the web's limits.
    func form(_ r: ControlRequest) throws(ControlError) -> FormData {
        do {
            return try FormData.parse(
                contentType: r.headers["content-type"], body: r.body, maxFiles: config.maxFiles, fileLimit: config.uploadLimit)
        } catch {
            if error.tooLarge { throw .tooLarge(error.message) }
            throw .badRequest(error.message)
        }
    }

    /// A path for logs: a signed link's token replaced, so it never reaches a log line.
    static func safePath(_ path: String) -> String {
        guard path.hasPrefix("/r/") else { return path }
        let rest = path.dropFirst(3)
        let tail = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        return "/r/…" + tail
    }

    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for (p, q) in zip(x, y) { difference |= p ^ q }
        return difference == 0
    }

    func zone() -> TimeZone { parts.configZone }
    func time(_ date: Date) -> String { Fragments.when(Timestamps.format(date, in: zone())) }
}
