import RectifyCore

/// `GET /v1/plans`: every plan as the daemon sees it, for reports drafted from its state
/// (`rectifyctl report`). The body is
/// `{"at": TIME, "plans": [{"plan": {plan file, as rectifyctl import writes it, with progress,
/// 销号 and 延期 laid over it}, "items": [PlanItemState]}]}`.
public struct PlanItemState: Codable, Sendable {
    public var id: String
    /// The evaluated state at `at` (`ItemState`'s raw value) and its figures.
    public var state: String
    public var colour: String?
    public var daysOverdue: Int?
    public var daysLeft: Int?
    public var due: String?
    /// Every update of the item, oldest first: progress notes, 销号, 延期, ack, snooze, reopen.
    public var history: [HistoryEntry]

    public init(
        id: String, state: String, colour: String?, daysOverdue: Int?, daysLeft: Int?, due: String?, history: [HistoryEntry]
    ) {
        self.id = id
        self.state = state
        self.colour = colour
        self.daysOverdue = daysOverdue
        self.daysLeft = daysLeft
        self.due = due
        self.history = history
    }

    /// The query keys `GET /v1/plans` takes.
    public static let queryKeys = ["plan", "at"]
}

/// `POST /v1/reports/weekly`: send the weekly 情况通报 of `week` (default: the last whole week) now.
public struct WeeklyReportRequest: Codable, Sendable {
    public var week: String?
    public init(week: String? = nil) { self.week = week }
    public static let fields = ["week"]
}
