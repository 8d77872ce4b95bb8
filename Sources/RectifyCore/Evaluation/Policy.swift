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
    /// Days off and make-up working days (调休); needed for working-day windows and for
    /// moving deadlines off days off. nil: every day counts.
    public var calendar: WorkingCalendar?
    /// `reminderDays` are working days of `calendar` (`10wd`), not calendar days.
    public var reminderInWorkingDays = false
    /// What a deadline falling on a day off means (default: it stays).
    public var deadlineOnDayOff: DayOffRule = .stays

    /// A deadline on a day off (a weekend, 春节, 国庆节) stays, or moves to the next working day.
    public enum DayOffRule: String, Hashable, Sendable, CaseIterable {
        case stays
        case nextWorkingDay = "next_working_day"
    }

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

    /// The day an item is due by: its deadline's last day, moved to the next working day when
    /// the policy says so and it falls on a day off.
    public func dueDate(_ deadline: Deadline) -> CalendarDate {
        guard deadlineOnDayOff == .nextWorkingDay, let calendar else { return deadline.date }
        return calendar.nextWorkingDay(onOrAfter: deadline.date)
    }

    /// The first day of the reminder window of `window` days (or working days) before `due`.
    public func windowOpens(_ window: Int, due: CalendarDate) -> CalendarDate {
        guard reminderInWorkingDays, let calendar else { return due.adding(days: 1 - window) }
        return calendar.windowOpens(workingDays: window, before: due)
    }
}
