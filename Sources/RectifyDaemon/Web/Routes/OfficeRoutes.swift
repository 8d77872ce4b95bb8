import Foundation
import RectifyControl
import RectifyCore
import RectifyStore
import RectifyWeb

/// The office's pages: `/login`, `/logout`, `/board`, `/items`, `/items/PLAN/ITEM`, `/review`
/// (with `POST /review/ID`) and `/evidence/ID`. Viewers see; only `office` decides requests.
struct OfficeRoutes {
    var web: WebContext

    func register(in router: inout ControlRouter) {
        router.add("GET", "/") { r throws(ControlError) in
            WebRoutes.redirect(web.session(r) == nil ? "/login" : "/board")
        }
        router.add("GET", "/login") { r in WebRoutes.html(OfficePages.login(message: nil, next: Self.next(r.query["next"]))) }
        router.add("POST", "/login") { r throws(ControlError) in try login(r) }
        router.add("POST", "/logout") { r throws(ControlError) in try logout(r) }
        router.add("GET", "/board") { r throws(ControlError) in try board(r) }
        router.add("GET", "/items") { r throws(ControlError) in try items(r) }
        router.add("GET", "/items/:plan/:item") { r throws(ControlError) in try item(r) }
        router.add("GET", "/review") { r throws(ControlError) in try review(r, message: nil) }
        router.add("POST", "/review/:id") { r throws(ControlError) in try decide(r) }
        router.add("GET", "/evidence/:id") { r throws(ControlError) in
            _ = try web.require(r)
            guard let record = try web.stored("the evidence record", { try web.parts.store.evidence(id: r.parameter("id")) }) else {
                throw .notFound("找不到该佐证材料。")
            }
            return try WebRoutes.file(record, web: web)
        }
    }

