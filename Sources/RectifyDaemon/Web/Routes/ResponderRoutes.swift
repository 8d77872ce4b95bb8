import Foundation
import RectifyControl
import RectifyCore
import RectifyNotify
import RectifyStore
import RectifyWeb

/// The pages behind signed links (`/r/TOKEN…`): the notice's items for the recipient the token
/// names, and what they may do — 签收, 报送进展 with evidence, 申请延期 (before the deadline),
/// 申请销号. A token that does not verify is 403, an expired one 410, an item that is not in the
/// token's notice 403; each answer is a page that says what to do. Every action is stored with
/// the recipient the token names, the time, the address and the user agent.
struct ResponderRoutes {
    var web: WebContext

    func register(in router: inout ControlRouter) {
        let limit = web.config.bodyLimit
        router.add("GET", "/r/:token") { r throws(ControlError) in try page(r, message: Self.done[r.query["done"] ?? ""]) }
        router.add("POST", "/r/:token/receipt") { r throws(ControlError) in try receipt(r) }
        router.add("POST", "/r/:token/items/:plan/:item/:action", bodyLimit: limit) { r throws(ControlError) in try act(r) }
        router.add("GET", "/r/:token/evidence/:id") { r throws(ControlError) in try evidence(r) }
    }

    /// The verified claim and its notice, or the refusal.
    func claim(_ r: ControlRequest) throws(ControlError) -> (LinkClaim, NoticeRecord, LinkSigner) {
        guard let signer = web.setup?.signer else { throw .notFound("本系统未启用办理链接。") }
        let token = r.parameter("token")
        let claim: LinkClaim
        do throws(LinkRefusal) {
            claim = try signer.verify(token, at: Date())
        } catch {
            switch error {
            case .invalid(let why):
                web.logger.warning("signed link refused", metadata: ["reason": "\(why)", "address": "\(web.address(r))"])
                throw .forbidden("链接无效：\(Self.chinese(why))。")
            case .expired(let at):
                throw .gone("链接已于\(web.time(at))过期。")
            }
        }
        guard let notice = try web.stored("the notice", { try web.parts.store.notice(id: claim.noticeID) }) else {
            throw .notFound("找不到该链接对应的督办通知。")
        }
        // The token names the recipient: it must be the one the notice went to.
        guard notice.recipient == claim.recipient, notice.receiver == claim.receiver else {
            throw .forbidden("链接与督办通知的收件人不符。")
        }
        return (claim, notice, signer)
    }

    /// Items per page of a responder's page.
    static let perPage = 20

    static let done = [
        "receipt": "已签收。", "progress": "进展已报送，已记入办理记录。", "extend": "延期申请已提交，请等待整改办审核。",
        "close": "销号申请已提交，请等待整改办审核。",
    ]

    static func chinese(_ why: String) -> String {
        if why.contains("not complete") { return "链接不完整（可能复制时被截断）" }
        if why.contains("retired") { return "签发链接的密钥已停用" }
        if why.contains("changed") { return "链接内容被改动过" }
        return "链接不是本系统签发的"
    }

    func page(_ r: ControlRequest, message: String? = nil, kind: String = "ok") throws(ControlError) -> ControlResponse {
        let (claim, notice, signer) = try claim(r)
        let routes = ItemRoutes(context: web.parts)
        let now = Date()
        var entries: [ResponderPage.Entry] = []
        // A notice may name hundreds of items (a digest): a page shows `perPage` of them.
        let pages = max(1, (notice.items.count + Self.perPage - 1) / Self.perPage)
        let pageNumber = min(max(1, Int(r.query["page"] ?? "1") ?? 1), pages)
        let shown = notice.items.dropFirst((pageNumber - 1) * Self.perPage).prefix(Self.perPage)
        for ref in shown {
            let detail: ItemDetail
            do {
                detail = try routes.itemDetail(plan: ref.plan, id: ref.item)
            } catch .notFound {
                continue  // no longer in the plan (removed since the notice went out)
            }
            let due = web.parts.evaluations.item(plan: ref.plan, id: ref.item)?.evaluation.due
            entries.append(
                ResponderPage.Entry(
                    detail: detail, evidence: detail.evidence ?? [], requests: detail.requests ?? [],
                    beforeDeadline: due.map { now < $0 } ?? true))
        }
        let title = notice.kinds.count == 1 ? "督办通知：\(Self.kindTitle(notice.kinds[0]))" : "督办通知"
        let page = ResponderPage(
            base: "/r/" + r.parameter("token"), recipient: notice.recipientName.map { "\($0)（\(notice.recipient)）" } ?? notice.recipient,
            subject: title, sentAt: web.time(notice.deliveredAt ?? notice.createdAt), receivedAt: notice.receivedAt.map(web.time),
            expires: web.time(claim.expires), entries: entries, csrf: signer.formToken(for: r.parameter("token")), message: message,
            messageKind: kind, maxFiles: web.config.maxFiles, uploadLimit: web.config.uploadLimit, page: pageNumber, pages: pages,
            firstNumber: (pageNumber - 1) * Self.perPage + 1, itemCount: notice.items.count)
        return WebRoutes.html(page.render())
    }

