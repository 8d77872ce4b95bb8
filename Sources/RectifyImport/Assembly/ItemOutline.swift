/// A piece of a paragraph.
struct TextPiece: Sendable {
    var paragraph: Int
    var range: Range<Int>
}

/// An item as found in the outline, before its status and dates are read.
struct ItemDraft: Sendable {
    var id: String
    var category: [String]
    var title: String
    var titleLine: Int
    /// The problem statement: the heading (and a problem paragraph); cues there describe the
    /// problem, not the progress, and are not read.
    var statement: [TextPiece]
    /// What the report says was done and is planned.
    var body: [TextPiece]
    /// The explicit status paragraph ("整改结果:完成"), if any.
    var statusParagraph: Int?
}

/// Chooses which headings are items and cuts their text.
///
/// Items are counted at one numbering level, among the levels whose headings are mostly
/// leaves: the level whose count is nearest the report's stated number of problems (the deeper one on a tie), or without a stated number the level
/// with the most headings. A heading whose own text holds several explicit status paragraphs
/// ("整改结果:完成" after each 一是/二是 problem) is several items, one per status.
/// Sections about what comes next (下一步, 工作安排, 巩固…) or about how the work was organised
/// (组织领导, 主体责任) hold no items.
enum ItemOutline {
    static let nonItemSectionWords = [
        "下一步", "工作安排", "工作计划", "工作打算", "巩固", "长效", "组织领导", "主体责任", "整改责任", "政治担当",
    ]

    static func drafts(
        outline: Outline, paragraphs: [Paragraph], statusParagraphs: Set<Int>, statedProblems: Int?
    ) -> [ItemDraft] {
        let headings = outline.headings
        var excluded = Set<Int>()
        for (index, heading) in headings.enumerated() where heading.depth == 0 && !heading.children.isEmpty {
            let title = firstSentence(paragraphs[heading.paragraph].folded)
            let text = Array(paragraphs[heading.paragraph].folded[..<title])
            let aboutProblems = text.contains(literal: "问题") || text.contains(literal: "反馈")
            if !aboutProblems, nonItemSectionWords.contains(where: { text.contains(literal: $0) }) {
                excluded.insert(index)
            }
        }
        func isExcluded(_ index: Int) -> Bool {
            var current: Int? = index
            while let c = current {
                if excluded.contains(c) { return true }
                current = headings[c].parent
            }
            return false
        }
        let candidates = headings.indices.filter { !isExcluded($0) }
        func statuses(_ index: Int) -> [Int] {
            let h = headings[index]
            return ((h.paragraph + 1)..<max(h.paragraph + 1, h.bodyEnd)).filter { statusParagraphs.contains($0) }
        }
        // Items are (nearly) leaves: a level whose headings mostly have sub-headings groups
        // items and is not itself counted.
        var parents: [HeadingStyle: (withChildren: Int, all: Int)] = [:]
        for index in candidates {
            let entry = parents[headings[index].style] ?? (0, 0)
            parents[headings[index].style] = (entry.withChildren + (headings[index].children.isEmpty ? 0 : 1), entry.all + 1)
        }
        var counts: [HeadingStyle: (count: Int, depth: Int)] = [:]
        for index in candidates {
            let share = parents[headings[index].style]!
            guard share.withChildren * 2 <= share.all else { continue }
            let entry = counts[headings[index].style] ?? (0, 0)
            counts[headings[index].style] = (entry.count + max(1, statuses(index).count), entry.depth + headings[index].depth)
        }
        func meanDepth(_ s: HeadingStyle) -> Double {
            let e = counts[s]!
            return Double(e.depth) / Double(max(1, e.count))
        }
        let styles = counts.keys.sorted { meanDepth($0) < meanDepth($1) }
        let chosen: HeadingStyle?
        if let stated = statedProblems, stated > 0 {
            chosen = styles.min { a, b in
                let da = abs(counts[a]!.count - stated), db = abs(counts[b]!.count - stated)
                return da != db ? da < db : meanDepth(a) > meanDepth(b)
            }
        } else {
            chosen = styles.max { a, b in
                counts[a]!.count != counts[b]!.count ? counts[a]!.count < counts[b]!.count : meanDepth(a) < meanDepth(b)
            }
        }
        guard let chosen else { return [] }
        var drafts: [ItemDraft] = []
        for index in candidates where headings[index].style == chosen {
            drafts += split(index, outline: outline, paragraphs: paragraphs, statuses: statuses(index))
        }
        return uniqueIDs(drafts)
    }

