import RectifyCore

/// What the importer read for one item, from which line, and why: the text of
/// `rectifyctl import --explain`, meant to be checked against the report in a minute.
public struct ItemExplanation: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The line of the item's heading (or table row).
    public var line: Int
    /// The status, its evidence and the rule that chose it.
    public var status: (value: String, evidence: Evidence?, why: String)?
    /// The deadline's date, phrase, line and source ("deadline field", "latest planned date").
    public var deadline: (date: String, text: String, line: Int, why: String)?
    /// Why there is no deadline, when that needs saying.
    public var deadlineNote: String?
    /// The extension the report states ("已申请延期至2026年6月30日"): date, phrase, line.
    public var extended: (date: String, text: String, line: Int)?
    public var responsibility: [(label: String, value: String, line: Int)] = []
    public var review: [String] = []

    public static func == (a: ItemExplanation, b: ItemExplanation) -> Bool { a.render() == b.render() }

    /// A few indented lines: the item, then status, deadline, responsibility and review.
    public func render() -> String {
        var lines = ["item \(id)  line \(line)  \(title)"]
        if let status {
            let from = status.evidence.map { " ← '\($0.text)' (line \($0.line ?? 0))" } ?? ""
            lines.append("  status    \(status.value)\(from); \(status.why)")
        }
        if let deadline {
            lines.append("  deadline  \(deadline.date) ← '\(deadline.text)' (line \(deadline.line)); \(deadline.why)")
        } else if let deadlineNote {
            lines.append("  deadline  \(deadlineNote)")
        } else {
            lines.append("  deadline  none found")
        }
        if let extended { lines.append("  extended  \(extended.date) ← '\(extended.text)' (line \(extended.line))") }
        for r in responsibility { lines.append("  \(r.label)  \(r.value) (line \(r.line))") }
        for reason in review { lines.append("  REVIEW    \(reason)") }
        return lines.joined(separator: "\n")
    }
}
