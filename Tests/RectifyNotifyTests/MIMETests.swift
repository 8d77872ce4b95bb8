import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

struct EncodedWordTests {
    /// Decodes one `=?UTF-8?B?…?=` word strictly; nil when it is not valid UTF-8 on its own.
    private func decode(_ word: String) -> String? {
        guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return nil }
        let payload = String(word.dropFirst(10).dropLast(2))
        guard let data = Data(base64Encoded: payload) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    @Test func longChineseSubject_wordsFitAndNeverSplitACharacter() {
        let subject = "【红色预警】整改事项逾期提醒：12项（鹿寨县疾病预防控制中心等3个单位）关于县委第二巡察组反馈意见整改落实情况的督办通知🚨👩‍👩‍👧"
        let words = EncodedWord.words(subject, firstLineUsed: "Subject: ".count)
        #expect(words.count > 3)
        #expect(words.allSatisfy { $0.count <= 75 })
        #expect("Subject: ".count + words[0].count <= 76)
        let decoded = words.map(decode)
        #expect(decoded.allSatisfy { $0 != nil }, "every word decodes on its own")
        #expect(decoded.compactMap { $0 }.joined() == subject)
    }

    @Test func wordsUseTheRoomTheyHave() {
        // 45 bytes = 60 base64 characters = the most a 75-character word can carry.
        let words = EncodedWord.words(String(repeating: "督", count: 30), firstLineUsed: 1)
        #expect(words.map(\.count) == [72, 72])
    }

    @Test func plainASCIISubject_staysReadable() {
        #expect(
            MIMEBuilder.subjectHeader("Rectification items overdue: 3") == "Subject: Rectification items overdue: 3")
        #expect(MIMEBuilder.subjectHeader("=?not an encoded word?=").contains("=?UTF-8?B?"))
    }

    @Test func lineBreaksInASubject_cannotInjectHeaders() {
        let header = MIMEBuilder.subjectHeader("hello\r\nBcc: victim@example.com")
        #expect(!header.contains("\r\nBcc"))
    }

    @Test func displayName_isEncodedWhenNotASCII_andQuotedWhenSpecial() {
        #expect(MailAddress("a@b.cn", name: "整改办").headerValue(firstLineUsed: 6) == "=?UTF-8?B?5pW05pS55Yqe?= <a@b.cn>")
        #expect(MailAddress("a@b.cn", name: "Office, CDC").headerValue(firstLineUsed: 6) == "\"Office, CDC\" <a@b.cn>")
        #expect(MailAddress("a@b.cn").headerValue(firstLineUsed: 6) == "a@b.cn")
    }

    @Test func addresses_withLineBreaksOrBracketsAreRefused() {
        #expect(MailAddress("weiming@lzcdc.example.cn").isValid)
        #expect(!MailAddress("a@b.cn\r\nBcc: x@y.z").isValid)
        #expect(!MailAddress("<a@b.cn>").isValid)
        #expect(!MailAddress("韦明").isValid)
        #expect(!MailAddress("a@@b").isValid)
    }
}

struct Base64Tests {
    @Test func matchesFoundation_forEveryPaddingCase() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64.encode(bytes) == Data(bytes).base64EncodedString())
        }
    }

    @Test func wrappedBody_matchesFoundation_atEveryLength() {
        for length in 0..<400 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
            let expected = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            #expect(Base64.wrapped(bytes) == (expected.isEmpty ? "" : expected + "\r\n"), "\(length)")
        }
    }

    @Test func wrappedBody_hasLinesOf76EndingInCRLF() {
        let text = String(repeating: "整改事项逾期提醒，请及时报送进展。", count: 40)
        let wrapped = Base64.wrapped(Array(text.utf8))
        let lines = wrapped.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(lines.dropLast().dropLast().allSatisfy { $0.count == 76 })
        #expect(lines.dropLast().allSatisfy { $0.count <= 76 && !$0.contains("\n") })
        let decoded = Data(base64Encoded: lines.joined())
        #expect(decoded.map { String(decoding: $0, as: UTF8.self) } == text)
    }
}

struct LineEndTests {
    /// Every LF not after a CR gets one; CRLF and a lone CR stay; at the ends too.
    @Test func everyBareLFGetsItsCR() {
        func reference(_ text: String) -> [UInt8] {
            var out: [UInt8] = []
            var previous: UInt8 = 0
            for byte in text.utf8 {
                if byte == 0x0A && previous != 0x0D { out.append(0x0D) }
                out.append(byte)
                previous = byte
            }
            return out
        }
        let cases = [
            "", "\n", "\r", "\r\n", "a", "a\n", "\na", "\n\n", "\r\r\n\n", "整改\n进展\r\n报送\r未完\n",
            String(repeating: "第1项：逾期\n", count: 50) + "末行", "no line end at all",
        ]
        for text in cases {
            #expect(MIMEBuilder.normalisedLineEnds(text) == reference(text), "\(text.debugDescription)")
        }
    }
}

struct MIMEMessageTests {
    let from = MailAddress("zgb@lzcdc.example.cn", name: "鹿寨县疾病预防控制中心整改工作领导小组办公室")

    @Test func noticeMail_isMultipartAlternativeThatPythonDecodes() throws {
        let notice = Fixtures.notice()
        let renderer = NoticeRenderer(sender: from.name)
        let rendered = renderer.render(notice)
        let bytes = try NoticeMail.bytes(for: notice, from: from, renderer: renderer)
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mail.eml")
        try Data(bytes).write(to: path)

        let mail = try #require(try Harness.parseMail([path.path]).first)
        #expect(mail.subject == rendered.subject)
        #expect(mail.subject == "【红色预警】整改事项督办提醒：3项（鹿寨县疾病预防控制中心）")
        #expect(mail.fromDecoded == "鹿寨县疾病预防控制中心整改工作领导小组办公室 <zgb@lzcdc.example.cn>")
        #expect(mail.fromAddress == "zgb@lzcdc.example.cn")
        #expect(mail.to == ["weiming@lzcdc.example.cn"])
        #expect(mail.toNames == ["韦明"])
        #expect(mail.date == "2026-05-06T09:00:00+08:00")
        #expect(mail.messageId == "<rectifyd.N-20260506-0001@lzcdc.example.cn>")
        #expect(mail.mimeVersion == "1.0")
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(mail.parts.allSatisfy { $0.charset == "utf-8" && $0.transferEncoding == "base64" })
        #expect(mail.part("text/plain")?.body.replacingOccurrences(of: "\r\n", with: "\n") == rendered.text)
        #expect(mail.part("text/html")?.body.replacingOccurrences(of: "\r\n", with: "\n") == rendered.html)
        #expect(mail.defects.isEmpty)
        #expect(!mail.bareLf, "every line ends in CRLF")
        #expect(mail.maxHeaderLineLength <= 76)
        #expect(mail.maxLineLength <= 78)
        #expect(!mail.encodedWordLengths.isEmpty && mail.encodedWordLengths.allSatisfy { $0 <= 75 })
        #expect(mail.encodedWordsStandalone)
    }

    @Test func sameNotice_buildsTheSameBytes() throws {
        let renderer = NoticeRenderer()
        let a = try NoticeMail.bytes(for: Fixtures.notice(), from: from, renderer: renderer)
        let b = try NoticeMail.bytes(for: Fixtures.notice(), from: from, renderer: renderer)
        #expect(a == b)
    }

    @Test func recipientThatIsNotAnAddress_isRefused() {
        #expect(throws: DeliveryError.self) {
            try NoticeMail.bytes(for: Fixtures.notice(recipient: "韦明"), from: from, renderer: NoticeRenderer())
        }
    }
}
