import Foundation

/// A value behind a lock: `withLock` runs its closure with the value while holding the lock.
///
/// Used instead of the standard library's `Synchronization.Mutex`, which is as fast but which
/// ThreadSanitizer cannot follow on Linux: a contended `Mutex` is taken in the kernel (a
/// priority-inheriting futex), so TSan sees no hand-over between the threads and reports every
/// contended section as a data race (eight threads adding to a `Mutex<[Int: Int]>` give five
/// reports; the same with this type, none). `scripts/tsan.sh` must speak only of real races.
/// `NSLock` is a pthread mutex, which TSan intercepts.
///
/// `@unchecked Sendable`: `value` is read and written only while `lock` is held.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
