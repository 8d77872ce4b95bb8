import Foundation

/// A min-heap of (instant, key) with one live entry per key: re-scheduling a key supersedes
/// its earlier entry (lazy deletion by a per-key generation). Keys are the world's flat item
/// indices (small, dense, non-negative), so generations live in an array, not a dictionary;
/// superseded entries are swept out when they outnumber the live ones. Not thread-safe:
/// confine to one queue.
struct InstantQueue {
    private struct Entry {
        var instant: Double
        var key: Int32
        var generation: UInt32
    }

    private var heap: [Entry] = []
    /// Per key: bumped at every change of its schedule, so older entries are recognised as dead.
    private var generations: [UInt32] = []
    /// Per key: whether it is scheduled.
    private var live: [Bool] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Schedules `key` at `instant`, replacing any earlier schedule of `key`; nil unschedules.
    mutating func schedule(_ key: Int, at instant: Date?) {
        if key >= live.count {
            generations += repeatElement(0, count: key + 1 - live.count)
            live += repeatElement(false, count: key + 1 - live.count)
        }
        generations[key] &+= 1
        count += (instant == nil ? 0 : 1) - (live[key] ? 1 : 0)
        live[key] = instant != nil
        guard let instant else { return }
        heap.append(Entry(instant: instant.timeIntervalSince1970, key: Int32(key), generation: generations[key]))
        siftUp(heap.count - 1)
        if heap.count > 2 * count + 1024 { sweep() }
    }

    /// The earliest live instant.
    mutating func peek() -> Date? {
        dropDead()
        return heap.first.map { Date(timeIntervalSince1970: $0.instant) }
    }

    /// Removes and returns every live key due at or before `now`.
    mutating func popDue(_ now: Date) -> [Int] {
        let limit = now.timeIntervalSince1970
        var due: [Int] = []
        while true {
            dropDead()
            guard let top = heap.first, top.instant <= limit else { break }
            removeTop()
            live[Int(top.key)] = false
            count -= 1
            due.append(Int(top.key))
        }
        return due
    }

    mutating func removeAll() {
        heap.removeAll()
        generations.removeAll()
        live.removeAll()
        count = 0
    }

    private func isLive(_ entry: Entry) -> Bool {
        let key = Int(entry.key)
        return live[key] && generations[key] == entry.generation
    }

    private mutating func dropDead() {
        while let top = heap.first, !isLive(top) { removeTop() }
    }

    /// Keeps only the live entries and restores the heap order.
    private mutating func sweep() {
        let (generations, live) = (self.generations, self.live)
        heap.removeAll { entry in
            let key = Int(entry.key)
            return !(live[key] && generations[key] == entry.generation)
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    private mutating func removeTop() {
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].instant < heap[parent].instant else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].instant < heap[smallest].instant { smallest = left }
            if right < heap.count && heap[right].instant < heap[smallest].instant { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
