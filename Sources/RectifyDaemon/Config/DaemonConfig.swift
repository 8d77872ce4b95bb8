import Foundation
import RectifyCore
import RectifyStore

/// rectifyd's configuration (docs/configuration.md). Paths are absolute once read:
/// relative ones are resolved against the config file's directory.
public struct DaemonConfig: Sendable {
    public var file: String
    public var stateDir: String
    public var plans: [String]
    public var language: String
    public var timeZone: TimeZone
    public var logLevel: String
    public var policy: Policy
    /// The files `policy.calendar` names (resolved), for the warning when they do not announce
    /// a year the plans need.
    public var calendarFiles: [String] = []
    public var alerts: AlertPolicy
    public var routing: Routing
    public var delivery: DeliveryPolicy
    public var receivers: [ReceiverSpec]
    public var control = ControlConfig()
    /// How long delivery history and the notification log are kept.
    public var retention = RetentionPolicy()
    /// The web listener; nil (no `web:` section): off.
    public var web: WebConfig?
    /// Reports the daemon sends on its own (the weekly 情况通报).
    public var reports = ReportsConfig()

    public var databasePath: String { URL(fileURLWithPath: stateDir).appendingPathComponent("state.sqlite").path }
}

/// When alerts are sent and repeated (the evaluator's `Policy` says when states change).
public struct AlertPolicy: Sendable, Hashable {
    public var repeatOverdue: TimeInterval = 7 * Policy.day
    public var escalateAfter: TimeInterval = 14 * Policy.day
    public var repeatStale: TimeInterval = 30 * Policy.day
    public var digest: DigestSchedule? = DigestSchedule()
    public var quietHours: QuietHours?
    /// `Nwd`: the intervals above in working days of the policy's calendar (Monday–Friday
    /// without one); they win over the seconds, which then hold N calendar days for display.
    public var repeatOverdueWorkingDays: Int?
    public var escalateAfterWorkingDays: Int?
    public var repeatStaleWorkingDays: Int?
    /// Send digests and reminders on days off too. When false and the policy has a calendar,
    /// a digest on a day off moves to the same time on the next working day and a reminder
    /// decided on a day off waits for the start of the next working day.
    public var sendOnDaysOff = false

    public init() {}

    /// `seconds` after `instant`, or `workingDays` working days after it when set.
    public static func after(
        _ instant: Date, seconds: TimeInterval, workingDays: Int?, calendar: WorkingCalendar?, zone: TimeZone
    ) -> Date {
        guard let workingDays else { return instant.addingTimeInterval(seconds) }
        return (calendar ?? WorkingCalendar()).instant(instant, addingWorkingDays: workingDays, in: zone)
    }
}

/// A weekly (or daily) digest at a local time.
public struct DigestSchedule: Sendable, Hashable {
    /// ISO weekday 1 (Monday) … 7; nil = every day.
    public var weekday: Int? = 1
    public var minuteOfDay: Int = 9 * 60

    public init(weekday: Int? = 1, minuteOfDay: Int = 9 * 60) {
        self.weekday = weekday
        self.minuteOfDay = minuteOfDay
    }

    /// The first digest instant strictly after `instant`. With `daysOff`, a digest whose day
    /// is a day off moves to the same time on the next working day (several days' digests
    /// that land on one working day go out once).
    public func next(after instant: Date, in zone: TimeZone, daysOff: WorkingCalendar? = nil) -> Date {
        let today = CalendarDate(containing: instant, in: zone)
        // A digest scheduled before today may have moved past `instant` (a Monday in 国庆节).
        var day = daysOff == nil ? today : today.adding(days: -Self.longestMove)
        for _ in 0..<(Self.longestMove + 9) {
            if let at = at(day, in: zone, daysOff: daysOff), at > instant { return at }
            day = day.adding(days: 1)
        }
        return instant.addingTimeInterval(7 * Policy.day)
    }

    /// The last digest instant at or before `instant` (moved off days off with `daysOff`).
    public func previous(atOrBefore instant: Date, in zone: TimeZone, daysOff: WorkingCalendar? = nil) -> Date {
        var day = CalendarDate(containing: instant, in: zone)
        for _ in 0..<(Self.longestMove + 9) {
            if let at = at(day, in: zone, daysOff: daysOff), at <= instant { return at }
            day = day.adding(days: -1)
        }
        return instant.addingTimeInterval(-7 * Policy.day)
    }

    /// Days off in a row a digest may be moved across (春节 with its weekends is about ten).
    static let longestMove = 45

    /// The instant of the digest scheduled on `day`, moved off a day off; nil when `day` has none.
    private func at(_ day: CalendarDate, in zone: TimeZone, daysOff: WorkingCalendar?) -> Date? {
        guard weekday == nil || day.weekday == weekday else { return nil }
        let sendDay = daysOff?.nextWorkingDay(onOrAfter: day) ?? day
        return sendDay.startInstant(in: zone).addingTimeInterval(TimeInterval(minuteOfDay * 60))
    }
}

/// A daily window in which nothing is delivered (e.g. 22:00–07:30); may wrap midnight.
public struct QuietHours: Sendable, Hashable {
    public var fromMinute: Int
    public var toMinute: Int

