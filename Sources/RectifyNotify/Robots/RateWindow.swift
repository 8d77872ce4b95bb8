import RectifyCore
import Foundation

/// The robot's send budget: the instants of recent sends in a sliding window.
///
/// A sliding log rather than a token bucket: a bucket of 20 refilled at 1 per 3 s lets 39
/// messages through in one minute, and DingTalk blocks a robot for 10 minutes for that. The
/// log lives in the notifier, which the daemon keeps across delivery passes. A margin is
/// added to each window because the robot counts arrivals, which come a little after sends.
final class RateWindow: Sendable {
    private let limit: RateLimit
    private let margin: TimeInterval
    /// The instants of recent sends.
    private let sent = Locked<[Date]>([])

    init(_ limit: RateLimit, margin: TimeInterval? = nil) {
        self.limit = limit
        self.margin = margin ?? min(1, limit.window / 20)
    }

    enum Decision: Equatable {
        case send
        /// The per-second limit is reached; the window has room again after this many seconds.
        case wait(TimeInterval)
        /// The window's budget is spent until this instant.
        case exhausted(until: Date)
    }

    /// Whether one more message may go at `now`; `.send` records it.
    func acquire(at now: Date) -> Decision {
        sent.withLock { sent in decide(&sent, at: now) }
    }

    private func decide(_ sent: inout [Date], at now: Date) -> Decision {
        let span = limit.window + margin
        sent.removeAll { now.timeIntervalSince($0) >= span }
        if sent.count >= limit.perWindow {
            return .exhausted(until: sent[sent.count - limit.perWindow].addingTimeInterval(span))
        }
        if let perSecond = limit.perSecond {
            let second = 1 + margin
            let recent = sent.filter { now.timeIntervalSince($0) < second }
            if recent.count >= perSecond {
                return .wait(recent[recent.count - perSecond].addingTimeInterval(second).timeIntervalSince(now))
            }
        }
        sent.append(now)
        return .send
    }

    /// The robot said "too fast": treat the window as full from now on.
    func markThrottled(at now: Date) {
        sent.withLock { sent in sent.append(contentsOf: Array(repeating: now, count: max(0, limit.perWindow - sent.count))) }
    }
}
