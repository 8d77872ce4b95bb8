import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plan file's bytes, mapped read-only instead of copied onto the heap: a 50 MB plan is
/// then never held twice (as bytes and as items). The reader hands back the pages it has read
/// (`release(before:)`); they stay in the page cache and come back if touched again.
///
/// One owner for the mapping: unmapped in `deinit`. Not `Sendable`: read it where it was made.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    private var released = 0

    private init(base: UnsafeMutableRawPointer?, length: Int) {
        self.base = base
        self.length = length
        bytes = UnsafeRawBufferPointer(start: base, count: length)
    }

    /// The file mapped, or nil when it cannot be (not a regular file, mmap refused); throws the
    /// `errno` when it cannot be opened at all.
    static func mapping(of path: String) throws(MappedFileError) -> MappedFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MappedFileError(errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw MappedFileError(errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let length = Int(info.st_size)
        guard length > 0 else { return MappedFile(base: nil, length: 0) }
        guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        _ = madvise(base, length, MADV_SEQUENTIAL)
        return MappedFile(base: base, length: length)
    }

    /// Gives the whole pages before `offset` back to the kernel (they are still the file's).
    func release(before offset: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = min(offset, length) / page * page
        guard let base, end > released else { return }
        _ = madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }

    deinit {
        if let base { munmap(base, length) }
    }
}

/// `open` or `fstat` failed.
struct MappedFileError: Error {
    var errno: Int32
}
