import Foundation
import RectifyCore
import RectifyNotify
import RectifyStore

/// Replies to requests and receipts (签收): what the web loop adds to the scheduler. Runs on
/// the scheduler's queue like the rest of it (see `Scheduler`).
extension Scheduler {
    /// Queues a reply (the office's decision on a request) to the requester, through the
    /// receiver and recipient its signed link named. Told once per request.
    func queueReply(planID: String, itemID: String, receiver: String, recipient: String, requestID: Int64, text: String) {
        let due = queue.sync { () -> [String]? in
            guard case .running(let world) = state, let index = world.index(of: planID, itemID) else { return nil }
            let now = clock()
            let item = world.item(at: index), plan = world.plan(at: index)
            let evaluation = DeadlineEvaluator(policy: world.config.policy).evaluate(item, context: world.context(at: index), at: now)
            var entry = NoticeEntryFactory.make(kind: .reply, item: item, plan: plan, evaluation: evaluation, milestone: nil)
            entry.note = text
            let log = LogEntry(
                receiver: receiver, recipient: recipient, alertKey: "\(planID)/\(itemID)/reply:\(requestID)", planID: planID,
                itemID: itemID, kind: AlertKind.reply.rawValue, fingerprint: String(requestID), sentAt: now, noticeID: "")
            let alert = PlannedAlert(
                recipient: Recipient(receiver: receiver, address: recipient, name: nil), entry: entry, log: log, reason: .stateChanged)
            if !queue([alert], world: world, now: now) {
                logger.error("the reply to a request could not be queued", metadata: ["request": "\(requestID)"])
            }
            rearm(world: world)
            return outbox.takeSchedule()?.due
        }
        outboxWritten(due)
    }

    /// Notices that ask for action (a reminder, an overdue item…) are to be signed for; replies,
    /// resolved notices, digests and escalations of receipts only inform.
    static func needsReceipt(_ notice: NoticeRecord) -> Bool {
        let informative: Set<String> = [
            AlertKind.reply.rawValue, AlertKind.resolved.rawValue, AlertKind.digest.rawValue, AlertKind.unacknowledged.rawValue,
        ]
        return notice.kinds.contains { !informative.contains($0) }
    }

    /// Escalates red and yellow notices nobody signed for (签收) within `web.receipt_within`
    /// working days of their delivery: the leaders above (routing `unacknowledged`) are told,
    /// once per notice. Only when notices carry signed links (else nobody could sign).
    func checkReceipts(world: World, at now: Date) {
        guard let due = nextReceiptCheck, due <= now else { return }
        nextReceiptCheck = nil
        guard let web = world.snapshot.web, web.config.signsLinks else { return }
        let people = world.config.receivers.filter { !$0.isGroupChannel }.map(\.name)
        let notices: [NoticeRecord]
        do {
            notices = try store.unreceivedNotices(colours: ["red", "yellow"], receivers: people)
        } catch {
            health.failed("read notices", error: error, at: now, logger: logger, consequence: "receipts are checked again in a minute")
            nextReceiptCheck = now.addingTimeInterval(60)
            return
        }
        let calendar = world.config.policy.calendar ?? WorkingCalendar(), zone = world.config.timeZone
        let router = planner(world.config).router, evaluator = DeadlineEvaluator(policy: world.config.policy)
        var alerts: [PlannedAlert] = []
        var escalated: [String] = []
        for notice in notices where Self.needsReceipt(notice) {
            guard let delivered = notice.deliveredAt else { continue }
            let deadline = calendar.instant(delivered, addingWorkingDays: web.config.receiptWithinWorkingDays, in: zone)
            guard deadline <= now else {
                nextReceiptCheck = min(nextReceiptCheck ?? deadline, deadline)
                continue
            }
            escalated.append(notice.id)
            let who = notice.recipientName.map { "\($0)（\(notice.recipient)）" } ?? notice.recipient
            let day = CalendarDate(containing: delivered, in: zone)
            for ref in notice.items {
                guard let index = world.index(of: ref.plan, ref.item) else { continue }
                let item = world.item(at: index), plan = world.plan(at: index)
                guard item.status != .done else { continue }
                let evaluation = evaluator.evaluate(item, context: world.context(at: index), at: now)
                var entry = NoticeEntryFactory.make(kind: .unacknowledged, item: item, plan: plan, evaluation: evaluation, milestone: nil)
                entry.note = "\(who)于\(day.year)年\(day.month)月\(day.day)日收到的督办通知，\(web.config.receiptWithinWorkingDays)个工作日内未签收"
                let (recipients, _) = router.recipients(rule: "unacknowledged", kind: .unacknowledged, item: item, plan: plan)
                for recipient in recipients where recipient.address.lowercased() != notice.recipient.lowercased() {
                    let log = LogEntry(
                        receiver: recipient.receiver, recipient: recipient.address, alertKey: "\(plan.id)/\(item.id)/unacknowledged:\(notice.id)",
                        planID: plan.id, itemID: item.id, kind: AlertKind.unacknowledged.rawValue, fingerprint: notice.id, sentAt: now,
                        noticeID: "")
                    alerts.append(PlannedAlert(recipient: recipient, entry: entry, log: log, reason: .first))
                }
            }
        }
        guard !escalated.isEmpty else { return }
        guard queue(alerts, world: world, now: now) else {
            nextReceiptCheck = now.addingTimeInterval(outbox.retryDelay)
            return
        }
        for id in escalated {
            do {
                try store.markEscalated(noticeID: id, at: now)
            } catch {
                logger.error("cannot mark a notice escalated; it may be escalated again", metadata: ["notice": "\(id)", "error": "\(error)"])
            }
        }
        logger.info("unacknowledged notices escalated", metadata: ["notices": "\(escalated.count)", "alerts": "\(alerts.count)"])
    }
}
