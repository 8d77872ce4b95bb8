import Foundation

/// Values already read from a plan file, by the exact bytes they were read from: an item's
/// `responsible` block or its deadline repeats byte for byte across thousands of items (a
/// unit has tens of departments and contacts, and a generated or exported file is indented
/// the same at every item). Reading is pure and a JSON object or string ends where its own
/// bytes say, so where the document continues with the bytes of a value read before, it
/// holds that value: it is taken without reading it again. Only values read successfully are
/// kept; anything else is read as usual.
///
/// Found by a hash of their first `prefix` bytes (the shortest span kept, at most
/// `longestPrefix`), so a lookup never has to find where the value ends; the candidates are
/// then compared whole. Bounded: at most `capacity` values of at most `maximumSpan` bytes, and
/// a lookup or an insertion gives up after `probes` slots. The values share their strings, so
/// the plan in memory is smaller too. One reader on one thread: accesses are not checked.
package final class SpanMemo<Value> {
    static var capacity: Int { 4096 }
    static var maximumSpan: Int { 2048 }
    static var longestPrefix: Int { 256 }
    static var probes: Int { 16 }

    /// Open addressing: an entry's index + 1, or 0 when empty.
    @exclusivity(unchecked) private var slots: [Int32]
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var starts: [Int] = []
    @exclusivity(unchecked) private var lengths: [Int] = []
    @exclusivity(unchecked) private var values: [Value] = []
    @exclusivity(unchecked) private var stored: [UInt8] = []
    /// How many bytes the hash covers: the shortest span kept (at most `longestPrefix`).
    @exclusivity(unchecked) private var prefix = SpanMemo.longestPrefix
    private let mask: Int

    init() {
        let slotCount = 2 * Self.capacity
        slots = [Int32](repeating: 0, count: slotCount)
        mask = slotCount - 1
    }

    /// A hash of `bytes`' first `count`, eight bytes at a time.
    private static func hash(_ bytes: UnsafeRawPointer, count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while i + 8 <= count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            h ^= h >> 29
            i += 8
        }
        while i < count {
            h = (h ^ UInt64(bytes.load(fromByteOffset: i, as: UInt8.self))) &* 0x100_0000_01b3
            i += 1
        }
        return h ^ (h >> 32)
    }

    /// The value kept for bytes that `rest` (the document from the value on) begins with, and
    /// how many bytes it took.
    func value(at rest: UnsafeRawBufferPointer) -> (value: Value, length: Int)? {
        guard !values.isEmpty, rest.count >= prefix, let base = rest.baseAddress else { return nil }
        let hash = Self.hash(base, count: prefix)
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.probes {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { return nil }
            let length = lengths[entry]
            if hashes[entry] == hash, length <= rest.count,
                stored.withUnsafeBytes({ memcmp($0.baseAddress! + starts[entry], base, length) == 0 })
            {
                return (values[entry], length)
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Keeps `value` as what `span` reads as (when there is room).
    func insert(_ value: Value, for span: UnsafeRawBufferPointer) {
        guard values.count < Self.capacity, span.count <= Self.maximumSpan, !span.isEmpty else { return }
        if span.count < prefix {
            prefix = span.count
            rehash()
        }
        let entry = values.count
        starts.append(stored.count)
        lengths.append(span.count)
        stored.append(contentsOf: span)
        values.append(value)
        hashes.append(stored.withUnsafeBytes { Self.hash($0.baseAddress! + starts[entry], count: prefix) })
        place(entry)
    }

    private func place(_ entry: Int) {
        var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
        for _ in 0..<Self.probes {
            if slots[slot] == 0 {
                slots[slot] = Int32(entry + 1)
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// The hashes again over a shorter prefix.
    private func rehash() {
        for i in slots.indices { slots[i] = 0 }
        stored.withUnsafeBytes { bytes in
            for entry in hashes.indices { hashes[entry] = Self.hash(bytes.baseAddress! + starts[entry], count: prefix) }
        }
        for entry in hashes.indices { place(entry) }
    }
}

/// The memos of one plan file's reading.
final class PlanMemos {
    let responsible = SpanMemo<Responsibility>()
    let deadline = SpanMemo<Deadline>()
    let progress = SpanMemo<Progress>()
}
