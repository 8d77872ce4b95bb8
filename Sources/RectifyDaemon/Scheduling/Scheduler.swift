import Dispatch
import Foundation
import Logging
import RectifyCore
import RectifyNotify
import RectifyReport
import RectifyStore

/// Evaluates items when they can change, sends what is due down the alert pipeline (candidates
/// → route → dedup in `AlertPlanner`, group in `NoticeAssembler`, outbox in `OutboxWriter`) and
/// keeps one wall-clock timer armed at the earliest instant anything can happen.
///
/// `@unchecked Sendable`: every mutable property is confined to `queue` (public methods hop
/// onto it with `sync`/`async`; the timer and watchdog fire on it). After each change it
/// publishes the world to `evaluations`, which answers queries off the queue. Receipts and
/// replies (`SchedulerReceipts.swift`) and the weekly report (`SchedulerWeekly.swift`) are
/// extensions; the members they use are internal, and like the rest touched only on `queue`.
final class Scheduler: @unchecked Sendable {
    let queue = DispatchQueue(label: "rectifyd.scheduler")

    enum State {
        case initial
        case running(World)
        case stopped
    }

    var state: State = .initial
    private var generation = 0
    private var instants = InstantQueue()
    var ledger = AlertLedger()
    private var timer: WallClockTimer?
    private var watchdog: Watchdog?
    private var digest = RecurringClock()
    /// When the weekly 情况通报 is due (`reports.weekly`).
    var weekly = RecurringClock()
    /// When delivery history and the notification log are next pruned (daily).
    private var nextPrune: Date?
    /// When the next red or yellow notice runs out of time to be signed for (签收).
    var nextReceiptCheck: Date?
    var outbox: OutboxWriter
    private var tally = StatusTally()
    private var lastEvaluation: Date?
    private var lastPublished: Summary?
    let store: StateStore
    let health: StorageHealth
    private let evaluations: Evaluations
    let logger: Logger
    let clock: @Sendable () -> Date
    /// Called after the outbox may have been written, with the receivers that have records due
    /// as the write's transaction read them (`OutboxWriter.takeSchedule`); nil when nothing was
    /// written (a retry may be due: the delivery side reads the outbox).
    let outboxWritten: @Sendable ([String]?) -> Void
    /// Called on the queue when the counts or the next wake changed (sd_notify STATUS). Cheap:
    /// the counts come from `tally`, not a new evaluation.
    private let onSummary: @Sendable (Summary) -> Void

    init(
        store: StateStore, health: StorageHealth, evaluations: Evaluations, logger: Logger,
        clock: @escaping @Sendable () -> Date, outboxWritten: @escaping @Sendable ([String]?) -> Void,
        onSummary: @escaping @Sendable (Summary) -> Void = { _ in }
    ) {
        self.store = store
        self.health = health
        self.evaluations = evaluations
        self.logger = logger
        self.clock = clock
        self.outboxWritten = outboxWritten
        self.onSummary = onSummary
        outbox = OutboxWriter(store: store, health: health, logger: logger)
    }

    /// Loads the ledger, evaluates everything once (catching up on whatever fell due while
    /// the daemon was down) and arms the timer.
    func start(snapshot: Snapshot) throws {
        let due = try queue.sync {
            try store.forEachLogEntry { ledger.record($0) }
            for entry in try store.queuedLogEntries() { ledger.record(entry) }
            if try store.meta("first_started") == nil {
                try store.setMeta("first_started", String(clock().timeIntervalSince1970))
            }
            timer = WallClockTimer(queue: queue) { [weak self] in self?.fire() }
            install(snapshot)
            return outbox.takeSchedule()?.due
        }
        outboxWritten(due)
    }

    /// Rebuilds the world from a new snapshot (after a validated reload) and re-evaluates everything.
    func reload(snapshot: Snapshot) {
        let due = queue.sync {
            install(snapshot)
            return outbox.takeSchedule()?.due
        }
        outboxWritten(due)
    }

