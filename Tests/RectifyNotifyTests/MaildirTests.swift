import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

struct MaildirNotifierTests {
    @Test func mails_appearInNew_andParseWithTheirSubject() throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let maildir = directory.appendingPathComponent("Maildir")
        let from = MailAddress("rectifyd@localhost", name: "整改办")
        let notifier = MaildirNotifier(config: MaildirConfig(path: maildir.path, from: from))
        let notices = [Fixtures.notice(id: "M-1"), Fixtures.notice(id: "M-2", entries: [Fixtures.reminder])]

        let results = notifier.deliver(notices)

        #expect(results.map(\.outcome) == [.delivered, .delivered])
        let new = try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path)
            .sorted()
        #expect(new.count == 2)
        #expect(Set(results.map(\.detail)) == Set(new.map { "new/\($0)" }))
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("tmp").path).isEmpty)
        #expect(FileManager.default.fileExists(atPath: maildir.appendingPathComponent("cur").path))
        #expect(new.allSatisfy { !$0.contains("/") && !$0.contains(":") })

        let paths = results.map { maildir.appendingPathComponent($0.detail).path }
        let mails = try Harness.parseMail(paths)
        let renderer = NoticeRenderer(sender: "整改办")
        #expect(mails.map(\.subject) == notices.map { renderer.render($0).subject })
        #expect(mails[1].subject == "【黄色预警】整改事项到期提醒：1项（鹿寨县疾病预防控制中心）")
        #expect(mails.allSatisfy { $0.fromName == "整改办" && $0.defects.isEmpty && !$0.bareLf })
    }

    @Test func recipientThatIsNotAnAddress_isPermanent() throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let notifier = MaildirNotifier(config: MaildirConfig(path: directory.appendingPathComponent("Maildir").path))

        let result = notifier.deliver([Fixtures.notice(recipient: "韦明")])[0]

        guard case .permanent = result.outcome else {
            Issue.record("\(result)")
            return
        }
    }

    @Test func unwritableFolder_isRetryable() throws {
        let notifier = MaildirNotifier(config: MaildirConfig(path: "/proc/rectifyd-maildir"))

        let result = notifier.deliver([Fixtures.notice()])[0]

        guard case .retryable(let error) = result.outcome else {
            Issue.record("\(result)")
            return
        }
        #expect(error.message.contains("/proc/rectifyd-maildir"))
    }
}
