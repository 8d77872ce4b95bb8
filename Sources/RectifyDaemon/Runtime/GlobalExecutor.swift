import NIOCore
import NIOPosix

/// Where Swift concurrency runs the daemon's async code: on one SwiftNIO event loop thread,
/// not on libdispatch's global queues.
///
/// On Linux, the first job a global (non-overcommit) dispatch queue runs registers its worker
/// thread with libdispatch's worker-pool monitor, which starts a timer on the manager thread
/// that fires every second for the rest of the process (swift-corelibs-libdispatch,
/// `src/event/workqueue.c`, `_dispatch_workq_init_once`). Swift concurrency's default executor
/// is such a queue, so an idle daemon woke up once a second. An event loop sleeps in
/// `epoll_wait` until there is work. The daemon's own queues are serial (they run on
/// overcommit threads, which the monitor does not watch).
public enum GlobalExecutor {
    /// Installs the event loop as the global executor. Call it first thing in `main`, on the
    /// main thread, before anything runs asynchronously; false if it could not be installed.
    @discardableResult
    public static func installEventLoop() -> Bool {
        // The async work is light (handlers hop to the daemon's queues): one loop is enough.
        NIOSingletons.groupLoopCountSuggestion = 1
        return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
