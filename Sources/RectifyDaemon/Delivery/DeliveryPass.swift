import Foundation
import Logging
import RectifyNotify
import RectifyStore

/// One lane's pass: the due records of one receiver delivered through its channel, each
/// accepted message confirmed at once, each failure retried with backoff or kept as failed.
extension DeliveryWorker {
    // MARK: one lane's pass (on the lane's queue)

    /// Delivers the due records of one receiver; returns the confirmed log entries and whether
    /// the lane should look again at once (more due) or after a storage pause.
    func pass(receiver: String) -> (confirmed: [LogEntry], again: Bool, storageTrouble: Bool) {
        let snapshot = snapshots.current
        let now = clock()
        if snapshot.config.alerts.quietHours?.end(ofWindowContaining: now, in: snapshot.config.timeZone) != nil {
            logger.debug("quiet hours: deliveries wait", metadata: ["receiver": "\(receiver)"])
            return ([], false, false)
        }
        let records: [OutboxRecord]
        do {
            records = try store.dueOutbox(at: now, receiver: receiver, limit: snapshot.config.delivery.batchSize)
        } catch {
            storageFailed("outbox read", error)
            return ([], false, true)
        }
        guard !records.isEmpty else { return ([], false, false) }
        var trouble = false
        var marked: [OutboxRecord] = []
        let confirmed = deliver(consume records, through: receiver, snapshot: snapshot, marked: &marked, trouble: &trouble)
        // The deliveries marked sent, written out for the whole pass (`StateStore.foldDelivered`).
        // Refused, they stay marked — never sent again — and the next pass or start writes them.
        if !marked.isEmpty {
            do {
                try store.foldDelivered(known: marked)
            } catch {
                storageFailed("record deliveries", error)
                return (confirmed, false, true)
            }
        }
        if trouble { return (confirmed, false, true) }
        // Anything due now (more than a batch, or a retry whose backoff ended during this pass)?
        do {
            let more = try !store.dueOutbox(at: clock(), receiver: receiver, limit: 1).isEmpty
            return (confirmed, more, false)
        } catch {
            storageFailed("outbox read", error)
            return (confirmed, false, true)
        }
    }

    /// The records' notices go to the channel as a `NoticeBatch`: each decoded (and its link
    /// signed) when the channel comes to it, and the record's stored bytes dropped then, so
    /// the pass holds one notice at a time, not its 200.
    private func deliver(
        _ batch: consuming [OutboxRecord], through receiver: String, snapshot: Snapshot, marked: inout [OutboxRecord],
        trouble: inout Bool
    ) -> [LogEntry] {
        let policy = snapshot.config.delivery
        guard let channel = snapshot.channels[receiver] else {
            for record in batch {
                let detail: String
                do {
                    _ = try NoticeJSON.decode(record.notice)
                    detail = "receiver '\(receiver)' is no longer configured"
                } catch {
                    detail = "the stored notice cannot be read: \(error)"
                }
                fail(record, detail: detail, retryable: detail.hasPrefix("receiver"), duration: 0, policy: policy, trouble: &trouble)
            }
            return []
        }
        // Records not yet taken by the channel, then those it holds (by notice id) until their result.
        var waiting: [OutboxRecord?] = Array(batch)
        var records: [String: OutboxRecord] = [:]
        var counts: [String: NoticeCount] = [:]
        var unreadable: [(OutboxRecord, String)] = []
        let now = clock()
        let notices = NoticeBatch(count: waiting.count) { index in
            guard var record = waiting[index] else { return nil }
            waiting[index] = nil
            do {
                var notice = try NoticeJSON.decode(record.notice)
                record.notice = Data()
                // Signed when sent (not when queued): a rotated key applies to what is still waiting.
                if notice.report == nil, let link = snapshot.web?.link(for: notice, at: now) { (notice.link, notice.linkExpires) = (link.url, link.expires) }
                records[record.id] = record
                counts[record.id] = NoticeCount(notice)
                return notice
            } catch {
                unreadable.append((record, "\(error)"))
                return nil
            }
        }
        let secrets = snapshot.secrets[receiver] ?? []
        var confirmed: [LogEntry] = []
        channel.deliver(notices) { result in
            guard let record = records.removeValue(forKey: result.noticeID), let count = counts[result.noticeID] else { return }
            let duration = Double(result.duration.components.seconds) + Double(result.duration.components.attoseconds) * 1e-18
            let detail = Redaction.scrub(result.detail, secrets: secrets)
            switch result.outcome {
            case .delivered:
                if let entries = confirm(record, count: count, detail: detail, duration: duration, trouble: &trouble) {
                    confirmed += entries
                    marked.append(record)
                }
            case .retryable(let error):
                // The result's detail, not only the error: it says "not attempted: …" for the rest
                // of a batch stopped by a receiver-level failure.
                fail(
                    record, detail: detail, retryable: true, duration: duration, policy: policy, trouble: &trouble,
                    notBefore: error.retryAfter)
            case .permanent:
                fail(record, detail: detail, retryable: false, duration: duration, policy: policy, trouble: &trouble)
            }
        }
        for (record, error) in unreadable {
            fail(
                record, detail: "the stored notice cannot be read: \(error)", retryable: false, duration: 0, policy: policy,
                trouble: &trouble)
        }
        for record in records.values + waiting.compactMap({ $0 }) {
            fail(
                record, detail: "the channel gave no result for this notice", retryable: true, duration: 0,
                policy: policy, trouble: &trouble)
        }
        return confirmed
    }

