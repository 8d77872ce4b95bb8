import Dispatch
import Foundation
import Logging
import RectifyCore
import RectifyNotify
import RectifyReport
import RectifyStore

/// Evaluates items when they can change, turns what is due into notices in the outbox, and
/// keeps one wall-clock timer armed at the earliest instant anything can happen.
///
/// All scheduling state is confined to `queue`; public methods hop onto it. Queries take a
/// copy-on-write snapshot there and evaluate it off the queue (`querySnapshot`).
final class Scheduler: @unchecked Sendable {
    let queue = DispatchQueue(label: "rectifyd.scheduler")

    struct World {
        var config: DaemonConfig
        /// The plans with every stored update laid over them: what is evaluated.
        var plans: [Plan]
        var contexts: [PlanContext]
        /// Flat item index → (plan, item) positions.
        var refs: [(plan: Int, item: Int)]
        /// "plan\u{1}item" → flat index.
        var index: [String: Int]
        /// Items whose alerts are acknowledged or snoozed, until when.
        var silences: [Int: Date]
    }

    private enum State {
        case initial
        case running(World)
        case stopped
    }

    private var state: State = .initial
    /// Bumped whenever the world changes, so cached evaluations are not reused across it.
    private var generation = 0
    /// Query results, guarded by `cacheLock` (queries run off the queue).
    private let cacheLock = NSLock()
    private var evaluationCache: (generation: Int, validUntil: Date, evaluations: [Evaluation], urgency: [Int])?
    private var instants = InstantQueue<Int>()
    private var ledger = AlertLedger()
    private var timer: WallClockTimer?
    private var nextDigest: Date?
    /// When the weekly 情况通报 is due (`reports.weekly`).
    private var nextWeekly: Date?
    /// When items were last evaluated (read off the queue through `querySnapshot`).
    private var lastEvaluation: Date?
    private let store: StateStore
    private let delivery: DeliveryWorker
    private let health: StorageHealth
    /// Consecutive outbox writes refused: the retry of the decision backs off (1 s … 60 s).
    private var outboxFailures = 0
    private let logger: Logger
    private let clock: @Sendable () -> Date
    /// Called on the scheduler queue after an evaluation or a re-arm changed the summary
    /// (sd_notify STATUS, metrics). Cheap: the counts come from `tally`, not a new evaluation.
    var onEvaluated: (@Sendable (Summary) -> Void)?
    /// Every item's state as last evaluated, for `onEvaluated`.
    private var tally = StatusTally()
    private var lastPublished: Summary?
    /// systemd's liveness ping (`startWatchdog`); nil when no watchdog is configured.
    private var watchdog: DispatchSourceTimer?

    struct Summary: Sendable, Equatable {
        var open: Int
        var overdue: Int
        var lagging: Int
        var nextWake: Date?
        /// The config's zone, for showing `nextWake`.
        var timeZone: TimeZone = .gmt
        /// Set while the state database refuses writes.
        var storageFailure: StorageHealth.Failure?
    }

    init(
        store: StateStore, delivery: DeliveryWorker, health: StorageHealth, logger: Logger,
        clock: @escaping @Sendable () -> Date
    ) {
        self.store = store
        self.delivery = delivery
        self.health = health
        self.logger = logger
        self.clock = clock
    }

    /// Loads the ledger, evaluates everything once (catching up on whatever fell due while
    /// the daemon was down) and arms the timer.
    func start(config: DaemonConfig, plans: [Plan]) throws {
        try queue.sync {
            for entry in try store.notificationLog() { ledger.record(entry) }
            for entry in try store.queuedLogEntries() { ledger.record(entry) }
            if try store.meta("first_started") == nil {
                try store.setMeta("first_started", String(clock().timeIntervalSince1970))
            }
            timer = WallClockTimer(queue: queue) { [weak self] in self?.fire() }
            install(config: config, plans: plans)
        }
        delivery.kick()
    }

    /// Replaces config and plans (after a validated reload) and re-evaluates everything.
    func reload(config: DaemonConfig, plans: [Plan]) {
        queue.sync { install(config: config, plans: plans) }
        delivery.kick()
    }

