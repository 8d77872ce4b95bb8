import RectifyCore

/// The totals a report states about itself: "共反馈3方面10个问题，已完成7个，3个取得阶段性成效",
/// "反馈问题 25 个，完成整改 23 个", "已完成整改问题25个，未完成整改任务5个",
/// "制定的25条整改措施，已落实到位20条".
///
/// A paragraph is read clause by clause. Counts of 个 are problems, counts in a clause about
/// 措施 (and later counts of the same unit) are measures; a status word of `StatusVocabulary`
/// in the clause (未完成, 阶段性…, 长期坚持; 已完成, 落实到位) says which total a count is. Counts of
/// 方面 are categories. Clauses about 立行立改, 交办/移交 matters, 信访 or 线索 end the statement.
enum Totals {
    struct Count {
        var value: Int
        var unit: Unicode.Scalar
        var offset: Int
        /// "14个问题": the count names its noun, so a 措施 later in the clause
        /// ("对反馈的14个问题逐项制定整改措施") does not make it a count of measures.
        var namesProblems = false
    }

    static let units: Set<Unicode.Scalar> = ["个", "条", "项", "件"]
    /// Verbs that say a count of problems is what the inspection gave: 反馈了7个具体问题.
    static let feedbackWords = ["反馈", "指出", "发现"]
    static let stopWords = ["立行立改", "交办", "移交", "信访", "线索", "点人点事", "督办件"]

    /// The first paragraph that states a total and a done or open count.
    static func find(in paragraphs: [Paragraph], range: Range<Int>) -> StatedTotals? {
        for index in range {
            if let totals = parse(paragraphs[index]) { return totals }
        }
        return nil
    }

    /// The report's totals, or the sum of its parts' when it reports on several units, a part
    /// each (`parts`: the paragraphs between a top-level heading and its first sub-heading) ("一、县卫生健康局整改进展情况" with "共收到反馈问题6个，已完成整改4个", "二、县医疗保障局…"
    /// with its own): with no totals before the first part and one in each of two or more top-level
    /// parts, every count is added up (the first part's alone left the others' open problems
    /// to be guessed).
    static func find(in paragraphs: [Paragraph], range: Range<Int>, parts: [Range<Int>]) -> StatedTotals? {
        guard let first = range.first(where: { parse(paragraphs[$0]) != nil }) else { return table(in: paragraphs, range: range) }
        let head = parse(paragraphs[first])!
        if head.done == nil, head.open == nil, head.measuresDone == nil {
            // "反馈了7个问题" alone: the split, if the report gives one, comes later or in a table.
            let split = ((first + 1)..<range.upperBound).lazy.compactMap { parse(paragraphs[$0]) }
                .first { $0.done != nil || $0.open != nil }
            return split ?? table(in: paragraphs, range: range) ?? head
        }
        guard parts.count >= 2, parts.contains(where: { $0.contains(first) }) else { return head }
        var each: [StatedTotals] = []
        for part in parts {
            let within = part.clamped(to: range)
            guard let p = within.first(where: { parse(paragraphs[$0]) != nil }) else { continue }
            each.append(parse(paragraphs[p])!)
        }
        guard each.count >= 2, each.allSatisfy({ $0.problems != nil }) else { return head }
        func sum(_ key: KeyPath<StatedTotals, Int?>) -> Int? {
            each.allSatisfy { $0[keyPath: key] != nil } ? each.reduce(0) { $0 + $1[keyPath: key]! } : nil
        }
        var total = StatedTotals()
        total.problems = sum(\.problems)
        total.done = sum(\.done)
        total.open = sum(\.open)
        total.measures = sum(\.measures)
        total.measuresDone = sum(\.measuresDone)
        total.text = each.compactMap(\.text).joined(separator: " ")
        total.line = head.line
        return total
    }

