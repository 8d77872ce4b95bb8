import Dispatch
import NIOCore

/// Where the daemon's own tasks run (the services, the control socket's connections): one
/// serial Dispatch queue, not the cooperative pool. On Linux the first job on the cooperative
/// pool starts libdispatch's thread-pool monitor, which then wakes the process every second
/// for good; the services wait almost all the time, so they need no pool, and an idle daemon
/// keeps sleeping until its next instant. Blocking work never runs here: the scheduler,
/// delivery lanes, reloads and control handlers have queues of their own.
final class DaemonExecutor: TaskExecutor {
    static let shared = DaemonExecutor()

    private let queue = DispatchQueue(label: "rectifyd.tasks")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Runs a task's jobs on a NIO event loop: a control connection's task reads and writes HTTP
/// parts on the loop that owns its channel, without a hop to another thread.
final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

extension Daemon {
    /// Runs the daemon on `DaemonExecutor`; returns the process's exit status.
    public func runToCompletion(report: @escaping @Sendable (any Error) -> Int32) async -> Int32 {
        await withTaskExecutorPreference(DaemonExecutor.shared) {
            do {
                try await run()
                return 0
            } catch {
                return report(error)
            }
        }
    }

    /// Starts the daemon on `DaemonExecutor` from synchronous code and calls `finished` with
    /// the exit status when it has stopped (the caller parks the main thread meanwhile).
    public func start(report: @escaping @Sendable (any Error) -> Int32, finished: @escaping @Sendable (Int32) -> Void) {
        Task(executorPreference: DaemonExecutor.shared) {
            finished(await runToCompletion(report: report))
        }
    }
}
