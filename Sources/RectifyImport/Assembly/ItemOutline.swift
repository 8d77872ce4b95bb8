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
    /// The paragraphs of the headings above, outermost first (a section may say the status).
    var sections: [Int] = []
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

    /// Whether a section's headings carry the fields of problems: a status line
    /// ("整改进展：尚未启动") or a labelled deadline or measure ("整改时限：", "整改措施：").
    /// "一、落实主体责任方面" is then a group of problems, not an account of how the work was
    /// organised.
    static func holdsItemFields(_ heading: Outline.Heading, paragraphs: [Paragraph], statusParagraphs: Set<Int>) -> Bool {
        let subtree = (heading.paragraph + 1)..<max(heading.paragraph + 1, heading.subtreeEnd)
        var labelled = 0
        for p in subtree {
            if statusParagraphs.contains(p) { return true }
            let f = paragraphs[p].folded
            let fields = FieldLabels.fields(in: f, paragraph: p, range: 0..<f.count)
            if fields.contains(where: { $0.kind == .deadline || $0.kind == .measures }) { labelled += 1 }
            if labelled >= 2 { return true }
        }
        return false
    }

    static func drafts(
        outline: Outline, paragraphs: [Paragraph], statusParagraphs: Set<Int>, statedProblems: Int?
    ) -> [ItemDraft] {
        let headings = outline.headings
        var excluded = Set<Int>()
        for (index, heading) in headings.enumerated() where heading.depth == 0 && !heading.children.isEmpty {
            let title = firstSentence(paragraphs[heading.paragraph].folded)
            let text = Array(paragraphs[heading.paragraph].folded[..<title])
            let aboutProblems = text.contains(literal: "问题") || text.contains(literal: "反馈")
            if !aboutProblems, nonItemSectionWords.contains(where: { text.contains(literal: $0) }),
                !holdsItemFields(heading, paragraphs: paragraphs, statusParagraphs: statusParagraphs)
            {
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
        let actionStyles = Set(Set(candidates.map { headings[$0].style }).filter { style in
            let members = candidates.filter { headings[$0].style == style }
            let actions = members.filter { isActionHeading(paragraphs[headings[$0].paragraph].folded, marker: headings[$0].marker) }
            return members.count >= 2 && actions.count * 5 >= members.count * 3
        })
        func choose(_ candidates: [Int]) -> [Int] {
            let global = globalChoice(
                outline: outline, candidates: candidates, statuses: statuses, statedProblems: statedProblems,
                actionStyles: actionStyles, paragraphs: paragraphs)
            let structured = structuredItems(outline: outline, candidates: candidates, paragraphs: paragraphs, actionStyles: actionStyles)
            return structured.count * 2 >= global.count && !structured.isEmpty ? structured : global
        }
        var chosen: [Int]
        if let start = outline.appendixStart {
            // A letter (情况说明) listing its problems in 附件1, or a notice repeating its items in
            // an 附件 table: the part whose items fit the stated count, the body when both do.
            let body = choose(candidates.filter { headings[$0].paragraph < start })
            let appendix = choose(candidates.filter { headings[$0].paragraph > start })
            chosen = bodyOrAppendix(body: body, appendix: appendix, stated: statedProblems)
        } else {
            chosen = choose(candidates)
        }
        var drafts: [ItemDraft] = []
        for index in chosen {
            var made = (AuditFindings.find(heading: index, outline: outline, paragraphs: paragraphs)
                ?? ListedProblems.find(heading: index, outline: outline, paragraphs: paragraphs))
                .map { findingDrafts(index, $0, outline: outline, paragraphs: paragraphs) }
                ?? split(index, outline: outline, paragraphs: paragraphs, statuses: statuses(index))
            for k in made.indices { made[k].sections = outline.ancestors(of: index).map { headings[$0].paragraph } }
            drafts += made
        }
        return uniqueIDs(drafts)
    }

    static func hasStatusWord(_ field: Field, _ f: [Unicode.Scalar]) -> Bool {
        StatusVocabulary.leading(f, from: field.value.lowerBound, to: field.value.upperBound) != nil
    }

    /// Verbs a measure starts with ("（1）修订…", "2.开展…"); problems are stated as shortcomings.
    static let actionVerbs = [
        "修订", "制定", "开展", "建立", "组织", "完善", "调整", "设立", "上线", "每月", "每季度", "每年", "对", "与", "印发",
        "召开", "加强", "落实", "推行", "实行", "明确", "成立", "规范", "严格", "健全", "优化", "强化", "深化", "推进", "聘请",
        "配备", "购置", "更新", "启动", "举办", "出台", "签订", "重新", "全面", "逐一", "逐项", "认真", "积极", "督促", "联合",
        "持续", "利用", "通过", "按照", "根据", "坚持", "采取", "实施", "编制", "梳理", "排查", "清理", "补齐", "整改", "约谈",
    ]

    static func isActionHeading(_ f: [Unicode.Scalar], marker: HeadingMarker) -> Bool {
        let start = marker.length
        return actionVerbs.contains { f.hasLiteral($0, at: start) }
    }

    /// The item(s) of one heading.
    static func split(_ index: Int, outline: Outline, paragraphs: [Paragraph], statuses: [Int]) -> [ItemDraft] {
        let heading = outline.headings[index]
        let p = heading.paragraph
        let headingChars = paragraphs[p].folded
        let id = idPath(index, outline: outline)
        let category = outline.ancestors(of: index).map { headingTitle(outline.headings[$0], paragraphs) }
        let titleEnd = heading.style == .tableRow
            ? problemCellEnd(headingChars, columns: outline.tableColumns[p]) ?? firstSentence(headingChars)
            : firstSentence(headingChars)
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

    /// One item per finding of a list that shares one status ("审计发现，A，B，C。上述问题已全部整改到位。"),
    /// each with what answers it.
    static func findingDrafts(_ index: Int, _ findings: AuditFindings, outline: Outline, paragraphs: [Paragraph]) -> [ItemDraft] {
        let heading = outline.headings[index]
        let id = idPath(index, outline: outline)
        let category = outline.ancestors(of: index).map { headingTitle(outline.headings[$0], paragraphs) } + [headingTitle(heading, paragraphs)]
        return findings.items.enumerated().map { k, piece in
            let p = paragraphs[piece.paragraph]
            return ItemDraft(
                id: "\(id)-\(k + 1)", category: category, title: p.text(piece.range), titleLine: p.line(at: piece.range.lowerBound),
                statement: [piece], body: findings.bodies[k], statusParagraph: nil)
        }
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

    /// Where a table row's problem cell ends: the cells after it (measures, dates, progress)
    /// are what the report says was done and is planned, not the problem.
    static func problemCellEnd(_ f: [Unicode.Scalar], columns: [FieldKind?]?) -> Int? {
        guard let columns, let problem = columns.firstIndex(of: .problem) else { return nil }
        var column = 0
        for (i, c) in f.enumerated() where c == "\t" {
            if column == problem { return i }
            column += 1
        }
        return column == problem ? f.count : nil
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