    static func kindTitle(_ kind: String) -> String {
        ["overdue": "整改事项逾期", "escalation": "逾期升级督办", "reminder": "整改事项到期提醒", "milestone_missed": "节点逾期",
         "stale": "进展报送提醒", "digest": "督办清单", "resolved": "办结告知", "reply": "申请办理结果", "unacknowledged": "未签收提醒"][kind] ?? "整改督办"
    }

    func receipt(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let (claim, notice, signer) = try claim(r)
        let form = try web.form(r)
        try web.checkForm(r, form, expected: signer.formToken(for: r.parameter("token")))
        let now = Date(), origin = web.origin(r, source: "link")
        do {
            if try web.parts.store.markReceived(noticeID: notice.id, at: now, address: origin.address) {
                let updates = notice.items.map { ref in
                    UpdateRecord(
                        planID: ref.plan, itemID: ref.item, kind: "receipt", at: now, uid: nil, user: claim.recipient,
                        note: "签收督办通知", payload: ["notice": notice.id], origin: origin)
                }
                _ = try web.parts.store.append(updates)
                web.logger.info("notice acknowledged", metadata: ["notice": "\(notice.id)", "recipient": "\(claim.recipient)", "address": "\(origin.address ?? "-")"])
            }
        } catch {
            throw .unavailable("签收未能保存（状态数据库暂不可写），请稍后再试。")
        }
        return WebRoutes.redirect("/r/" + r.parameter("token") + "?done=receipt")
    }

    func act(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let (claim, notice, signer) = try claim(r)
        let plan = r.parameter("plan"), id = r.parameter("item"), action = r.parameter("action")
        guard notice.contains(plan: plan, item: id) else {
            web.logger.warning(
                "signed link used on an item outside its notice",
                metadata: ["notice": "\(notice.id)", "plan": "\(plan)", "item": "\(id)", "address": "\(web.address(r))"])
            throw .forbidden("该事项不在这份督办通知中，不能通过此链接办理。")
        }
        let form = try web.form(r)
        try web.checkForm(r, form, expected: signer.formToken(for: r.parameter("token")))
        let origin = web.origin(r, source: "link")
        let base = "/r/" + r.parameter("token")
        switch action {
        case "progress":
            guard let note = form.text("note") else { throw .badRequest("请填写进展情况。", field: "note") }
            let files = try checkedFiles(form)
            let stored = try store(files, plan: plan, item: id, by: claim.recipient)
            do {
                try web.parts.store.addEvidence(stored)
            } catch {
                web.evidence.remove(stored)
                throw .unavailable("佐证材料未能保存，请稍后再试。")
            }
            do throws(ItemChangeRefused) {
                _ = try web.parts.scheduler.apply(
                    .progress(note: String(note.prefix(4000)), done: nil, total: nil, evidence: stored.isEmpty ? nil : stored.map(\.name).joined(separator: "、")),
                    planID: plan, itemID: id, uid: nil, user: claim.recipient, origin: origin,
                    extra: stored.isEmpty ? [:] : ["evidence_files": stored.map(\.id).joined(separator: ",")])
            } catch {
                web.evidence.remove(stored)
                throw ControlError(error)
            }
            return WebRoutes.redirect(base + "?done=progress")
        case "extend":
            guard let text = form.text("to"), let to = CalendarDate(text) else { throw .badRequest("请填写申请延期至的日期（年-月-日）。", field: "to") }
            guard let reason = form.text("reason") else { throw .badRequest("请填写延期理由。", field: "reason") }
            guard let current = web.parts.evaluations.item(plan: plan, id: id) else { throw .notFound("找不到该事项。") }
            let item = current.world.item(at: current.index)
            guard item.status != .done else { throw .conflict("该事项已销号。") }
            if let due = current.evaluation.due, current.now >= due { throw .conflict("整改时限已过，不能再申请延期。") }
            if let deadline = item.effectiveDeadline?.date, to <= deadline {
                throw .badRequest("申请的日期须晚于现行整改时限（\(deadline)）。", field: "to")
            }
            guard Deadline.plannableYears.contains(to.year) else { throw .badRequest("日期超出可登记的年份范围。", field: "to") }
            try request(.extend, plan: plan, item: id, claim: claim, note: String(reason.prefix(4000)), to: to.description, files: [], origin: origin)
            return WebRoutes.redirect(base + "?done=extend")
        case "close":
            guard let note = form.text("note") else { throw .badRequest("请填写整改完成情况。", field: "note") }
            let files = try checkedFiles(form)
            guard !files.isEmpty else { throw .badRequest("申请销号须附佐证材料（至少一个文件）。", field: "files") }
            let stored = try store(files, plan: plan, item: id, by: claim.recipient)
            do throws(ControlError) {
                try request(.close, plan: plan, item: id, claim: claim, note: String(note.prefix(4000)), to: nil, files: stored, origin: origin)
            } catch {
                web.evidence.remove(stored)
                throw error
            }
            return WebRoutes.redirect(base + "?done=close")
        default:
            throw .notFound("没有“\(action)”这项操作。")
        }
    }