    func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            watchdog?.cancel()
            watchdog = nil
            state = .stopped
        }
    }

    /// A delivery pass finished: record confirmed sends, reschedule their items, re-arm.
    func deliveryPassFinished(_ confirmed: [LogEntry]) {
        queue.async {
            guard case .running(let world) = self.state else { return }
            var touched = Set<String>()
            for entry in confirmed {
                self.ledger.record(entry)
                touched.insert(AlertLedger.itemRef(entry.planID, entry.itemID))
            }
            // Their repeat instants moved with the confirmed send time: make them due now, so the
            // next fire evaluates them once, however many passes confirm them meanwhile.
            let now = self.clock()
            for ref in touched { if let index = world.index[ref] { self.instants.schedule(index, at: now) } }
            self.rearm(world: world)
        }
    }

    /// Calls `ping` every `interval` from this queue, so the pings stop when the queue is
    /// stuck and systemd restarts the daemon (`WatchdogSec=`). The one timer besides the
    /// scheduler's own; it exists only when systemd asked for a watchdog.
    func startWatchdog(interval: TimeInterval, ping: @escaping @Sendable () -> Void) {
        queue.sync {
            guard watchdog == nil, interval > 0 else { return }
            let source = DispatchSource.makeTimerSource(flags: [], queue: queue)
            source.setEventHandler { @Sendable in ping() }
            source.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(Int(interval * 50)))
            source.resume()
            watchdog = source
            ping()
        }
    }

    /// The timer's next instant; read only from inside `read` (it runs on the queue).
    func kickDelivery() { delivery.kick() }

    /// Runs `body` on the scheduler queue with the current world (for status queries).
    func read<T>(_ body: (World, Date) -> T) -> T? {
        queue.sync {
            guard case .running(let world) = state else { return nil }
            return body(world, clock())
        }
    }

    /// What queries read: the world, every item's evaluation at `now` by flat index, the flat
    /// indices in urgency order, and the scheduler's last and next instants.
    struct QuerySnapshot: @unchecked Sendable {
        var world: World
        var now: Date
        var evaluations: [Evaluation]
        var urgency: [Int]
        var lastEvaluation: Date?
        var nextWake: Date?
    }

    /// Takes the world on the queue in O(1) (copy-on-write) and evaluates off it, so a query
    /// never holds up the timer, updates or the watchdog. Evaluations are reused until the
    /// earliest state change, the next midnight in any plan's zone (days left/overdue) or a
    /// change of the world: a query over 100,000 items is then a scan.
    func querySnapshot() -> QuerySnapshot? {
        let taken: (World, Int, Date, Date?, Date?)? = queue.sync {
            guard case .running(let world) = state else { return nil }
            return (world, generation, clock(), lastEvaluation, timer?.armedAt)
        }
        guard let (world, generation, now, last, next) = taken else { return nil }
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cache = evaluationCache, cache.generation == generation, now < cache.validUntil {
            return QuerySnapshot(
                world: world, now: now, evaluations: cache.evaluations, urgency: cache.urgency, lastEvaluation: last,
                nextWake: next)
        }
        let evaluator = DeadlineEvaluator(policy: world.config.policy)
        var validUntil = Date.distantFuture
        let all = world.refs.map { ref -> Evaluation in
            let e = evaluator.evaluate(world.plans[ref.plan].items[ref.item], context: world.contexts[ref.plan], at: now)
            if let next = e.nextChange, next < validUntil { validUntil = next }
            return e
        }
        // Ties keep plan-file order.
        let urgency = all.indices.sorted { a, b in all[a].urgencyPrecedes(all[b]) ?? (a < b) }
        for zone in Set(world.contexts.map(\.timeZone.identifier)).compactMap(TimeZone.init(identifier:)) {
            validUntil = min(validUntil, CalendarDate(containing: now, in: zone).adding(days: 1).startInstant(in: zone))
        }
        evaluationCache = (generation, validUntil, all, urgency)
        return QuerySnapshot(world: world, now: now, evaluations: all, urgency: urgency, lastEvaluation: last, nextWake: next)
    }

    /// Checks an update against the item as it is now, stores it, lays it over the item and
    /// re-evaluates the item at once (a `done` after alerts sends `resolved`). Atomic with
    /// respect to scheduling: it all happens on the scheduler queue.
    func apply(_ update: UpdateRecord, validate: (Item, Plan, Date) throws(ControlError) -> Void) throws(ControlError)
        -> UpdateRecord
    {
        let result: Result<UpdateRecord, ControlError> = queue.sync {
            guard case .running(var world) = state else { return .failure(.unavailable("the daemon is stopping")) }
            guard let index = world.index[AlertLedger.itemRef(update.planID, update.itemID)] else {
                return .failure(.notFound("no item '\(update.itemID)' in plan '\(update.planID)'"))
            }
            let ref = world.refs[index]
            let now = clock()
            do throws(ControlError) {
                try validate(world.plans[ref.plan].items[ref.item], world.plans[ref.plan], now)
            } catch {
                return .failure(error)
            }
            var stored = update
            do {
                stored.id = try store.append(update)
                storageWorked()
            } catch {
                storageFailed("store an update", error)
                rearm(world: world)
                return .failure(.unavailable("the update could not be stored (the state database refuses writes): \(error)"))
            }
            overlay(stored, on: &world)
            state = .running(world)
            generation += 1
            evaluate([index], world: world, now: now)
            rearm(world: world)
            return .success(stored)
        }
        delivery.kick()
        return try result.get()
    }

    // MARK: on the queue

    private func install(config: DaemonConfig, plans filePlans: [Plan]) {
        dispatchPrecondition(condition: .onQueue(queue))
        warnLadderGaps(filePlans, routing: config.routing)
        var refs: [(plan: Int, item: Int)] = []
        var index: [String: Int] = [:]
        refs.reserveCapacity(filePlans.reduce(0) { $0 + $1.items.count })
        for (p, plan) in filePlans.enumerated() {
            for (i, item) in plan.items.enumerated() {
                index[AlertLedger.itemRef(plan.id, item.id)] = refs.count
                refs.append((p, i))
            }
        }
        var world = World(
            config: config, plans: filePlans, contexts: filePlans.map(PlanContext.init(plan:)),
            refs: refs, index: index, silences: [:])
        do {
            for update in try store.updates() { overlay(update, on: &world) }
        } catch {
            logger.error("cannot read stored updates; plans are used as their files say", metadata: ["error": "\(error)"])
        }
        state = .running(world)
        generation += 1
        instants.removeAll()
        tally.reset(count: refs.count)
        let now = clock()
        evaluate(Array(world.refs.indices), world: world, now: now)
        scheduleDigest(world: world, now: now, catchUp: true)
        scheduleWeekly(world: world, now: now, catchUp: true)
        rearm(world: world)
    }

    private func fire() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard case .running(let world) = state else { return }
        let now = clock()
        // A hair of tolerance: the timer may fire a few microseconds before the instant.
        let due = instants.popDue(now.addingTimeInterval(0.001))
        if !due.isEmpty { evaluate(due, world: world, now: now) }
        if let digest = nextDigest, digest <= now.addingTimeInterval(0.001) {
            scheduleDigest(world: world, now: now, catchUp: false)
            sendDigest(world: world, at: now)
        }
        if let weekly = nextWeekly, weekly <= now.addingTimeInterval(0.001) {
            scheduleWeekly(world: world, now: now, catchUp: false)
            sendWeekly(world: world, at: now, period: nil)
        }
        delivery.kick()
        rearm(world: world)
    }

    /// Lays one stored update over the world (unknown items are skipped: their plan changed).
    private func overlay(_ update: UpdateRecord, on world: inout World) {
        guard let index = world.index[AlertLedger.itemRef(update.planID, update.itemID)] else { return }
        let ref = world.refs[index]
        let zone = world.contexts[ref.plan].timeZone
        if let until = UpdateOverlay.apply(
            update, to: &world.plans[ref.plan].items[ref.item], zone: zone,
            ackUntil: { at in
                AlertPolicy.after(
                    at, seconds: world.config.alerts.repeatOverdue, workingDays: world.config.alerts.repeatOverdueWorkingDays,
                    calendar: world.config.policy.calendar, zone: zone)
            })
        {
            world.silences[index] = until
        }
        if update.kind == UpdateKind.reopen.rawValue || update.kind == UpdateKind.done.rawValue {
            world.silences[index] = nil
        }
    }

    private func planner(_ world: World) -> AlertPlanner {
        AlertPlanner(
            alerts: world.config.alerts, reminderDays: world.config.policy.reminderDays, routing: world.config.routing,
            webhooks: world.config.receivers.filter(\.kind.isGroupChannel), policy: world.config.policy)
    }

    private func nextInstant(
        _ index: Int, world: World, planner: AlertPlanner, now: Date
    ) -> (next: Date?, outcome: AlertPlanner.Outcome, state: ItemState) {
        let ref = world.refs[index]
        let plan = world.plans[ref.plan]
        let item = plan.items[ref.item]
        let evaluation = DeadlineEvaluator(policy: world.config.policy).evaluate(item, context: world.contexts[ref.plan], at: now)
        var outcome = planner.plan(item: item, in: plan, evaluation: evaluation, ledger: ledger, at: now)
        if let until = world.silences[index], until > now, item.status != .done {
            // Acknowledged or snoozed: nothing is sent until then; look again when it ends.
            outcome.alerts = []
            outcome.nextAlert = until
        }
        let candidates = [evaluation.nextChange, outcome.nextAlert].compactMap { $0 }
        return (candidates.min(), outcome, evaluation.state)
    }

    /// Evaluates the given items at `now`, queues what is due, and reschedules them.
    private func evaluate(_ indices: [Int], world: World, now: Date) {
        var alerts: [PlannedAlert] = []
        var unrouted = 0
        var toDefaultRecipient = 0
        var groupChatsOnly = 0
        var held = 0
        let planner = planner(world)
        for index in indices {
            let (next, outcome, itemState) = nextInstant(index, world: world, planner: planner, now: now)
            tally.record(itemState, at: index)
            alerts += outcome.alerts
            unrouted += outcome.unrouted.isEmpty ? 0 : 1
            toDefaultRecipient += outcome.toDefaultRecipient.isEmpty ? 0 : 1
            groupChatsOnly += outcome.groupChatsOnly.isEmpty ? 0 : 1
            held += outcome.held
            instants.schedule(index, at: next)
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
        if !enqueue(alerts, world: world, now: now) {
            // Nothing was queued or recorded: decide these items again once writes may work.
            let retry = now.addingTimeInterval(outboxRetryDelay())
            for index in Set(alerts.compactMap { world.index[AlertLedger.itemRef($0.entry.planID, $0.entry.itemID)] }) {
                instants.schedule(index, at: retry)
            }
        }
    }

    /// 1 s after the first refused outbox write, doubling to at most 60 s.
    private func outboxRetryDelay() -> TimeInterval {
        min(60, pow(2, Double(max(0, outboxFailures - 1))))
    }

    private func storageFailed(_ operation: String, _ error: any Error) {
        if health.failed(operation, error: error, at: clock()) {
            logger.error(
                "the state database refuses writes; alerts are decided again when it takes them",
                metadata: ["operation": "\(operation)", "error": "\(error)"])
        }
    }

    private func storageWorked() {
        if let ended = health.succeeded() {
            logger.notice(
                "the state database takes writes again",
                metadata: ["since": "\(ended.since)", "operation": "\(ended.operation)"])
        }
    }

    /// Writes the notices for `alerts` to the outbox; false when the database refused them.
    @discardableResult
    private func enqueue(_ alerts: [PlannedAlert], world: World, now: Date) -> Bool {
        guard !alerts.isEmpty else { return true }
        let assembler = NoticeAssembler(language: world.config.language, timeZone: world.config.timeZone)
        let notices = assembler.notices(from: alerts, at: now) { UUID().uuidString.lowercased() }
        let encoder = JSONEncoder()
        var reasonsByKey: [String: String] = [:]
        for alert in alerts { reasonsByKey[alert.log.alertKey + "\u{1}" + alert.recipient.address] = alert.reason.rawValue }
        var records: [OutboxRecord] = []
        for (notice, logs) in notices {
            let data: Data
            do {
                data = try encoder.encode(notice)
            } catch {
                logger.error("cannot encode a notice; it is not sent", metadata: ["notice": "\(notice.id)", "error": "\(error)"])
                continue
            }
            records.append(
                OutboxRecord(
                    id: notice.id, receiver: notice.receiver, recipient: notice.recipient, notice: data, logEntries: logs,
                    createdAt: now, nextAttemptAt: now))
        }
        do {
            try store.enqueue(records)
            outboxFailures = 0
            storageWorked()
            for record in records { for entry in record.logEntries { ledger.record(entry) } }
            for alert in alerts {
                logger.debug(
                    "alert decided",
                    metadata: [
                        "kind": "\(alert.entry.kind.rawValue)", "plan": "\(alert.entry.planID)", "item": "\(alert.entry.itemID)",
                        "recipient": "\(alert.recipient.address)", "reason": "\(alert.reason.rawValue)",
                    ])
            }
            for (notice, logs) in notices {
                let kinds = Set(notice.entries.map(\.kind.rawValue)).sorted().joined(separator: ",")
                let reasons = Set(logs.compactMap { reasonsByKey[$0.alertKey + "\u{1}" + $0.recipient] }).sorted().joined(separator: ",")
                let count = NoticeCount(notice)
                logger.info(
                    "notice queued",
                    metadata: [
                        "notice": "\(notice.id)", "receiver": "\(notice.receiver)", "recipient": "\(notice.recipient)",
                        "alerts": "\(count.alerts)", "items": "\(count.items)", "kinds": "\(kinds)", "reasons": "\(reasons)",
                    ])
            }
        } catch {
            outboxFailures += 1
            storageFailed("write the outbox", error)
            logger.error(
                "cannot write the outbox; these alerts will be decided again",
                metadata: [
                    "alerts": "\(alerts.count)", "retry_in": "\(Int(outboxRetryDelay()))s", "error": "\(error)",
                ])
            return false
        }
        return true
    }

    private func scheduleDigest(world: World, now: Date, catchUp: Bool) {
        guard let schedule = world.config.alerts.digest else {
            nextDigest = nil
            return
        }
        let zone = world.config.timeZone
        let alerts = world.config.alerts
        // Digests keep office days: one on a day off goes out on the next working day.
        let daysOff = alerts.sendOnDaysOff ? nil : world.config.policy.calendar
        if catchUp {
            // A digest missed while the daemon was down goes out once at start (never one from
            // before the daemon first ran).
            let previous = schedule.previous(atOrBefore: now, in: zone, daysOff: daysOff)
            let firstStarted = (try? store.meta("first_started")).flatMap { $0.flatMap(Double.init) }.map(Date.init(timeIntervalSince1970:))
            let lastSent = ledger.entries(planID: "*", itemID: "*").map(\.sentAt).max()
            if let firstStarted, previous > firstStarted, (lastSent ?? .distantPast) < previous {
                nextDigest = now
                return
            }
        }
        nextDigest = schedule.next(after: now, in: zone, daysOff: daysOff)
    }

    private func sendDigest(world: World, at now: Date) {
        let policy = DeadlineEvaluator(policy: world.config.policy)
        let evaluations = world.plans.enumerated().map { p, plan in
            plan.items.map { policy.evaluate($0, context: world.contexts[p], at: now) }
        }
        let builder = DigestBuilder(routing: world.config.routing, webhooks: world.config.receivers.filter(\.kind.isGroupChannel))
        let alerts = builder.alerts(plans: world.plans, evaluations: evaluations, at: now)
        logger.info("digest", metadata: ["entries": "\(alerts.count)"])
        if !enqueue(alerts, world: world, now: now) {
            // The digest is sent once the database takes writes again.
            nextDigest = now.addingTimeInterval(outboxRetryDelay())
        }
    }

    // MARK: the weekly 情况通报

    private func weeklyJob(_ world: World) -> WeeklyReportJob? {
        guard let weekly = world.config.reports.weekly else { return nil }
        return WeeklyReportJob(
            config: weekly, emailReceiver: world.config.routing.emailReceiver, zone: world.config.timeZone,
            language: world.config.language, policy: world.config.policy)
    }

    /// Like the digest: the next scheduled instant, or now when one was missed while the
    /// daemon was down (once, and never one from before the daemon first ran).
    private func scheduleWeekly(world: World, now: Date, catchUp: Bool) {
        guard let job = weeklyJob(world) else {
            nextWeekly = nil
            return
        }
        let zone = world.config.timeZone
        let daysOff = job.daysOff(world.config.policy.calendar)
        if catchUp {
            let previous = job.config.schedule.previous(atOrBefore: now, in: zone, daysOff: daysOff)
            let firstStarted = (try? store.meta("first_started")).flatMap { $0.flatMap(Double.init) }.map(Date.init(timeIntervalSince1970:))
            let lastSent = ledger.entries(planID: "*", itemID: "*").filter { $0.alertKey == WeeklyReportJob.alertKey }.map(\.sentAt).max()
            if let firstStarted, previous > firstStarted, (lastSent ?? .distantPast) < previous {
                nextWeekly = now
                return
            }
        }
        nextWeekly = job.config.schedule.next(after: now, in: zone, daysOff: daysOff)
    }

    /// Queues the weekly 情况通报 for `period` (default: the one a send now covers); returns the
    /// period and how many notices were queued, or nil when it is not configured.
    @discardableResult
    private func sendWeekly(world: World, at now: Date, period requested: ReportPeriod?) -> (ReportPeriod, Int)? {
        guard let job = weeklyJob(world) else { return nil }
        let period = requested ?? job.period(forSendAt: now)
        let updates: [UpdateRecord]
        do {
            updates = try store.updates()
        } catch {
            storageFailed("read the history for the weekly report", error)
            nextWeekly = now.addingTimeInterval(outboxRetryDelay())
            return (period, 0)
        }
        let notices = job.notices(plans: world.plans, updates: updates, period: period, now: now) { UUID().uuidString.lowercased() }
        let encoder = JSONEncoder()
        var records: [OutboxRecord] = []
        for (notice, log) in notices {
            guard let data = try? encoder.encode(notice) else {
                logger.error("cannot encode the weekly report; it is not sent", metadata: ["notice": "\(notice.id)"])
                continue
            }
            records.append(
                OutboxRecord(
                    id: notice.id, receiver: notice.receiver, recipient: notice.recipient, notice: data, logEntries: [log],
                    createdAt: now, nextAttemptAt: now))
        }
        do {
            try store.enqueue(records)
            storageWorked()
            for record in records { for entry in record.logEntries { ledger.record(entry) } }
        } catch {
            storageFailed("write the outbox", error)
            logger.error("cannot queue the weekly report; it is tried again", metadata: ["error": "\(error)"])
            nextWeekly = now.addingTimeInterval(outboxRetryDelay())
            return (period, 0)
        }
        logger.info(
            "weekly report queued",
            metadata: ["period": "\(period.firstDay)…\(period.lastDay)", "notices": "\(records.count)"])
        delivery.kick()
        return (period, records.count)
    }

    /// `POST /v1/reports/weekly`: the weekly 情况通报 of `week` (default: the one a send now
    /// covers) queued at once to the configured recipients and channels.
    func sendWeeklyReport(week: ISOWeek?) -> (ReportPeriod, Int)? {
        queue.sync {
            guard case .running(let world) = state else { return nil }
            let result = sendWeekly(world: world, at: clock(), period: week.map { $0.period(in: world.config.timeZone) })
            rearm(world: world)
            return result
        }
    }

    private func rearm(world: World) {
        let now = clock()
        var wake = [instants.peek(), nextDigest, nextWeekly].compactMap { $0 }
        // Records already due are the delivery lanes' (each looks again after its pass, so one
        // that fell due during a long pass is sent without a timer); the timer waits for the
        // earliest *future* retry, and for the end of quiet hours when anything is pending.
        do {
            let future = try store.nextOutboxAttempt(after: now)
            let pending = try store.nextOutboxAttempt()
            // Quiet hours come from the scheduler's own config: asking the delivery queue would
            // wait behind a blocking delivery batch.
            let zone = world.config.timeZone
            if let pending, let quiet = world.config.alerts.quietHours?.end(ofWindowContaining: max(now, pending), in: zone) {
                wake.append(quiet)
            } else if let future {
                wake.append(future)
            }
        } catch {
            storageFailed("outbox read", error)
            wake.append(now.addingTimeInterval(DeliveryWorker.storageRetryDelay))
        }
        let next = wake.min()
        timer?.arm(at: next)
        logger.debug("timer armed", metadata: ["at": "\(next.map { "\($0)" } ?? "never")"])
        publishSummary(world: world, nextWake: next)
    }

    /// Tells `onEvaluated` the counts and the next wake, when they changed.
    private func publishSummary(world: World, nextWake: Date?) {
        guard let onEvaluated else { return }
        let summary = Summary(
            open: tally.open, overdue: tally.overdue, lagging: tally.lagging, nextWake: nextWake,
            timeZone: world.config.timeZone, storageFailure: health.failure)
        guard summary != lastPublished else { return }
        lastPublished = summary
        onEvaluated(summary)
    }
}

extension Scheduler {
    /// Once per plan and load: the three-colour ladder has a rung with nobody on it.
    fileprivate func warnLadderGaps(_ plans: [Plan], routing: Routing) {
        AlertPlanner.warnLadderGaps(plans, routing: routing, logger: logger)
    }
}

