#if canImport(Glibc)
    import Glibc
#endif
import RectifyStore

/// Gives freed heap memory back to the kernel after a burst of work (the first evaluation of
/// 100,000 items, a delivery backlog): glibc keeps freed memory in its arenas, so without this
/// an idle daemon stays as large as its busiest moment.
public enum HeapTrim {
    static func afterBurst() {
        _ = trim?(0)
    }

    /// The same after a burst that used the state database: its connections' page caches
    /// (2 MiB each, the writer's and every reader's) are emptied first.
    static func afterBurst(_ store: StateStore) {
        store.releaseMemory()
        afterBurst()
    }

    /// One malloc arena for the whole process, set before any thread starts. glibc gives a
    /// thread its own arena (64 MiB heaps) when it meets another in malloc; the daemon's work
    /// moves between the scheduler's queue, the delivery lanes, GRDB's queues and the event
    /// loop, so the plan, the ledger and each burst's temporaries ended up spread over 7
    /// arenas, each keeping its own partly used pages (malloc_info at idle after the cold
    /// start at 100,000 items: 250 MB of arena for 100 MB in use; malloc_trim could give back
    /// only 4 MiB). With one arena the idle daemon was 8–10 MiB smaller and no slower: its
    /// threads take turns anyway (one scheduler queue, one lane per receiver).
    public static func oneArena() {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return }
            let M_ARENA_MAX: Int32 = -8  // <malloc.h>
            _ = unsafeBitCast(symbol, to: Mallopt.self)(M_ARENA_MAX, 1)
        #endif
    }

    /// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not export),
    /// looked up once; nil on a C library without it.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
            return nil
        #endif
    }()
}