    /// Totals given as a table instead of a sentence: a header naming the number of problems
    /// (问题数, 问题个数, 反馈问题数) and how many are done (已完成, 完成数, 已整改) or open (未完成,
    /// 正在整改, 整改中), one row per category and a 合计 row (else the rows are added up).
    static func table(in paragraphs: [Paragraph], range: Range<Int>) -> StatedTotals? {
        func cells(_ p: Paragraph) -> [String] {
            p.folded.split(separator: "\t", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        }
        func number(_ text: String) -> Int? {
            let digits = text.filter(\.isNumber)
            return digits.isEmpty || digits.count > 4 || digits.count != text.filter({ !"个项条".contains($0) }).count ? nil : Int(digits)
        }
        for index in range {
            let header = cells(paragraphs[index])
            guard header.count >= 3,
                let problems = header.firstIndex(where: { ["问题数", "问题个数", "反馈问题数", "问题总数", "反馈问题"].contains($0) })
            else { continue }
            let done = header.firstIndex { ["已完成", "完成数", "已整改", "已完成整改", "已整改到位", "完成整改"].contains($0) }
            let open = header.firstIndex { ["未完成", "正在整改", "整改中", "未完成整改", "正在推进"].contains($0) }
            guard done != nil || open != nil else { continue }
            var rows: [(label: String, problems: Int, done: Int?, open: Int?, line: Int)] = []
            var r = index + 1
            while r < range.upperBound {
                let row = cells(paragraphs[r])
                guard row.count >= 3, problems < row.count, let n = number(row[problems]) else { break }
                let label = row.first { !$0.isEmpty && number($0) == nil } ?? ""
                rows.append((label, n, done.flatMap { $0 < row.count ? number(row[$0]) : nil },
                             open.flatMap { $0 < row.count ? number(row[$0]) : nil }, paragraphs[r].firstLine))
                r += 1
            }
            guard !rows.isEmpty else { continue }
            var totals = StatedTotals()
            let sum = rows.last { $0.label.hasPrefix("合计") || $0.label.hasPrefix("总计") }
            totals.problems = sum?.problems ?? rows.reduce(0) { $0 + $1.problems }
            totals.done = sum.map { $0.done } ?? (rows.allSatisfy { $0.done != nil } ? rows.reduce(0) { $0 + $1.done! } : nil)
            totals.open = sum.map { $0.open } ?? (rows.allSatisfy { $0.open != nil } ? rows.reduce(0) { $0 + $1.open! } : nil)
            totals.line = sum?.line ?? paragraphs[index].firstLine
            // The table in words: "合计：问题数 9，已完成 6，未完成 3".
            var words = ["\(header[problems]) \(totals.problems!)"]
            if let d = done, let v = totals.done { words.append("\(header[d]) \(v)") }
            if let o = open, let v = totals.open { words.append("\(header[o]) \(v)") }
            totals.text = (sum == nil ? "" : "合计：") + words.joined(separator: "，")
            guard totals.done != nil || totals.open != nil else { continue }
            return totals
        }
        return nil
    }

    static func parse(_ paragraph: Paragraph) -> StatedTotals? {
        let f = paragraph.folded
        guard f.contains(where: Chars.isDigit) else { return nil }
        var totals = StatedTotals()
        var problemCandidates: [Int] = []
        var measureUnit: Unicode.Scalar?
        // "问题3个方面8条，…已完成整改4条": later counts of the unit the problems were counted in.
        var problemUnit: Unicode.Scalar?
        var firstOffset: Int?
        var lastEnd = 0
        var clauseStart = 0
        var found = false
        // "共反馈了4个方面的7个具体问题": the number of problems fed back, said alone.
        var namedFeedback = false
        while clauseStart < f.count {
            let end = f.clauseEnd(after: clauseStart)
            let clause = Array(f[clauseStart..<end])
            defer { clauseStart = end + 1 }
            let counts = self.counts(in: clause, base: clauseStart)
            if stopWords.contains(where: { clause.contains(literal: $0) }) {
                if found { break } else { continue }
            }
            // "除1个问题需长期坚持外，其余均已整改完成": the rest, said without a count, ends the statement.
            if counts.isEmpty, found, ["其余", "其他", "其它"].contains(where: { clause.hasLiteral($0, at: 0) }),
                StatusVocabulary.clauseKind(clause) != nil
            {
                lastEnd = end
            }
            guard !counts.isEmpty else { continue }
            let kind = StatusVocabulary.clauseKind(withoutInclusions(clause))
            let isOpen = kind?.isOpen ?? false
            let isDone = kind == .done
            let aboutMeasures = clause.contains(literal: "措施")
            for (k, count) in counts.enumerated() {
                var used = true
                if !count.namesProblems, aboutMeasures || (measureUnit != nil && count.unit == measureUnit && count.unit != "个") {
                    if isDone, k + 1 < counts.count, counts[k + 1].unit == count.unit {
                        // "64条整改措施已完成61条": the measures, then how many of them are done.
                        if totals.measures == nil {
                            totals.measures = count.value
                            measureUnit = count.unit
                        }
                    } else if totals.measures == nil, aboutMeasures, !isDone {
                        totals.measures = count.value
                        measureUnit = count.unit
                    } else if totals.measures != nil, isDone, totals.measuresDone == nil {
                        totals.measuresDone = count.value
                    } else if totals.measures == nil, aboutMeasures {
                        totals.measures = count.value
                        measureUnit = count.unit
                    } else {
                        used = false
                    }
                } else if count.unit == "个" || count.unit == problemUnit || clause.contains(literal: "问题") {
                    if isOpen {
                        // "阶段性完成2个，正在推进1个，长期坚持1个": open counts add up.
                        totals.open = (totals.open ?? 0) + count.value
                    } else if count.namesProblems, k + 1 < counts.count, counts[k + 1].unit == count.unit {
                        // "反馈的15个问题已整改完成12个": the problems, then how many of them.
                        problemCandidates.append(count.value)
                    } else if isDone, totals.done == nil {
                        totals.done = count.value
                    } else if !isOpen, !isDone, clause.contains(literal: "问题") {
                        problemCandidates.append(count.value)
                        problemUnit = problemUnit ?? count.unit
                        if count.namesProblems, feedbackWords.contains(where: { clause.contains(literal: $0) }) { namedFeedback = true }
                    } else {
                        used = false
                    }
                } else {
                    used = false
                }
                if used {
                    firstOffset = firstOffset ?? count.offset
                    lastEnd = end
                    found = true
                }
            }
        }
        if !problemCandidates.isEmpty {
            if let done = totals.done, let open = totals.open, problemCandidates.contains(done + open) {
                totals.problems = done + open
            } else {
                totals.problems = problemCandidates.max()
            }
        }
        let hasTotal = totals.problems != nil || totals.measures != nil
        let hasSplit = totals.done != nil || totals.open != nil || totals.measuresDone != nil
        guard hasTotal, hasSplit || namedFeedback && totals.problems != nil, let firstOffset else { return nil }
        if totals.open == nil, let problems = totals.problems, let done = totals.done, done <= problems {
            totals.open = problems - done
        }
        if totals.done == nil, let problems = totals.problems, let open = totals.open, open <= problems {
            totals.done = problems - open
        }
        let start = (f[..<firstOffset].lastIndex(where: Chars.isSentenceEnd) ?? -1) + 1
        totals.text = paragraph.text(start..<min(f.count, lastEnd + 1))
        totals.line = paragraph.line(at: firstOffset)
        return totals
    }

    /// The clause without what a bracket says it includes: "已完成（含基本完成）整改6个" is done,
    /// its 基本完成 only widening what counts as done.
    static func withoutInclusions(_ clause: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < clause.count {
            if clause[i] == "(", clause.hasLiteral("含", at: i + 1) || clause.hasLiteral("包括", at: i + 1),
                let close = clause[i...].firstIndex(of: ")")
            {
                i = close + 1
                continue
            }
            out.append(clause[i])
            i += 1
        }
        return out
    }

    /// "25个", "25 项", "10个问题" — but not "3方面", "3个方面", "92%".
    static func counts(in clause: [Unicode.Scalar], base: Int) -> [Count] {
        var result: [Count] = []
        clause.forEachNumber(in: 0..<clause.count, maxDigits: 5) { run, value in
            guard run.upperBound < clause.count else { return }
            var u = run.upperBound
            if clause[u] == "余" || clause[u] == "多" { u += 1 }
            guard u < clause.count, units.contains(clause[u]) else { return }
            if clause.hasLiteral("方面", at: u + 1) || clause.hasLiteral("方面", at: u) { return }
            result.append(
                Count(
                    value: value, unit: clause[u], offset: base + run.lowerBound,
                    namesProblems: clause.hasLiteral("问题", at: u + 1) || clause.hasLiteral("具体问题", at: u + 1)))
        }
        return result
    }
}
