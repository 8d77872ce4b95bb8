import Dispatch
import Foundation

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
            var instants = InstantQueue<Int>()
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
