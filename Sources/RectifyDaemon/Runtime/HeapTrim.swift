#if canImport(Glibc)
    import Glibc
#endif

/// Gives freed heap memory back to the kernel after a burst of work (the first evaluation of
/// 100,000 items, a delivery backlog): glibc keeps freed memory in its arenas, so without this
/// an idle daemon stays as large as its busiest moment.
enum HeapTrim {
    static func afterBurst() {
        _ = trim?(0)
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
