import Foundation

/// One problem to rectify, with its deadline, milestones and progress.
public struct Item: Hashable, Sendable {
    /// Unique within its plan and stable across edits (updates in the state DB refer to it).
    public var id: String
    /// The headings the item sits under, outermost first.
    public var category: [String]
    /// The item's heading line.
    public var title: String
    public var text: String?
    public var status: ItemStatus
    /// Where the status came from in the report ("整改结果:完成", line 42).
    public var statusEvidence: Evidence?
    /// The deadline as first set; extensions never overwrite it.
    public var deadline: Deadline?
    public var milestones: [Milestone]
    public var progress: Progress?
    public var responsible: Responsibility?
    /// 延期 granted, oldest first; the last one's deadline is in force.
    public var extensions: [Extension]
    /// When work on the item began; pace is measured from here (defaults to the plan's
    /// feedback or report date).
    public var start: CalendarDate?
    /// The last progress report on the item.
    public var lastUpdate: Date?
    /// Why a person should check this item against its source before relying on it (an
    /// importer was not sure: no status found, conflicting statuses, a guessed year). Empty
    /// when there is nothing to check.
    public var review: [String] = []

    public init(
        id: String, category: [String] = [], title: String, text: String? = nil, status: ItemStatus = .inProgress,
        statusEvidence: Evidence? = nil, deadline: Deadline? = nil, milestones: [Milestone] = [],
        progress: Progress? = nil, responsible: Responsibility? = nil, extensions: [Extension] = [],
        start: CalendarDate? = nil, lastUpdate: Date? = nil
    ) {
        self.id = id
        self.category = category
        self.title = title
        self.text = text
        self.status = status
        self.statusEvidence = statusEvidence
        self.deadline = deadline
        self.milestones = milestones
        self.progress = progress
        self.responsible = responsible
        self.extensions = extensions
        self.start = start
        self.lastUpdate = lastUpdate
    }

    /// The deadline in force: the latest extension's, else the original.
    public var effectiveDeadline: Deadline? {
        extensions.last?.deadline ?? deadline
    }

    public var isOpen: Bool { status != .done }
}

public enum ItemStatus: String, Codable, Sendable, CaseIterable {
    case done
    case inProgress = "in_progress"
    case notStarted = "not_started"
    /// 长期坚持: ongoing by nature, with no deadline; reviewed periodically instead.
    case longTerm = "long_term"
}

/// A dated intermediate step: "计划11月底完成改建装修" before "2026年4月1日前投入使用".
public struct Milestone: Hashable, Codable, Sendable {
    public var id: String?
    public var title: String
    public var deadline: Deadline
    public var done: Bool

    public init(id: String? = nil, title: String, deadline: Deadline, done: Bool = false) {
        self.id = id
        self.title = title
        self.deadline = deadline
        self.done = done
    }
}

/// Counted progress: "对79家…开展回头看，61家已整改到位" is 61 of 79.
public struct Progress: Hashable, Codable, Sendable {
    public var done: Int
    public var total: Int
    /// What is counted (家, 人, 项).
    public var unit: String?
    public var text: String?
    public var line: Int?

    public init(done: Int, total: Int, unit: String? = nil, text: String? = nil, line: Int? = nil) {
        self.done = done
        self.total = total
        self.unit = unit
        self.text = text
        self.line = line
    }

    public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 0 }
}

/// 延期: a new deadline granted for a reason; the item's original deadline stays on record.
public struct Extension: Hashable, Codable, Sendable {
    public var deadline: Deadline
    public var reason: String
    public var granted: CalendarDate

    public init(deadline: Deadline, reason: String, granted: CalendarDate) {
        self.deadline = deadline
        self.reason = reason
        self.granted = granted
    }
}

/// A phrase of the source document and where it is, so a clerk can check it.
public struct Evidence: Hashable, Codable, Sendable {
    public var text: String
    public var line: Int?
    /// The spreadsheet or Word-table cell the phrase is in ("台账!H5"), for ledgers.
    public var cell: String?

    public init(text: String, line: Int? = nil, cell: String? = nil) {
        self.text = text
        self.line = line
        self.cell = cell
    }
}
