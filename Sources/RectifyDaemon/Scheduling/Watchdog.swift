import Dispatch
import Foundation

/// systemd's liveness ping (`WatchdogSec=`): `ping` every `interval` from the scheduler's
/// queue, so the pings stop when that queue is stuck and systemd restarts the daemon. The one
/// timer besides the scheduler's own; it exists only when systemd asked for a watchdog.
///
/// Create, use and cancel it on its queue.
final class Watchdog {
    private let source: DispatchSourceTimer

    init(queue: DispatchQueue, interval: TimeInterval, ping: @escaping @Sendable () -> Void) {
        source = DispatchSource.makeTimerSource(flags: [], queue: queue)
        source.setEventHandler { @Sendable in ping() }
        source.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(Int(interval * 50)))
        source.resume()
        ping()
    }

    func cancel() { source.cancel() }
}
