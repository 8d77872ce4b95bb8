/// Which headings are the items: by numbering alone (one level), by labelled structure, and
/// the body or an appendix. Part of `ItemOutline`.
extension ItemOutline {
    static func bodyOrAppendix(body: [Int], appendix: [Int], stated: Int?) -> [Int] {
        if body.isEmpty || appendix.isEmpty { return body.isEmpty ? appendix : body }
        if let stated, stated > 0 { return abs(appendix.count - stated) < abs(body.count - stated) ? appendix : body }
        return body.count * 2 < appendix.count ? appendix : body
    }

    /// Items by numbering alone: one level, among the levels whose headings are mostly leaves
    /// (or whose sub-headings are measures, "（1）修订…"), the one nearest the stated number of
    /// problems, else the most numerous, or the problems above a level of measures.
    static func globalChoice(
        outline: Outline, candidates: [Int], statuses: (Int) -> [Int], statedProblems: Int?,
        actionStyles: Set<HeadingStyle>, paragraphs: [Paragraph]
    ) -> [Int] {
        let headings = outline.headings
        var parents: [HeadingStyle: (withChildren: Int, all: Int)] = [:]
        for index in candidates {
            let entry = parents[headings[index].style] ?? (0, 0)
            let grouping = headings[index].children.contains { !actionStyles.contains(headings[$0].style) }
            parents[headings[index].style] = (entry.withChildren + (grouping ? 1 : 0), entry.all + 1)
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
        var chosen: HeadingStyle?
        if let stated = statedProblems, stated > 0 {
            chosen = styles.min { a, b in
                let da = abs(counts[a]!.count - stated), db = abs(counts[b]!.count - stated)
                return da != db ? da < db : meanDepth(a) > meanDepth(b)
            }
        } else {
            chosen = styles.max { a, b in
                counts[a]!.count != counts[b]!.count ? counts[a]!.count < counts[b]!.count : meanDepth(a) < meanDepth(b)
            }
            // Measures ("（1）修订…") under problems ("1.…不到位。"): the problems are the items.
            if let c = chosen, actionStyles.contains(c) {
                let parentStyles = Set(candidates.filter { headings[$0].style == c }.compactMap { headings[$0].parent }.map { headings[$0].style })
                if parentStyles.count == 1, let p = parentStyles.first, counts[p] != nil, !actionStyles.contains(p) { chosen = p }
            }
        }
        // The report's count is that of a level grouping leaves ("（一）…不充分。" over
        // "1.院党委修订了…" steps): those problems are the items, not their steps.
        if let stated = statedProblems, stated > 0, let c = chosen, counts[c]!.count != stated,
            let grouping = problemsOverSteps(candidates: candidates, headings: headings, stated: stated, paragraphs: paragraphs)
        {
            return grouping
        }
        guard let chosen else { return [] }
        return candidates.filter { headings[$0].style == chosen }
    }

    /// Items by labelled structure: labelled problems and table rows, and the deepest headings
    /// whose own text holds a problem field, a status or deadline field (a deadline label also
    /// after others on one line), or a list of findings
    /// sharing one status. Measures under such a heading are part of it.
    static func structuredItems(outline: Outline, candidates: [Int], paragraphs: [Paragraph], actionStyles: Set<HeadingStyle>) -> [Int] {
        let headings = outline.headings
        let candidateSet = Set(candidates)
        var marked = Set<Int>()
        for index in candidates {
            let h = headings[index]
            if h.style == .labelled || h.style == .tableRow {
                marked.insert(index)
                continue
            }
            let own = paragraphs[h.paragraph].folded
            let ownFields = FieldLabels.fields(in: own, paragraph: h.paragraph, range: 0..<own.count, markerEnd: h.marker.length)
            // A progress label starting a sentence of the heading's own paragraph ("(4)…不及时。整改
            // 情况：一是…") opens the problem's field as a line of its own would, whatever its value.
            var isStructured = ownFields.contains {
                $0.kind == .problem || $0.kind == .deadline
                    || $0.kind == .status && (hasStatusWord($0, own) || $0.labelStart > 0 && Chars.isSentenceEnd(own[$0.labelStart - 1]))
            }
            if !isStructured {
                for q in (h.paragraph + 1)..<max(h.paragraph + 1, h.bodyEnd) {
                    let f = paragraphs[q].folded
                    // A labelled deadline anywhere in the line: "责任领导：…  完成时限：…" on one line;
                    // a progress field at the start of a line, whatever its value ("整改进展：采购
                    // 目录正在建立" is a problem's field as much as "整改进展：已完成整改").
                    if StatusLine.parse(f) != nil
                        || FieldLabels.fields(in: f, paragraph: q, range: 0..<f.count).contains(where: {
                            $0.kind == .deadline || $0.kind == .status && $0.labelStart == 0
                        })
                    {
                        isStructured = true
                        break
                    }
                }
            }
            if !isStructured, AuditFindings.find(heading: index, outline: outline, paragraphs: paragraphs) != nil { isStructured = true }
            guard isStructured else { continue }
            // A status closing a list of measures belongs to the problem above them, also past
            // points within a measure ("（2）开展业务督导：" over "①每月抽查…").
            var target = index
            var climb = index
            while actionStyles.contains(headings[climb].style), let parent = headings[climb].parent, candidateSet.contains(parent) {
                climb = parent
                if !actionStyles.contains(headings[parent].style) {
                    target = parent
                    break
                }
            }
            marked.insert(target)
        }
        func hasMarkedAncestor(_ index: Int, terminalOnly: Bool) -> Bool {
            var current = headings[index].parent
            while let c = current {
                if marked.contains(c), !terminalOnly || headings[c].style == .labelled || headings[c].style == .tableRow { return true }
                current = headings[c].parent
            }
            return false
        }
        // Inside a labelled problem nothing else is an item; elsewhere the deepest marked heading is.
        let inside = Set(marked.filter { hasMarkedAncestor($0, terminalOnly: true) })
        let kept = marked.subtracting(inside)
        let items = kept.filter { index in
            let isTerminal = headings[index].style == .labelled || headings[index].style == .tableRow
            if isTerminal { return true }
            // Drop a heading when a marked heading lies below it.
            return !kept.contains { other in other != index && isDescendant(other, of: index, outline) }
        }.sorted()
        return (items + siblingsBetween(items, outline: outline, candidates: candidateSet)).sorted()
    }

    /// A numbered heading between two items of its own style and parent ("(1)…" with fields,
    /// "(2)…" in one sentence, "(3)…" with fields) is a problem as they are, though it carries
    /// no field: a leaf, not a measure.
    static func siblingsBetween(_ items: [Int], outline: Outline, candidates: Set<Int>) -> [Int] {
        let headings = outline.headings
        var extra: [Int] = []
        for (a, b) in zip(items, items.dropFirst()) where b > a + 1 {
            let h = headings[a]
            guard h.style == headings[b].style, h.parent == headings[b].parent, h.style != .labelled, h.style != .tableRow else { continue }
            for k in (a + 1)..<b where candidates.contains(k) && headings[k].style == h.style && headings[k].parent == h.parent
                && headings[k].children.isEmpty
            {
                extra.append(k)
            }
        }
        return extra
    }

    static func isDescendant(_ index: Int, of ancestor: Int, _ outline: Outline) -> Bool {
        var current = outline.headings[index].parent
        while let c = current {
            if c == ancestor { return true }
            current = outline.headings[c].parent
        }
        return false
    }
}
