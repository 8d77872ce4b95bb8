import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

/// Burst fixtures: `count` items of the seed plan's wording, a third overdue (red), a third
/// yellow, a third green, each with its own id `B-001` … and a phone.
enum RobotFixtures {
    static func entry(_ n: Int) -> NoticeEntry {
        var entry: NoticeEntry
        switch n % 3 {
        case 0: entry = Fixtures.overdue
        case 1: entry = Fixtures.reminder
        default:
            entry = Fixtures.reminder
            entry.colour = .green
            entry.daysLeft = 18
        }
        entry.itemID = String(format: "B-%03d", n)
        entry.itemTitle = "加强实验室生物安全管理，完善检测质量控制体系（第\(n)项）"
        entry.mobiles = ["1380000\(String(format: "%04d", n))"]
        return entry
    }

    /// One notice per item, as 200 outbox records of one evaluation would be.
    static func burst(_ count: Int, receiver: String = "robot") -> [AlertNotice] {
        (1...count).map { n in
            AlertNotice(
                id: String(format: "N-%03d", n), receiver: receiver, recipient: receiver, entries: [entry(n)],
                createdAt: Fixtures.createdAt)
        }
    }

    static func itemIDs(_ count: Int) -> [String] { (1...count).map { String(format: "B-%03d", $0) } }
}

struct RobotDigestTests {
    @Test(arguments: [
        (RobotKind.wecom, RobotFormat.markdown), (.wecom, .text), (.dingtalk, .markdown), (.feishu, .card),
        (.feishu, .post),
    ])
    func burst_isSplitIntoNumberedPartsWithinTheLimit_andNoItemIsLost(kind: RobotKind, format: RobotFormat) throws {
        let digest = RobotDigest(kind: kind, format: format, mentions: true, sender: "鹿寨县疾控中心整改办")
        let layout = RobotLayout(kind: kind, format: format, mentions: true)
        let messages = digest.messages(for: RobotFixtures.burst(200))

        #expect(messages.count > 1)
        var seen: [String] = []
        for (index, message) in messages.enumerated() {
            #expect(layout.measure(message) <= format.byteLimit(kind))
            #expect(message.title.hasPrefix("【红色预警】整改事项督办提醒：200项（鹿寨县疾病预防控制中心）"))
            #expect(message.title.hasSuffix("（\(index + 1)/\(messages.count)）"))
            seen += message.sections.flatMap(\.lines).map(\.itemID)
        }
        #expect(seen.sorted() == RobotFixtures.itemIDs(200))
        // Most urgent first: every red line comes before the first yellow, yellow before green.
        let colours = messages.flatMap { $0.sections.flatMap(\.lines) }.compactMap(\.colour)
        #expect(colours == colours.sorted(by: >))
    }

    @Test func smallBatch_isOneMessageWithoutPartNumber_andCarriesEveryNotice() {
        let digest = RobotDigest(kind: .wecom, format: .markdown, mentions: true, sender: nil)
        let messages = digest.messages(for: RobotFixtures.burst(3))
        #expect(messages.count == 1)
        #expect(messages[0].title == "【红色预警】整改事项督办提醒：3项（鹿寨县疾病预防控制中心）")
        #expect(messages[0].notices == [0, 1, 2])
        #expect(messages[0].sections.map(\.title) == ["一、逾期未完成事项（1项）", "二、即将到期事项（2项）"])
    }

    @Test func sameItemInTwoNotices_isToldOnce_andBothNoticesAreCarried() {
        var older = RobotFixtures.burst(1)[0]
        var newer = older
        newer.id = "N-new"
        newer.entries[0].daysOverdue = 127
        newer.createdAt = older.createdAt.addingTimeInterval(86_400)
        older.entries[0].daysOverdue = 126
        let messages = RobotDigest(kind: .dingtalk, format: .markdown, mentions: true, sender: nil)
            .messages(for: [older, newer])
        #expect(messages.count == 1)
        #expect(messages[0].sections.flatMap(\.lines).count == 1)
        #expect(messages[0].sections[0].lines[0].facts.contains("已逾期127天"))
        #expect(messages[0].notices == [0, 1])
    }

