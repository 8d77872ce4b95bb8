import Foundation

/// Bytes on their way to standard output, written in 64 KiB pieces: `check` prints a report of
/// any size without first building it as one string. A value passed `inout` (a class would check
/// exclusive access on every append); the owner calls `flush()` at the end.
struct OutputBuffer {
    var bytes: [UInt8] = []
    private let fd: Int32

    init(fd: Int32 = STDOUT_FILENO) {
        self.fd = fd
        bytes.reserveCapacity(1 << 16)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        flushIfFull()
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    mutating func append(spaces count: Int) {
        var left = count
        while left > 0 {
            let n = min(left, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<n])
            left -= n
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    mutating func flushIfFull() {
        if bytes.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered (a closed pipe ends the process with SIGPIPE, as `print` would).
    mutating func flush() {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