    /// Records one accepted message at once; nil when the record could not be written.
    private func confirm(
        _ record: OutboxRecord, count: NoticeCount, detail: String, duration: TimeInterval, trouble: inout Bool
    ) -> [LogEntry]? {
        let at = clock()
        // Its items are the fold's to write (`StateStore.foldDelivered`).
        let attempt = DeliveryRecord(
            noticeID: record.id, receiver: record.receiver, recipient: record.recipient, attempt: record.attempts + 1,
            at: at, outcome: "delivered", detail: detail, duration: duration, items: [])
        do {
            // In its own transaction, at once: a crash after this sends it never again.
            try store.markDelivered(record, attempt: attempt)
        } catch {
            // The one window for a duplicate: sent, but not recorded.
            trouble = true
            storageFailed("confirm delivery", error)
            logger.error(
                "delivered but not recorded; it may be sent again",
                metadata: ["notice": "\(record.id)", "receiver": "\(record.receiver)", "error": "\(error)"])
            return nil
        }
        storageWorked()
        onConfirmed()
        logger.info(
            "delivered",
            metadata: [
                "notice": "\(record.id)", "receiver": "\(record.receiver)", "recipient": "\(record.recipient)",
                "alerts": "\(count.alerts)", "items": "\(count.items)", "attempt": "\(record.attempts + 1)",
            ])
        return record.logEntries.map { var e = $0; e.sentAt = at; return e }
    }

    /// - Parameter notBefore: how long the receiver asked to be left alone (`Retry-After`): the
    ///   retry waits at least that long, up to a day.
    private func fail(
        _ record: OutboxRecord, detail: String, retryable: Bool, duration: TimeInterval, policy: DeliveryPolicy,
        trouble: inout Bool, notBefore: TimeInterval? = nil
    ) {
        let now = clock()
        let attempt = record.attempts + 1
        var next: Date? = nil
        if retryable && attempt < policy.maxAttempts {
            let backoff = Backoff.delay(attempt: attempt, initial: policy.backoffInitial, max: policy.backoffMax)
            next = now.addingTimeInterval(max(backoff, min(notBefore ?? 0, 86_400)))
        }
        let entry = DeliveryRecord(
            noticeID: record.id, receiver: record.receiver, recipient: record.recipient, attempt: attempt, at: now,
            outcome: retryable ? "retryable" : "permanent", detail: detail, duration: duration, items: Self.items(of: record))
        do {
            try store.recordFailure(of: record, attempt: entry, nextAttemptAt: next)
            storageWorked()
        } catch {
            trouble = true
            storageFailed("record a failed delivery", error)
            logger.error("cannot record a failed delivery", metadata: ["notice": "\(record.id)", "error": "\(error)"])
        }
        var metadata: Logger.Metadata = [
            "notice": "\(record.id)", "receiver": "\(record.receiver)", "recipient": "\(record.recipient)",
            "attempt": "\(attempt)", "error": "\(detail)",
        ]
        if let next {
            metadata["retry_at"] = "\(next)"
            metadata["retry_in"] = "\(String(format: "%.3f", next.timeIntervalSince(now)))s"
            logger.warning("delivery failed, will retry", metadata: metadata)
        } else {
            logger.error("delivery failed for good", metadata: metadata)
        }
    }

    static func items(of record: OutboxRecord) -> [String] { record.items }
}

/// Exponential backoff with ±20% jitter, so retries of many notices do not move in step.
enum Backoff {
    static func delay(attempt: Int, initial: TimeInterval, max: TimeInterval, jitter: Double = Double.random(in: 0.8...1.2))
        -> TimeInterval
    {
        let base = initial * pow(2, Double(Swift.max(0, attempt - 1)))
        return Swift.min(max, base) * jitter
    }
}
