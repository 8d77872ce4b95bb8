import Foundation
import Testing

@testable import RectifyStore

struct LogEntryJSONTests {
    static let entries = [
        LogEntry(
            receiver: "mail", recipient: "zgb@example.gov.cn", alertKey: "overdue", planID: "bench", itemID: "7",
            kind: "overdue", fingerprint: "2026-06-08", sentAt: Date(timeIntervalSince1970: 1_790_000_000.25),
            noticeID: "N-20261129-0001"),
        LogEntry(
            receiver: "robot/群", recipient: "韦明 \"组长\"\\\n\t\u{1}", alertKey: "reminder:10", planID: "p/2",
            itemID: "一、3", kind: "reminder", fingerprint: "", sentAt: Date(timeIntervalSinceReferenceDate: 0),
            noticeID: ""),
    ]

    @Test func ourBytes_readBackTheSame_byBothReaders() throws {
        for entries in [[], Self.entries] {
            let bytes = LogEntryJSON.encode(entries)
            #expect(try LogEntryJSON.decode(bytes) == entries)
            #expect(try JSONDecoder().decode([LogEntry].self, from: bytes) == entries)
        }
    }

    /// One notice's entries (one receiver, recipient, notice and time) are kept compact: keys of
    /// the usual `plan/item/kind` shape, another tail, and a key of its own all read back.
    @Test func oneNoticesEntries_areCompact_andReadBackTheSame() throws {
        let at = Date(timeIntervalSinceReferenceDate: 817_684_462.4913554)
        func entry(_ key: String, _ plan: String, _ item: String, _ kind: String, _ fingerprint: String) -> LogEntry {
            LogEntry(
                receiver: "mail", recipient: "韦明 \"组长\"", alertKey: key, planID: plan, itemID: item, kind: kind,
                fingerprint: fingerprint, sentAt: at, noticeID: "fc53c97c-81e4-45a4-b815-078c55a39fe9")
        }
        let entries = [
            entry("bench/0/escalation", "bench", "0", "escalation", "2026-06-01"),
            entry("p/2/一、3/reminder:10", "p/2", "一、3", "reminder", ""),
            entry("digest", "*", "*", "digest", "2026-W48"),
            entry("weekly", "p", "1", "weekly", "\n\"\\"),
            entry("p/1/", "p", "1", "", ""),
        ]
        let bytes = LogEntryJSON.encode(entries)
        #expect(bytes.count < 500)
        #expect(try LogEntryJSON.decode(bytes) == entries)
        #expect(try LogEntryJSON.decode(LogEntryJSON.encode(Array(entries.prefix(1)))) == Array(entries.prefix(1)))
        // Damaged compact bytes say so; they are not read as something else.
        #expect(throws: (any Error).self) { try LogEntryJSON.decode(Data(#"{"receiver":"mail","entries":[["p"]]}"#.utf8)) }
    }

    @Test func whatJSONEncoderStored_readsTheSame() throws {
        // Outbox rows written before this reader: the generic encoder's bytes.
        let stored = try StateStore.encoder.encode(Self.entries)
        #expect(try LogEntryJSON.decode(stored) == Self.entries)
    }

    @Test func somethingUnexpected_isLeftToTheGenericDecoder() throws {
        // A field this reader does not know: JSONDecoder ignores it, so the record still reads.
        let text = #"[{"receiver":"mail","recipient":"a@b.cn","alert_key":"overdue","plan_id":"p","item_id":"1","#
            + #""kind":"overdue","fingerprint":"f","sent_at":0,"notice_id":"N-1","added_later":true}]"#
        let entries = try LogEntryJSON.decode(Data(text.utf8))
        #expect(entries.count == 1 && entries[0].noticeID == "N-1")
    }

    @Test func aNoticesKindsAndItems_readBackAsWritten() throws {
        let kinds = ["overdue", "stale", "韦\"明\n"]
        let items = [
            NoticeRecord.ItemRef(plan: "bench", item: "7"), NoticeRecord.ItemRef(plan: "p/2", item: "一、3 \"\\\t\u{1}"),
        ]
        for kinds in [[], kinds] {
            #expect(StateStore.json(kinds) == String(decoding: try StateStore.encoder.encode(kinds), as: UTF8.self))
        }
        for items in [[], items] {
            #expect(try JSONDecoder().decode([NoticeRecord.ItemRef].self, from: Data(StateStore.json(items).utf8)) == items)
        }
    }
}
