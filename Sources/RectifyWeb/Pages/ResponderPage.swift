import Foundation
import RectifyControl

/// The page behind a signed link: the notice's items for its recipient, each with its state,
/// deadline and history, and the forms to answer — 签收 the notice, 报送进展 with evidence,
/// 申请延期 (before the deadline), 申请销号. Every form works without JavaScript.
public struct ResponderPage: Sendable {
    public struct Entry: Sendable {
        public var detail: ItemDetail
        public var evidence: [EvidenceEntry]
        public var requests: [RequestEntry]
        /// Whether the deadline in force has not passed (a 延期 may be asked for).
        public var beforeDeadline: Bool

        public init(detail: ItemDetail, evidence: [EvidenceEntry], requests: [RequestEntry], beforeDeadline: Bool) {
            self.detail = detail
            self.evidence = evidence
            self.requests = requests
            self.beforeDeadline = beforeDeadline
        }
    }

    public var base: String
    public var recipient: String
    public var subject: String
    public var sentAt: String
    public var receivedAt: String?
    public var expires: String
    public var entries: [Entry]
    public var csrf: String
    public var message: String?
    public var messageKind = "ok"
    public var maxFiles: Int
    public var uploadLimit: Int
    /// Which page of the notice's items this is, of how many; the number of its first item and
    /// how many items the notice has.
    public var page: Int
    public var pages: Int
    public var firstNumber: Int
    public var itemCount: Int

    public init(
        base: String, recipient: String, subject: String, sentAt: String, receivedAt: String?, expires: String, entries: [Entry],
        csrf: String, message: String?, messageKind: String = "ok", maxFiles: Int, uploadLimit: Int, page: Int = 1, pages: Int = 1,
        firstNumber: Int = 1, itemCount: Int? = nil
    ) {
        self.page = page
        self.pages = pages
        self.firstNumber = firstNumber
        self.itemCount = itemCount ?? entries.count
        self.base = base
        self.recipient = recipient
        self.subject = subject
        self.sentAt = sentAt
        self.receivedAt = receivedAt
        self.expires = expires
        self.entries = entries
        self.csrf = csrf
        self.message = message
        self.messageKind = messageKind
        self.maxFiles = maxFiles
        self.uploadLimit = uploadLimit
    }

    public func render() -> String {
        var body = "<h1>\(HTML.escape(subject))</h1>"
        body += Fragments.message(message, kind: messageKind)
        body += "<div class=\"card\"><div>收件人：\(HTML.escape(recipient))</div><div class=\"muted\">通知发出：\(HTML.escape(sentAt)) · 链接有效期至 \(HTML.escape(expires))（仅限本人使用，请勿转发）</div>"
        if let receivedAt {
            body += "<p><span class=\"badge green\">已签收</span> \(HTML.escape(receivedAt))</p>"
        } else {
            body += "<form method=\"post\" action=\"\(base)/receipt\" class=\"actions\">\(Fragments.csrfField(csrf))"
            body += "<button>签收本通知</button><span class=\"muted\">确认已收到本督办通知（\(itemCount)项整改事项）。</span></form>"
        }
        body += "</div>"
        let pager = pages > 1 ? pagerLinks() : ""
        body += pager
        for (index, entry) in entries.enumerated() { body += card(entry, number: firstNumber + index) }
        body += pager
        return Page(title: subject, body: body).render()
    }

    private func pagerLinks() -> String {
        var html = "<p class=\"actions\">第\(page)/\(pages)页（共\(itemCount)项）"
        if page > 1 { html += " <a href=\"\(base)?page=\(page - 1)\">上一页</a>" }
        if page < pages { html += " <a href=\"\(base)?page=\(page + 1)\">下一页</a>" }
        return html + "</p>"
    }

