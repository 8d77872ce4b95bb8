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

/// "Each item once": an item under several kinds in one batch (overdue and escalated, overdue
/// and without a report, two milestones missed) is one line, and the count in the title is the
/// number of lines — in every robot's body as posted and in the mail.
struct EachItemOnceTests {
    static func batch() -> [AlertNotice] {
        func entry(_ base: NoticeEntry, _ id: String, _ kind: AlertKind, _ edit: (inout NoticeEntry) -> Void = { _ in }) -> NoticeEntry {
            var e = base
            e.itemID = id
            e.itemTitle = "事项\(id)：完善整改工作机制"
            e.kind = kind
            edit(&e)
            return e
        }
        let a1 = entry(Fixtures.overdue, "A", .overdue)
        let a2 = entry(Fixtures.overdue, "A", .escalation)
        let b1 = entry(Fixtures.overdue, "B", .overdue)
        let b2 = entry(Fixtures.overdue, "B", .stale) { $0.daysSinceUpdate = 30; $0.state = .stale }
        let c1 = entry(Fixtures.reminder, "C", .milestoneMissed) { $0.milestone = "制定方案" }
        let c2 = entry(Fixtures.reminder, "C", .milestoneMissed) { $0.milestone = "完成自查" }
        let c3 = entry(Fixtures.reminder, "C", .reminder)
        let d = entry(Fixtures.reminder, "D", .reminder)
        // Two notices of one evaluation, as a group channel's batch would hold them.
        return [
            AlertNotice(id: "N-1", receiver: "robot", recipient: "robot", entries: [a1, b1, c1, d], createdAt: Fixtures.createdAt),
            AlertNotice(id: "N-2", receiver: "robot", recipient: "robot", entries: [a2, b2, c2, c3], createdAt: Fixtures.createdAt),
        ]
    }

    static func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test(arguments: [
        (RobotKind.wecom, RobotFormat.markdown), (.wecom, .text), (.dingtalk, .markdown), (.dingtalk, .text),
        (.feishu, .card), (.feishu, .post),
    ])
    func robots_countItems_andListEachOnce(kind: RobotKind, format: RobotFormat) throws {
        let messages = RobotDigest(kind: kind, format: format, mentions: true, sender: nil).messages(for: Self.batch())
        let message = try #require(messages.first)
        #expect(messages.count == 1)
        #expect(message.title.contains("：4项"))
        #expect(message.sections.flatMap(\.lines).map(\.itemID).sorted() == ["A", "B", "C", "D"])
        // Section counts add up to the title's.
        let counts = message.sections.map(\.lines.count)
        #expect(counts.reduce(0, +) == 4)
        let body = String(decoding: RobotLayout(kind: kind, format: format, mentions: true).body(message, stamp: nil), as: UTF8.self)
        for id in ["A", "B", "C", "D"] { #expect(Self.occurrences("事项\(id)：完善整改工作机制", in: body) == 1, "\(id) in \(body)") }
        // Every entry is carried, so a retry after a partial send leaves none of them behind.
        #expect(message.keys.count == 8)
        #expect(message.notices == [0, 1])
        // The less urgent facts are said on the item's line.
        let b = try #require(message.sections.flatMap(\.lines).first { $0.itemID == "B" })
        #expect(b.timing == "已逾期126天；已30天未报送进展")
        let c = try #require(message.sections.flatMap(\.lines).first { $0.itemID == "C" })
        #expect(c.timing.contains("制定方案") && c.timing.contains("完成自查"))
    }

    @Test func mail_countsItems_andListsEachOnce() {
        let notice = AlertNotice(
            id: "N-3", receiver: "mail", recipient: "zgb@example.gov.cn", entries: Self.batch().flatMap(\.entries),
            createdAt: Fixtures.createdAt)
        let rendered = NoticeRenderer(sender: nil).render(notice)
        #expect(rendered.subject.contains("：4项"))
        for id in ["A", "B", "C", "D"] {
            #expect(Self.occurrences("事项\(id)：完善整改工作机制", in: rendered.text) == 1)
            #expect(Self.occurrences("事项\(id)：完善整改工作机制", in: rendered.html) == 1)
        }
    }
}
