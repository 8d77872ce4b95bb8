import Dispatch
import Foundation

extension DeliveryWorker {
    /// One receiver's serial queue: passes never overlap, a kick during a pass runs another.
    /// `@unchecked Sendable`: `running`, `again` and `retryPending` are confined to `queue`.
    final class Lane: @unchecked Sendable {
        let receiver: String
        let queue: DispatchQueue
        unowned let worker: DeliveryWorker
        private var running = false
        private var again = false
        private var retryPending = false

        init(receiver: String, worker: DeliveryWorker) {
            self.receiver = receiver
            self.worker = worker
            self.queue = DispatchQueue(label: "rectifyd.delivery.\(receiver)")
        }

        func kick() {
            worker.inFlight.enter()
            queue.async {
                defer { self.worker.inFlight.leave() }
                if self.running {
                    self.again = true
                    return
                }
                self.run()
            }
        }

        /// After the database refused a write: try again after `delay` (one pending retry at a time).
        func retry(after delay: TimeInterval) {
            queue.async {
                guard !self.retryPending else { return }
                self.retryPending = true
                self.queue.asyncAfter(deadline: .now() + delay) {
                    self.retryPending = false
                    guard !self.worker.isStopped else { return }
                    self.kick()
                }
            }
        }

        private func run() {
            running = true
            var delivered = 0
            defer {
                running = false
                // The database's caches too after a backlog, not after every notice: the next
                // pass would read its pages and prepare its statements again, in the way of
                // the next alert.
                if delivered >= 1000 {
                    HeapTrim.afterBurst(worker.store)
                } else if delivered > 0 {
                    HeapTrim.afterBurst()
                }
            }
            repeat {
                again = false
                guard !worker.isStopped else { return }
                let result = worker.pass(receiver: receiver)
                delivered += result.confirmed.count
                // Reported even when empty: a pass that only failed moved retries the timer must wait for.
                worker.report(result.confirmed, receiver: receiver)
                if result.storageTrouble {
                    retry(after: DeliveryWorker.storageRetryDelay)
                    return
                }
                if result.again { again = true }
            } while again
        }
    }
}
