import Foundation

/// One problem to rectify, with its deadline, milestones and progress.
///
/// A value with its fields in one shared, copy-on-write box: copying an item (into a row, a
/// query, a notice) is one reference count, and an array of 100,000 items holds 100,000
/// references instead of 100,000 copies of every field inline (about 400 bytes each, doubled
/// while the array grows). Reading and writing fields is as before.
public struct Item: Hashable, Sendable {
    private var storage: Storage

    /// Unique within its plan and stable across edits (updates in the state DB refer to it).
    public var id: String {
        get { storage.fields.id }
        set { unique().fields.id = newValue }
    }
    /// The headings the item sits under, outermost first.
    public var category: [String] {
        get { storage.fields.category }
        set { unique().fields.category = newValue }
    }
    /// The item's heading line.
    public var title: String {
        get { storage.fields.title }
        set { unique().fields.title = newValue }
    }
    public var text: String? {
        get { storage.fields.text }
        set { unique().fields.text = newValue }
    }
    public var status: ItemStatus {
        get { storage.fields.status }
        set { unique().fields.status = newValue }
    }
    /// Where the status came from in the report ("整改结果:完成", line 42).
    public var statusEvidence: Evidence? {
        get { storage.fields.statusEvidence }
        set { unique().fields.statusEvidence = newValue }
    }
    /// The deadline as first set; extensions never overwrite it.
    public var deadline: Deadline? {
        get { storage.fields.deadline }
        set { unique().fields.deadline = newValue }
    }
    public var milestones: [Milestone] {
        get { storage.fields.milestones }
        set { unique().fields.milestones = newValue }
    }
    public var progress: Progress? {
        get { storage.fields.progress }
        set { unique().fields.progress = newValue }
    }
    public var responsible: Responsibility? {
        get { storage.fields.responsible }
        set { unique().fields.responsible = newValue }
    }
    /// 延期 granted, oldest first; the last one's deadline is in force.
    public var extensions: [Extension] {
        get { storage.fields.extensions }
        set { unique().fields.extensions = newValue }
    }
    /// When work on the item began; pace is measured from here (defaults to the plan's
    /// feedback or report date).
    public var start: CalendarDate? {
        get { storage.fields.start }
        set { unique().fields.start = newValue }
    }
    /// The last progress report on the item.
    public var lastUpdate: Date? {
        get { storage.fields.lastUpdate }
        set { unique().fields.lastUpdate = newValue }
    }
    /// Why a person should check this item against its source before relying on it (an
    /// importer was not sure: no status found, conflicting statuses, a guessed year). Empty
    /// when there is nothing to check.
    public var review: [String] {
        get { storage.fields.review }
        set { unique().fields.review = newValue }
    }
    public init(
        id: String, category: [String] = [], title: String, text: String? = nil, status: ItemStatus = .inProgress,
        statusEvidence: Evidence? = nil, deadline: Deadline? = nil, milestones: [Milestone] = [],
        progress: Progress? = nil, responsible: Responsibility? = nil, extensions: [Extension] = [],
        start: CalendarDate? = nil, lastUpdate: Date? = nil
    ) {
        storage = Storage(
            Fields(
                id: id, category: category, title: title, text: text, status: status, statusEvidence: statusEvidence,
                deadline: deadline, milestones: milestones, progress: progress, responsible: responsible,
                extensions: extensions, start: start, lastUpdate: lastUpdate, review: []))
    }

    /// The deadline in force: the latest extension's, else the original.
    public var effectiveDeadline: Deadline? {
        storage.fields.extensions.last?.deadline ?? storage.fields.deadline
    }

    public var isOpen: Bool { storage.fields.status != .done }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    public static func == (a: Item, b: Item) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// The box. `@unchecked Sendable`: it is only written through `unique()`, that is while one
    /// item value alone refers to it; once shared it is read-only.
    private final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    /// Every field, compared and hashed as a whole.
    private struct Fields: Hashable {
        var id: String
        var category: [String]
        var title: String
        var text: String?
        var status: ItemStatus
        var statusEvidence: Evidence?
        var deadline: Deadline?
        var milestones: [Milestone]
        var progress: Progress?
        var responsible: Responsibility?
        var extensions: [Extension]
        var start: CalendarDate?
        var lastUpdate: Date?
        var review: [String]
    }
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
