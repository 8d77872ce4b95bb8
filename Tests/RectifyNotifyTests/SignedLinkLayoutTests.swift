import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

/// A notice with its recipient's signed link: every layout carries the link, and the mail's
/// 请按以下要求办理 points at it instead of shell commands.
struct SignedLinkLayoutTests {
    let link = "https://zgb.example.gov.cn/rectifyd/r/PAYLOAD.SIGNATURE"

    func notice(_ receiver: String = "mail", link: String? = nil) -> AlertNotice {
        var notice = AlertNotice(
            id: "N-1", receiver: receiver, recipient: "zhang@example.gov.cn", recipientName: "张三", entries: [Fixtures.overdue],
            createdAt: Fixtures.createdAt)
        notice.link = link
        notice.linkExpires = link == nil ? nil : Fixtures.createdAt.addingTimeInterval(30 * 86_400)
        return notice
    }

    @Test func mail_pointsAtTheLink_insteadOfCommands() {
        let rendered = NoticeRenderer().render(notice(link: link))
        let steps = rendered.text.components(separatedBy: "请按以下要求办理").last ?? ""
        #expect(steps.contains(link) && steps.contains("链接有效期至"))
        #expect(!rendered.text.contains("rectifyctl progress") && !rendered.text.contains("rectifyctl extend"))
        #expect(rendered.html.contains("href=\"\(link)\""))
    }

    @Test func withoutALink_theCommandsStay() {
        let rendered = NoticeRenderer().render(notice())
        #expect(rendered.text.contains("rectifyctl progress") && !rendered.text.contains("/r/"))
    }

    @Test func webhookPayload_carriesTheLinkAndItsExpiry() throws {
        let n = notice("hook", link: link)
        let payload = WebhookPayload(notice: n, rendered: NoticeRenderer().render(n))
        let json = try JSONSerialization.jsonObject(with: Data(try payload.encoded())) as? [String: Any]
        #expect(json?["link"] as? String == link)
        #expect((json?["link_expires"] as? String)?.hasSuffix("+08:00") == true)
    }

    @Test(arguments: [(RobotKind.wecom, RobotFormat.markdown), (.wecom, .text), (.dingtalk, .markdown), (.feishu, .card), (.feishu, .post)])
    func robots_carryTheLink(kind: RobotKind, format: RobotFormat) {
        let digest = RobotDigest(kind: kind, format: format, mentions: false, sender: nil)
        let layout = RobotLayout(kind: kind, format: format, mentions: false)
        let messages = digest.messages(for: [notice("robot", link: link)])
        #expect(messages.count == 1)
        let body = String(decoding: layout.body(messages[0], stamp: nil), as: UTF8.self)
        #expect(body.contains(link))
    }
}
