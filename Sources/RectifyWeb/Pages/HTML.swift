import Foundation
import RectifyCore

/// Text made safe for HTML: everything a responder or a plan file wrote goes through `escape`,
/// so a note with `<script>` in it is shown as those characters, never run.
public enum HTML {
    public static func escape(_ text: String) -> String { Markup.html(text) }

    /// A path segment for a link (plan and item ids may hold anything).
    public static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    /// Text with its line breaks kept (escaped first).
    public static func lines(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\n", with: "<br>")
    }
}

/// One page of the web listener: Chinese, no JavaScript, a layout that reads at 375 px (the
/// in-app browsers of WeCom and DingTalk) and at desktop width, and prints without the
/// navigation. Styles are one inline block (the pages' Content-Security-Policy allows no script).
public struct Page: Sendable {
    public var title: String
    public var body: String
    /// The navigation for a signed-in account (nil on a responder's page and the login page).
    public var nav: Nav?

    public struct Nav: Sendable {
        public var user: String
        public var role: WebRole
        public var csrf: String
        public var current: String
        public var pending: Int

        public init(user: String, role: WebRole, csrf: String, current: String, pending: Int = 0) {
            self.user = user
            self.role = role
            self.csrf = csrf
            self.current = current
            self.pending = pending
        }
    }

    public init(title: String, body: String, nav: Nav? = nil) {
        self.title = title
        self.body = body
        self.nav = nav
    }

    public func render(prefix: String = "") -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(HTML.escape(title)) · 整改督办</title>
            <style>\(Self.style)</style>
            </head>
            <body>

            """
        if let nav {
            let link = { (path: String, label: String) in
                "<a href=\"\(prefix)\(path)\"\(nav.current == path ? " class=\"on\"" : "")>\(label)</a>"
            }
            html += "<header class=\"top\"><nav>"
            html += link("/board", "督办看板")
            html += link("/items", "事项清单")
            if nav.role == .office {
                html += link("/review", "申请审核" + (nav.pending > 0 ? "<span class=\"count\">\(nav.pending)</span>" : ""))
            }
            html += "</nav><form method=\"post\" action=\"\(prefix)/logout\" class=\"who\">"
            html += "<span>\(HTML.escape(nav.user))（\(nav.role.chineseLabel)）</span>"
            html += "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(nav.csrf))\"><button class=\"link\">退出</button></form></header>\n"
        }
        html += "<main>\n\(body)\n</main>\n<footer>rectifyd 整改督办系统</footer>\n</body>\n</html>\n"
        return html
    }

    static let style = """
        *{box-sizing:border-box}
        body{margin:0;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Noto Sans SC",sans-serif;font-size:15px;line-height:1.6;color:#222;background:#f4f5f7}
        main{max-width:1100px;margin:0 auto;padding:12px}
        footer{text-align:center;color:#888;font-size:12px;padding:16px}
        h1{font-size:20px;margin:8px 0 12px}
        h2{font-size:17px;margin:20px 0 8px}
        a{color:#1a56c4}
        .top{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;background:#b3261e;color:#fff;padding:6px 12px}
        .top nav a{color:#fff;text-decoration:none;margin-right:14px;padding:4px 0;display:inline-block}
        .top nav a.on{border-bottom:2px solid #fff;font-weight:bold}
        .top .who{margin:0;font-size:13px}
        .count{display:inline-block;background:#fff;color:#b3261e;border-radius:9px;padding:0 6px;margin-left:4px;font-size:12px}
        button.link{background:none;border:0;color:#fff;text-decoration:underline;cursor:pointer;font-size:13px}
        .card{background:#fff;border:1px solid #dcdfe4;border-radius:6px;padding:12px 14px;margin:0 0 12px}
        .muted{color:#666;font-size:13px}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:8px;margin-bottom:12px}
        .tile{background:#fff;border:1px solid #dcdfe4;border-radius:6px;padding:8px 10px}
        .tile b{display:block;font-size:24px}
        .tile.red{border-left:6px solid #d93025}.tile.yellow{border-left:6px solid #f9ab00}.tile.green{border-left:6px solid #1e8e3e}
        .badge{display:inline-block;padding:0 7px;border-radius:3px;font-size:12px;white-space:nowrap;background:#9e9e9e;color:#fff}
        .badge.red{background:#d93025}.badge.yellow{background:#f9ab00;color:#222}.badge.green{background:#1e8e3e}.badge.done{background:#5f6368}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{border:1px solid #dcdfe4;padding:5px 7px;text-align:left;vertical-align:top}
        th{background:#eef0f3;white-space:nowrap}
        td.num,th.num{text-align:right;white-space:nowrap}
        form.stack label{display:block;margin:8px 0 2px;font-weight:bold}
        input[type=text],input[type=password],input[type=date],textarea,select{width:100%;max-width:520px;padding:7px;border:1px solid #b9bec7;border-radius:4px;font:inherit}
        textarea{min-height:88px}
        .actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
        button,.button{background:#1a73e8;color:#fff;border:0;border-radius:4px;padding:8px 16px;font:inherit;cursor:pointer;text-decoration:none;display:inline-block}
        button.secondary{background:#5f6368}button.danger{background:#d93025}
        details{margin:8px 0}summary{cursor:pointer;color:#1a56c4}
        .notice{padding:10px 12px;border-radius:4px;margin:0 0 12px}
        .notice.ok{background:#e6f4ea;border:1px solid #1e8e3e}.notice.warn{background:#fff8e1;border:1px solid #f9ab00}.notice.bad{background:#fdecea;border:1px solid #d93025}
        .history li{margin-bottom:4px}
        .note{white-space:pre-wrap;word-break:break-word}
        svg{max-width:100%;height:auto;background:#fff}
        @media (max-width:600px){
          main{padding:8px}h1{font-size:18px}
          table.cards thead{display:none}
          table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
          table.cards tr{border:1px solid #dcdfe4;margin-bottom:8px;background:#fff}
          table.cards td{border:0;border-bottom:1px solid #eef0f3;word-break:break-word}
          table.cards tbody th{display:none}
          .top nav a{margin-right:10px}
          table.cards td[data-label]::before{content:attr(data-label)"：";font-weight:bold;color:#555}
        }
        @media print{
          .top,footer,form,.actions,details.form{display:none!important}
          body{background:#fff;font-size:12px}main{max-width:none;padding:0}
          .card,.tile{border-color:#999;break-inside:avoid}
          a{color:#000;text-decoration:none}
        }
        """
}
