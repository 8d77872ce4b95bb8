import Foundation
import GRDB
import Testing

@testable import RectifyStore

/// The state database on real temporary SQLite files: outbox, delivery history and its item
/// index, totals that survive pruning, retention, and the v1 → v2 migration.
struct StateStoreTests {
    /// A fresh database in its own temporary directory, removed when the test ends.
    final class TemporaryStore {
        let directory: URL
        let store: StateStore

        init(setUp: ((DatabasePool) throws -> Void)? = nil) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("rectifyd-store-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("state.sqlite").path
            if let setUp {
                let pool = try DatabasePool(path: path)
                try setUp(pool)
                try pool.close()
            }
            store = try StateStore(path: path)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func log(_ item: String, key: String, at: Date) -> LogEntry {
        LogEntry(
            receiver: "mail", recipient: "a@example.gov.cn", alertKey: "p/\(item)/\(key)", planID: "p", itemID: item,
            kind: "overdue", fingerprint: "2026-05-01", sentAt: at, noticeID: "n-\(item)")
    }

    static func record(_ id: String, items: [String], at: Date) -> OutboxRecord {
        OutboxRecord(
            id: id, receiver: "mail", recipient: "a@example.gov.cn", notice: Data("{}".utf8),
            logEntries: items.map { log($0, key: "overdue", at: at) }, createdAt: at, nextAttemptAt: at)
    }

    static func attempt(_ record: OutboxRecord, outcome: String, at: Date, duration: Double = 0.5) -> DeliveryRecord {
        DeliveryRecord(
            noticeID: record.id, receiver: record.receiver, recipient: record.recipient, attempt: record.attempts + 1, at: at,
            outcome: outcome, detail: nil, duration: duration, items: record.logEntries.map { "p/\($0.itemID)" })
    }

    @Test func outboxRecord_isDueThenConfirmed_andWritesTheLogInOneStep() throws {
        let db = try TemporaryStore()
        let r = Self.record("n1", items: ["1", "2"], at: Self.t0)
        try db.store.enqueue([r])
        #expect(try db.store.dueOutbox(at: Self.t0).map(\.id) == ["n1"])
        #expect(try db.store.dueOutbox(at: Self.t0.addingTimeInterval(-1)).isEmpty)
        #expect(try db.store.queuedLogEntries().count == 2)
        try db.store.confirmDelivery(of: r, attempt: Self.attempt(r, outcome: "delivered", at: Self.t0), sentAt: Self.t0)
        #expect(try db.store.outbox().isEmpty)
        #expect(try db.store.notificationLog().map(\.itemID).sorted() == ["1", "2"])
        #expect(try db.store.queuedLogEntries().isEmpty)
    }

    /// A delivery's items are found through its notice's items; only what the notice does not
    /// name gets rows of its own in `delivery_items`. Failed attempts are found the same way.
    @Test func anItemsDeliveries_comeThroughItsNoticesItems() throws {
        let db = try TemporaryStore()
        func notice(_ id: String, _ items: [String]) -> NoticeRecord {
            NoticeRecord(
                id: id, receiver: "mail", recipient: "a@example.gov.cn", items: items.map { NoticeRecord.ItemRef(plan: "p", item: $0) },
                createdAt: Self.t0)
        }
        let r1 = Self.record("n1", items: ["1", "2"], at: Self.t0), r2 = Self.record("n2", items: ["2", "x/3"], at: Self.t0)
        // n2's notice names only item 2: its delivery of x/3 is indexed on its own.
        try db.store.enqueue([r1, r2], notices: [notice("n1", ["1", "2"]), notice("n2", ["2"])])
        try db.store.recordFailure(of: r1, attempt: Self.attempt(r1, outcome: "retryable", at: Self.t0), nextAttemptAt: Self.t0)
        try db.store.confirmDelivery(of: r1, attempt: Self.attempt(r1, outcome: "delivered", at: Self.t0), sentAt: Self.t0)
        try db.store.confirmDelivery(of: r2, attempt: Self.attempt(r2, outcome: "delivered", at: Self.t0), sentAt: Self.t0)
        #expect(try db.store.deliveries(item: "p/1").map(\.outcome) == ["delivered", "retryable"])
        #expect(try db.store.deliveries(item: "p/2").map(\.noticeID) == ["n2", "n1", "n1"])
        #expect(try db.store.deliveries(item: "p/x/3").map(\.noticeID) == ["n2"])
        #expect(try db.store.deliveries(item: "p/3").isEmpty)
        let indexed = try db.store.pool.read { try String.fetchAll($0, sql: "SELECT item FROM delivery_items") }
        #expect(indexed == ["p/x/3"])
        // Pruned deliveries are gone from both paths.
        #expect(try db.store.prune(RetentionPolicy(deliveries: 86_400, notificationLog: 86_400), at: Self.t0.addingTimeInterval(2 * 86_400)).deliveries == 3)
        #expect(try db.store.deliveries(item: "p/2").isEmpty && db.store.deliveries(item: "p/x/3").isEmpty)
    }

    /// A database from before the notice items were kept by item keeps them (v4).
    @Test func aVersion3Database_keepsItsNoticeItems() throws {
        let db = try TemporaryStore { pool in
            try StateStore.migrator.migrate(pool, upTo: "v3-web-notices-requests-evidence")
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO notices (id, receiver, recipient, items, created_at) VALUES ('a', 'mail', 'x@y', '[]', 1), ('b', 'mail', 'x@y', '[]', 2);
                        INSERT INTO notice_items (notice_id, plan_id, item_id) VALUES ('a', 'p', '1'), ('b', 'p', '1'), ('b', 'p', '2');
                        """)
            }
        }
        #expect(try db.store.notices(plan: "p", item: "1").map(\.id) == ["b", "a"])
        #expect(try db.store.notices(plan: "p", item: "2").map(\.id) == ["b"])
    }

    /// A delivery marked sent is no longer pending — not due, not counted — at once (its entries
    /// stay known as queued until the fold);
    /// its log and history are written by the fold, once, or when the store opens after a crash.
    @Test func aMarkedDelivery_isNeverPendingAgain_andIsFoldedOnce_evenAfterACrash() throws {
        let db = try TemporaryStore()
        let r1 = Self.record("n1", items: ["1", "2"], at: Self.t0), r2 = Self.record("n2", items: ["3"], at: Self.t0)
        try db.store.enqueue([r1, r2])
        let sent = Self.t0.addingTimeInterval(5)
        try db.store.markDelivered(r1, attempt: Self.attempt(r1, outcome: "delivered", at: sent))
        #expect(try db.store.dueOutbox(at: sent).map(\.id) == ["n2"])
        #expect(try db.store.receiversDue(at: sent) == ["mail"])
        #expect(try db.store.outboxCounts() == (1, 0))
        // The ledger still knows the marked one's entries (sent, not yet in the log).
        #expect(try db.store.queuedLogEntries().map(\.itemID).sorted() == ["1", "2", "3"])
        #expect(try db.store.queuedLogEntries().filter { $0.itemID != "3" }.allSatisfy { $0.sentAt == sent })
        #expect(try db.store.outbox().map(\.id) == ["n2"])
        #expect(try db.store.notificationLog().isEmpty)
        // A crash now: the store opened again folds the mark.
        let again = try StateStore(path: db.store.path)
        #expect(try again.notificationLog().map(\.itemID).sorted() == ["1", "2"])
        #expect(try again.notificationLog().allSatisfy { $0.sentAt == sent })
        #expect(try again.deliveries().map(\.noticeID) == ["n1"])
        #expect(try again.deliveries().first?.items == ["p/1", "p/2"])
        #expect(try again.dueOutbox(at: sent).map(\.id) == ["n2"])
        // Folding again changes nothing: no second attempt, no second count.
        #expect(try again.foldDelivered() == 0)
        #expect(try db.store.foldDelivered() == 0)
        #expect(try again.deliveryTotals().first?.count == 1)
        try again.markDelivered(r2, attempt: Self.attempt(r2, outcome: "delivered", at: sent))
        #expect(try again.foldDelivered() == 1)
        #expect(try again.outboxCounts() == (0, 0) && again.outbox().isEmpty)
        #expect(try again.deliveries(item: "p/3").map(\.noticeID) == ["n2"])
    }

    /// The log keeps one row per receiver, recipient and key: a later send replaces it whole;
    /// text is kept as written (empty, Chinese, quotes), never as NULL.
    @Test func theLog_keepsTheLatestSendPerKey_andTextAsWritten() throws {
        let db = try TemporaryStore()
        func entry(_ fingerprint: String, notice: String) -> LogEntry {
            LogEntry(
                receiver: "robot/群", recipient: "韦明 \"组长\"", alertKey: "p/一、3/reminder:10", planID: "p", itemID: "一、3",
                kind: "reminder", fingerprint: fingerprint, sentAt: Self.t0, noticeID: notice)
        }
        for (n, fingerprint) in ["", "2026-05-01"].enumerated() {
            let r = OutboxRecord(
                id: "n\(n)", receiver: "robot/群", recipient: "韦明 \"组长\"", notice: Data("{}".utf8),
                logEntries: [entry(fingerprint, notice: "n\(n)")], createdAt: Self.t0, nextAttemptAt: Self.t0)
            try db.store.enqueue([r])
            let at = Self.t0.addingTimeInterval(Double(n))
            try db.store.confirmDelivery(of: r, attempt: Self.attempt(r, outcome: "delivered", at: at), sentAt: at)
            var expected = entry(fingerprint, notice: "n\(n)")
            expected.sentAt = at
            #expect(try db.store.notificationLog() == [expected])
        }
    }

    @Test func failedAttempts_scheduleTheNext_orFailForGood_andCanBeRetried() throws {
        let db = try TemporaryStore()
        let r = Self.record("n1", items: ["1"], at: Self.t0)
        try db.store.enqueue([r])
        let later = Self.t0.addingTimeInterval(30)
        try db.store.recordFailure(of: r, attempt: Self.attempt(r, outcome: "retryable", at: Self.t0), nextAttemptAt: later)
        #expect(try db.store.nextOutboxAttempt(after: Self.t0) == later)
        #expect(try db.store.dueOutbox(at: Self.t0).isEmpty)
        try db.store.recordFailure(of: r, attempt: Self.attempt(r, outcome: "permanent", at: later), nextAttemptAt: nil)
        #expect(try db.store.outboxCounts() == (0, 1))
        #expect(try db.store.retryFailed(at: later) == 1)
        #expect(try db.store.outboxCounts() == (1, 0))
    }

    @Test func outboxSchedule_givesTheDueReceivers_theEarliestPending_andTheEarliestToCome() throws {
        let db = try TemporaryStore()
        #expect(try db.store.outboxSchedule(at: Self.t0) == OutboxSchedule(due: [], pending: nil, future: nil))
        let due = Self.record("n1", items: ["1"], at: Self.t0)
        let retry = Self.record("n2", items: ["2"], at: Self.t0)
        var sent = Self.record("n3", items: ["3"], at: Self.t0.addingTimeInterval(-60))
        sent.receiver = "hook"
        let failed = Self.record("n4", items: ["4"], at: Self.t0.addingTimeInterval(-120))
        try db.store.enqueue([retry, sent, failed])
        let later = Self.t0.addingTimeInterval(30)
        try db.store.recordFailure(of: retry, attempt: Self.attempt(retry, outcome: "retryable", at: Self.t0), nextAttemptAt: later)
        try db.store.recordFailure(of: failed, attempt: Self.attempt(failed, outcome: "permanent", at: Self.t0), nextAttemptAt: nil)
        // Marked sent (not yet folded) and failed rows are not pending.
        try db.store.markDelivered(sent, attempt: Self.attempt(sent, outcome: "delivered", at: Self.t0))
        #expect(try db.store.outboxSchedule(at: Self.t0) == OutboxSchedule(due: [], pending: later, future: later))
        // Read in the transaction that queues a notice: the same as a read after it.
        var next: [OutboxRecord] = [due]
        let written = try db.store.enqueue(scheduleAt: Self.t0) {
            guard let r = next.popLast() else { return nil }
            return (r, NoticeRecord(id: r.id, receiver: r.receiver, recipient: r.recipient, items: [], createdAt: Self.t0))
        }
        #expect(written == OutboxSchedule(due: ["mail"], pending: Self.t0, future: later))
        #expect(try db.store.outboxSchedule(at: Self.t0) == written)
        #expect(try db.store.receiversDue(at: Self.t0) == written?.due)
        #expect(try db.store.nextOutboxAttempt(after: Self.t0) == later)
    }

    @Test func anItemsDeliveries_comeFromTheIndex_notFromOtherItemsWithTheSamePrefix() throws {
        let db = try TemporaryStore()
        for (id, items) in [("n1", ["1"]), ("n2", ["1", "10"]), ("n3", ["10"]), ("n4", ["1_"])] {
            let r = Self.record(id, items: items, at: Self.t0)
            try db.store.enqueue([r])
            try db.store.confirmDelivery(of: r, attempt: Self.attempt(r, outcome: "delivered", at: Self.t0), sentAt: Self.t0)
        }
        #expect(try db.store.deliveries(item: "p/1").map(\.noticeID) == ["n2", "n1"])
        #expect(try db.store.deliveries(item: "p/10").map(\.noticeID) == ["n3", "n2"])
        #expect(try db.store.deliveries(item: "p/1_").map(\.noticeID) == ["n4"])
        #expect(try db.store.deliveries(noticeID: "n3").count == 1)
        #expect(try db.store.deliveries(limit: 2).map(\.noticeID) == ["n4", "n3"])
    }

    @Test func pruning_deletesOldHistory_butTheTotalsNeverGoBack() throws {
        let db = try TemporaryStore()
        let old = Self.t0.addingTimeInterval(-100 * 86_400)
        for (id, at, outcome) in [("old", old, "delivered"), ("old2", old, "retryable"), ("new", Self.t0, "delivered")] {
            let r = Self.record(id, items: [id], at: at)
            try db.store.enqueue([r])
            if outcome == "delivered" {
                try db.store.confirmDelivery(of: r, attempt: Self.attempt(r, outcome: outcome, at: at), sentAt: at)
            } else {
                try db.store.recordFailure(of: r, attempt: Self.attempt(r, outcome: outcome, at: at), nextAttemptAt: Self.t0)
            }
        }
        let before = try db.store.deliveryTotals()
        let removed = try db.store.prune(RetentionPolicy(deliveries: 90 * 86_400, notificationLog: 30 * 86_400), at: Self.t0)
        #expect(removed == PruneResult(deliveries: 2, logEntries: 1))
        #expect(try db.store.deliveries().map(\.noticeID) == ["new"])
        #expect(try db.store.deliveries(item: "p/old").isEmpty)
        #expect(try db.store.notificationLog().map(\.itemID) == ["new"])
        #expect(try db.store.deliveryTotals() == before)
        #expect(before.first { $0.outcome == "delivered" }?.count == 2)
        #expect(before.first { $0.outcome == "retryable" }?.count == 1)
        // The outbox is never pruned: the retryable record still waits.
        #expect(try db.store.outboxCounts().pending == 1)
        // Nothing left to prune.
        #expect(try db.store.prune(RetentionPolicy(), at: Self.t0) == PruneResult(deliveries: 0, logEntries: 0))
    }

    @Test func aVersion1Database_isMigrated_withItsHistoryIndexedAndCounted() throws {
        let db = try TemporaryStore { pool in
            try StateStore.migrator.migrate(pool, upTo: "v1-updates-log-outbox")
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO deliveries (notice_id, receiver, recipient, attempt, at, outcome, detail, duration, items)
                        VALUES ('a', 'mail', 'x@y', 1, 1, 'delivered', NULL, 0.25, '["p/1","p/2"]'),
                               ('b', 'mail', 'x@y', 1, 2, 'delivered', NULL, 0.75, '["p/2"]'),
                               ('c', 'hook', 'hook', 1, 3, 'permanent', 'HTTP 400', 0, '["p/1"]')
                        """)
            }
        }
        #expect(try db.store.deliveries(item: "p/2").map(\.noticeID) == ["b", "a"])
        let totals = try db.store.deliveryTotals()
        #expect(totals == [
            DeliveryTotals(receiver: "hook", outcome: "permanent", count: 1, seconds: 0),
            DeliveryTotals(receiver: "mail", outcome: "delivered", count: 2, seconds: 1),
        ])
    }

    @Test func updates_areKeptInOrder_andADamagedPayloadSaysWhichRow() throws {
        let db = try TemporaryStore()
        let first = try db.store.append(
            UpdateRecord(planID: "p", itemID: "1", kind: "progress", at: Self.t0, uid: 0, user: "root", note: "进展", payload: ["done": "1"]))
        _ = try db.store.append(UpdateRecord(planID: "p", itemID: "1", kind: "done", at: Self.t0, uid: 0, user: "root", note: "办结"))
        #expect(try db.store.updates(planID: "p", itemID: "1").map(\.kind) == ["progress", "done"])
        try db.store.pool.write { try $0.execute(sql: "UPDATE updates SET payload = 'not json' WHERE id = ?", arguments: [first]) }
        #expect {
            try db.store.updates()
        } throws: { error in
            "\(error)".contains("updates row \(first)")
        }
    }

    @Test func meta_isSetAndReplaced() throws {
        let db = try TemporaryStore()
        #expect(try db.store.meta("first_started") == nil)
        try db.store.setMeta("first_started", "1")
        try db.store.setMeta("first_started", "2")
        #expect(try db.store.meta("first_started") == "2")
    }

    /// After a clean close, `state.sqlite` alone holds everything (the WAL is copied in): a
    /// clean stop left it at one page, every change in `-wal`, and a backup of the main file
    /// alone empty.
    @Test func aClosedDatabase_holdsEverythingInItsMainFile() throws {
        let db = try TemporaryStore()
        for k in 0..<50 { try db.store.setMeta("key\(k)", String(repeating: "x", count: 2000)) }
        try db.store.closeDatabase()
        let path = db.directory.appendingPathComponent("state.sqlite").path
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
        // The main file copied alone, as a careless backup would.
        let copy = db.directory.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let alone = try DatabaseQueue(path: copy)
        #expect(try alone.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'key49'") }?.count == 2000)
    }
}
