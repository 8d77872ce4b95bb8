/// Findings listed in one sentence that share one status, as audit reports write them:
/// "审计发现，个别票据附件不全，部分设备未入账，政府采购程序不规范。上述问题已全部整改到位。"
///
/// The status sentence starts with 上述/以上 (…问题, or a count: "以上两项"); the findings are
/// the text before it in the heading's paragraph (or the paragraph before), after a lead-in
/// ending in 发现 or a colon, split at semicolons, else commas, else enumeration commas. A
/// paragraph of the heading that opens with such a lead-in ("审计发现：一是…；二是…") is the list
/// even when the status comes after a paragraph of measures. Every finding must be at least
/// four characters and there must be two or more; a leading 一是/1. is not part of it.
///
/// One status is shared unless the report answers a finding on its own: a sentence or
/// semicolon clause after the list that repeats four characters of the finding and says a
/// status or a date ("以上两项已整改到位。固定资产全面盘点…正在进行中，预计…前完成") is that
/// finding's text; the other findings keep the shared statement.
struct AuditFindings: Sendable {
    var items: [TextPiece]
    /// Per finding, what answers it: its own sentences, or the shared statement and what follows.
    var bodies: [[TextPiece]]

    static let statusStarts = ["上述", "以上"]
    static let leadIns = ["审计发现", "检查发现", "巡察发现", "发现"]
    /// "以上两项", "上述3个": a count of the listed findings.
    static let countWords = Chars.set("项个条处")

    static func find(heading index: Int, outline: Outline, paragraphs: [Paragraph]) -> AuditFindings? {
        let h = outline.headings[index]
        let end = max(h.paragraph + 1, h.bodyEnd)
        for q in h.paragraph..<end {
            let f = paragraphs[q].folded
            for word in statusStarts {
                for at in f.occurrences(of: word) {
                    guard at > 0, f[at - 1] == "。" || f[at - 1] == "," || f[at - 1] == ";" || f[at - 1] == "，",
                        isSharedStatus(f, at: at),
                        let list = findings(before: at, in: q, heading: h, paragraphs: paragraphs)
                    else { continue }
                    let subtreeEnd = max(h.paragraph + 1, h.subtreeEnd)
                    let bodies = answers(list, statusAt: at, in: q, until: subtreeEnd, paragraphs: paragraphs)
                    return AuditFindings(items: list, bodies: bodies)
                }
            }
        }
        return nil
    }

    /// 上述(N个)问题 or 以上两项 within a few characters, and a status word in its sentence.
    static func isSharedStatus(_ f: [Unicode.Scalar], at: Int) -> Bool {
        let sentenceEnd = f.sentenceEnd(after: at)
        let window = at..<min(sentenceEnd, at + 8)
        let namesProblems = f.firstOccurrence(of: "问题", from: at, to: window.upperBound).map { $0 - at <= 6 } ?? false
        let counts = window.contains { i in
            let isNumber = Chars.isDigit(f[i]) || Chars.isChineseNumeral(f[i])
            return isNumber && i + 1 < f.count && countWords.contains(f[i + 1])
        }
        return (namesProblems || counts) && !StatusVocabulary.matches(in: f, range: at..<sentenceEnd).isEmpty
    }

    /// The listed findings: the sentence before the status when it is introduced by a lead-in
    /// (发现, a colon); else a paragraph of the heading, before the status, that opens with a
    /// lead-in; else the sentence before the status.
    static func findings(
        before at: Int, in q: Int, heading h: Outline.Heading, paragraphs: [Paragraph]
    ) -> [TextPiece]? {
        let f = paragraphs[q].folded
        let markerEnd = q == h.paragraph ? h.marker.length : 0
        let end = at - 1
        var start = end
        while start > markerEnd, !Chars.isSentenceEnd(f[start - 1]) || start == end { start -= 1 }
        if let lead = f.occurrences(of: "发现", from: start, to: end).first {
            return split(paragraph: q, f, from: lead + 2, to: end)
        }
        for r in stride(from: q - 1, through: h.paragraph, by: -1) {
            let g = paragraphs[r].folded
            let from = r == h.paragraph ? h.marker.length : 0
            guard let lead = leadIns.first(where: { g.hasLiteral($0, at: from) }) else { continue }
            var listEnd = g.count
            while listEnd > from, Chars.isSentenceEnd(g[listEnd - 1]) || g[listEnd - 1] == " " { listEnd -= 1 }
            if let list = split(paragraph: r, g, from: from + lead.unicodeScalars.count, to: listEnd) { return list }
        }
        if let colon = f[start..<end].firstIndex(where: { $0 == ":" }) { start = colon + 1 }
        return split(paragraph: q, f, from: start, to: end)
    }