    @Test func wecomMarkdown_coloursEachLine_andDingTalkMentionsInText() throws {
        let notices = [Fixtures.notice()]
        let wecom = RobotLayout(kind: .wecom, format: .markdown, mentions: true)
        let message = try #require(RobotDigest(kind: .wecom, format: .markdown, mentions: true, sender: "整改办").messages(for: notices).first)
        let content = wecom.content(message)
        #expect(content.hasPrefix("### 【红色预警】整改事项督办提醒：3项（鹿寨县疾病预防控制中心）\n> 截至2026年5月6日 09:00（北京时间）"))
        #expect(content.contains("<font color=\"warning\">🔴红色预警</font> **3-2** 全力以赴提高实验室检测能力"))
        #expect(content.contains("<font color=\"comment\">🟡黄色预警</font> **4-1**"))
        #expect(content.contains("2026年4月底（原定2026年3月底，已延期）｜已逾期6天｜检验科（韦明）"))

        let ding = RobotLayout(kind: .dingtalk, format: .markdown, mentions: true)
        let dingMessage = try #require(RobotDigest(kind: .dingtalk, format: .markdown, mentions: true, sender: nil).messages(for: notices).first)
        let body = try JSONSerialization.jsonObject(with: Data(ding.body(dingMessage, stamp: nil))) as! [String: Any]
        #expect((body["at"] as! [String: Any])["atMobiles"] as? [String] == ["13800000001"])
        #expect(((body["markdown"] as! [String: Any])["text"] as! String).contains("@13800000001"))
        #expect(((body["markdown"] as! [String: Any])["text"] as! String).contains("<font color=\"#d93025\">🔴红色预警</font>"))
    }

    @Test func feishuCard_headerTemplateFollowsTheColour_andSignsInTheBody() throws {
        let layout = RobotLayout(kind: .feishu, format: .card, mentions: true)
        var notice = Fixtures.notice(entries: [Fixtures.reminder])
        notice.entries[0].colour = .yellow
        let message = try #require(RobotDigest(kind: .feishu, format: .card, mentions: true, sender: nil).messages(for: [notice]).first)
        let stamp = RobotStamp(timestamp: "1778029200", sign: "abc=")
        let body = try JSONSerialization.jsonObject(with: Data(layout.body(message, stamp: stamp))) as! [String: Any]
        #expect(body["msg_type"] as? String == "interactive")
        #expect(body["timestamp"] as? String == "1778029200")
        #expect(body["sign"] as? String == "abc=")
        let header = (body["card"] as! [String: Any])["header"] as! [String: Any]
        #expect(header["template"] as? String == "yellow")
        #expect((header["title"] as! [String: Any])["content"] as? String == "【黄色预警】整改事项到期提醒：1项（鹿寨县疾病预防控制中心）")
    }

    @Test func replies_areClassifiedByTheirCode_evenWithHTTP200() throws {
        let throttled = try #require(RobotReply(Array(#"{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}"#.utf8)))
        #expect(throttled.isThrottle(.dingtalk) && !throttled.isSuccess)
        let badSign = try #require(RobotReply(Array(#"{"errcode":310000,"errmsg":"sign not match"}"#.utf8)))
        #expect(!badSign.isThrottle(.dingtalk) && !badSign.isSuccess)
        let feishuOK = try #require(RobotReply(Array(#"{"StatusCode":0,"StatusMessage":"success","code":0,"msg":"success"}"#.utf8)))
        #expect(feishuOK.isSuccess)
        let feishuRate = try #require(RobotReply(Array(#"{"code":11232,"msg":"frequency limited psm[x]"}"#.utf8)))
        #expect(feishuRate.isThrottle(.feishu))
        #expect(RobotReply(Array("<html>".utf8)) == nil)
    }

    @Test func rateWindow_allowsTheLimitPerSlidingWindow_notTwiceIt() {
        let window = RateWindow(RateLimit(perWindow: 20, window: 60), margin: 1)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for i in 0..<20 { #expect(window.acquire(at: start.addingTimeInterval(Double(i))) == .send) }
        #expect(window.acquire(at: start.addingTimeInterval(30)) == .exhausted(until: start.addingTimeInterval(61)))
        #expect(window.acquire(at: start.addingTimeInterval(61)) == .send)
        #expect(window.acquire(at: start.addingTimeInterval(61.5)) == .exhausted(until: start.addingTimeInterval(62)))

        let feishu = RateWindow(RateLimit(perWindow: 100, window: 60, perSecond: 5), margin: 0)
        for _ in 0..<5 { #expect(feishu.acquire(at: start) == .send) }
        guard case .wait(let seconds) = feishu.acquire(at: start.addingTimeInterval(0.2)) else {
            Issue.record("the sixth message in one second must wait")
            return
        }
        #expect(abs(seconds - 0.8) < 0.001)
    }
}