    /// When the quiet window containing `instant` ends, or nil when `instant` is not inside one.
    public func end(ofWindowContaining instant: Date, in zone: TimeZone) -> Date? {
        let today = CalendarDate(containing: instant, in: zone)
        let midnight = today.startInstant(in: zone)
        let minute = Int(instant.timeIntervalSince(midnight) / 60)
        let wraps = fromMinute > toMinute
        let inside = wraps ? (minute >= fromMinute || minute < toMinute) : (minute >= fromMinute && minute < toMinute)
        guard inside else { return nil }
        let endDay = wraps && minute >= fromMinute ? today.adding(days: 1) : today
        return endDay.startInstant(in: zone).addingTimeInterval(TimeInterval(toMinute * 60))
    }
}

/// Who receives what. Roles are resolved against the plan's contacts; an alert whose roles
/// name nobody with an address goes to `defaultRecipient`.
public struct Routing: Sendable, Hashable {
    public enum Role: String, Sendable, CaseIterable {
        /// The item's 主办人 (responsible.contacts).
        case responsible
        /// The item's 责任领导 (responsible.leader), else the plan's deputy leaders.
        case itemLeader = "item_leader"
        /// The plan's 主要负责人 (leaders with level: main).
        case mainLeader = "main_leader"
        /// The plan's owner (整改办).
        case owner
    }

    /// The receiver that carries email to people (a maildir or smtp receiver).
    public var emailReceiver: String?
    public var defaultRecipient: Contact?
    /// Trial mode: every notice to a person goes to this address instead, saying whom it was
    /// meant for. Group channels (webhook, robots) are not redirected.
    public var redirectAll: String?
    public var rules: [String: [Role]] = Routing.defaultRules
    /// The escalation ladder; nil: `threeColour` for plans imported from reports, else none.
    public var preset: Preset?

    /// Named routing presets.
    public enum Preset: String, Sendable, CaseIterable {
        /// The three-colour practice: green → 主办人, yellow → also the 分管领导, red (overdue,
        /// from its first day) → also the 主要负责人 and the plan owner.
        case threeColour = "three_colour"
        /// Only the rules as written (no ladder, even for imported plans).
        case rulesOnly = "rules_only"
    }

    public static let threeColourOverdue: [Role] = [.responsible, .itemLeader, .mainLeader, .owner]

    /// Whether the three-colour ladder applies to `plan`: by the preset, else to imported
    /// plans (their source is a report `.txt`).
    public func usesThreeColourLadder(_ plan: Plan) -> Bool {
        switch preset {
        case .threeColour: return true
        case .rulesOnly: return false
        case nil: return plan.source?.lowercased().hasSuffix(".txt") ?? false
        }
    }

    /// The rules for `plan`: red (`overdue`) widened by the ladder unless `overdue` was configured.
    public func rules(for plan: Plan) -> [String: [Role]] {
        guard usesThreeColourLadder(plan), rules["overdue"] == Routing.defaultRules["overdue"] else { return rules }
        var result = rules
        result["overdue"] = Routing.threeColourOverdue
        return result
    }

    public static let defaultRules: [String: [Role]] = [
        "reminder": [.responsible],
        "reminder_yellow": [.responsible, .itemLeader],
        "overdue": [.responsible, .itemLeader],
        "escalation": [.responsible, .itemLeader, .mainLeader, .owner],
        "milestone_missed": [.responsible],
        "stale": [.responsible],
        "no_deadline": [.owner],
        "resolved": [.responsible, .owner],
        "unacknowledged": [.itemLeader, .mainLeader, .owner],
    ]
}

public struct DeliveryPolicy: Sendable, Hashable {
    public var maxAttempts = 8
    public var backoffInitial: TimeInterval = 30
    public var backoffMax: TimeInterval = 3600
    /// How long SIGTERM waits for in-flight deliveries.
    public var shutdownGrace: TimeInterval = 10
    public var batchSize = 200

    public init() {}
}

/// The local control socket (docs/api.md).
public struct ControlConfig: Sendable, Hashable {
    /// Unix socket path; under systemd in the RuntimeDirectory.
    public var socket = "/run/rectifyd/rectifyd.sock"
    /// File mode of the socket: who may connect (and so read).
    public var mode: Int = 0o660
    /// Group of the socket file (e.g. rectifyd), so its members may connect.
    public var group: String?
    /// Who may write (progress, done, extend …) besides the daemon's own user.
    public var writerUsers: [String] = []
    public var writerGroups: [String] = []
    /// Largest request body accepted (413 beyond).
    public var bodyLimit = 64 * 1024
    /// A connection that sends nothing for this long is closed.
    public var idleTimeout: TimeInterval = 10
    /// A connection that has not completed a request this long after it opened (or after its
    /// last answer) is closed, however many bytes trickle in.
    public var requestTimeout: TimeInterval = 10
    /// Open connections at most; beyond, new ones wait in the listen backlog.
    public var maxConnections = 256
    /// Open connections of one peer uid at most; beyond, new ones are refused with 503.
    public var maxConnectionsPerUID = 64

    public init() {}

    /// Whether `other` names the same socket file with the same mode and group: those are set
    /// when the socket is bound, so a reload cannot change them (a new path would pull the socket
    /// from under every `rectifyctl` and script that knows it); everything else applies at once.
    public func sameSocket(as other: ControlConfig) -> Bool {
        socket == other.socket && mode == other.mode && group == other.group
    }
}
