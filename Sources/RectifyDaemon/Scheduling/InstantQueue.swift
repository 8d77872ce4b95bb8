import Foundation

/// A min-heap of (instant, key) with one live entry per key: re-scheduling a key supersedes
/// its earlier entry (lazy deletion by generation). Not thread-safe: confine to one queue.
struct InstantQueue<Key: Hashable> {
    private struct Entry {
        var instant: Date
        var key: Key
        var generation: Int
    }

    private var heap: [Entry] = []
    private var generations: [Key: Int] = [:]
    private var counter = 0

    var isEmpty: Bool { generations.isEmpty }

    /// Live keys in the queue.
    var count: Int { generations.count }

    /// Schedules `key` at `instant`, replacing any earlier schedule of `key`; nil unschedules.
    mutating func schedule(_ key: Key, at instant: Date?) {
        counter += 1
        guard let instant else {
            generations[key] = nil
            return
        }
        generations[key] = counter
        heap.append(Entry(instant: instant, key: key, generation: counter))
        siftUp(heap.count - 1)
    }

    /// The earliest live instant.
    mutating func peek() -> Date? {
        dropDead()
        return heap.first?.instant
    }

    /// Removes and returns every live key due at or before `now`.
    mutating func popDue(_ now: Date) -> [Key] {
        var due: [Key] = []
        while true {
            dropDead()
            guard let top = heap.first, top.instant <= now else { break }
            removeTop()
            generations[top.key] = nil
            due.append(top.key)
        }
        return due
    }

    mutating func removeAll() {
        heap.removeAll()
        generations.removeAll()
    }

    private mutating func dropDead() {
        while let top = heap.first, generations[top.key] != top.generation { removeTop() }
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
