import Foundation
import RectifyControl
import RectifyCore

/// The office's pages: login, the board, item lists, one item, and the review of requests.
public enum OfficePages {
    public static func login(message: String?, user: String = "", next: String = "/board") -> String {
        let body = """
            <h1>整改督办系统 · 登录</h1>
            \(Fragments.message(message, kind: "bad"))
            <form class="card stack" method="post" action="/login">
            <input type="hidden" name="next" value="\(HTML.escape(next))">
            <label for="user">账号</label><input type="text" id="user" name="user" value="\(HTML.escape(user))" autocomplete="username" required>
            <label for="password">密码</label><input type="password" id="password" name="password" autocomplete="current-password" required>
            <div class="actions"><button>登录</button></div>
            </form>
            <p class="muted">责任人请通过督办通知中的办理链接直接办理，无需登录。</p>
            """
        return Page(title: "登录", body: body).render()
    }

    public struct Lists: Sendable {
        public var overdue: [ItemSummary]
        public var dueSoon: [ItemSummary]
        public var unacknowledged: [(notice: String, recipient: String, sent: String, colour: String?, items: Int)]
        public var recentlyClosed: [ItemSummary]

        public init(
            overdue: [ItemSummary], dueSoon: [ItemSummary],
            unacknowledged: [(notice: String, recipient: String, sent: String, colour: String?, items: Int)],
            recentlyClosed: [ItemSummary]
        ) {
            self.overdue = overdue
            self.dueSoon = dueSoon
            self.unacknowledged = unacknowledged
            self.recentlyClosed = recentlyClosed
        }
    }

    public static func board(_ figures: BoardFigures, lists: Lists, asOf: String, nav: Page.Nav) -> String {
        Page(title: "督办看板", body: boardBody(figures, lists: lists, asOf: asOf), nav: nav).render()
    }

    /// The board without its navigation (the same for every account, so it can be cached).
    public static func boardBody(_ figures: BoardFigures, lists: Lists, asOf: String) -> String {
        var body = "<h1>整改督办看板</h1><p class=\"muted\">截至 \(HTML.escape(asOf))，共 \(figures.total) 项整改事项，未完成 \(figures.open) 项。</p>"
        body += "<div class=\"tiles\">"
        body += tile("红色预警（逾期）", figures.colours[.red] ?? 0, "red", link: "/items?colour=red")
        body += tile("黄色预警", figures.colours[.yellow] ?? 0, "yellow", link: "/items?colour=yellow")
        body += tile("绿色预警", figures.colours[.green] ?? 0, "green", link: "/items?colour=green")
        body += tile("已完成", figures.states[.done] ?? 0, "", link: "/items?state=done")
        let rate = figures.all.onTimeRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
        body += "<div class=\"tile\">按期完成率<b>\(rate)</b></div></div>"
        body += "<h2>按状态</h2><div class=\"table-wrap\"><table><tr>"
        let states = ItemState.allCases.filter { (figures.states[$0] ?? 0) > 0 }
        body += states.map { "<th><a href=\"/items?state=\($0.rawValue)\">\(HTML.escape($0.chineseLabel))</a></th>" }.joined()
        body += "</tr><tr>" + states.map { "<td class=\"num\">\(figures.states[$0] ?? 0)</td>" }.joined() + "</tr></table></div>"
        body += "<h2>燃尽图</h2><div class=\"card\">\(BurndownChart.svg(figures.months))</div>"
        body += groups("按单位", figures.units, total: figures.all)
        body += groups("按责任部门", figures.departments, total: nil)
        body += list("逾期事项", lists.overdue, more: "/items?state=overdue")
        body += list("即将到期", lists.dueSoon, more: "/items?state=due_soon")
        body += "<h2>未签收的督办通知（\(lists.unacknowledged.count)）</h2>"
        if lists.unacknowledged.isEmpty {
            body += "<p class=\"muted\">没有未签收的红色、黄色督办通知。</p>"
        } else {
            body += "<div class=\"table-wrap\"><table class=\"cards\"><thead><tr><th>收件人</th><th>发出</th><th>预警</th><th class=\"num\">事项</th></tr></thead><tbody>"
            for n in lists.unacknowledged {
                let colour = n.colour.flatMap(WarningColour.init(rawValue:))
                body += "<tr><td data-label=\"收件人\">\(HTML.escape(n.recipient))</td><td data-label=\"发出\">\(HTML.escape(n.sent))</td>"
                body += "<td data-label=\"预警\"><span class=\"badge \(n.colour ?? "")\">\(HTML.escape(colour?.chineseLabel ?? "—"))</span></td><td class=\"num\" data-label=\"事项\">\(n.items)</td></tr>"
            }
            body += "</tbody></table></div>"
        }
        body += list("近期销号", lists.recentlyClosed, more: "/items?state=done")
        return body
    }