    private func request(
        _ kind: RequestRecord.Kind, plan: String, item: String, claim: LinkClaim, note: String, to: String?, files: [EvidenceRecord],
        origin: UpdateRecord.Origin
    ) throws(ControlError) {
        let store = web.parts.store, now = Date()
        do {
            if try store.requests(status: .pending, plan: plan, item: item).contains(where: { $0.kind == kind }) {
                throw ControlError.conflict(kind == .extend ? "已有待审核的延期申请。" : "已有待审核的销号申请。")
            }
            try store.addEvidence(files)
            let record = RequestRecord(
                planID: plan, itemID: item, kind: kind, createdAt: now, noticeID: claim.noticeID, receiver: claim.receiver,
                recipient: claim.recipient, note: note, extendTo: to, evidence: files.map(\.id))
            var payload: [String: String] = ["notice": claim.noticeID]
            if let to { payload["to"] = to }
            if !files.isEmpty { payload["evidence_files"] = files.map(\.id).joined(separator: ",") }
            let audit = UpdateRecord(
                planID: plan, itemID: item, kind: kind == .extend ? "extension_requested" : "closure_requested", at: now, uid: nil,
                user: claim.recipient, note: note, payload: payload, origin: origin)
            let id = try store.addRequest(record, audit: audit)
            web.logger.info("request made", metadata: ["request": "\(id)", "kind": "\(kind.rawValue)", "plan": "\(plan)", "item": "\(item)", "recipient": "\(claim.recipient)"])
        } catch let error as ControlError {
            throw error
        } catch {
            throw .unavailable("申请未能保存（状态数据库暂不可写），请稍后再试。")
        }
    }

    private func checkedFiles(_ form: FormData) throws(ControlError) -> [EvidenceFile] {
        var files: [EvidenceFile] = []
        for upload in form.files {
            do throws(FormError) {
                files.append(try EvidenceFile.check(upload, limit: web.config.uploadLimit))
            } catch {
                if error.tooLarge { throw .tooLarge(error.message) }
                throw .badRequest(error.message, field: "files")
            }
        }
        return files
    }

    private func store(_ files: [EvidenceFile], plan: String, item: String, by: String) throws(ControlError) -> [EvidenceRecord] {
        guard !files.isEmpty else { return [] }
        do {
            return try web.evidence.save(files, plan: plan, item: item, by: by, at: Date())
        } catch {
            web.logger.error("evidence not stored", metadata: ["error": "\(error)"])
            throw .unavailable("佐证材料未能保存，请稍后再试。")
        }
    }

    func evidence(_ r: ControlRequest) throws(ControlError) -> ControlResponse {
        let (_, notice, _) = try claim(r)
        guard let record = try web.stored("the evidence record", { try web.parts.store.evidence(id: r.parameter("id")) }),
            notice.contains(plan: record.planID, item: record.itemID)
        else { throw .notFound("找不到该佐证材料。") }
        return try WebRoutes.file(record, web: web)
    }
}