    /// The item(s) of one heading.
    static func split(_ index: Int, outline: Outline, paragraphs: [Paragraph], statuses: [Int]) -> [ItemDraft] {
        let heading = outline.headings[index]
        let p = heading.paragraph
        let headingChars = paragraphs[p].folded
        let id = idPath(index, outline: outline)
        let category = outline.ancestors(of: index).map { headingTitle(outline.headings[$0], paragraphs) }
        let titleEnd = firstSentence(headingChars)
        let subtree = (p + 1)..<max(p + 1, heading.subtreeEnd)
        guard statuses.count >= 2 else {
            var body: [TextPiece] = []
            if titleEnd < headingChars.count { body.append(TextPiece(paragraph: p, range: titleEnd..<headingChars.count)) }
            body += subtree.map { TextPiece(paragraph: $0, range: 0..<paragraphs[$0].chars.count) }
            return [
                ItemDraft(
                    id: id, category: category, title: paragraphs[p].text(0..<titleEnd), titleLine: paragraphs[p].firstLine,
                    statement: [TextPiece(paragraph: p, range: 0..<titleEnd)], body: body,
                    statusParagraph: statuses.first)
            ]
        }
        // Several problems under one heading, each closed by its status paragraph.
        var drafts: [ItemDraft] = []
        var problemStarts: [Int] = [p]
        for k in 1..<statuses.count {
            let window = (statuses[k - 1] + 1)..<statuses[k]
            let listed = window.last { HeadingMarker.listItem(paragraphs[$0].folded) != nil }
            problemStarts.append(listed ?? (window.isEmpty ? statuses[k] : window.upperBound - 1))
        }
        for (k, status) in statuses.enumerated() {
            let start = problemStarts[k]
            let end = k + 1 < statuses.count ? problemStarts[k + 1] : subtree.upperBound
            var statement: [TextPiece] = []
            var title: (paragraph: Int, range: Range<Int>)
            var itemCategory = category
            var number = k + 1
            if start == p {
                // "1.学习贯彻…不够深入。一是学用结合不够紧密。…": the heading names the group,
                // the listed point is the item.
                if titleEnd < headingChars.count, let listed = HeadingMarker.listItem(headingChars, at: titleEnd) {
                    itemCategory.append(headingTitle(heading, paragraphs))
                    number = listed.number
                    let sentence = titleEnd + firstSentence(Array(headingChars[titleEnd...]))
                    title = (p, titleEnd..<sentence)
                } else {
                    title = (p, 0..<titleEnd)
                }
                statement.append(TextPiece(paragraph: p, range: 0..<headingChars.count))
            } else {
                let chars = paragraphs[start].folded
                if let listed = HeadingMarker.listItem(chars) { number = listed.number }
                itemCategory.append(headingTitle(heading, paragraphs))
                title = (start, 0..<firstSentence(chars))
                statement.append(TextPiece(paragraph: start, range: 0..<chars.count))
            }
            for q in (start + 1)..<max(start + 1, status) {
                statement.append(TextPiece(paragraph: q, range: 0..<paragraphs[q].chars.count))
            }
            let body = (status..<max(status, end)).map { TextPiece(paragraph: $0, range: 0..<paragraphs[$0].chars.count) }
            drafts.append(
                ItemDraft(
                    id: "\(id)-\(number)", category: itemCategory, title: paragraphs[title.paragraph].text(title.range),
                    titleLine: paragraphs[title.paragraph].line(at: title.range.lowerBound), statement: statement, body: body,
                    statusParagraph: status))
        }
        return drafts
    }

    /// "2.1.3.7": each level's number, or its position among its siblings when unnumbered.
    static func idPath(_ index: Int, outline: Outline) -> String {
        (outline.ancestors(of: index) + [index]).map { h in
            let heading = outline.headings[h]
            if let n = heading.number { return String(n) }
            let siblings = heading.parent.map { outline.headings[$0].children }
                ?? outline.headings.indices.filter { outline.headings[$0].parent == nil }
            var number = 0
            for s in siblings {
                number = outline.headings[s].number ?? (number + 1)
                if s == h { break }
            }
            return String(number)
        }.joined(separator: ".")
    }

    static func uniqueIDs(_ drafts: [ItemDraft]) -> [ItemDraft] {
        var seen: [String: Int] = [:]
        return drafts.map { draft in
            var d = draft
            let n = (seen[draft.id] ?? 0) + 1
            seen[draft.id] = n
            if n > 1 { d.id += "~\(n)" }
            return d
        }
    }

    /// A heading's first sentence without its closing full stop, for category paths.
    static func headingTitle(_ heading: Outline.Heading, _ paragraphs: [Paragraph]) -> String {
        let paragraph = paragraphs[heading.paragraph]
        var end = firstSentence(paragraph.folded)
        while end > 0, Chars.isSentenceEnd(paragraph.folded[end - 1]) { end -= 1 }
        return paragraph.text(0..<end)
    }

    /// The end of the first sentence (after its 。), or the whole text.
    static func firstSentence(_ f: [Unicode.Scalar]) -> Int {
        var depth = 0
        for (i, c) in f.enumerated() {
            if c == "“" || c == "《" || c == "(" { depth += 1 }
            if c == "”" || c == "》" || c == ")" { depth = max(0, depth - 1) }
            if depth == 0, Chars.isSentenceEnd(c) { return i + 1 }
        }
        return f.count
    }
}
