import Dispatch
import Foundation
import Logging
import RectifyStore

/// Measurements for bench/daemon.sh (not used by the daemon itself).
public enum Benchmarks {
    /// Arms `count` instants spread over `spread` seconds in one `InstantQueue` driven by one
    /// `WallClockTimer`, exactly as the scheduler does, and returns each instant's lateness
    /// (fire time − instant) in seconds.
    public static func timerLateness(count: Int, spread: TimeInterval) -> [Double] {
        let queue = DispatchQueue(label: "bench.timer")
        let done = DispatchSemaphore(value: 0)
        /// `@unchecked Sendable`: used only on `queue` (the timer fires there; setup runs in `queue.sync`).
        final class Run: @unchecked Sendable {
            var instants = InstantQueue()
            var when: [Date] = []
            var lateness: [Double] = []
            var timer: WallClockTimer?
        }
        let run = Run()
        let start = Date().addingTimeInterval(0.5)
        run.when = (0..<count).map { start.addingTimeInterval(spread * Double($0) / Double(count)) }.shuffled()
        for (i, instant) in run.when.enumerated() { run.instants.schedule(i, at: instant) }
        run.lateness.reserveCapacity(count)
        queue.sync {
            run.timer = WallClockTimer(queue: queue) {
                let now = Date()
                for key in run.instants.popDue(now) { run.lateness.append(now.timeIntervalSince(run.when[key])) }
                if let next = run.instants.peek() {
                    run.timer?.arm(at: next)
                } else {
                    run.timer?.cancel()
                    done.signal()
                }
            }
            run.timer?.arm(at: run.instants.peek())
        }
        done.wait()
        return run.lateness
    }
}

extension Benchmarks {
    /// What a cold start costs, run synchronously so a profiler can follow it (valgrind cannot
    /// follow Swift's async frames): the first snapshot, the state directory, the scheduler's
    /// first evaluation with its outbox writes (the daemon is ready after this), then delivery
    /// passes until nothing is due. The same types the daemon runs, without its services.
    public static func coldStart(configPath: String) throws -> ColdStart {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let clock = ContinuousClock()
        let t0 = clock.now
        let loader = SnapshotLoader(reportImporter: nil, makeChannels: Receivers.make)
        let snapshot = try loader.load(configPath: configPath, logger: logger, generation: 1)
        let config = snapshot.config
        let stateDirectory = try StateDirectory.open(for: config, acceptNewState: true)
        let store = stateDirectory.store, health = StorageHealth()
        let snapshots = SnapshotCell(snapshot)
        let delivery = DeliveryWorker(store: store, snapshots: snapshots, health: health, logger: logger, clock: { Date() })
        let scheduler = Scheduler(
            store: store, health: health, evaluations: Evaluations(clock: { Date() }), logger: logger, clock: { Date() },
            outboxWritten: { _ in })
        try scheduler.start(snapshot: snapshot)
        let t1 = clock.now
        var delivered = 0
        while let receiver = try store.receiversDue(at: Date()).first {
            let pass = delivery.pass(receiver: receiver)
            delivered += pass.confirmed.count
            if pass.confirmed.isEmpty && !pass.again { break }
        }
        let t2 = clock.now
        scheduler.stop()
        try stateDirectory.closeDatabase()
        return ColdStart(ready: seconds(t1 - t0), delivered: delivered, delivering: seconds(t2 - t1))
    }

    public struct ColdStart: Sendable {
        /// Snapshot, state and first evaluation: what stands between start and READY=1.
        public var ready: Double
        /// Log entries confirmed (one per alert key and recipient).
        public var delivered: Int
        public var delivering: Double
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
