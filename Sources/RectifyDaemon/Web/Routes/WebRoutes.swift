import Foundation
import RectifyControl
import RectifyCore
import RectifyStore
import RectifyWeb

/// The web listener's routes in the control API's router type (served through the same
/// Hummingbird adapter and error mapping, `ControlRouter.hummingbird`): a `ControlError` is
/// answered with its status and a page that says what to do; a redirect is a 303.
enum WebRoutes {
    static func router(_ web: WebContext) -> ControlRouter {
        var router = ControlRouter(logger: web.logger)
        router.prefix = nil
        router.answerError = { error, request in errorPage(error, request, logger: web) }
        router.finish = { answer in under(sitePath(web), answer) }
        OfficeRoutes(web: web).register(in: &router)
        ResponderRoutes(web: web).register(in: &router)
        return router
    }

    /// Security headers every page carries: no script at all, no framing, no referrer (links
    /// carry tokens), no caching of pages that show names and notes.
    static let securityHeaders: [(name: String, value: String)] = [
        (
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        ),
        ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]

    /// The path of `base_url` ("/rectifyd" for https://host/rectifyd), where a reverse proxy
    /// serves the pages; "" at the site's root.
    static func sitePath(_ web: WebContext) -> String {
        guard let base = web.config.baseURL, let path = URL(string: base)?.path, path != "/" else { return "" }
        return path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The pages link with absolute paths (`/board`, `/r/…`); under a site path they get it in
    /// front: in links, form actions and redirects.
    static func under(_ path: String, _ answer: ControlResponse) -> ControlResponse {
        guard !path.isEmpty else { return answer }
        var answer = answer
        answer.headers = answer.headers.map { $0.name == "Location" && $0.value.hasPrefix("/") ? ($0.name, path + $0.value) : $0 }
        if answer.contentType.hasPrefix("text/html") {
            let text = String(decoding: answer.body, as: UTF8.self)
                .replacingOccurrences(of: "href=\"/", with: "href=\"\(path)/")
                .replacingOccurrences(of: "action=\"/", with: "action=\"\(path)/")
            answer.body = Data(text.utf8)
        }
        return answer
    }

    static func html(_ text: String, status: Int = 200, headers: [(name: String, value: String)] = []) -> ControlResponse {
        ControlResponse(
            status: status, body: Data(text.utf8), contentType: "text/html; charset=utf-8", headers: securityHeaders + headers)
    }

    static func redirect(_ location: String, headers: [(name: String, value: String)] = []) -> ControlResponse {
        ControlResponse(
            status: 303, body: Data(), contentType: "text/plain; charset=utf-8",
            headers: securityHeaders + [("Location", location)] + headers)
    }

    static func errorPage(_ error: ControlError, _ r: ControlRequest, logger web: WebContext) -> ControlResponse {
        if case .redirect(let location) = error { return redirect(location) }
        let (title, advice): (String, String)
        switch error.status {
        case 403 where r.path.hasPrefix("/r/"):
            (title, advice) = ("链接无法使用", "请使用督办通知（邮件或群消息）中的原始链接；如链接被改动或不完整，请联系整改办重新发送。")
        case 410:
            (title, advice) = ("链接已过期", "办理链接有效期已过。请联系整改办获取新的督办通知，或等待下一次提醒中的新链接。")
        case 403: (title, advice) = ("无权操作", "请返回上一页刷新后重试；如仍不能办理，请联系整改办。")
        case 404: (title, advice) = ("找不到页面", "请检查地址，或从督办通知中的链接进入。")
        case 413: (title, advice) = ("文件过大", "请压缩或拆分后重新上传。")
        case 429: (title, advice) = ("尝试次数过多", "为防止密码被猜测，登录已暂时锁定，请稍后再试或联系系统管理员。")
        case 400, 409: (title, advice) = ("未能办理", "请返回上一页修改后重新提交。")
        default: (title, advice) = ("暂时无法办理", "请稍后再试；如多次出现，请联系整改办。")
        }
        if error.status >= 500 {
            web.logger.error("web request failed", metadata: ["path": "\(WebContext.safePath(r.path))", "error": "\(error.message)"])
        }
        return html(MessagePage.render(title: title, message: error.message, advice: advice), status: error.status)
    }

    /// An evidence file: images and PDF shown inline, Office files downloaded; never sniffed.
    static func file(_ record: EvidenceRecord, web: WebContext) throws(ControlError) -> ControlResponse {
        guard let data = try web.evidence.read(record) else { throw .notFound("该佐证材料的文件已不存在。") }
        let kind = EvidenceFile.Kind.allCases.first { $0.mediaType == record.mediaType }
        let disposition = (kind?.inline ?? false) ? "inline" : "attachment"
        let ascii = record.name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" }
        let encoded = record.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "file"
        let name = "\(disposition); filename=\"\(ascii ? record.name : "evidence." + (kind?.fileExtension ?? "bin"))\"; filename*=UTF-8''\(encoded)"
        return ControlResponse(
            status: 200, body: data, contentType: record.mediaType,
            headers: securityHeaders.filter { $0.name != "Content-Security-Policy" } + [
                ("Content-Disposition", name), ("Content-Security-Policy", "default-src 'none'; sandbox"),
            ])
    }
}