    func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            watchdog?.cancel()
            watchdog = nil
            state = .stopped
            evaluations.withdraw()
        }
    }

    /// A delivery pass finished: record its confirmed sends, reschedule their items, re-arm
    /// (for the retries the pass scheduled, too).
    func record(_ confirmation: Confirmation) {
        queue.async {
            guard case .running(let world) = self.state else { return }
            var touched = Set<Int>()
            for entry in confirmation.entries {
                self.ledger.record(entry)
                if let index = world.index(of: entry.planID, entry.itemID) { touched.insert(index) }
            }
            // Their repeat instants moved with the confirmed send time: make them due now, so the
            // next fire evaluates them once, however many passes confirm them meanwhile.
            let now = self.clock()
            for index in touched { self.instants.schedule(index, at: now) }
            if !confirmation.entries.isEmpty { self.nextReceiptCheck = now }
            self.rearm(world: world)
        }
    }

    /// Starts the watchdog (see `Watchdog`); a no-op without an interval.
    func startWatchdog(interval: TimeInterval, ping: @escaping @Sendable () -> Void) {
        queue.sync {
            guard watchdog == nil, interval > 0, case .running = state else { return }
            watchdog = Watchdog(queue: queue, interval: interval, ping: ping)
        }
    }

    /// Checks a change against the item as it is now, stores it, lays it over the item and
    /// re-evaluates the item at once (a `done` after alerts sends `resolved`). Atomic with
    /// respect to scheduling: it all happens on the queue.
    func apply(
        _ change: ItemChange, planID: String, itemID: String, uid: Int?, user: String?,
        origin: UpdateRecord.Origin? = nil, extra: [String: String] = [:]
    ) throws(ItemChangeRefused) -> UpdateRecord {
        var due: [String]?
        let result: Result<UpdateRecord, ItemChangeRefused> = queue.sync {
            guard case .running(var world) = state else { return .failure(.unavailable("the daemon is stopping")) }
            guard let index = world.index(of: planID, itemID) else {
                return .failure(.notFound(world.notFound(planID: planID, itemID: itemID)))
            }
            let now = clock()
            do throws(ItemChangeRefused) {
                try change.check(world.item(at: index), in: world.plan(at: index), at: now)
            } catch {
                return .failure(error)
            }
            var stored = change.record(planID: planID, itemID: itemID, at: now, uid: uid, user: user, origin: origin)
            stored.payload.merge(extra) { current, _ in current }
            do {
                stored.id = try store.append(stored)
                health.recovered(logger: logger)
            } catch {
                health.failed(
                    "store an update", error: error, at: now, logger: logger,
                    consequence: "alerts are decided again when it takes them")
                rearm(world: world)
                return .failure(.unavailable("the update could not be stored (the state database refuses writes): \(error)"))
            }
            world.apply(stored)
            state = .running(world)
            generation += 1
            evaluate([index], world: world, now: now)
            rearm(world: world)
            due = outbox.takeSchedule()?.due
            return .success(stored)
        }
        outboxWritten(due)
        return try result.get()
    }

    // MARK: on the queue

    private func install(_ snapshot: Snapshot) {
        dispatchPrecondition(condition: .onQueue(queue))
        AlertPlanner.warnLadderGaps(snapshot.plans, routing: snapshot.config.routing, logger: logger)
        var updates: [UpdateRecord] = []
        do {
            updates = try store.updates()
        } catch {
            logger.error("cannot read stored updates; plans are used as their files say", metadata: ["error": "\(error)"])
        }
        let world = World(snapshot: snapshot, updates: updates)
        state = .running(world)
        generation += 1
        instants.removeAll()
        tally.reset(count: world.itemCount)
        let now = clock()
        evaluate(Array(world.indices), world: world, now: now)
        let config = snapshot.config, firstStarted = firstStarted()
        digest.start(
            config.alerts.digest, zone: config.timeZone, daysOff: config.digestDaysOff, now: now, firstStarted: firstStarted,
            lastSent: lastSent { $0.alertKey == "digest" })
        let job = weeklyJob(world)
        weekly.start(
            job?.config.schedule, zone: config.timeZone, daysOff: job?.daysOff(config.policy.calendar), now: now,
            firstStarted: firstStarted, lastSent: lastSent { $0.alertKey == WeeklyReportJob.alertKey })
        prune(world.config.retention, at: now)
        nextReceiptCheck = now
        checkReceipts(world: world, at: now)
        rearm(world: world)
        HeapTrim.afterBurst(store)
    }

    /// When the daemon first ran on this state (nil when unknown: no catch-up digest then).
    private func firstStarted() -> Date? {
        do {
            return try store.meta("first_started").flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
        } catch {
            logger.error("cannot read when the daemon first ran; a missed digest is not caught up", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// The last confirmed send of a plan-wide notice (digest, weekly report) that `matches`.
    private func lastSent(_ matches: (LogEntry) -> Bool) -> Date? {
        ledger.entries(planID: "*", itemID: "*").filter(matches).map(\.sentAt).max()
    }

    private func fire() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard case .running(let world) = state else { return }
        let now = clock()
        // A hair of tolerance: the timer may fire a few microseconds before the instant.
        let due = instants.popDue(now.addingTimeInterval(0.001))
        if !due.isEmpty { evaluate(due, world: world, now: now) }
        // Many items at once (those of a delivered backlog, their repeats moved): a burst too.
        if due.count >= 1000 { HeapTrim.afterBurst(store) }
        if digest.isDue(at: now) {
            digest.advance(world.config.alerts.digest, zone: world.config.timeZone, daysOff: world.config.digestDaysOff, now: now)
            sendDigest(world: world, at: now)
        }
        if weekly.isDue(at: now), let job = weeklyJob(world) {
            weekly.advance(
                job.config.schedule, zone: world.config.timeZone, daysOff: job.daysOff(world.config.policy.calendar), now: now)
            sendWeekly(job, world: world, at: now, period: nil)
        }
        if let nextPrune, nextPrune <= now {
            prune(world.config.retention, at: now)
            // Once a day too: a daemon running since spring reaches the year its calendar lacks
            // without a reload (start and reload say it through the snapshot's warnings).
            if let warning = CalendarCoverage.warning(config: world.config, plans: world.plans, now: now) {
                logger.warning("\(warning.description)")
            }
        }
        checkReceipts(world: world, at: now)
        // The lanes start, and the timer is armed, from what the write's transaction read: a
        // read of the outbox here would run beside the lane's and hold it up (SQLite's locks).
        let schedule = outbox.takeSchedule()
        outboxWritten(schedule?.due)
        rearm(world: world, outbox: schedule)
    }

    /// Deletes history older than `retention` allows, and schedules the next pruning a day later.
    private func prune(_ retention: RetentionPolicy, at now: Date) {
        nextPrune = now.addingTimeInterval(Policy.day)
        do {
            let removed = try store.prune(retention, at: now)
            if removed.deliveries > 0 || removed.logEntries > 0 {
                logger.info(
                    "history pruned",
                    metadata: ["deliveries": "\(removed.deliveries)", "notification_log": "\(removed.logEntries)"])
            }
        } catch {
            health.failed("prune history", error: error, at: now, logger: logger, consequence: "history is pruned again tomorrow")
        }
    }

    func planner(_ config: DaemonConfig) -> AlertPlanner {
        AlertPlanner(
            alerts: config.alerts, reminderDays: config.policy.reminderDays, routing: config.routing,
            webhooks: config.receivers, policy: config.policy)
    }

    /// Evaluates the given items at `now`, queues what is due, and reschedules them.
    private func evaluate(_ indices: [Int], world: World, now: Date) {
        var alerts: [PlannedAlert] = []
        var unrouted = 0
        var toDefaultRecipient = 0
        var groupChatsOnly = 0
        var held = 0
        let planner = planner(world.config)
        let evaluator = DeadlineEvaluator(policy: world.config.policy)
        for index in indices {
            // Acknowledged or snoozed items send nothing until then (`AlertPlanner.decide`).
            let (evaluation, outcome) = planner.decide(index, in: world, evaluator: evaluator, ledger: ledger, at: now)
            tally.record(evaluation.state, at: index)
            alerts += outcome.alerts
            unrouted += outcome.unrouted.isEmpty ? 0 : 1
            toDefaultRecipient += outcome.toDefaultRecipient.isEmpty ? 0 : 1
            groupChatsOnly += outcome.groupChatsOnly.isEmpty ? 0 : 1
            held += outcome.held
            instants.schedule(index, at: [evaluation.nextChange, outcome.nextAlert].compactMap { $0 }.min())
        }
        lastEvaluation = now
        if held > 0 {
            logger.info("reminders held for the next working day", metadata: ["reminders": "\(held)"])
        }
        // Items, not alerts: "items=" means the same here as in "notice queued" and "delivered".
        if toDefaultRecipient > 0, let fallback = world.config.routing.defaultRecipient?.email {
            logger.info(
                "alerts whose roles name nobody with an email go to the default recipient",
                metadata: [
                    "items": "\(toDefaultRecipient)", "recipient": "\(fallback)",
                    "hint": "add contacts to the plans to reach the people responsible",
                ])
        }
        if groupChatsOnly > 0 {
            logger.warning(
                "alerts whose roles name nobody with an email go to group chats only",
                metadata: ["items": "\(groupChatsOnly)", "hint": "add contacts to the plans or set routing.default_recipient"])
        }
        if unrouted > 0 {
            logger.warning(
                "alerts with nobody to send to",
                metadata: ["items": "\(unrouted)", "hint": "add contacts to the plans or set routing.default_recipient"])
        }
        if !queue(alerts, world: world, now: now) {
            // Nothing was queued or recorded: decide these items again once writes may work.
            let retry = now.addingTimeInterval(outbox.retryDelay)
            for index in Set(alerts.compactMap { world.index(of: $0.entry.planID, $0.entry.itemID) }) {
                instants.schedule(index, at: retry)
            }
        }
    }

    /// Writes the notices for `alerts` to the outbox and the ledger; false when the database refused them.
    func queue(_ alerts: [PlannedAlert], world: World, now: Date) -> Bool {
        let grouping = NoticeAssembler(
            language: world.config.language, timeZone: world.config.timeZone, routing: world.config.routing)
        return outbox.write(alerts, grouping: grouping, at: now) { ledger.record($0) }
    }

    private func sendDigest(world: World, at now: Date) {
        let evaluator = DeadlineEvaluator(policy: world.config.policy)
        let evaluations = world.plans.enumerated().map { p, plan in
            plan.items.map { evaluator.evaluate($0, context: world.contexts[p], at: now) }
        }
        let alerts = planner(world.config).digest(plans: world.plans, evaluations: evaluations, at: now)
        logger.info("digest", metadata: ["entries": "\(alerts.count)"])
        if !queue(alerts, world: world, now: now) {
            // The digest is sent once the database takes writes again.
            digest.retry(after: outbox.retryDelay, now: now)
        }
    }

    /// - Parameter outbox: the outbox's schedule as a write has just read it; nil: read now.
    func rearm(world: World, outbox schedule: OutboxSchedule? = nil) {
        let now = clock()
        var wake = [instants.peek(), digest.next, weekly.next, nextPrune, nextReceiptCheck].compactMap { $0 }
        // Records already due are the delivery lanes' (each looks again after its pass, so one
        // that fell due during a long pass is sent without a timer); the timer waits for the
        // earliest *future* retry, and for the end of quiet hours when anything is pending.
        do {
            let attempts = try schedule ?? store.outboxSchedule(at: now)
            let zone = world.config.timeZone
            if let pending = attempts.pending,
                let quiet = world.config.alerts.quietHours?.end(ofWindowContaining: max(now, pending), in: zone)
            {
                wake.append(quiet)
            } else if let future = attempts.future {
                wake.append(future)
            }
        } catch {
            health.failed("outbox read", error: error, at: now, logger: logger, consequence: "alerts are decided again when it takes them")
            wake.append(now.addingTimeInterval(DeliveryWorker.storageRetryDelay))
        }
        let next = wake.min()
        timer?.arm(at: next)
        logger.debug("timer armed", metadata: ["at": "\(next.map { "\($0)" } ?? "never")"])
        evaluations.publish(WorldView(world: world, generation: generation, lastEvaluation: lastEvaluation, nextWake: next))
        publishSummary(world: world, nextWake: next)
    }

    /// Tells `onSummary` the counts and the next wake, when they changed.
    private func publishSummary(world: World, nextWake: Date?) {
        let summary = Summary(
            open: tally.open, overdue: tally.overdue, lagging: tally.lagging, nextWake: nextWake,
            timeZone: world.config.timeZone, storageFailure: health.failure)
        guard summary != lastPublished else { return }
        lastPublished = summary
        onSummary(summary)
    }
}
