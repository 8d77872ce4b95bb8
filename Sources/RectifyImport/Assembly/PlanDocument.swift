import RectifyCore

/// A 整改方案 issued before any work is reported: problems with 整改目标, 整改措施, 责任领导,
/// 完成时限, and no status. Its items are not started — or long-term where the deadline is
/// 长期坚持 and nothing is dated — rather than done for want of a status phrase; and the words
/// of a plan ("立行立改", "确保…到位", "2025年底前完成") are not read as progress.
enum PlanDocument {
    /// "…整改方案", "…工作方案", "…实施方案": the title of a plan (after a 印发 notice is unwrapped).
    static func isPlanTitle(_ title: String) -> Bool {
        let t = title.trimmingCharacters(in: .whitespaces)
        return t.hasSuffix("方案") && !t.contains("落实情况") && !t.contains("进展")
    }

    /// Whether an item's status came from the report's account of progress (a status field, a
    /// status line, a completion percentage), which a plan does not have.
    static func reportsProgress(_ source: String?) -> Bool {
        guard let source else { return false }
        return source.hasPrefix("field") || source == "status line" || source == "completion percentage"
    }

    /// The line that holds the title, for evidence.
    static func titleLine(_ title: String, in lines: [SourceLine]) -> Int {
        let probe = String(title.prefix(8))
        return lines.first { String(scalars: $0.chars).contains(probe) }?.number ?? 1
    }
}