    static func tile(_ label: String, _ value: Int, _ css: String, link: String) -> String {
        "<a class=\"tile \(css)\" href=\"\(link)\" style=\"text-decoration:none;color:inherit\">\(HTML.escape(label))<b>\(value)</b></a>"
    }

    static func groups(_ title: String, _ groups: [BoardFigures.Group], total: BoardFigures.Group?) -> String {
        var html = "<h2>\(HTML.escape(title))</h2><div class=\"table-wrap\"><table class=\"cards\"><thead><tr><th>名称</th><th class=\"num\">事项</th><th class=\"num\">未完成</th><th class=\"num\">逾期</th><th class=\"num\">按期完成</th><th class=\"num\">按期完成率</th></tr></thead><tbody>"
        for g in groups.prefix(50) + (total.map { [$0] } ?? []) {
            let rate = g.onTimeRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
            html += "<tr><td data-label=\"名称\">\(HTML.escape(g.name.isEmpty ? "未明确" : g.name))</td><td class=\"num\" data-label=\"事项\">\(g.items)</td>"
            html += "<td class=\"num\" data-label=\"未完成\">\(g.open)</td><td class=\"num\" data-label=\"逾期\">\(g.overdue)</td>"
            html += "<td class=\"num\" data-label=\"按期完成\">\(g.closedOnTime)</td><td class=\"num\" data-label=\"按期完成率\">\(rate)</td></tr>"
        }
        if groups.count > 50 { html += "<tr><td colspan=\"6\" class=\"muted\">另有 \(groups.count - 50) 个未列出。</td></tr>" }
        return html + "</tbody></table></div>"
    }

    public static func itemTable(_ items: [ItemSummary]) -> String {
        var html = "<div class=\"table-wrap\"><table class=\"cards\"><thead><tr><th>状态</th><th>事项</th><th>整改时限</th><th>时限情况</th><th>责任人</th></tr></thead><tbody>"
        for i in items {
            html += "<tr><td data-label=\"状态\">\(Fragments.badge(state: i.state, colour: i.colour))</td>"
            html += "<td data-label=\"事项\"><a href=\"/items/\(HTML.segment(i.plan))/\(HTML.segment(i.id))\">\(HTML.escape(i.id)) \(HTML.escape(i.title))</a></td>"
            html += "<td data-label=\"整改时限\">\(Fragments.deadline(i))</td><td data-label=\"时限情况\">\(HTML.escape(Fragments.timing(i)))</td>"
            html += "<td data-label=\"责任人\">\(HTML.escape(i.responsible ?? "未明确"))</td></tr>"
        }
        return html + "</tbody></table></div>"
    }

    static func list(_ title: String, _ items: [ItemSummary], more: String) -> String {
        "<h2>\(HTML.escape(title))（\(items.count)\(items.count >= 10 ? "+" : "")）</h2>"
            + (items.isEmpty ? "<p class=\"muted\">无。</p>" : itemTable(items) + "<p><a href=\"\(more)\">查看全部</a></p>")
    }

    public static func items(_ page: ItemsResponse, title: String, query: String, nav: Page.Nav) -> String {
        var body = "<h1>\(HTML.escape(title))</h1><p class=\"muted\">共 \(page.total) 项</p>" + itemTable(page.items)
        if page.total > page.offset + page.items.count {
            body += "<p><a href=\"/items?\(query)&offset=\(page.offset + page.items.count)\">下一页</a></p>"
        }
        return Page(title: title, body: body, nav: nav).render()
    }

