import Dispatch
import Synchronization

/// Where control handlers run: a few serial queues taken in turn, so requests run side by side
/// without a concurrent queue. A concurrent queue runs on libdispatch's global (non-overcommit)
/// pool, and the first job there registers its thread with libdispatch's worker-pool monitor,
/// whose one-second timer then wakes the daemon for good (swift-corelibs-libdispatch,
/// src/event/workqueue.c; see `DaemonExecutor`); serial queues run on overcommit threads,
/// which the monitor does not watch.
final class WorkLanes: Sendable {
    private let queues: [DispatchQueue]
    private let next = Atomic<Int>(0)

    init(label: String, count: Int) {
        queues = (0..<max(1, count)).map { DispatchQueue(label: "\(label).\($0)") }
    }

    func async(_ work: @escaping @Sendable () -> Void) {
        let turn = next.add(1, ordering: .relaxed).oldValue
        queues[turn % queues.count].async(execute: work)
    }
}
