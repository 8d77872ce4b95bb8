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

    @Test func ourBytes_readBackTheSame() throws {
        for notice in [Fixtures.notice(), Self.everything] {
            #expect(try NoticeJSON.decode(NoticeJSON.encode(notice)) == notice)
            // Written whole (nothing shared), they are what JSONEncoder makes: both readers read them.
            let whole = NoticeJSON.encode(notice, shared: false)
            #expect(try NoticeJSON.decode(whole) == notice)
            #expect(try JSONDecoder().decode(AlertNotice.self, from: whole) == notice)
        }
    }

    @Test func sharedValues_areWrittenOnce_andFilledInWhenRead() throws {
        var otherTitle = Fixtures.overdue
        otherTitle.planTitle = "鹿寨县疾病预防控制中心整改方案（修订）"  // the same plan, titled otherwise (a reload between)
        var otherPlan = Fixtures.reminder
        (otherPlan.planID, otherPlan.planTitle, otherPlan.unit) = ("lz-hospital", "县人民医院整改方案", "鹿寨县人民医院")
        var ownEvidence = Fixtures.overdue
        ownEvidence.evidence = Evidence(text: "见台账", cell: "台账!H5")
        var noDeadline = Fixtures.reminder
        noDeadline.deadline = nil
        noDeadline.evidence = Evidence(text: "长期坚持", line: 9)
        let notice = Fixtures.notice(entries: [Fixtures.overdueExtended, otherTitle, otherPlan, ownEvidence, noDeadline, Fixtures.overdue])
        let bytes = NoticeJSON.encode(notice)
        #expect(try NoticeJSON.decode(bytes) == notice)
        let text = String(decoding: bytes, as: UTF8.self)
        // Each plan's title once in `plans`, the other title in the one entry that has it.
        #expect(text.components(separatedBy: Fixtures.planTitle).count - 1 == 1)
        #expect(text.components(separatedBy: "县人民医院整改方案").count - 1 == 1)
        #expect(text.components(separatedBy: "整改方案（修订）").count - 1 == 1)
        // Three entries have that deadline: its phrase once each, not again as their evidence.
        #expect(text.components(separatedBy: "2025年底前完成").count - 1 == 3)
        #expect(text.contains("见台账") && text.contains("长期坚持"))
        #expect(bytes.count < NoticeJSON.encode(notice, shared: false).count)
    }

    @Test func anEntryLeavingOutWhatNothingGives_isNotRead() {
        // No `plans` for the entry's plan, or an evidence without text and no deadline to take it from.
        let noPlan = #"{"id":"n","receiver":"r","recipient":"a","entries":[{"kind":"overdue","planID":"p","itemID":"1","itemTitle":"t","state":"overdue","mobiles":[]}],"createdAt":0,"timeZone":"Asia/Shanghai","language":"zh"}"#
        let noText = #"{"id":"n","receiver":"r","recipient":"a","plans":[{"id":"p","title":"T","unit":"U"}],"entries":[{"kind":"overdue","planID":"p","itemID":"1","itemTitle":"t","state":"overdue","mobiles":[],"evidence":{"line":3}}],"createdAt":0,"timeZone":"Asia/Shanghai","language":"zh"}"#
        #expect(throws: (any Error).self) { try NoticeJSON.decode(Data(noPlan.utf8)) }
        #expect(throws: (any Error).self) { try NoticeJSON.decode(Data(noText.utf8)) }
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