    public static func item(_ d: ItemDetail, nav: Page.Nav, message: String?) -> String {
        let i = d.item
        var body = "<h1>\(HTML.escape(i.id)) \(HTML.escape(i.title))</h1>" + Fragments.message(message)
        body += "<div class=\"card\"><table class=\"cards\"><tbody>"
        let rows: [(String, String)] = [
            ("方案", HTML.escape(i.plan)), ("状态", Fragments.badge(state: i.state, colour: i.colour) + " " + HTML.escape(Fragments.timing(i))),
            ("整改时限", Fragments.deadline(i)), ("责任人", HTML.escape(i.responsible ?? "未明确")),
            ("类别", HTML.escape(d.category.joined(separator: " › "))), ("问题及措施", "<div class=\"note\">\(HTML.escape(d.text ?? ""))</div>"),
        ]
        for (label, value) in rows { body += "<tr><th>\(label)</th><td data-label=\"\(label)\">\(value)</td></tr>" }
        body += "</tbody></table></div>"
        if !d.milestones.isEmpty {
            body += "<h2>节点</h2><ul>" + d.milestones.map { "<li>\($0.done ? "✔" : "○") \(HTML.escape($0.title)) · \(HTML.escape($0.deadline.chineseDescription))</li>" }.joined() + "</ul>"
        }
        if !d.extensions.isEmpty {
            body += "<h2>延期</h2><ul>" + d.extensions.map { "<li>延期至 \(HTML.escape($0.deadline.chineseDescription))（\($0.granted)批准）：\(HTML.escape($0.reason))</li>" }.joined() + "</ul>"
        }
        body += "<h2>佐证材料</h2>" + (d.evidence.map { Fragments.evidence($0) { "/evidence/\($0)" } } ?? "")
        if (d.evidence ?? []).isEmpty { body += "<p class=\"muted\">暂无。</p>" }
        body += "<h2>申请</h2>" + ((d.requests ?? []).isEmpty ? "<p class=\"muted\">暂无。</p>" : Fragments.requests(d.requests ?? []))
        body += "<h2>办理记录</h2>" + Fragments.history(d.history, showOrigin: true)
        body += "<h2>提醒</h2>"
        body += d.alerts.isEmpty ? "<p class=\"muted\">暂无。</p>" : "<ul>" + d.alerts.map { "<li>\(HTML.escape(Fragments.when($0.sentAt))) \(HTML.escape($0.kind)) → \(HTML.escape($0.recipient))（\(HTML.escape($0.receiver))）</li>" }.joined() + "</ul>"
        body += "<h2>投递</h2>"
        body += d.deliveries.isEmpty ? "<p class=\"muted\">暂无。</p>" : "<ul>" + d.deliveries.map { "<li>\(HTML.escape(Fragments.when($0.at))) \(HTML.escape($0.recipient))（\(HTML.escape($0.receiver))）第\($0.attempt)次：\(HTML.escape($0.outcome))</li>" }.joined() + "</ul>"
        return Page(title: i.title, body: body, nav: nav).render()
    }

    public static func review(_ pending: [RequestEntry], decided: [RequestEntry], nav: Page.Nav, message: String?) -> String {
        var body = "<h1>申请审核</h1>" + Fragments.message(message)
        body += "<h2>待审核（\(pending.count)）</h2>"
        if pending.isEmpty { body += "<p class=\"muted\">没有待审核的申请。</p>" }
        for r in pending {
            let what = r.kind == "extend" ? "申请延期至 <b>\(HTML.escape(r.to ?? ""))</b>" : "<b>申请销号</b>"
            body += "<section class=\"card\"><div>#\(r.id) · <a href=\"/items/\(HTML.segment(r.plan))/\(HTML.segment(r.item))\">\(HTML.escape(r.item)) \(HTML.escape(r.itemTitle ?? ""))</a></div>"
            body += "<div>\(what) · 申请人 \(HTML.escape(r.recipient)) · <span class=\"muted\">\(HTML.escape(Fragments.when(r.createdAt)))</span></div>"
            body += "<div class=\"note\">\(HTML.escape(r.note))</div>"
            if !r.evidence.isEmpty { body += "<div class=\"muted\">佐证材料 \(r.evidence.count) 个（见事项页）</div>" }
            if nav.role == .office {
                body += "<form class=\"stack\" method=\"post\" action=\"/review/\(r.id)\">\(Fragments.csrfField(nav.csrf))"
                body += "<label for=\"reason\(r.id)\">审核意见（不予批准时必填）</label><textarea id=\"reason\(r.id)\" name=\"reason\" maxlength=\"2000\"></textarea>"
                body += "<div class=\"actions\"><button name=\"decision\" value=\"approve\">批准</button><button class=\"danger\" name=\"decision\" value=\"reject\">不予批准</button></div></form>"
            }
            body += "</section>"
        }
        body += "<h2>已审核</h2>" + (decided.isEmpty ? "<p class=\"muted\">暂无。</p>" : Fragments.requests(decided))
        return Page(title: "申请审核", body: body, nav: nav).render()
    }
}
