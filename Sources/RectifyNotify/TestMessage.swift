import Foundation
import RectifyCore

/// The message `rectifyctl test-receiver` sends: a notice that carries a short text of its own
/// (as the weekly report does), marked as a test in its subject and first line, naming the
/// receiver, when and who asked for it, and saying nothing needs doing. Every channel sends it
/// the way it sends real notices (mail, webhook JSON, robot message).
public enum TestMessage {
    /// Notice ids of test messages start with this (never an outbox row).
    public static let idPrefix = "test-"

    public static func notice(
        receiver: String, type: String, recipient: String, language: String, timeZone: TimeZone, at now: Date,
        requestedBy: String
    ) -> AlertNotice {
        let phrases = NoticeLanguage(tag: language)
        let time = LocalTime(now, in: timeZone)
        let zone = phrases.zoneName(ZoneNames.isBeijing(timeZone.identifier), time.offsetText(colon: true))
        let subject = phrases.testSubject(receiver)
        let lines = [phrases.testBody(receiver, type), phrases.testSentAt(phrases.day(time.date), time.clock, zone), phrases.testRequestedBy(requestedBy)]
        let text = ([subject, ""] + lines).joined(separator: "\n") + "\n"
        let html =
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(HTMLLayout.escape(subject))</title></head><body>"
            + "<p><strong>\(HTMLLayout.escape(subject))</strong></p>"
            + lines.map { "<p>\(HTMLLayout.escape($0))</p>" }.joined() + "</body></html>\n"
        let markdown = (["**\(subject)**", ""] + lines).joined(separator: "\n\n")
        return AlertNotice(
            id: idPrefix + UUID().uuidString.lowercased(), receiver: receiver, recipient: recipient, entries: [],
            createdAt: now, timeZone: timeZone.identifier, language: phrases.rawValue,
            report: NoticeReport(subject: subject, text: text, html: html, markdown: markdown))
    }
}

/// The test message's words, beside the notices' (`NoticeLanguage`).
extension NoticeLanguage {
    func testSubject(_ receiver: String) -> String {
        switch self {
        case .zh: return "【测试】rectifyd 接收端“\(receiver)”测试消息"
        case .en: return "[TEST] rectifyd test message through receiver '\(receiver)'"
        }
    }

    func testBody(_ receiver: String, _ type: String) -> String {
        switch self {
        case .zh: return "这是 rectifyd 发出的一条测试消息，用来确认接收端“\(receiver)”（\(type)）能把督办通知送到这里。收到即说明配置可用，无需处理，也无需回复。"
        case .en:
            return "This is a test message from rectifyd, to check that receiver '\(receiver)' (\(type)) delivers its notices here. Nothing needs doing; there is no need to reply."
        }
    }

    func testSentAt(_ day: String, _ clock: String, _ zone: String) -> String {
        switch self {
        case .zh: return "发送时间：\(day) \(clock)（\(zone)）"
        case .en: return "Sent: \(day) \(clock) (\(zone))"
        }
    }

    func testRequestedBy(_ who: String) -> String {
        switch self {
        case .zh: return "发起：rectifyctl test-receiver（\(who)）"
        case .en: return "Requested with rectifyctl test-receiver (\(who))"
        }
    }
}
