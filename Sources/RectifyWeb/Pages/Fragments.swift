import Foundation
import RectifyControl
import RectifyCore

/// Pieces the pages share: state badges, deadlines, history lists, evidence lists.
public enum Fragments {
    public static func badge(state: String, colour: String?) -> String {
        let label = ItemState(rawValue: state)?.chineseLabel ?? state
        let css = state == "done" ? "done" : (colour ?? "")
        return "<span class=\"badge \(css)\">\(HTML.escape(label))</span>"
    }

    public static func deadline(_ item: ItemSummary) -> String {
        guard let deadline = item.deadline else { return "未明确" }
        var text = HTML.escape(deadline.chineseDescription)
        if let original = item.originalDeadline { text += "<br><span class=\"muted\">原定\(HTML.escape(original.chineseDescription))，已延期</span>" }
        return text
    }

    public static func timing(_ item: ItemSummary) -> String {
        if item.state == "done" { return "已完成" }
        if let days = item.daysOverdue { return "已逾期\(days)天" }
        if let days = item.daysLeft { return days <= 1 ? "今日到期" : "剩余\(days)天" }
        return ItemState(rawValue: item.state)?.chineseLabel ?? item.state
    }

    static let kindNames = [
        "progress": "报送进展", "done": "销号", "milestone_done": "节点完成", "extend": "延期", "ack": "知悉", "snooze": "暂停提醒",
        "reopen": "重新打开", "receipt": "签收", "extension_requested": "申请延期", "closure_requested": "申请销号",
        "request_rejected": "申请未获批准", "request_approved": "申请已批准",
    ]

    public static func kindName(_ kind: String) -> String { kindNames[kind] ?? kind }

    /// The audit trail: when, what, who (a socket user, a web account, or the recipient a link
    /// named, with address and user agent), and the note as text.
    public static func history(_ entries: [HistoryEntry], showOrigin: Bool) -> String {
        guard !entries.isEmpty else { return "<p class=\"muted\">暂无记录。</p>" }
        var html = "<ul class=\"history\">"
        for e in entries.reversed() {
            var who = e.user ?? e.uid.map { "uid \($0)" } ?? "—"
            switch e.source {
            case "link": who = "通知收件人 " + who
            case "account": who = "账号 " + who
            default: break
            }
            html += "<li><span class=\"muted\">\(HTML.escape(when(e.at)))</span> <b>\(HTML.escape(kindName(e.kind)))</b> · \(HTML.escape(who))"
            if showOrigin, e.source != nil {
                html += " <span class=\"muted\">（\(HTML.escape(e.address ?? "地址不明"))；\(HTML.escape(String((e.userAgent ?? "").prefix(80)))))</span>"
            }
            if let to = e.details["to"] { html += " · 新时限 \(HTML.escape(to))" }
            if let note = e.note, !note.isEmpty { html += "<div class=\"note\">\(HTML.escape(note))</div>" }
            html += "</li>"
        }
        return html + "</ul>"
    }

    public static func evidence(_ files: [EvidenceEntry], link: (String) -> String) -> String {
        guard !files.isEmpty else { return "" }
        var html = "<ul>"
        for f in files {
            html += "<li><a href=\"\(HTML.escape(link(f.id)))\">\(HTML.escape(f.name))</a> <span class=\"muted\">\(size(f.size)) · \(HTML.escape(when(f.at))) · \(HTML.escape(f.by))</span></li>"
        }
        return html + "</ul>"
    }

    public static func requests(_ list: [RequestEntry]) -> String {
        guard !list.isEmpty else { return "" }
        var html = "<ul>"
        for r in list {
            let what = r.kind == "extend" ? "申请延期至 \(HTML.escape(r.to ?? ""))" : "申请销号"
            let status = ["pending": "待整改办审核", "approved": "已批准", "rejected": "未获批准"][r.status] ?? r.status
            html += "<li>#\(r.id) \(what) · <b>\(status)</b> <span class=\"muted\">\(HTML.escape(when(r.createdAt)))</span>"
            html += "<div class=\"note\">\(HTML.escape(r.note))</div>"
            if let decision = r.decisionNote, !decision.isEmpty {
                html += "<div class=\"note muted\">审核意见（\(HTML.escape(r.decidedBy ?? ""))）：\(HTML.escape(decision))</div>"
            }
            html += "</li>"
        }
        return html + "</ul>"
    }

    /// `2026-11-29T22:11:45+08:00` → `2026-11-29 22:11` (the pages show local times to the minute).
    public static func when(_ iso: String) -> String {
        guard iso.count >= 16, iso.dropFirst(10).first == "T" else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }

    public static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? String(format: "%.1f MB", Double(bytes) / 1048576) : "\(max(1, bytes / 1024)) KB"
    }

    public static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(token))\">"
    }

    public static func message(_ text: String?, kind: String = "ok") -> String {
        guard let text, !text.isEmpty else { return "" }
        return "<div class=\"notice \(kind)\">\(HTML.escape(text))</div>"
    }
}