    /// Splits a list at semicolons, else commas, else enumeration commas, without a leading
    /// 一是 or 1. on each finding.
    static func split(paragraph q: Int, _ f: [Unicode.Scalar], from lead: Int, to end: Int) -> [TextPiece]? {
        var start = lead
        while start < end, [",", ":", "，", "：", " "].contains(f[start]) { start += 1 }
        guard end - start >= 8 else { return nil }
        let text = Array(f[start..<end])
        let separators: Set<Unicode.Scalar> = text.contains(";") ? [";"] : text.contains(",") ? [","] : ["、"]
        var pieces: [Range<Int>] = []
        var pieceStart = start
        for i in start...end where i == end || separators.contains(f[i]) {
            var lower = pieceStart, upper = i
            while lower < upper, f[lower] == " " { lower += 1 }
            if let listed = HeadingMarker.listItem(f, at: lower) {
                lower += listed.length
            } else if let numbered = HeadingMarker.numbered(Array(f[lower..<upper])) {
                lower += numbered.length
            }
            while upper > lower, Chars.isClauseEnd(f[upper - 1]) { upper -= 1 }
            if upper > lower { pieces.append(lower..<upper) }
            pieceStart = i + 1
        }
        guard pieces.count >= 2, pieces.allSatisfy({ $0.count >= 4 }) else { return nil }
        return pieces.map { TextPiece(paragraph: q, range: $0) }
    }

    /// What answers each finding (see the type's summary).
    static func answers(
        _ list: [TextPiece], statusAt at: Int, in q: Int, until end: Int, paragraphs: [Paragraph]
    ) -> [[TextPiece]] {
        let listEnd = list.map { ($0.paragraph, $0.range.upperBound) }.max { $0 < $1 }!
        var segments: [TextPiece] = []
        for p in listEnd.0..<max(listEnd.0 + 1, end) {
            let f = paragraphs[p].folded
            var start = p == listEnd.0 ? listEnd.1 : 0
            for i in start...f.count where i == f.count || Chars.isSentenceEnd(f[i]) || f[i] == ";" {
                if i > start { segments.append(TextPiece(paragraph: p, range: start..<min(i + 1, f.count))) }
                start = i + 1
            }
        }
        let shared = segments.firstIndex { $0.paragraph == q && $0.range.contains(at) }
        func says(_ s: TextPiece) -> Bool {
            let f = paragraphs[s.paragraph].folded
            return !StatusVocabulary.matches(in: f, range: s.range).isEmpty
                || DateScanner.mentions(in: Array(f[s.range])).isEmpty == false
        }
        let own: [[Int]] = list.map { finding in
            let words = grams(Array(paragraphs[finding.paragraph].folded[finding.range]))
            return segments.indices.filter { k in
                k != shared && says(segments[k]) && words.contains { gram in
                    Array(paragraphs[segments[k].paragraph].folded[segments[k].range]).firstOccurrence(of: gram) != nil
                }
            }
        }
        let claimed = Set(own.joined())
        var common: [TextPiece] = []
        if let shared {
            let s = segments[shared]
            common.append(TextPiece(paragraph: s.paragraph, range: at..<s.range.upperBound))
            common += ((shared + 1)..<segments.count).filter { !claimed.contains($0) }.map { segments[$0] }
        }
        return own.map { indices in indices.isEmpty ? common : indices.map { segments[$0] } }
    }

    /// The four-character runs of Han characters of a finding, to recognise it when repeated.
    static func grams(_ f: [Unicode.Scalar]) -> [String] {
        guard f.count >= 4 else { return [] }
        return (0...(f.count - 4)).compactMap { i in
            let run = f[i..<(i + 4)]
            return run.allSatisfy(Chars.isHan) ? String(scalars: run) : nil
        }
    }
}