    private func card(_ entry: Entry, number: Int) -> String {
        let d = entry.detail, item = d.item
        let path = "\(base)/items/\(HTML.segment(item.plan))/\(HTML.segment(item.id))"
        var html = "<section class=\"card\" id=\"item-\(number)\"><h2>\(number). \(HTML.escape(item.title))</h2>"
        html += "<table class=\"cards\"><tbody>"
        html += row("编号", HTML.escape(item.id) + " <span class=\"muted\">\(HTML.escape(item.plan))</span>")
        html += row("状态", Fragments.badge(state: item.state, colour: item.colour) + " " + HTML.escape(Fragments.timing(item)))
        html += row("整改时限", Fragments.deadline(item))
        html += row("责任人", HTML.escape(item.responsible ?? "未明确"))
        if let text = d.text, !text.isEmpty { html += row("问题及措施", "<div class=\"note\">\(HTML.escape(text))</div>") }
        html += "</tbody></table>"
        if !entry.evidence.isEmpty {
            html += "<h3>佐证材料</h3>" + Fragments.evidence(entry.evidence) { "\(base)/evidence/\($0)" }
        }
        if !entry.requests.isEmpty { html += "<h3>申请</h3>" + Fragments.requests(entry.requests) }
        html += "<details><summary>办理记录（\(d.history.count)条）</summary>\(Fragments.history(d.history, showOrigin: false))</details>"
        guard item.state != "done" else { return html + "<p class=\"muted\">该事项已销号。</p></section>" }
        let pending = entry.requests.filter { $0.status == "pending" }
        let files =
            "<label>佐证材料（最多\(maxFiles)个，每个不超过\(Fragments.size(uploadLimit))；\(EvidenceFile.acceptedText)）</label>"
            + "<input type=\"file\" name=\"files\" multiple accept=\"\(EvidenceFile.acceptAttribute)\">"
        html += "<details class=\"form\" open><summary>报送进展</summary><form class=\"stack\" method=\"post\" enctype=\"multipart/form-data\" action=\"\(path)/progress\">"
        html += Fragments.csrfField(csrf) + "<label for=\"p\(number)\">进展情况</label><textarea id=\"p\(number)\" name=\"note\" required maxlength=\"4000\"></textarea>"
        html += files + "<div class=\"actions\"><button>报送进展</button></div></form></details>"
        if pending.contains(where: { $0.kind == "extend" }) {
            html += "<p class=\"muted\">延期申请待整改办审核。</p>"
        } else if entry.beforeDeadline {
            html += "<details class=\"form\"><summary>申请延期</summary><form class=\"stack\" method=\"post\" action=\"\(path)/extend\">"
            html += Fragments.csrfField(csrf) + "<label for=\"t\(number)\">申请延期至</label><input type=\"date\" id=\"t\(number)\" name=\"to\" required>"
            html += "<label for=\"r\(number)\">延期理由</label><textarea id=\"r\(number)\" name=\"reason\" required maxlength=\"4000\"></textarea>"
            html += "<div class=\"actions\"><button class=\"secondary\">提交延期申请</button></div></form></details>"
        } else {
            html += "<p class=\"muted\">整改时限已过，不能再申请延期；请书面说明逾期原因并报整改办。</p>"
        }
        if pending.contains(where: { $0.kind == "close" }) {
            html += "<p class=\"muted\">销号申请待整改办审核。</p>"
        } else {
            html += "<details class=\"form\"><summary>申请销号</summary><form class=\"stack\" method=\"post\" enctype=\"multipart/form-data\" action=\"\(path)/close\">"
            html += Fragments.csrfField(csrf) + "<label for=\"c\(number)\">整改完成情况</label><textarea id=\"c\(number)\" name=\"note\" required maxlength=\"4000\"></textarea>"
            html += files + "<div class=\"actions\"><button class=\"secondary\">提交销号申请</button></div></form></details>"
        }
        return html + "</section>"
    }

    private func row(_ label: String, _ value: String) -> String {
        "<tr><th>\(HTML.escape(label))</th><td data-label=\"\(HTML.escape(label))\">\(value)</td></tr>"
    }
}

/// The page a refused link or a refused form shows: what happened and what to do.
public enum MessagePage {
    public static func render(title: String, message: String, advice: String) -> String {
        Page(
            title: title,
            body: "<h1>\(HTML.escape(title))</h1><div class=\"card\"><p>\(HTML.escape(message))</p><p>\(HTML.escape(advice))</p></div>"
        ).render()
    }
}
