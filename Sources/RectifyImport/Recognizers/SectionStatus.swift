import RectifyCore

/// A section heading that says the status of the problems under it, as reports grouped by
/// progress do: "（一）集中整改期内已完成（含基本完成）的整改事项", "三、集中整改期内未完成整改事项",
/// "（二）需长期坚持整改的事项", "已整改到位的问题". The heading ends with what it holds (事项, 问题,
/// 任务) and names a status (`StatusVocabulary`; an open word wins); what a bracket says it
/// includes ("（含基本完成）") is left out. "二、反馈问题整改完成情况" or "…方面" name no status.
/// Items read it after their own field, status line, closing sentence and percentage.
enum SectionStatus {
    static let holders = ["事项", "问题", "任务"]

    static func parse(_ paragraph: Paragraph) -> (kind: StatusVocabulary.Kind, evidence: Evidence)? {
        let f = paragraph.folded
        var end = f.count
        while end > 0, Chars.isClauseEnd(f[end - 1]) || f[end - 1] == " " { end -= 1 }
        let start = HeadingMarker.numbered(f)?.length ?? 0
        guard start < end, end - start <= 40 else { return nil }
        let title = Totals.withoutInclusions(Array(f[start..<end]))
        guard holders.contains(where: { title.count >= 2 && title.suffix(2).elementsEqual($0.unicodeScalars) }),
            let kind = StatusVocabulary.clauseKind(title), !title.contains(literal: "阶段性") || kind != .done
        else { return nil }
        return (kind, Evidence(text: paragraph.text(0..<end), line: paragraph.firstLine))
    }
}