    /// Only a path on this site (never `//host` or a scheme): no open redirect.
    static func next(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), !text.hasPrefix("/r/") else { return "/board" }
        return text
    }

    func login(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let form = try web.form(r)
        let user = String((form["user"] ?? "").prefix(64)), password = form["password"] ?? ""
        let address = web.address(r), now = Date()
        if let until = web.throttle.lockedUntil(user: user, address: address, at: now) {
            web.logger.warning("login refused: too many failures", metadata: ["user": "\(user)", "address": "\(address)"])
            var answer = WebRoutes.html(
                OfficePages.login(message: "登录失败次数过多，请于\(web.time(until))后再试。", user: user), status: 429)
            answer.headers.append(("Retry-After", String(Int(until.timeIntervalSince(now).rounded(.up)))))
            return answer
        }
        guard let account = web.setup?.accounts[user], account.password.matches(password) else {
            // The same work whether or not the user exists, so timing does not tell which names are real.
            if web.setup?.accounts[user] == nil { _ = Self.decoy.matches(password) }
            let locked = web.throttle.failed(user: user, address: address, at: now)
            web.logger.warning(
                "login failed", metadata: ["user": "\(user)", "address": "\(address)", "locked_until": "\(locked.map { "\($0)" } ?? "-")"])
            return WebRoutes.html(OfficePages.login(message: "账号或密码不正确。", user: user, next: Self.next(form["next"])), status: 401)
        }
        web.throttle.succeeded(user: user, address: address)
        let id = web.sessions.open(user: user, role: account.role, at: now)
        web.logger.info("login", metadata: ["user": "\(user)", "role": "\(account.role.rawValue)", "address": "\(address)"])
        return WebRoutes.redirect(Self.next(form["next"]), headers: [("Set-Cookie", cookie(id, maxAge: Int(web.config.sessionTimeout)))])
    }

    static let decoy = (try? PasswordHash.make("decoy-\(UUID().uuidString)")) ?? PasswordHash(rounds: 1024, blockSize: 8, parallelism: 1, salt: Data(count: 16), hash: Data(count: 32))

    func cookie(_ value: String, maxAge: Int) -> String {
        "\(WebContext.cookie)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (web.config.secureCookies ? "; Secure" : "")
    }

    func logout(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        if let session = web.session(r), let id = web.cookie(r, WebContext.cookie) {
            let form = try web.form(r)
            try web.checkForm(r, form, expected: session.csrf)
            web.sessions.close(id)
        }
        return WebRoutes.redirect("/login", headers: [("Set-Cookie", cookie("", maxAge: 0))])
    }

    func nav(_ session: WebSession, _ current: String) throws(ControlError) -> Page.Nav {
        let pending = try web.stored("the pending requests") { try web.parts.store.requests(status: .pending).count }
        return Page.Nav(user: session.user, role: session.role, csrf: session.csrf, current: current, pending: pending)
    }

    func board(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let session = try web.require(r)
        guard let evaluated = web.parts.evaluations.current() else { throw .unavailable("the daemon is stopping") }
        let body = try BoardView.body(evaluated, store: web.parts.store, time: web.time)
        return WebRoutes.html(Page(title: "督办看板", body: body, nav: try nav(session, "/board")).render())
    }

    func items(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let session = try web.require(r)
        var query = r.query.filter { ["state", "plan", "responsible", "q", "offset"].contains($0.key) }
        query["limit"] = "100"
        var title = "事项清单"
        if let state = query["state"].flatMap({ ItemState(rawValue: $0.split(separator: ",").first.map(String.init) ?? "") }) {
            title += " · " + state.chineseLabel
        }
        let colour = r.query["colour"].flatMap(WarningColour.init(rawValue:))
        if let colour {
            title += " · " + colour.chineseLabel
            query["state"] = nil
        }
        guard let evaluated = web.parts.evaluations.current() else { throw .unavailable("the daemon is stopping") }
        let filter = try ItemFilter(query)
        var total = 0
        var page: [ItemSummary] = []
        for index in evaluated.urgency where filter.admits(index, in: evaluated) {
            if let colour, evaluated.evaluations[index].colour != colour || evaluated.world.item(at: index).status == .done { continue }
            total += 1
            if total > filter.offset && page.count < filter.limit {
                page.append(ItemRoutes.summary(evaluated.world, index, evaluated.evaluation(at: index)))
            }
        }
        let response = ItemsResponse(total: total, offset: filter.offset, limit: filter.limit, items: page)
        let queryText = r.query.filter { $0.key != "offset" }.map { "\($0.key)=\(HTML.segment($0.value))" }.sorted().joined(separator: "&")
        return WebRoutes.html(OfficePages.items(response, title: title, query: queryText, nav: try nav(session, "/items")))
    }

    func item(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let session = try web.require(r)
        let detail = try ItemRoutes(context: web.parts).itemDetail(plan: r.parameter("plan"), id: r.parameter("item"))
        return WebRoutes.html(OfficePages.item(detail, nav: try nav(session, "/items"), message: nil))
    }

    func review(_ r: ControlRequest, message: String?) throws(ControlError) -> ControlResponse {
        let session = try web.require(r)
        let world = web.parts.evaluations.view?.world
        func entries(_ status: RequestRecord.Status, limit: Int) throws(ControlError) -> [RequestEntry] {
            try web.stored("the requests") { try web.parts.store.requests(status: status, limit: limit) }.map { r in
                RequestDesk.entry(r, title: world?.index(of: r.planID, r.itemID).map { world!.item(at: $0).title }, zone: web.zone())
            }
        }
        let pending = try entries(.pending, limit: 500).reversed()
        let decided = (try entries(.approved, limit: 20) + entries(.rejected, limit: 20)).sorted { $0.id > $1.id }
        let message = message ?? ["approve": "已批准。", "reject": "已退回，申请人将收到理由。"][r.query["done"] ?? ""]
        return WebRoutes.html(OfficePages.review(Array(pending), decided: decided, nav: try nav(session, "/review"), message: message))
    }

    func decide(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let session = try web.require(r, role: .office)
        let form = try web.form(r)
        try web.checkForm(r, form, expected: session.csrf)
        guard let id = Int64(r.parameter("id")) else { throw .badRequest("不是有效的申请编号。") }
        guard let decision = form["decision"].flatMap(RequestDesk.Decision.init(rawValue:)) else {
            throw .badRequest("请选择批准或不予批准。")
        }
        if decision == .reject && form.text("reason") == nil { throw .badRequest("不予批准时须填写审核意见（将告知申请人）。", field: "reason") }
        _ = try web.desk.decide(
            id, decision, reason: form.text("reason"), by: session.user, uid: nil, origin: web.origin(r, source: "account"))
        return WebRoutes.redirect("/review?done=\(decision.rawValue)")
    }
}
