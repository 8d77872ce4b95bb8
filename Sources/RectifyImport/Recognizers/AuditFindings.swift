/// Findings listed in one sentence that share one status, as audit reports write them:
/// "审计发现，个别票据附件不全，部分设备未入账，政府采购程序不规范。上述问题已全部整改到位。"
///
/// The status sentence starts with 上述/以上 (…问题); the findings are the text before it in
/// the heading's paragraph (or the paragraph before), after a lead-in ending in 发现 or a
/// colon, split at semicolons, else commas, else enumeration commas. Every finding must be
/// at least four characters and there must be two or more.
struct AuditFindings: Sendable {
    var items: [TextPiece]
    /// From 上述 to the end of its paragraph.
    var status: TextPiece

    static let statusStarts = ["上述问题", "以上问题", "上述", "以上"]

    static func find(heading index: Int, outline: Outline, paragraphs: [Paragraph]) -> AuditFindings? {
        let h = outline.headings[index]
        for q in h.paragraph..<max(h.paragraph + 1, h.bodyEnd) {
            let f = paragraphs[q].folded
            for word in ["上述", "以上"] {
                for at in f.occurrences(of: word) {
                    guard at > 0, f[at - 1] == "。" || f[at - 1] == "," || f[at - 1] == ";" || f[at - 1] == "，",
                        let found = read(paragraph: q, statusAt: at, paragraphs: paragraphs, markerEnd: q == h.paragraph ? h.marker.length : 0)
                    else { continue }
                    return found
                }
            }
        }
        return nil
    }

    static func read(paragraph q: Int, statusAt at: Int, paragraphs: [Paragraph], markerEnd: Int) -> AuditFindings? {
        let f = paragraphs[q].folded
        // 上述(N个)问题 within a few characters, and a status word in its sentence.
        let sentenceEnd = f.sentenceEnd(after: at)
        guard let problem = f.firstOccurrence(of: "问题", from: at, to: min(sentenceEnd, at + 8)), problem - at <= 6,
            !StatusVocabulary.matches(in: f, range: at..<sentenceEnd).isEmpty
        else { return nil }
        // The findings: back to the previous sentence end (or the heading's own title sentence).
        let end = at - 1
        var start = end
        while start > markerEnd, !Chars.isSentenceEnd(f[start - 1]) || start == end { start -= 1 }
        if let lead = f.occurrences(of: "发现", from: start, to: end).first {
            start = lead + 2
            while start < end, [",", ":", "，", "："].contains(f[start]) { start += 1 }
        } else if let colon = f[start..<end].firstIndex(where: { $0 == ":" }) {
            start = colon + 1
        }
        guard end - start >= 8 else { return nil }
        let text = Array(f[start..<end])
        let separators: Set<Unicode.Scalar> =
            text.contains(";") ? [";"] : text.contains(",") ? [","] : ["、"]
        var pieces: [Range<Int>] = []
        var pieceStart = start
        for i in start...end {
            if i == end || separators.contains(f[i]) {
                var lower = pieceStart, upper = i
                while lower < upper, f[lower] == " " { lower += 1 }
                while upper > lower, Chars.isClauseEnd(f[upper - 1]) { upper -= 1 }
                if upper > lower { pieces.append(lower..<upper) }
                pieceStart = i + 1
            }
        }
        guard pieces.count >= 2, pieces.allSatisfy({ $0.count >= 4 }) else { return nil }
        return AuditFindings(
            items: pieces.map { TextPiece(paragraph: q, range: $0) },
            status: TextPiece(paragraph: q, range: at..<f.count))
    }
}
