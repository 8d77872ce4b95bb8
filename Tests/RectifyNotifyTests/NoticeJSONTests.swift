import Foundation
import RectifyCore
import Testing

@testable import RectifyNotify

struct NoticeJSONTests {
    /// A notice with every field the outbox keeps, odd text included.
    static var everything: AlertNotice {
        var notice = Fixtures.notice()
        notice.entries[0].note = "已说明：\"资金\"\\未到位\n第二行\t"
        notice.entries[0].mobiles = ["13800000011", "13800000012"]
        notice.entries[1].evidence = Evidence(text: "见台账", line: nil, cell: "台账!H5")
        notice.link = "https://zgb.example.cn/n/abc?sig=x"
        notice.linkExpires = Date(timeIntervalSince1970: 1_790_000_000.25)
        notice.intendedFor = ["韦明 <weiming@lzcdc.example.cn>"]
        notice.part = NoticePart(number: 2, count: 3, items: 451)
        return notice
    }

    @Test func ourBytes_readBackTheSame_byBothReaders() throws {
        for notice in [Fixtures.notice(), Self.everything] {
            let bytes = NoticeJSON.encode(notice)
            #expect(try NoticeJSON.decode(bytes) == notice)
            #expect(try JSONDecoder().decode(AlertNotice.self, from: bytes) == notice)
        }
    }

    @Test func whatJSONEncoderStored_readsTheSame() throws {
        // Outbox rows written before this reader: the generic encoder's bytes, keys in its order.
        for notice in [Fixtures.notice(), Self.everything] {
            let stored = try JSONEncoder().encode(notice)
            #expect(try NoticeJSON.decode(stored) == notice)
        }
    }

    @Test func somethingUnexpected_isLeftToTheGenericDecoder() throws {
        var notice = Self.everything
        notice.report = NoticeReport(subject: "周报", text: "正文", html: "<p>正文</p>", markdown: "正文")
        #expect(try NoticeJSON.decode(NoticeJSON.encode(notice)) == notice)
        #expect(throws: (any Error).self) { try NoticeJSON.decode(Data("{\"id\": 1}".utf8)) }
    }
}
