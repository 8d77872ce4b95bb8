import Dispatch
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Delivers the outbox (`DeliveryWorker`'s lanes). First to start, last to stop: on shutdown it
/// stops starting passes, lets the running ones finish within `delivery.shutdown_grace`, and
/// ends the stream of confirmations.
struct DeliveryService: Service {
    let parts: DaemonParts

    func run() async throws {
        let delivery = parts.delivery
        delivery.kick()
        await waitForShutdown()
        delivery.stop()
        let grace = parts.snapshots.current.config.delivery.shutdownGrace
        // Waited for on a queue of its own: a global queue would start libdispatch's
        // once-a-second worker monitor (see `DaemonExecutor`).
        let drained = await withCheckedContinuation { continuation in
            DispatchQueue(label: "rectifyd.drain").async { continuation.resume(returning: delivery.drain(timeout: grace)) }
        }
        if !drained {
            parts.logger.warning("deliveries still running at shutdown; they stay in the outbox", metadata: ["grace": "\(grace)s"])
        }
        delivery.finish()
    }
}

/// Evaluates and schedules (`Scheduler`): starts by evaluating everything once and arming the
/// timer, then records what the delivery lanes confirm until shutdown, when the timer stops.
struct SchedulerService: Service {
    let parts: DaemonParts
    let started: Readiness

    func run() async throws {
        let scheduler = parts.scheduler, snapshot = parts.snapshots.current
        try scheduler.start(snapshot: snapshot)
        parts.logger.info(
            "started",
            metadata: [
                "plans": "\(snapshot.plans.count)", "items": "\(snapshot.itemCount)", "state": "\(snapshot.config.databasePath)",
                "receivers": "\(snapshot.config.receivers.map(\.name).joined(separator: ","))",
            ])
        started.markReady()
        // Not `cancelOnGracefulShutdown()`: it merges sequences in an unstructured task on the
        // cooperative pool (see DaemonExecutor). Shutdown ends the stream instead.
        await withGracefulShutdownHandler {
            for await confirmation in parts.delivery.confirmations { scheduler.record(confirmation) }
        } onGracefulShutdown: {
            parts.delivery.finish()
        }
        scheduler.stop()
    }
}

/// The control socket (`ControlServer`): binds once the scheduler has evaluated everything,
/// serves until shutdown, then stops accepting, closes its connections and removes its own
/// socket file.
struct ControlSocketService: Service {
    let server: ControlServer
    let schedulerStarted: Readiness
    let listening: Readiness

    func run() async throws {
        await schedulerStarted.wait()
        try Task.checkCancellation()
        try await server.start()
        listening.markReady()
        await withGracefulShutdownHandler {
            await server.serve()
        } onGracefulShutdown: {
            server.stopAccepting()
        }
        await server.stop()
    }
}

/// systemd's side: READY=1 once the socket listens (then the watchdog pings), a reload on
/// every SIGHUP, STOPPING=1 when the group shuts down. Last to start, first to stop.
struct SystemdService: Service {
    let parts: DaemonParts
    let listening: Readiness
    /// Trapped by `Daemon` before anything else: hangups from the start on are reloads.
    let hangups: UnixSignalsSequence

    func run() async throws {
        let systemd = parts.systemd
        let hangups = self.hangups
        await listening.wait()
        guard !Task.isCancelled else { return }
        // Plans are loaded and the control socket accepts connections: now systemd may go on.
        systemd.notify("READY=1")
        if let interval = systemd.watchdogInterval {
            parts.scheduler.startWatchdog(interval: interval) { [systemd] in systemd.notify("WATCHDOG=1") }
        }
        // A reload per SIGHUP until shutdown (a child task, cancelled then; see SchedulerService).
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await _ in hangups { _ = await parts.reloader.reloadInBackground() }
            }
            await waitForShutdown()
            group.cancelAll()
        }
        parts.logger.info("stopping")
        systemd.notify("STOPPING=1")
    }
}

/// Returns when the group shuts down gracefully or the task is cancelled.
func waitForShutdown() async {
    do {
        try await gracefulShutdown()
    } catch {
        // Cancelled: shutting down all the same.
    }
}
