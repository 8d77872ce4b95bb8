import Foundation

/// The thresholds the evaluator applies. Defaults follow the three-colour practice of
/// 督办 offices: green at 20 days left, yellow at 10, red when overdue.
public struct Policy: Hashable, Sendable {
    /// Days before the deadline at which an item enters each reminder window, largest first.
    /// The first window is green, the later ones yellow; overdue is red.
    public var reminderDays: [Int]
    /// An open item with no progress update for this long is stale.
    public var staleAfter: TimeInterval
    /// An item is behind pace when its progress fraction is below the elapsed fraction of
    /// its time by more than this margin (0.2: at 70% of the time, under 50% done).
    public var paceMargin: Double
    /// A long-term item (长期坚持) needs a progress review at least this often.
    public var longTermReview: TimeInterval

    public static let day: TimeInterval = 86_400

    public init(
        reminderDays: [Int] = [20, 10], staleAfter: TimeInterval = 30 * Policy.day, paceMargin: Double = 0.2,
        longTermReview: TimeInterval = 90 * Policy.day
    ) {
        self.reminderDays = reminderDays.sorted(by: >)
        self.staleAfter = staleAfter
        self.paceMargin = paceMargin
        self.longTermReview = longTermReview
    }

    public static let `default` = Policy()
}
