import Dispatch
import Foundation

/// The daemon's one timer: a `DispatchSourceTimer` on the wall clock (CLOCK_REALTIME, so a
/// clock jump is followed), armed at an absolute instant with no leeway.
///
/// Create and use it on its queue only. The source is resumed once and cancelled at the
/// end, never dropped suspended.
final class WallClockTimer {
    private let source: DispatchSourceTimer
    private(set) var armedAt: Date?

    init(queue: DispatchQueue, handler: @escaping @Sendable () -> Void) {
        source = DispatchSource.makeTimerSource(flags: [], queue: queue)
        source.setEventHandler { @Sendable in handler() }
        source.schedule(wallDeadline: .distantFuture, leeway: .never)
        source.resume()
    }

    /// Fires once at `instant` (at once if it has passed); nil disarms.
    func arm(at instant: Date?) {
        armedAt = instant
        guard let instant else {
            source.schedule(wallDeadline: .distantFuture, leeway: .never)
            return
        }
        let seconds = instant.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let spec = timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1_000_000_000))
        source.schedule(wallDeadline: DispatchWallTime(timespec: spec), leeway: .never)
    }

    func cancel() {
        source.cancel()
    }
}
