/// Problems listed in one paragraph, each answered in its own point, as short notices write
/// them under a 方面 heading: "反馈问题3个：一是理论学习不够深入，已制定…，已整改到位；二是…，正在修订
/// 采购内控制度，计划2025年12月底前完成；三是…。"
///
/// The list follows a lead-in that lists problems and ends in a colon ("反馈问题3个：",
/// "存在的问题主要有：", not "该问题整改情况："); its points are 一是, 二是 … in order, separated
/// by semicolons or sentence ends. Each point is a problem (up to its first comma or full stop)
/// and what was done about it (the rest; the last point runs to the paragraph's end), and every
/// point must say a status of its own — otherwise the points are measures of one problem, as
/// 一是/二是 lists usually are. A count in the lead-in must match.
/// The result has the shape of `AuditFindings`: one finding and one answer per point.
enum ListedProblems {
    /// Words of a lead-in that lists problems.
    static let listingWords = ["反馈", "发现", "指出", "存在", "主要有", "如下"]

    static func find(heading index: Int, outline: Outline, paragraphs: [Paragraph]) -> AuditFindings? {
        let h = outline.headings[index]
        for q in h.paragraph..<max(h.paragraph + 1, h.bodyEnd) {
            if let found = find(in: q, paragraphs[q].folded, from: q == h.paragraph ? h.marker.length : 0) { return found }
        }
        return nil
    }

    static func find(in q: Int, _ f: [Unicode.Scalar], from start: Int) -> AuditFindings? {
        guard let colon = f[start...].firstIndex(of: ":"), colon + 1 < f.count,
            let first = HeadingMarker.listItem(f, at: colon + 1), first.number == 1
        else { return nil }
        let leadStart = f.clauseStart(before: colon)
        let lead = Array(f[leadStart..<colon])
        // The lead-in lists problems ("反馈问题3个", "存在的问题主要有", "巡察指出2个问题"), not what
        // was done about one ("该问题整改情况：", "针对问题采取以下措施：").
        guard lead.contains(literal: "问题"), !["整改", "措施"].contains(where: { lead.contains(literal: $0) }),
            statedCount(lead) != nil || listingWords.contains(where: { lead.contains(literal: $0) })
        else { return nil }
        // The points: each marker right after the previous point's semicolon or sentence end.
        var markers: [(at: Int, length: Int)] = [(colon + 1, first.length)]
        var i = colon + 1 + first.length
        while i < f.count {
            if f[i - 1] == ";" || Chars.isSentenceEnd(f[i - 1]), let next = HeadingMarker.listItem(f, at: i),
                next.number == markers.count + 1
            {
                markers.append((i, next.length))
                i += next.length
                continue
            }
            i += 1
        }
        guard markers.count >= 2 else { return nil }
        if let stated = statedCount(lead), stated != markers.count { return nil }
        var items: [TextPiece] = []
        var bodies: [[TextPiece]] = []
        for (k, marker) in markers.enumerated() {
            let pointStart = marker.at + marker.length
            // The last point runs to the paragraph's end: "二是差旅报销审核不严。正在开展清理，预计…完成。"
            var pointEnd = k + 1 < markers.count ? markers[k + 1].at : f.count
            while pointEnd > pointStart, Chars.isClauseEnd(f[pointEnd - 1]) || f[pointEnd - 1] == " " { pointEnd -= 1 }
            let problemEnd = f.clauseEnd(after: pointStart)
            guard problemEnd - pointStart >= 4, problemEnd < pointEnd,
                !StatusVocabulary.matches(in: f, range: (problemEnd + 1)..<pointEnd).isEmpty
            else { return nil }
            items.append(TextPiece(paragraph: q, range: pointStart..<problemEnd))
            bodies.append([TextPiece(paragraph: q, range: (problemEnd + 1)..<pointEnd)])
        }
        return AuditFindings(items: items, bodies: bodies)
    }

    /// "反馈问题3个", "存在3个问题": the count the lead-in states, if any.
    static func statedCount(_ lead: [Unicode.Scalar]) -> Int? {
        for i in lead.indices where Chars.isDigit(lead[i]) || Chars.isChineseNumeral(lead[i]) {
            var j = i
            while j < lead.count, Chars.isDigit(lead[j]) || Chars.isChineseNumeral(lead[j]) { j += 1 }
            guard j < lead.count, "个项条".unicodeScalars.contains(lead[j]) else { continue }
            return Chars.isDigit(lead[i]) ? lead.number(in: i..<j) : Chars.chineseNumber(lead[i..<j])
        }
        return nil
    }
}
